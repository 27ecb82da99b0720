/**
 * Reporting periods: quarters Q1–Q4 and months M01–M12 of a programme's year.
 * Checkpoints and milestones are cumulative: the planned state at the end of
 * the period.
 */
export const PERIOD_PATTERN = /^(Q[1-4]|M(0[1-9]|1[0-2]))$/;

export type Period = `Q${1 | 2 | 3 | 4}` | `M${string}`;

export function isPeriod(value: string): value is Period {
  return PERIOD_PATTERN.test(value);
}

/** The last month (1–12) a period covers. */
export function periodEndMonth(period: string): number {
  if (!isPeriod(period)) throw new RangeError(`not a period: ${period}`);
  if (period.startsWith('Q')) return Number(period.slice(1)) * 3;
  return Number(period.slice(1));
}

/** Last day of a month as YYYY-MM-DD. */
export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date a period ends in a given year: Q2 of 2024 → 2024-06-30. */
export function periodEndDate(year: number, period: string): string {
  return lastDayOfMonth(year, periodEndMonth(period));
}

/** Sort key that puts periods in calendar order, months before the quarter that closes them. */
export function periodSortKey(period: string): number {
  const month = periodEndMonth(period);
  return month * 2 + (period.startsWith('Q') ? 1 : 0);
}

export function comparePeriods(a: string, b: string): number {
  return periodSortKey(a) - periodSortKey(b);
}

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
