import { Checkbox, Empty, Form, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { NOTICE_STATES, type Notice, type NoticeState, useNotices } from '../../../api/notices.js';
import { useProgrammes } from '../../../api/programmes.js';
import type { Id } from '../../../api/types.js';
import { PageHeader } from '../../../shared/page-header.js';
import { LoadError, Loading } from '../../../shared/query-state.js';
import { chooseProgramme, idParam } from '../shared/programme-choice.js';
import { NoticeStateTag } from './notice-state-tag.js';

const isState = (value: string | null): value is NoticeState =>
  (NOTICE_STATES as readonly (string | null)[]).includes(value);

/** 督办单 of a programme: by state, and only the overdue ones if asked. */
export function NoticesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const programmeId = chooseProgramme(programmes.data ?? [], idParam(params.get('programme')));
  const stateParam = params.get('state');
  const state = isState(stateParam) ? stateParam : undefined;
  const onlyOverdue = params.get('overdue') === '1';
  const notices = useNotices(programmeId, state ? { state } : {});

  function change(next: { programme?: Id; state?: NoticeState | ''; overdue?: boolean }): void {
    const merged = {
      programme: next.programme ?? programmeId,
      state: next.state === undefined ? state : next.state || undefined,
      overdue: next.overdue ?? onlyOverdue,
    };
    const out: Record<string, string> = {};
    if (merged.programme !== undefined) out.programme = String(merged.programme);
    if (merged.state) out.state = merged.state;
    if (merged.overdue) out.overdue = '1';
    setParams(out, { replace: true });
  }

  if (programmes.isPending) return <Loading />;
  if (programmes.isError) return <LoadError error={programmes.error} />;
  const rows = (notices.data?.items ?? []).filter((n) => !onlyOverdue || n.overdue);

  return (
    <>
      <PageHeader title={t('supervision.notices.title')} />
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('supervision.picker.programme')} htmlFor="notices-programme">
          <Select
            id="notices-programme"
            style={{ minWidth: 280 }}
            value={programmeId}
            placeholder={t('supervision.picker.choose')}
            options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            onChange={(programme: Id) => change({ programme })}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('supervision.notices.state')} htmlFor="notices-state">
          <Select
            id="notices-state"
            style={{ minWidth: 140 }}
            value={state ?? ''}
            options={[
              { value: '', label: t('supervision.picker.all') },
              ...NOTICE_STATES.map((s) => ({ value: s, label: t(`supervision.notices.states.${s}`) })),
            ]}
            onChange={(value: NoticeState | '') => change({ state: value })}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={onlyOverdue} onChange={(event) => change({ overdue: event.target.checked })}>
            {t('supervision.notices.onlyOverdue')}
          </Checkbox>
        </Form.Item>
      </Form>
      {programmeId === undefined ? (
        <Empty description={t('supervision.picker.none')} />
      ) : notices.isError ? (
        <LoadError error={notices.error} />
      ) : (
        <Table<Notice>
          rowKey="id"
          size="middle"
          loading={notices.isPending}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('supervision.notices.empty') }}
          columns={[
            {
              title: t('supervision.notices.number'),
              key: 'number',
              render: (_, n) => <Link to={`/notices/${n.id}`}>{n.number}</Link>,
            },
            {
              title: t('supervision.notices.item'),
              key: 'item',
              render: (_, n) => <Link to={`/items/${n.itemId}`}>{[n.itemNumber, n.itemName].join(' ')}</Link>,
            },
            { title: t('supervision.notices.unit'), dataIndex: 'unitName' },
            { title: t('supervision.notices.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('supervision.notices.replyDue'), dataIndex: 'replyDue', width: 120 },
            { title: t('supervision.notices.state'), key: 'state', render: (_, n) => <NoticeStateTag notice={n} /> },
          ]}
        />
      )}
    </>
  );
}
