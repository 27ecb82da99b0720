import { Alert, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type IndicatorProgress, useItemProgress } from '../../../api/status.js';
import type { Id } from '../../../api/types.js';
import { periodLabel } from '../../../shared/format.js';
import { SectionTitle } from '../../../shared/page-title.js';
import { LoadError, Loading } from '../../../shared/query-state.js';
import { StatusReasons, StatusTag } from '../shared/status.js';
import { type ProgressPoint, progressPoints } from './progress-series.js';

// ECharts stays out of the item page's chunk until a chart is drawn.
const ProgressChart = lazy(async () => ({ default: (await import('./progress-chart.js')).ProgressChart }));

const number = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : new Intl.NumberFormat('zh-CN').format(value);

/** The item's status with its reasons and, per indicator, planned versus actual as a chart and a table. */
export function ItemProgressSection({ itemId }: { itemId: Id }) {
  const { t } = useTranslation();
  const progress = useItemProgress(itemId);

  return (
    <section aria-labelledby="item-progress-title">
      <SectionTitle>
        <span id="item-progress-title">{t('supervision.progress.title')}</span>
      </SectionTitle>
      {progress.isPending ? (
        <Loading />
      ) : progress.isError ? (
        <LoadError error={progress.error} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Space align="start" wrap>
            <Typography.Text strong>{t('supervision.status.label')}：</Typography.Text>
            <StatusTag status={progress.data.status} />
            <StatusReasons reasons={progress.data.reasons} />
          </Space>
          {progress.data.indicators.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('supervision.progress.noIndicators')}</Typography.Paragraph>
          ) : (
            progress.data.indicators.map((indicator) => (
              <IndicatorProgressView key={indicator.indicatorId} indicator={indicator} />
            ))
          )}
        </Space>
      )}
    </section>
  );
}

function IndicatorProgressView({ indicator }: { indicator: IndicatorProgress }) {
  const { t } = useTranslation();
  const points = progressPoints(indicator);
  const title = t('supervision.progress.chartLabel', { name: indicator.name, unit: indicator.unit });
  const summary = t('supervision.progress.chartSummary', {
    name: indicator.name,
    unit: indicator.unit,
    target: indicator.target === null ? t('common.none') : number(indicator.target),
    points: points
      .map((p) =>
        t('supervision.progress.pointSummary', {
          period: periodLabel(t, p.period),
          planned: p.planned === null ? t('common.none') : number(p.planned),
          actual: p.actual === null ? t('supervision.progress.none') : number(p.actual),
        }),
      )
      .join('；'),
  });
  const projected = indicator.projection.projected;

  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <SectionTitle level={3}>{title}</SectionTitle>
      <Suspense fallback={<Loading />}>
        <ProgressChart indicator={indicator} label={summary} />
      </Suspense>
      {indicator.projection.warning && <Alert type="warning" showIcon title={indicator.projection.warning} />}
      {projected !== null && (
        <Typography.Paragraph>
          {t('supervision.progress.projected', { value: number(projected), unit: indicator.unit })}
          {indicator.projection.shortfall && (
            <Tag color="red" style={{ marginInlineStart: 8 }}>
              {t('supervision.progress.shortfall')}
            </Tag>
          )}
        </Typography.Paragraph>
      )}
      <details>
        <summary style={{ cursor: 'pointer' }}>{t('supervision.chart.showTable')}</summary>
        <Table<ProgressPoint>
          size="small"
          pagination={false}
          rowKey="month"
          dataSource={points}
          locale={{ emptyText: t('supervision.progress.empty') }}
          columns={[
            {
              title: t('supervision.progress.period'),
              key: 'period',
              render: (_, p) => periodLabel(t, p.period),
            },
            {
              title: `${t('supervision.progress.planned')}（${indicator.unit}）`,
              key: 'planned',
              align: 'right',
              render: (_, p) => number(p.planned),
            },
            {
              title: `${t('supervision.progress.actual')}（${indicator.unit}）`,
              key: 'actual',
              align: 'right',
              render: (_, p) => (p.actual === null ? t('supervision.progress.none') : number(p.actual)),
            },
          ]}
        />
      </details>
    </figure>
  );
}
