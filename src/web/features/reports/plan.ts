import type { Indicator, Milestone } from '../../api/types.js';

/**
 * What the plan asks of an item in a reporting period, read from its
 * cumulative checkpoints and milestones (the server's status evaluation uses
 * the same step rule).
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

/**
 * The planned cumulative value at the end of a period: the checkpoint of that
 * period, else the latest one ending before it; null when none has come yet.
 */
export function plannedAt(indicator: Pick<Indicator, 'checkpoints'>, period: string): number | null {
  const end = periodEndMonth(period);
  if (end === null) return null;
  const exact = indicator.checkpoints[period];
  if (exact !== undefined) return exact;
  let best: { month: number; value: number } | null = null;
  for (const [key, value] of Object.entries(indicator.checkpoints)) {
    const month = periodEndMonth(key);
    if (month === null || value === undefined || month > end) continue;
    if (!best || month > best.month) best = { month, value };
  }
  return best?.value ?? null;
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
