import { comparePeriods, isPeriod, periodEndDate, periodEndMonth } from '../periods.js';
import { addDays, daysBetween, periodStartDate, type ReportingPlan } from './calendar.js';
import { fallsShort, type Point, projectValue } from './projection.js';

/**
 * Status against plan: for an item at a date, what the plan expects
 * (indicator checkpoints, milestones, the share of the year gone), what the
 * latest approved report says, and a status with its reasons in words.
 * Pure: the caller loads the plan and the approved reports.
 */

/** Cumulative planned values at period ends, keys Q1..Q4 / M01..M12. */
export interface PlanIndicator {
  id: number;
  name: string;
  unit: string;
  target: number | null;
  direction: 'increase' | 'decrease';
  checkpoints: Record<string, number>;
}

export interface PlanMilestone {
  period: string;
  text: string;
  dueDate: string | null;
}

export interface PlanItem {
  id: number;
  number: string;
  name: string;
  parentId: number | null;
  categoryId: number;
  deadline: string | null;
  milestones: PlanMilestone[];
  indicators: PlanIndicator[];
}

/** An approved report (consolidated across units); values are cumulative, by indicator id. */
export interface ActualReport {
  period: string;
  values: Record<number, number>;
  percentComplete: number | null;
  claimedStatus: 'not_started' | 'in_progress' | 'done' | 'blocked';
  reportedAt: string;
}

export const ITEM_STATUSES = ['not_started', 'on_track', 'at_risk', 'lagging', 'done', 'overdue'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface IndicatorStatus {
  indicatorId: number;
  name: string;
  unit: string;
  expected: number | null;
  actual: number | null;
  ratio: number | null;
}

export interface ProjectionResult {
  /** The date projected to: the deadline, or 31 December. */
  yearEnd: string;
  indicators: Array<{ indicatorId: number; projected: number | null; target: number | null; shortfall: boolean }>;
  warning: string | null;
}

export interface StatusResult {
  status: ItemStatus;
  reasons: string[];
  indicators: IndicatorStatus[];
  projection: ProjectionResult;
}

export type StatusPlan = Pick<ReportingPlan, 'interpolation' | 'onTrackRatio' | 'laggingRatio'> &
  Partial<Pick<ReportingPlan, 'frequency'>>;

export interface EvaluateOptions {
  asOf: string;
  year: number;
  plan: StatusPlan;
}

/** How bad a status is, worst highest: the order of roll-ups and of "more actual never hurts". */
export const SEVERITY: Readonly<Record<ItemStatus, number>> = {
  done: 0,
  on_track: 1,
  not_started: 2,
  at_risk: 3,
  lagging: 4,
  overdue: 5,
};

export const STATUS_LABEL: Readonly<Record<ItemStatus, string>> = {
  not_started: '未启动',
  on_track: '正常推进',
  at_risk: '有滞后风险',
  lagging: '滞后',
  done: '已完成',
  overdue: '超期未完成',
};

const CN_QUARTER = ['一', '二', '三', '四'];

/** 二季度末, 6月底. */
export function periodLabel(period: string): string {
  if (period.startsWith('Q')) return `${CN_QUARTER[Number(period.slice(1)) - 1]}季度末`;
  return `${periodEndMonth(period)}月底`;
}

/** 年底, 6月底, 6月15日 for a date in the programme's year. */
export function dateLabel(date: string, year: number): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const lastDay = addDays(date, 1).slice(8, 10) === '01';
  const prefix = Number(date.slice(0, 4)) === year ? '' : `${date.slice(0, 4)}年`;
  if (lastDay) return month === 12 && prefix === '' ? '年底' : `${prefix}${month}月底`;
  return `${prefix}${month}月${day}日`;
}

/** 2026年6月30日 */
export function fullDateLabel(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 10000, 7200, 1.5 — at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A projection is an estimate: whole numbers from 100 up, one decimal below. */
export function formatEstimate(value: number): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}

const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;

