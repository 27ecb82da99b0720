import { Alert, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyWork, type WorkItem, type WorkPeriod } from '../../api/work.js';
import { periodLabel } from '../../shared/format.js';
import { PageHeader } from '../../shared/page-header.js';
import { SectionTitle } from '../../shared/page-title.js';
import { LoadError, Loading } from '../../shared/query-state.js';
import { ReportStateTag } from './report-labels.js';

export interface WorkRow extends WorkPeriod {
  key: string;
  item: WorkItem;
}

export type WorkGroup = 'returned' | 'overdue' | 'dueSoon' | 'rest';
const GROUPS: readonly WorkGroup[] = ['returned', 'overdue', 'dueSoon', 'rest'];

export function groupOf(row: WorkPeriod): WorkGroup {
  if (row.report?.state === 'returned') return 'returned';
  if (row.overdue) return 'overdue';
  if (row.dueSoon) return 'dueSoon';
  return 'rest';
}

/** Every (item, period) as a row, in the groups a reporter works through: returned, overdue, due soon, the rest. */
export function workRows(items: readonly WorkItem[]): Record<WorkGroup, WorkRow[]> {
  const groups: Record<WorkGroup, WorkRow[]> = { returned: [], overdue: [], dueSoon: [], rest: [] };
  for (const item of items) {
    for (const period of item.periods) {
      groups[groupOf(period)].push({ ...period, key: `${item.itemId}-${period.period}`, item });
    }
  }
  for (const group of GROUPS) {
    groups[group].sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) || a.item.number.localeCompare(b.item.number, 'zh-CN', { numeric: true }),
    );
  }
  return groups;
}

const GROUP_TYPE: Record<WorkGroup, 'error' | 'warning' | 'info' | null> = {
  returned: 'error',
  overdue: 'error',
  dueSoon: 'warning',
  rest: null,
};

/** 我的任务: the reporter's items and what is due first; each row opens the report form. */
export function MyWorkPage() {
  const { t } = useTranslation();
  const work = useMyWork();

  if (work.isPending) return <Loading />;
  if (work.isError) return <LoadError error={work.error} />;
  const groups = workRows(work.data.items);
  const empty = GROUPS.every((g) => groups[g].length === 0);

  return (
    <>
      <PageHeader title={t('reports.myWork.title')} />
      <Typography.Paragraph type="secondary">
        {t('reports.myWork.intro', { date: work.data.asOf })}
      </Typography.Paragraph>
      {empty ? (
        <Empty description={t('reports.myWork.empty')} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {GROUPS.filter((g) => groups[g].length > 0).map((group) => (
            <WorkGroupTable key={group} group={group} rows={groups[group]} />
          ))}
        </Space>
      )}
    </>
  );
}

function WorkGroupTable({ group, rows }: { group: WorkGroup; rows: WorkRow[] }) {
  const { t } = useTranslation();
  const heading = t(`reports.myWork.${group}Group`);
  const type = GROUP_TYPE[group];
  return (
    <section data-testid={`work-${group}`} aria-label={heading}>
      {type ? (
        <Alert
          type={type}
          showIcon
          title={<SectionTitle flush>{`${heading}（${rows.length}）`}</SectionTitle>}
          style={{ marginBottom: 8 }}
        />
      ) : (
        <SectionTitle>{heading}</SectionTitle>
      )}
      <Table<WorkRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        columns={[
          {
            key: 'item',
            title: t('reports.myWork.item'),
            render: (_, row) => (
              <>
                <div>{[row.item.number, row.item.name].filter(Boolean).join(' ')}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.item.programmeTitle}
                </Typography.Text>
              </>
            ),
          },
          { key: 'period', title: t('reports.myWork.period'), render: (_, row) => periodLabel(t, row.period) },
          { key: 'due', title: t('reports.myWork.dueDate'), dataIndex: 'dueDate' },
          { key: 'role', title: t('reports.myWork.role'), render: (_, row) => t(`reports.roles.${row.item.role}`) },
          {
            key: 'state',
            title: t('reports.myWork.state'),
            render: (_, row) => (
              <Space wrap size={4}>
                <ReportStateTag state={row.report?.state ?? null} />
                {row.overdue && <Tag color="red">{t('reports.myWork.overdueTag')}</Tag>}
                {row.dueSoon && !row.overdue && <Tag color="orange">{t('reports.myWork.dueSoonTag')}</Tag>}
                {row.report?.state === 'returned' && row.report.returnReason && (
                  <Typography.Text type="danger">
                    {t('reports.myWork.returnReason', { reason: row.report.returnReason })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'open',
            title: t('common.actions'),
            render: (_, row) => {
              const writable = !row.report || row.report.state === 'draft' || row.report.state === 'returned';
              return (
                <Link
                  to={`/items/${row.item.itemId}/reports/${row.period}`}
                  aria-label={t('reports.myWork.openNamed', {
                    name: [row.item.number, row.item.name].filter(Boolean).join(' '),
                    period: periodLabel(t, row.period),
                  })}
                >
                  {writable ? t('reports.myWork.open') : t('reports.myWork.view')}
                </Link>
              );
            },
          },
        ]}
      />
    </section>
  );
}
