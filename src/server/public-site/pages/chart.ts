import { comparePeriods, isPeriod, periodEndMonth } from '../../../core/periods.js';
import type { PublicItemProgress } from '../../use-cases/publish/get-public-item-progress.js';
import { escapeHtml } from '../layout.js';
import { number, periodWord } from './shared.js';

/**
 * Planned versus actual of one indicator as inline SVG (no script) and the
 * same figures as a table, which is the chart's text equivalent. Both are on
 * the months of the year: checkpoints are often quarterly and reports
 * monthly, so a quarter and its last month share a point (the quarter's
 * figure wins, as it sorts after its month).
 */

type Series = PublicItemProgress['indicators'][number];

const W = 480;
const H = 300;
const M = { left: 64, right: 24, top: 40, bottom: 44 };
const PLANNED = '#4a5560';
const ACTUAL = '#1d6f42';
const TICKS = 4;

/** A round step (1, 2, 2.5 or 5 × 10^n) so that TICKS steps reach the largest value. */
function niceStep(max: number): number {
  const raw = max <= 0 ? 1 : max / TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= raw) return step * magnitude;
  return 10 * magnitude;
}

interface Row {
  month: number;
  /** The periods merged into this month, e.g. ["M06", "Q2"]. */
  periods: string[];
  planned: number | undefined;
  actual: number | undefined;
}

/** The series by month end, in order. */
export function monthRows(series: Series): Row[] {
  const rows = new Map<number, Row>();
  const rowOf = (period: string): Row => {
    const month = periodEndMonth(period);
    let row = rows.get(month);
    if (!row) {
      row = { month, periods: [], planned: undefined, actual: undefined };
      rows.set(month, row);
    }
    if (!row.periods.includes(period)) row.periods.push(period);
    return row;
  };
  const ordered = <T extends { period: string }>(points: readonly T[]) =>
    points.filter((p) => isPeriod(p.period)).sort((a, b) => comparePeriods(a.period, b.period));
  for (const p of ordered(series.planned)) rowOf(p.period).planned = p.value;
  for (const a of ordered(series.actual)) rowOf(a.period).actual = a.value;
  return [...rows.values()].sort((a, b) => a.month - b.month);
}

/** 6月底（二季度末） */
function rowLabel(row: Row): string {
  const quarter = row.periods.find((p) => p.startsWith('Q'));
  return `${row.month}月底${quarter ? `（${periodWord(quarter)}末）` : ''}`;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function chartSvg(series: Series, id: string): string {
  const rows = monthRows(series);
  if (rows.length === 0) return '';
  const values = rows.flatMap((r) => [r.planned ?? 0, r.actual ?? 0]);
  const step = niceStep(Math.max(series.target ?? 0, ...values));
  const top = step * TICKS;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  // Month 0 (the start of the year) to month 12.
  const x = (month: number) => round(M.left + (plotW * month) / 12);
  const y = (value: number) => round(M.top + plotH - (plotH * Math.max(0, value)) / top);

  const grid = Array.from({ length: TICKS + 1 }, (_, i) => {
    const gy = y(step * i);
    return `<line x1="${M.left}" x2="${W - M.right}" y1="${gy}" y2="${gy}" stroke="#c4ccd4" stroke-width="1"/><text x="${M.left - 6}" y="${gy + 5}" text-anchor="end">${escapeHtml(number(step * i))}</text>`;
  }).join('');
  const xLabels = [3, 6, 9, 12]
    .map(
      (m) =>
        `<line x1="${x(m)}" x2="${x(m)}" y1="${M.top + plotH}" y2="${M.top + plotH + 6}" stroke="#4a5560"/><text x="${x(m)}" y="${H - M.bottom + 24}" text-anchor="middle">${m}月</text>`,
    )
    .join('');
  const series2 = (key: 'planned' | 'actual') =>
    rows.flatMap((r) => (r[key] === undefined ? [] : [{ month: r.month, value: r[key] as number }]));
  const polyline = (points: Array<{ month: number; value: number }>, color: string, dashed: boolean) =>
    points.length < 2
      ? ''
      : `<polyline fill="none" stroke="${color}" stroke-width="3"${dashed ? ' stroke-dasharray="8 6"' : ''} points="${points
          .map((p) => `${x(p.month)},${y(p.value)}`)
          .join(' ')}"/>`;
  const planned = series2('planned');
  const actual = series2('actual');
  const plannedMarks = planned
    .map((p) => `<rect x="${x(p.month) - 5}" y="${y(p.value) - 5}" width="10" height="10" fill="${PLANNED}"/>`)
    .join('');
  const actualMarks = actual
    .map((a) => `<circle cx="${x(a.month)}" cy="${y(a.value)}" r="6" fill="${ACTUAL}"/>`)
    .join('');
  const legend = `<line x1="${M.left}" x2="${M.left + 32}" y1="16" y2="16" stroke="${PLANNED}" stroke-width="3" stroke-dasharray="8 6"/><text x="${M.left + 40}" y="21">计划</text><line x1="${M.left + 110}" x2="${M.left + 142}" y1="16" y2="16" stroke="${ACTUAL}" stroke-width="3"/><circle cx="${M.left + 126}" cy="16" r="6" fill="${ACTUAL}"/><text x="${M.left + 150}" y="21">实际</text><text x="${W - M.right}" y="21" text-anchor="end">单位：${escapeHtml(series.unit)}</text>`;
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d" font-size="15" fill="#1a1a1a" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${escapeHtml(`${series.name}：计划与实际`)}</title><desc id="${id}-d">${escapeHtml(`${series.name}，计划与实际累计完成情况，数据见下表。`)}</desc>${grid}${xLabels}${legend}${polyline(planned, PLANNED, true)}${plannedMarks}${polyline(actual, ACTUAL, false)}${actualMarks}</svg>`;
}

export function chartTable(series: Series, id: string): string {
  const cell = (value: number | undefined) => (value === undefined ? '—' : escapeHtml(number(value)));
  const rows = monthRows(series)
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(rowLabel(r))}</th><td>${cell(r.planned)}</td><td>${cell(r.actual)}</td></tr>`,
    )
    .join('');
  const target = series.target === null ? '' : `，全年目标${number(series.target)}${series.unit}`;
  return `<div class="table-wrap" role="region" aria-labelledby="${id}-c" tabindex="0"><table class="data"><caption id="${id}-c">${escapeHtml(
    `${series.name}（单位：${series.unit}${target}）`,
  )}</caption><thead><tr><th scope="col">时间</th><th scope="col">计划（累计）</th><th scope="col">实际（累计）</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The chart and its table for every indicator, or a sentence when there is nothing to draw. */
export function progressCharts(progress: PublicItemProgress | undefined): string {
  const drawable = (progress?.indicators ?? []).filter((s) => monthRows(s).length > 0);
  if (drawable.length === 0) return '<p>本项目没有分阶段的量化指标，暂无计划与实际对比图。</p>';
  return drawable
    .map((series) => {
      const id = `chart-${series.indicatorId}`;
      return `<figure class="chart">${chartSvg(series, id)}<figcaption>${escapeHtml(series.name)}：虚线为计划，实线为实际（审核通过的数据）。</figcaption></figure>${chartTable(series, id)}`;
    })
    .join('\n');
}
