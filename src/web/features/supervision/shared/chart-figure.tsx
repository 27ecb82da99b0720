import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '../../../shared/page-title.js';
import { Chart } from './chart.js';

/**
 * A chart with its heading, a one-sentence summary that screen readers hear,
 * and the same numbers as a table that opens with the keyboard.
 */
export function ChartFigure({
  title,
  summary,
  option,
  table,
  height,
  level = 2,
}: {
  title: string;
  summary: string;
  option: EChartsOption;
  table: ReactNode;
  height?: number;
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <SectionTitle level={level}>{title}</SectionTitle>
      <Chart option={option} label={`${title}：${summary}`} height={height} />
      <figcaption style={{ marginBottom: 8 }}>{summary}</figcaption>
      <details>
        <summary style={{ cursor: 'pointer' }}>{t('supervision.chart.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}
