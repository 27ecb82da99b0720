import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Id, Programme } from '../../../api/types.js';
import type { Option } from './aggregate.js';

export interface DashboardQuery {
  programmeId: Id | undefined;
  date: string;
  categoryId: Id | undefined;
  unitId: Id | undefined;
  leaderId: Id | undefined;
}

/** Programme, as-of date, category, unit and leader: each a labelled control. */
export function DashboardFilters({
  query,
  programmes,
  options,
  onChange,
}: {
  query: DashboardQuery;
  programmes: Programme[];
  options: { categories: Option[]; units: Option[]; leaders: Option[] };
  onChange: (change: Partial<DashboardQuery>) => void;
}) {
  const { t } = useTranslation();
  const any = (options: Option[]) => [{ value: 0, label: t('supervision.picker.all') }, ...options];
  const fromSelect = (value: number): Id | undefined => (value === 0 ? undefined : value);
  return (
    <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} aria-label={t('programmes.filters')}>
      <Form.Item label={t('supervision.picker.programme')} htmlFor="dashboard-programme">
        <Select
          id="dashboard-programme"
          style={{ minWidth: 280 }}
          value={query.programmeId}
          placeholder={t('supervision.picker.choose')}
          options={programmes.map((p) => ({ value: p.id, label: p.title }))}
          onChange={(programmeId: Id) =>
            onChange({ programmeId, categoryId: undefined, unitId: undefined, leaderId: undefined })
          }
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label={t('supervision.picker.asOf')} htmlFor="dashboard-date">
        <Input
          id="dashboard-date"
          type="date"
          value={query.date}
          onChange={(event) => event.target.value && onChange({ date: event.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('supervision.picker.category')} htmlFor="dashboard-category">
        <Select
          id="dashboard-category"
          style={{ minWidth: 160 }}
          value={query.categoryId ?? 0}
          options={any(options.categories)}
          onChange={(value: number) => onChange({ categoryId: fromSelect(value) })}
        />
      </Form.Item>
      <Form.Item label={t('supervision.picker.unit')} htmlFor="dashboard-unit">
        <Select
          id="dashboard-unit"
          style={{ minWidth: 160 }}
          value={query.unitId ?? 0}
          options={any(options.units)}
          onChange={(value: number) => onChange({ unitId: fromSelect(value) })}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label={t('supervision.picker.leader')} htmlFor="dashboard-leader">
        <Select
          id="dashboard-leader"
          style={{ minWidth: 120 }}
          value={query.leaderId ?? 0}
          options={any(options.leaders)}
          onChange={(value: number) => onChange({ leaderId: fromSelect(value) })}
        />
      </Form.Item>
    </Form>
  );
}
