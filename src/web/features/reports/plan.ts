import type { Interpolation } from '../../api/reporting-plan.js';
import type { Indicator, Milestone } from '../../api/types.js';

/**
 * What the plan asks of an item in a reporting period, read from its
 * cumulative checkpoints and milestones. The planned value follows the rule of
 * the server's status against plan (src/core/work/status.ts `expectedAt`), so
 * the number beside the input is the one the report will be judged against;
 * the web does not import core, and plan.test.ts checks the two agree.
 */

/** The last month (1–12) a period covers: Q2 → 6, M05 → 5; null for anything else. */
export function periodEndMonth(period: string): number | null {
  const quarter = /^Q([1-4])$/.exec(period)?.[1];
  if (quarter) return Number(quarter) * 3;
  const month = /^M(0[1-9]|1[0-2])$/.exec(period)?.[1];
  return month ? Number(month) : null;
}

/** Calendar order; a month comes before the quarter it closes. */
export function comparePeriods(a: string, b: string): number {
  const key = (p: string) => (periodEndMonth(p) ?? 99) * 2 + (p.startsWith('Q') ? 1 : 0);
  return key(a) - key(b);
}

/** What the planned value depends on besides the indicator: the programme's year and plan, the item's deadline. */
export interface PlanBasis {
  year: number;
  interpolation: Interpolation;
  /** YYYY-MM-DD: the item's deadline, else its parent's; null means 31 December. */
  deadline: string | null;
}

const DAY_MS = 86_400_000;

/** Days from 1 January of `year` to the start of the day after `date` (YYYY-MM-DD): when that day is over. */
function endOfDay(year: number, date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
}

/** Days from 1 January to the end of a period's last day (the first of the next month). */
function endOfPeriod(year: number, period: string): number | null {
  const month = periodEndMonth(period);
  return month === null ? null : Math.round((Date.UTC(year, month, 1) - Date.UTC(year, 0, 1)) / DAY_MS);
}

/**
 * The planned cumulative value at the end of a period; null when the plan
 * expects nothing yet. The path runs through the checkpoints, and to the
 * target at the deadline when no checkpoint reaches it. Step: the latest point
 * reached by then. Linear: between the points on either side, from zero on
 * 1 January for an increase; a decrease has no known starting level, so it
 * waits for its first point.
 */
export function plannedAt(
  indicator: Pick<Indicator, 'checkpoints' | 'target' | 'direction'>,
  period: string,
  basis: PlanBasis,
): number | null {
  const { year, interpolation, deadline } = basis;
  const t = endOfPeriod(year, period);
  if (t === null) return null;
  const points: { t: number; value: number }[] = [];
  for (const [key, value] of Object.entries(indicator.checkpoints).sort(([a], [b]) => comparePeriods(a, b))) {
    const at = endOfPeriod(year, key);
    if (at !== null && value !== undefined && Number.isFinite(value)) points.push({ t: at, value });
  }
  const end = endOfDay(year, deadline ?? `${year}-12-31`);
  const last = points[points.length - 1];
  if (indicator.target !== null && (!last || last.t < end)) points.push({ t: end, value: indicator.target });
  // Stable: two points ending the same day (M03 and Q1) keep period order, the quarter last.
  points.sort((a, b) => a.t - b.t);

  let passed: { t: number; value: number } | undefined;
  let next: { t: number; value: number } | undefined;
  for (const point of points) {
    if (point.t > t) {
      next = point;
      break;
    }
    passed = point;
  }
  if (interpolation === 'linear' && next) {
    const from = passed ?? (indicator.direction === 'increase' ? { t: 0, value: 0 } : undefined);
    if (from && t > from.t) return from.value + ((next.value - from.value) * (t - from.t)) / (next.t - from.t);
  }
  return passed?.value ?? null;
}

/** The milestones of the quarter a period falls in (Q2 and M04–M06 for M05 or Q2). */
export function milestonesOfQuarter<M extends Pick<Milestone, 'period'>>(
  milestones: readonly M[],
  period: string,
): M[] {
  const end = periodEndMonth(period);
  if (end === null) return [];
  const quarter = Math.ceil(end / 3);
  return milestones.filter((m) => {
    const month = periodEndMonth(m.period);
    return month !== null && Math.ceil(month / 3) === quarter;
  });
}

/** actual / planned as a whole percentage, direction-aware; null when there is nothing to compare. */
export function achievedPercent(
  planned: number | null,
  actual: number | null | undefined,
  direction: Indicator['direction'] = 'increase',
): number | null {
  if (planned === null || actual === null || actual === undefined) return null;
  if (direction === 'decrease') return actual === 0 ? null : Math.round((planned / actual) * 100);
  return planned === 0 ? null : Math.round((actual / planned) * 100);
}
