import type { IndicatorProgress } from '../../../api/status.js';

/** The month a period ends in: Q2 → 6, M03 → 3; null for anything else. */
export function periodEndMonth(period: string): number | null {
  const quarter = /^Q([1-4])$/.exec(period)?.[1];
  if (quarter) return Number(quarter) * 3;
  const month = /^M(0[1-9]|1[0-2])$/.exec(period)?.[1];
  return month ? Number(month) : null;
}

export interface ProgressPoint {
  month: number;
  /** The period as it came (Q2, M06), for its label. */
  period: string;
  planned: number | null;
  actual: number | null;
}

/**
 * Planned checkpoints and reported values of one indicator on one time line
 * (months 1–12), since plans are often quarterly and reports monthly.
 */
export function progressPoints(indicator: Pick<IndicatorProgress, 'planned' | 'actual'>): ProgressPoint[] {
  const points = new Map<number, ProgressPoint>();
  const at = (period: string): ProgressPoint | null => {
    const month = periodEndMonth(period);
    if (month === null) return null;
    let point = points.get(month);
    if (!point) {
      point = { month, period, planned: null, actual: null };
      points.set(month, point);
    }
    return point;
  };
  for (const { period, value } of indicator.planned) {
    const point = at(period);
    if (point) point.planned = value;
  }
  for (const { period, value } of indicator.actual) {
    const point = at(period);
    if (point) {
      point.actual = value;
      // A month report labels the point better than the quarter it ends.
      if (period.startsWith('M')) point.period = period;
    }
  }
  return [...points.values()].sort((a, b) => a.month - b.month);
}
