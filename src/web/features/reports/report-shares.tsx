import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Report, ReportShare } from '../../api/reports.js';
import type { ItemDetail } from '../../api/types.js';
import { SectionTitle } from '../../shared/page-title.js';
import { formatNumber, ReportStateTag } from './report-labels.js';

/** For the lead unit's report: what the co-units reported and the consolidated values. */
export function ReportShares({ report, item }: { report: Report; item: Pick<ItemDetail, 'indicators'> }) {
  const { t, i18n } = useTranslation();
  if (report.shares === null) return null;
  const lang = i18n.language;
  const indicators = item.indicators;
  const shareValue = (share: ReportShare, indicatorId: number) =>
    share.values.find((v) => v.indicatorId === indicatorId)?.value ?? null;

  return (
    <section data-testid="report-shares">
      <SectionTitle level={3}>{t('reports.shares.title')}</SectionTitle>
      {report.shares.length === 0 ? (
        <Typography.Text type="secondary">{t('reports.shares.empty')}</Typography.Text>
      ) : (
        <Table<ReportShare>
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={report.shares}
          columns={[
            { key: 'unit', title: t('reports.shares.unit'), dataIndex: 'unitName' },
            { key: 'state', title: t('reports.shares.state'), render: (_, s) => <ReportStateTag state={s.state} /> },
            ...indicators.map((indicator) => ({
              key: `i${indicator.id}`,
              title: `${indicator.name}（${indicator.unit}）`,
              render: (_: unknown, s: ReportShare) => formatNumber(shareValue(s, indicator.id), lang),
            })),
            {
              key: 'percent',
              title: t('reports.shares.percent'),
              render: (_, s) => (s.percentComplete === null ? '—' : `${s.percentComplete}%`),
            },
            {
              key: 'progress',
              title: t('reports.shares.progress'),
              render: (_, s) => <div style={{ whiteSpace: 'pre-wrap' }}>{s.progress || '—'}</div>,
            },
          ]}
        />
      )}
      {report.consolidated && report.consolidated.length > 0 && (
        <>
          <SectionTitle level={3}>{t('reports.shares.consolidated')}</SectionTitle>
          <ul style={{ paddingInlineStart: 20 }} data-testid="report-consolidated">
            {report.consolidated.map((c) => {
              const indicator = indicators.find((i) => i.id === c.indicatorId);
              return (
                <li key={c.indicatorId}>
                  {indicator ? `${indicator.name}：` : ''}
                  {formatNumber(c.value, lang)}
                  {indicator?.unit ?? ''}（
                  {c.source === 'lead' ? t('reports.shares.fromLead') : t('reports.shares.fromShares')}）
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
