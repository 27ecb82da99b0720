import { Button, Form, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useJurisdictions } from '../../api/jurisdictions.js';
import { useDeleteProgramme, useProgrammes } from '../../api/programmes.js';
import { useCurrentUser } from '../../api/session.js';
import { PROGRAMME_STATES, type Programme, type ProgrammeState } from '../../api/types.js';
import { DeleteButton } from '../../shared/delete-button.js';
import { PageHeader } from '../../shared/page-header.js';
import { canCreateProgramme, canWriteProgramme } from '../../shared/policy.js';
import { LoadError } from '../../shared/query-state.js';
import { ImportLink } from '../import/import-link.js';
import { CreateProgrammeModal } from './programme-form-modal.js';
import { ProgrammeStateTag } from './programme-state-tag.js';

interface Filters {
  year?: number;
  state?: ProgrammeState;
}

export function ProgrammeListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const programmes = useProgrammes();
  const jurisdictions = useJurisdictions(canCreateProgramme(user));
  const remove = useDeleteProgramme();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);

  const years = useMemo(
    () => [...new Set((programmes.data ?? []).map((p) => p.year))].sort((a, b) => b - a),
    [programmes.data],
  );
  const rows = (programmes.data ?? []).filter(
    (p) => (filters.year === undefined || p.year === filters.year) && (!filters.state || p.state === filters.state),
  );
  const canWrite = (p: Programme) => canWriteProgramme(user, p.jurisdictionId, jurisdictions.data);

  return (
    <>
      <PageHeader
        title={t('programmes.title')}
        actions={
          canCreateProgramme(user) && (
            <>
              <ImportLink />
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('programmes.create')}
              </Button>
            </>
          )
        }
      />

      <Form<Filters>
        name="programme-filters"
        layout="inline"
        aria-label={t('programmes.filters')}
        onValuesChange={(_, all) => setFilters(all)}
        style={{ marginBottom: 16 }}
      >
        <Form.Item label={t('programmes.filterYear')} name="year">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={years.map((year) => ({ value: year, label: String(year) }))}
          />
        </Form.Item>
        <Form.Item label={t('programmes.filterState')} name="state">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 140 }}
            options={PROGRAMME_STATES.map((state) => ({ value: state, label: t(`states.${state}`) }))}
          />
        </Form.Item>
      </Form>

      {programmes.isError && <LoadError error={programmes.error} />}
      <Table<Programme>
        rowKey="id"
        loading={programmes.isPending}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('programmes.empty') }}
        columns={[
          {
            title: t('programmes.fields.title'),
            dataIndex: 'title',
            render: (_, p) => <Link to={`/programmes/${p.id}`}>{p.title}</Link>,
          },
          { title: t('programmes.fields.jurisdiction'), dataIndex: 'jurisdictionName' },
          { title: t('programmes.fields.year'), dataIndex: 'year', sorter: (a, b) => a.year - b.year },
          {
            title: t('programmes.fields.state'),
            dataIndex: 'state',
            render: (_, p) => <ProgrammeStateTag state={p.state} />,
          },
          {
            title: t('programmes.fields.parent'),
            dataIndex: 'parentTitle',
            render: (_, p) =>
              p.parentId !== null ? <Link to={`/programmes/${p.parentId}`}>{p.parentTitle}</Link> : t('common.none'),
          },
          { title: t('programmes.fields.itemCount'), dataIndex: 'itemCount', align: 'right' },
          ...(canCreateProgramme(user)
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, p: Programme) =>
                    canWrite(p) ? <DeleteButton name={p.title} onConfirm={() => remove.mutateAsync(p.id)} /> : null,
                },
              ]
            : []),
        ]}
      />

      {creating && (
        <CreateProgrammeModal onClose={() => setCreating(false)} onCreated={(p) => navigate(`/programmes/${p.id}`)} />
      )}
    </>
  );
}