/** Days since 1 January: a period's end counts from the start of the next day. */
const tOfEnd = (year: number, date: string): number => daysBetween(`${year}-01-01`, date) + 1;

const periodEnds = new Map<string, number>();
/** tOfEnd of a period's last day, remembered: evaluation asks it for every report of every item. */
function tOfPeriodEnd(year: number, period: string): number {
  const key = `${year}:${period}`;
  let t = periodEnds.get(key);
  if (t === undefined) {
    t = tOfEnd(year, periodEndDate(year, period));
    if (periodEnds.size < 10_000) periodEnds.set(key, t);
  }
  return t;
}
const tOfAsOf = (year: number, asOf: string): number => daysBetween(`${year}-01-01`, asOf);

interface PlanPoint {
  t: number;
  value: number;
  label: string;
}

/** The indicator's planned path: its checkpoints, and the target at the deadline when no checkpoint reaches it. */
export function plannedPoints(indicator: PlanIndicator, year: number, end: string): PlanPoint[] {
  const points = Object.entries(indicator.checkpoints)
    .filter(([period, value]) => isPeriod(period) && Number.isFinite(value))
    .sort(([a], [b]) => comparePeriods(a, b))
    .map(([period, value]) => ({ t: tOfPeriodEnd(year, period), value, label: periodLabel(period) }));
  const endT = tOfEnd(year, end);
  const last = points[points.length - 1];
  if (indicator.target !== null && (!last || last.t < endT))
    points.push({ t: endT, value: indicator.target, label: dateLabel(end, year) });
  return points.sort((a, b) => a.t - b.t);
}

/** What the plan expects of an indicator at a date, and the words for when; null when nothing yet. */
export function expectedAt(
  indicator: PlanIndicator,
  options: EvaluateOptions,
  end: string,
): { value: number; label: string } | null {
  const { asOf, year, plan } = options;
  const points = plannedPoints(indicator, year, end);
  const t = tOfAsOf(year, asOf);
  let passed: PlanPoint | undefined;
  let next: PlanPoint | undefined;
  for (const point of points) {
    if (point.t <= t) passed = point;
    else {
      next = point;
      break;
    }
  }
  if (plan.interpolation === 'linear' && next) {
    // A decrease has no known starting level, so it waits for its first checkpoint.
    const from = passed ?? (indicator.direction === 'increase' ? { t: 0, value: 0, label: '' } : undefined);
    if (from && t > from.t) {
      const value = from.value + ((next.value - from.value) * (t - from.t)) / (next.t - from.t);
      return { value, label: `截至${dateLabel(addDays(asOf, -1), year)}` };
    }
  }
  if (!passed) return null;
  return { value: passed.value, label: passed.label };
}

/** How far actual has come relative to expected: ≥ 1 on or ahead of plan, in the indicator's direction. */
export function ratioOf(actual: number, expected: number, direction: 'increase' | 'decrease'): number | null {
  if (direction === 'increase') return expected > 0 ? Math.max(0, actual) / expected : null;
  if (actual <= expected) return 1;
  return actual > 0 ? Math.max(0, expected) / actual : null;
}

const reached = (actual: number, target: number, direction: 'increase' | 'decrease'): boolean =>
  direction === 'increase' ? actual >= target : actual <= target;

const byStatus = (ratio: number, plan: StatusPlan): ItemStatus =>
  ratio >= plan.onTrackRatio ? 'on_track' : ratio >= plan.laggingRatio ? 'at_risk' : 'lagging';

const worse = (a: ItemStatus, b: ItemStatus): ItemStatus => (SEVERITY[b] > SEVERITY[a] ? b : a);

/** The approved reports in period order, later reports of the same period last. */
function inOrder(actuals: readonly ActualReport[]): ActualReport[] {
  return [...actuals]
    .filter((r) => isPeriod(r.period))
    .sort((a, b) => comparePeriods(a.period, b.period) || a.reportedAt.localeCompare(b.reportedAt));
}

