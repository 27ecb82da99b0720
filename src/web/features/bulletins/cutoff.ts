/**
 * The cut-offs the server accepts for a programme's bulletin: a day of its
 * year, not after today; and the one to suggest: the end of last month, or
 * the year's end once the year is over.
 */
export function cutoffBounds(year: number, today: string): { min: string; max: string; suggested: string } {
  const min = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const max = today < yearEnd ? today : yearEnd;
  if (today > yearEnd) return { min, max, suggested: yearEnd };
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  // Day 0 of this month is the last day of the previous one.
  const lastMonthEnd = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return { min, max, suggested: lastMonthEnd < min ? max : lastMonthEnd };
}
