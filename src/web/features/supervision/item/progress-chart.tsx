import type { EChartsOption } from 'echarts';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '../../../api/status.js';
import { Chart } from '../shared/chart.js';
import { progressPoints } from './progress-series.js';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Planned cumulative checkpoints against reported values, with the year-end projection dashed. */
export function ProgressChart({ indicator, label }: { indicator: IndicatorProgress; label: string }) {
  const { t } = useTranslation();
  const points = progressPoints(indicator);
  const byMonth = (pick: 'planned' | 'actual') =>
    MONTHS.map((month) => points.find((p) => p.month === month)?.[pick] ?? null);
  const actual = byMonth('actual');
  const lastActual = [...points].reverse().find((p) => p.actual !== null);
  const projected = indicator.projection.projected;
  const projection =
    lastActual && projected !== null
      ? MONTHS.map((month) => (month === lastActual.month ? lastActual.actual : month === 12 ? projected : null))
      : [];

  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: MONTHS.map((month) => t('periods.month', { month })) },
    yAxis: { type: 'value', name: indicator.unit },
    series: [
      {
        type: 'line',
        name: t('supervision.progress.planned'),
        data: byMonth('planned'),
        connectNulls: true,
        itemStyle: { color: '#8c8c8c' },
        lineStyle: { type: 'solid' },
        symbol: 'diamond',
        ...(indicator.target !== null
          ? {
              markLine: {
                symbol: 'none',
                label: { formatter: `${t('supervision.progress.target')} ${indicator.target}` },
                data: [{ yAxis: indicator.target }],
              },
            }
          : {}),
      },
      {
        type: 'bar',
        name: t('supervision.progress.actual'),
        data: actual,
        itemStyle: { color: '#1677ff' },
        label: { show: true, position: 'top' },
      },
      ...(projection.length > 0
        ? [
            {
              type: 'line' as const,
              name: t('supervision.progress.projection'),
              data: projection,
              connectNulls: true,
              lineStyle: { type: 'dashed' as const },
              itemStyle: { color: indicator.projection.shortfall ? '#cf1322' : '#389e0d' },
            },
          ]
        : []),
    ],
  };
  return <Chart option={option} label={label} height={260} />;
}
