import { Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notice } from '../../../api/notices.js';
import { periodLabel } from '../../../shared/format.js';
import { SectionTitle } from '../../../shared/page-title.js';
import { NoticeStateTag } from '../notices/notice-state-tag.js';
import { StatusReasons, StatusTag } from '../shared/status.js';
import type { DashboardRow } from './aggregate.js';
import type { DueReport } from './due-reports.js';

const itemLabel = (row: { fullNumber: string; name: string }) => [row.fullNumber, row.name].filter(Boolean).join(' ');

function ItemLink({ row }: { row: { id: number; fullNumber: string; name: string } }) {
  return <Link to={`/items/${row.id}`}>{itemLabel(row)}</Link>;
}

/** At risk, lagging and overdue items with their reasons in words. */
export function LaggingList({ rows }: { rows: DashboardRow[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dashboard-lagging">
      <SectionTitle>
        <span id="dashboard-lagging">{t('supervision.dashboard.lagging')}</span>
      </SectionTitle>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.dashboard.laggingEmpty')} />
      ) : (
        <Table<DashboardRow>
          size="small"
          rowKey="id"
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: t('supervision.dashboard.item'), key: 'item', render: (_, row) => <ItemLink row={row} /> },
            {
              title: t('supervision.status.label'),
              key: 'status',
              width: 110,
              render: (_, row) => <StatusTag status={row.status} />,
            },
            {
              title: t('supervision.status.reasons'),
              key: 'reasons',
              render: (_, row) => <StatusReasons reasons={row.reasons} />,
            },
            { title: t('supervision.dashboard.leadUnit'), key: 'unit', render: (_, row) => row.meta?.leadUnitName },
          ]}
        />
      )}
    </section>
  );
}

/** Every item and part with its status: what the charts count, one row each. */
export function AllItemsTable({ rows }: { rows: DashboardRow[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dashboard-all">
      <SectionTitle>
        <span id="dashboard-all">{t('supervision.dashboard.allItems')}</span>
      </SectionTitle>
      <Table<DashboardRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('supervision.dashboard.noData') }}
        columns={[
          { title: t('supervision.dashboard.item'), key: 'item', render: (_, row) => <ItemLink row={row} /> },
          { title: t('supervision.dashboard.category'), key: 'category', render: (_, row) => row.meta?.categoryTitle },
          { title: t('supervision.dashboard.leadUnit'), key: 'unit', render: (_, row) => row.meta?.leadUnitName },
          {
            title: t('supervision.dashboard.leaders'),
            key: 'leaders',
            render: (_, row) => row.meta?.leaderNames.join('、'),
          },
          {
            title: t('supervision.status.label'),
            key: 'status',
            width: 110,
            render: (_, row) => <StatusTag status={row.status} />,
          },
        ]}
      />
    </section>
  );
}

export function DueReportsTable({ rows }: { rows: DueReport[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dashboard-due">
      <SectionTitle>
        <span id="dashboard-due">{t('supervision.dashboard.dueReports')}</span>
      </SectionTitle>
      <Typography.Paragraph type="secondary">{t('supervision.dashboard.dueReportsNote')}</Typography.Paragraph>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.dashboard.dueEmpty')} />
      ) : (
        <Table<DueReport>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          columns={[
            {
              title: t('supervision.dashboard.item'),
              key: 'item',
              render: (_, row) => <ItemLink row={{ id: row.itemId, fullNumber: row.fullNumber, name: row.name }} />,
            },
            { title: t('supervision.dashboard.leadUnit'), dataIndex: 'unitName' },
            {
              title: t('supervision.dashboard.period'),
              key: 'period',
              render: (_, row) => periodLabel(t, row.period),
            },
            { title: t('supervision.dashboard.dueDate'), dataIndex: 'dueDate' },
            {
              title: t('supervision.dashboard.reportState'),
              key: 'state',
              render: (_, row) => (
                <Space size={4} wrap>
                  <Tag color={row.kind === 'overdue' ? 'red' : 'blue'}>
                    {t(
                      row.kind === 'overdue' ? 'supervision.dashboard.overdueReport' : 'supervision.dashboard.dueSoon',
                    )}
                  </Tag>
                  {t(`supervision.dashboard.reportStates.${row.state}`)}
                </Space>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

export function OpenNoticesList({ notices, programmeId }: { notices: Notice[]; programmeId: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dashboard-notices">
      <SectionTitle>
        <span id="dashboard-notices">{t('supervision.dashboard.openNotices')}</span>
      </SectionTitle>
      {notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.dashboard.openNoticesEmpty')} />
      ) : (
        <ul style={{ paddingInlineStart: 20 }}>
          {notices.map((notice) => (
            <li key={notice.id} style={{ marginBottom: 4 }}>
              <Space size={6} wrap>
                <Link to={`/notices/${notice.id}`}>{notice.number}</Link>
                <span>{[notice.itemNumber, notice.itemName].join(' ')}</span>
                <span>{notice.unitName}</span>
                <span>
                  {t('supervision.notices.replyDue')}：{notice.replyDue}
                </span>
                <NoticeStateTag notice={notice} />
              </Space>
            </li>
          ))}
        </ul>
      )}
      <Link to={`/notices?programme=${programmeId}`}>{t('supervision.dashboard.viewAllNotices')}</Link>
    </section>
  );
}
