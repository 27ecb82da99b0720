import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client.js';
import { itemKeys } from '../../../api/items.js';
import { type Notice, useNotices } from '../../../api/notices.js';
import type { Id, ItemDetail } from '../../../api/types.js';
import { SectionTitle } from '../../../shared/page-title.js';
import { LoadError } from '../../../shared/query-state.js';
import { IssueNoticeModal } from '../notices/issue-notice-modal.js';
import { NoticeStateTag } from '../notices/notice-state-tag.js';

/** The item's notices, and for the office the button that issues one. */
export function ItemNoticesSection({ item, canSupervise }: { item: ItemDetail; canSupervise: boolean }) {
  const { t } = useTranslation();
  const notices = useNotices(item.programmeId, { itemId: item.id });
  // A part without units of its own is carried out by its parent item's units.
  const parent = useParentItem(item.units.length === 0 ? item.parentItemId : null);
  const units = item.units.length > 0 ? item.units : (parent.data?.units ?? []);
  const [issuing, setIssuing] = useState(false);
  const name = [item.number, item.name].filter(Boolean).join(' ');

  return (
    <section aria-labelledby="item-notices-title">
      <SectionTitle>
        <span id="item-notices-title">{t('supervision.notices.itemSection')}</span>
      </SectionTitle>
      {canSupervise && (
        <Button style={{ marginBottom: 12 }} onClick={() => setIssuing(true)} disabled={units.length === 0}>
          {t('supervision.notices.issue')}
        </Button>
      )}
      {notices.isError ? (
        <LoadError error={notices.error} />
      ) : (
        <Table<Notice>
          size="small"
          rowKey="id"
          loading={notices.isPending}
          dataSource={notices.data?.items ?? []}
          pagination={false}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.notices.itemEmpty')} />,
          }}
          columns={[
            {
              title: t('supervision.notices.number'),
              key: 'number',
              render: (_, n) => <Link to={`/notices/${n.id}`}>{n.number}</Link>,
            },
            { title: t('supervision.notices.unit'), dataIndex: 'unitName' },
            { title: t('supervision.notices.reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('supervision.notices.replyDue'), dataIndex: 'replyDue' },
            { title: t('supervision.notices.state'), key: 'state', render: (_, n) => <NoticeStateTag notice={n} /> },
          ]}
        />
      )}
      {issuing && <IssueNoticeModal itemId={item.id} itemName={name} units={units} onClose={() => setIssuing(false)} />}
    </section>
  );
}

function useParentItem(id: Id | null) {
  return useQuery({
    queryKey: itemKeys.one(id ?? 0),
    queryFn: () => api.get<ItemDetail>(`/items/${id}`),
    enabled: id !== null,
  });
}