function project(item: PlanItem, reports: readonly ActualReport[], year: number, end: string): ProjectionResult {
  const endT = tOfEnd(year, end);
  const indicators = item.indicators.map((indicator) => {
    const points: Point[] = [];
    for (const report of reports) {
      const value = report.values[indicator.id];
      if (value !== undefined) points.push({ t: tOfPeriodEnd(year, report.period), value });
    }
    const projected = projectValue(points, endT, indicator.direction);
    return {
      indicatorId: indicator.id,
      projected,
      target: indicator.target,
      shortfall: fallsShort(projected, indicator.target, indicator.direction),
    };
  });
  const warnings = indicators.flatMap((p, i) => {
    const indicator = item.indicators[i];
    if (!p.shortfall || p.projected === null || p.target === null || !indicator) return [];
    const unit = indicator.unit;
    const compare = indicator.direction === 'increase' ? '低于' : '高于';
    const name = item.indicators.length > 1 ? indicator.name : '';
    return [
      `按目前进度，${dateLabel(end, year)}${name}预计完成${formatEstimate(p.projected)}${unit}，${compare}目标${formatNumber(p.target)}${unit}`,
    ];
  });
  return { yearEnd: end, indicators, warning: warnings.length > 0 ? warnings.join('；') : null };
}

/** A report says there is progress: in progress or done, or some percent complete. */
const claimsProgress = (report: ActualReport): boolean =>
  report.claimedStatus === 'in_progress' ||
  report.claimedStatus === 'done' ||
  (report.percentComplete !== null && report.percentComplete > 0);

function evaluateIndicators(
  item: PlanItem,
  latest: ActualReport | undefined,
  options: EvaluateOptions,
  end: string,
): { status: ItemStatus; reasons: string[]; indicators: IndicatorStatus[] } {
  const reasons: string[] = [];
  let ratio: number | null = null;
  let anyExpected = false;
  const indicators = item.indicators.map((indicator): IndicatorStatus => {
    const expected = expectedAt(indicator, options, end);
    const reported = latest?.values[indicator.id];
    const actual = reported ?? null;
    const base = { indicatorId: indicator.id, name: indicator.name, unit: indicator.unit };
    if (!expected) return { ...base, expected: null, actual, ratio: null };
    const r = ratioOf(actual ?? 0, expected.value, indicator.direction);
    if (r === null) return { ...base, expected: expected.value, actual, ratio: null };
    anyExpected = true;
    ratio = ratio === null ? r : Math.min(ratio, r);
    const unit = indicator.unit;
    const name = item.indicators.length > 1 ? indicator.name : '';
    const planned = `${expected.label}${name}应达${formatNumber(expected.value)}${unit}`;
    if (!latest) reasons.push(`${planned}，尚未报送进展（应报未报）`);
    else if (actual === null) reasons.push(`${planned}，报告未填该指标（按0计）`);
    else reasons.push(`${planned}，实报${formatNumber(actual)}${unit}（${percent(r)}）`);
    return { ...base, expected: expected.value, actual, ratio: r };
  });
  if (!anyExpected || ratio === null)
    return {
      status: !latest || latest.claimedStatus === 'not_started' ? 'not_started' : 'on_track',
      reasons,
      indicators,
    };
  if (!latest) return { status: 'lagging', reasons, indicators };
  return { status: byStatus(ratio, options.plan), reasons, indicators };
}

