import { describe, expect, it } from 'vitest';
import { comparePeriods, isPeriod, lastDayOfMonth, periodEndDate } from './periods.js';

describe('periods', () => {
  it('accepts quarters and two-digit months only', () => {
    expect(['Q1', 'Q4', 'M01', 'M12'].every(isPeriod)).toBe(true);
    expect(['Q0', 'Q5', 'M1', 'M13', 'q1', ''].some(isPeriod)).toBe(false);
  });

  it('ends a period on the last day of its last month, leap years included', () => {
    expect(periodEndDate(2024, 'Q1')).toBe('2024-03-31');
    expect(periodEndDate(2024, 'Q2')).toBe('2024-06-30');
    expect(periodEndDate(2024, 'M02')).toBe('2024-02-29');
    expect(periodEndDate(2025, 'M02')).toBe('2025-02-28');
    expect(lastDayOfMonth(2026, 12)).toBe('2026-12-31');
  });

  it('orders months before the quarter they close', () => {
    const sorted = ['Q2', 'M06', 'Q1', 'M01', 'M03', 'Q4'].sort(comparePeriods);
    expect(sorted).toEqual(['M01', 'M03', 'Q1', 'M06', 'Q2', 'Q4']);
  });
});
