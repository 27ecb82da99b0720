import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ReportSummary, useItemReports } from '../../api/reports.js';
import type { ItemDetail } from '../../api/types.js';
import { formatDateTime, periodLabel } from '../../shared/format.js';
import { SectionTitle } from '../../shared/page-title.js';
import { LoadError } from '../../shared/query-state.js';
import { comparePeriods } from './plan.js';
import { ReportStateTag } from './report-labels.js';

/** 进展报告 on the item page: the reports the reader may see, by period, each linking to the report. */
export function ItemReportsSection({ item }: { item: Pick<ItemDetail, 'id'> }) {
  const { t, i18n } = useTranslation();
  const reports = useItemReports(item.id);
  const rows = [...(reports.data?.items ?? [])].sort(
    (a, b) => comparePeriods(a.period, b.period) || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
  return (
    <section data-testid="item-reports">
      <SectionTitle>{t('reports.itemSection.title')}</SectionTitle>
      {reports.isError ? (
        <LoadError error={reports.error} />
      ) : (
        <Table<ReportSummary>
          size="small"
          rowKey="id"
          loading={reports.isPending}
          pagination={rows.length > 24 ? { pageSize: 24 } : false}
          dataSource={rows}
          locale={{ emptyText: t('reports.itemSection.empty') }}
          columns={[
            { key: 'period', title: t('reports.itemSection.period'), render: (_, r) => periodLabel(t, r.period) },
            { key: 'unit', title: t('reports.itemSection.unit'), dataIndex: 'unitName' },
            {
              key: 'state',
              title: t('reports.itemSection.state'),
              render: (_, r) => <ReportStateTag state={r.state} />,
            },
            {
              key: 'percent',
              title: t('reports.itemSection.percent'),
              render: (_, r) => (r.percentComplete === null ? '—' : `${r.percentComplete}%`),
            },
            {
              key: 'updated',
              title: t('reports.itemSection.updated'),
              render: (_, r) => formatDateTime(r.updatedAt, i18n.language),
            },
            {
              key: 'open',
              title: t('common.actions'),
              render: (_, r) => (
                <Link
                  to={`/reports/${r.id}`}
                  aria-label={t('reports.itemSection.openNamed', {
                    unit: r.unitName,
                    period: periodLabel(t, r.period),
                  })}
                >
                  {t('reports.itemSection.open')}
                </Link>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
