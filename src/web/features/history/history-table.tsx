import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../api/types.js';
import { formatDateTime } from '../../shared/format.js';
import { LoadError } from '../../shared/query-state.js';
import { actionLabel, entityLabel, entityName, HistoryChanges } from './history-entry.js';

/** A list of audit entries: when, who, what, and the fields that changed. */
export function HistoryTable({
  entries,
  loading,
  error,
}: {
  entries: HistoryEntry[] | undefined;
  loading: boolean;
  error?: unknown;
}) {
  const { t, i18n } = useTranslation();
  if (error) return <LoadError error={error} />;
  return (
    <Table<HistoryEntry>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={entries ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('history.empty') }}
      columns={[
        {
          title: t('history.at'),
          dataIndex: 'at',
          width: 180,
          render: (_, entry) => <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>,
        },
        { title: t('history.actor'), dataIndex: 'actorName', width: 120 },
        {
          title: t('history.action'),
          dataIndex: 'action',
          width: 200,
          render: (_, entry) => {
            const name = entityName(entry);
            return (
              <>
                {actionLabel(t, entry.action)} · {entityLabel(t, entry.entityType)}
                {name && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{name}</div>}
              </>
            );
          },
        },
        {
          title: t('history.changes'),
          key: 'changes',
          render: (_, entry) => <HistoryChanges entry={entry} />,
        },
      ]}
    />
  );
}
