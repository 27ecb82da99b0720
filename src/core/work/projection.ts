/**
 * Year-end projection from the trend of cumulative actuals: an ordinary
 * least-squares line through (day of year, value), extrapolated to the
 * deadline. Pure; times are days since 1 January of the programme's year.
 */

export interface Point {
  t: number;
  value: number;
}

export interface Line {
  intercept: number;
  slope: number;
}

/**
 * The least-squares line through the points; null without any. One point (or
 * points at a single time) gives a flat line through their mean.
 */
export function leastSquares(points: readonly Point[]): Line | null {
  const n = points.length;
  if (n === 0) return null;
  let sumT = 0;
  let sumV = 0;
  for (const p of points) {
    sumT += p.t;
    sumV += p.value;
  }
  const meanT = sumT / n;
  const meanV = sumV / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.t - meanT) ** 2;
    sxy += (p.t - meanT) * (p.value - meanV);
  }
  if (sxx === 0) return { intercept: meanV, slope: 0 };
  const slope = sxy / sxx;
  return { intercept: meanV - slope * meanT, slope };
}

export const valueAt = (line: Line, t: number): number => line.intercept + line.slope * t;

/**
 * Where cumulative actuals will stand at `endT`. With a single report the
 * trend runs from zero at the start of the year (an increase starts from
 * nothing); the projection never falls behind what was already reported.
 */
export function projectValue(
  points: readonly Point[],
  endT: number,
  direction: 'increase' | 'decrease',
): number | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const last = sorted[sorted.length - 1] as Point;
  if (last.t >= endT) return last.value;
  const fitted = sorted.length === 1 && direction === 'increase' ? [{ t: 0, value: 0 }, last] : sorted;
  const line = leastSquares(fitted);
  if (!line) return null;
  const projected = valueAt(line, endT);
  return direction === 'increase' ? Math.max(projected, last.value) : Math.min(projected, last.value);
}

/** Whether a projection misses its target, in the indicator's direction (a hair of rounding forgiven). */
export function fallsShort(
  projected: number | null,
  target: number | null,
  direction: 'increase' | 'decrease',
): boolean {
  if (projected === null || target === null) return false;
  const tolerance = 1e-9 * Math.max(1, Math.abs(target));
  return direction === 'increase' ? projected < target - tolerance : projected > target + tolerance;
}