function evaluateMilestonesAndPercent(
  item: PlanItem,
  reports: readonly ActualReport[],
  options: EvaluateOptions,
  end: string,
): { status: ItemStatus; reasons: string[] } {
  const { asOf, year, plan } = options;
  const latest = reports[reports.length - 1];
  const reasons: string[] = [];
  let status: ItemStatus | null = null;
  let anyExpected = false;
  for (const milestone of item.milestones) {
    if (!isPeriod(milestone.period)) continue;
    const due = milestone.dueDate ?? periodEndDate(year, milestone.period);
    if (due >= asOf) continue;
    anyExpected = true;
    const month = periodEndMonth(milestone.period);
    const later = reports.filter((r) => periodEndMonth(r.period) >= month);
    if (later.some(claimsProgress)) continue;
    status = 'lagging';
    const when = milestone.dueDate ? dateLabel(milestone.dueDate, year) : periodLabel(milestone.period);
    const text = milestone.text.trim() || '阶段性目标';
    reasons.push(`${when}应完成：${text}（${later.length === 0 ? '未报送' : '未报进展'}）`);
  }
  // The share of the time to the deadline already gone, against the percent the unit reports.
  const span = tOfEnd(year, end);
  const elapsed = Math.min(1, Math.max(0, tOfAsOf(year, asOf) / span));
  const firstPeriodEnd = periodEndDate(year, plan.frequency === 'monthly' ? 'M01' : 'Q1');
  if (asOf > firstPeriodEnd) anyExpected = true;
  if (latest && latest.percentComplete !== null && elapsed > 0) {
    const expectedPercent = elapsed * 100;
    const r = Math.max(0, latest.percentComplete) / expectedPercent;
    const s = byStatus(r, plan);
    if (s !== 'on_track')
      reasons.push(
        `按时间进度应完成约${Math.round(expectedPercent)}%，实报完成${formatNumber(latest.percentComplete)}%（${percent(r)}）`,
      );
    status = status === null ? s : worse(status, s);
  }
  if (!latest) {
    if (!anyExpected) return { status: 'not_started', reasons };
    reasons.push(`${dateLabel(firstPeriodEnd, year)}起应报送进展，尚未报送（应报未报）`);
    return { status: 'lagging', reasons };
  }
  if (status !== null) return { status, reasons };
  return { status: latest.claimedStatus === 'not_started' && !anyExpected ? 'not_started' : 'on_track', reasons };
}

/**
 * The status of one item (or part) at `asOf` from its own plan and its
 * approved reports. Reasons are never empty for at_risk, lagging and overdue.
 */
export function evaluateItem(item: PlanItem, actuals: readonly ActualReport[], options: EvaluateOptions): StatusResult {
  const { asOf, year } = options;
  const end = item.deadline ?? `${year}-12-31`;
  // A report of a period not yet begun at asOf could not have existed then.
  const reports = inOrder(actuals).filter((r) => periodStartDate(year, r.period) <= asOf);
  const latest = reports[reports.length - 1];
  const projection = project(item, reports, year, end);
  const withTargets = item.indicators.filter((i) => i.target !== null);
  const targetsReached = (report: ActualReport): boolean =>
    withTargets.length > 0 &&
    withTargets.every((i) => {
      const actual = report.values[i.id];
      return actual !== undefined && i.target !== null && reached(actual, i.target, i.direction);
    });
  // Done is for good: a later report that forgets to say so does not undo an approved completion.
  const finished = reports.find((r) => r.claimedStatus === 'done' || targetsReached(r));

  const own =
    item.indicators.length > 0
      ? evaluateIndicators(item, latest, options, end)
      : { ...evaluateMilestonesAndPercent(item, reports, options, end), indicators: [] };

  if (finished) {
    const reasons = targetsReached(finished) ? ['各项指标均已达到目标'] : [`${periodLabel(finished.period)}报告已完成`];
    return { status: 'done', reasons, indicators: own.indicators, projection: { ...projection, warning: null } };
  }
  if (end < asOf) {
    const reasons = [`截止日期${fullDateLabel(end)}已过，尚未完成`, ...own.reasons];
    return { status: 'overdue', reasons, indicators: own.indicators, projection };
  }
  let status = own.status;
  const reasons = [...own.reasons];
  if (latest?.claimedStatus === 'blocked' && SEVERITY[status] < SEVERITY.at_risk) {
    status = 'at_risk';
    reasons.push(`${periodLabel(latest.period)}报告称推进受阻`);
  }
  if ((status === 'at_risk' || status === 'lagging') && reasons.length === 0)
    reasons.push(`进度${STATUS_LABEL[status]}`);
  if (projection.warning && status !== 'not_started') reasons.push(projection.warning);
  return { status, reasons, indicators: own.indicators, projection };
}
