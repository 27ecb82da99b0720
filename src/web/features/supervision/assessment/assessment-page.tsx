import { Button, Empty, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { assessmentExportUrl, type UnitAssessment, useAssessment } from '../../../api/assessment.js';
import { useProgramme } from '../../../api/programmes.js';
import { shanghaiToday } from '../../../api/status.js';
import { PageHeader } from '../../../shared/page-header.js';
import { LoadError, Loading } from '../../../shared/query-state.js';
import { useCanSupervise } from '../shared/use-can-supervise.js';
import { AdjustmentModal } from './adjustment-modal.js';
import { UnitDetail } from './unit-detail.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const points = (n: number): string => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n);

/** 考核: the ranking of units, each expandable rule by rule with the office's adjustments. */
export function AssessmentPage() {
  const programmeId = Number(useParams().id);
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const dateParam = params.get('date');
  const date = dateParam && ISO_DATE.test(dateParam) ? dateParam : shanghaiToday();
  const programme = useProgramme(programmeId);
  const assessment = useAssessment(programmeId, date);
  const office = useCanSupervise(programme.data?.jurisdictionId);
  const [adjusting, setAdjusting] = useState<UnitAssessment | null>(null);

  if (assessment.isPending) return <Loading />;
  if (assessment.isError) return <LoadError error={assessment.error} />;
  const data = assessment.data;
  const ruleColumns = (data.units[0]?.rules ?? []).map((rule, index) => ({
    title: `${rule.label}（${points(rule.weight)}）`,
    key: rule.rule,
    align: 'right' as const,
    render: (_: unknown, unit: UnitAssessment) => points(unit.rules[index]?.points ?? 0),
  }));

  return (
    <>
      <Link to={`/programmes/${programmeId}`}>{programme.data?.title ?? t('supervision.assessment.back')}</Link>
      <PageHeader
        title={`${data.title} ${t('supervision.assessment.title')}`}
        actions={
          <a href={assessmentExportUrl(programmeId, date)} download>
            {t('supervision.assessment.export')}
          </a>
        }
      />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('supervision.picker.asOf')} htmlFor="assessment-date">
          <Input
            id="assessment-date"
            type="date"
            value={date}
            onChange={(event) => event.target.value && setParams({ date: event.target.value }, { replace: true })}
          />
        </Form.Item>
      </Form>
      {data.units.length === 0 ? (
        <Empty description={t('supervision.assessment.empty')} />
      ) : (
        <Table<UnitAssessment>
          rowKey="unitId"
          size="middle"
          pagination={false}
          dataSource={data.units}
          scroll={{ x: true }}
          expandable={{
            expandedRowRender: (unit) => <UnitDetail unit={unit} office={office} onAdjust={() => setAdjusting(unit)} />,
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button
                size="small"
                type="text"
                aria-expanded={expanded}
                aria-label={t('supervision.assessment.expand', { name: record.unitName })}
                onClick={(event) => onExpand(record, event)}
              >
                {expanded ? '−' : '+'}
              </Button>
            ),
          }}
          columns={[
            { title: t('supervision.assessment.rank'), dataIndex: 'rank', width: 70, align: 'right' },
            { title: t('supervision.assessment.unit'), dataIndex: 'unitName' },
            ...ruleColumns,
            {
              title: t('supervision.assessment.adjustment'),
              key: 'adjustment',
              align: 'right',
              render: (_, unit) => {
                const sum = unit.adjustments.reduce((s, a) => s + a.points, 0);
                return sum === 0 ? '0' : `${sum > 0 ? '+' : ''}${points(sum)}`;
              },
            },
            {
              title: t('supervision.assessment.total'),
              key: 'total',
              align: 'right',
              render: (_, unit) => <Typography.Text strong>{points(unit.total)}</Typography.Text>,
            },
          ]}
        />
      )}
      {adjusting && <AdjustmentModal programmeId={programmeId} unit={adjusting} onClose={() => setAdjusting(null)} />}
    </>
  );
}
