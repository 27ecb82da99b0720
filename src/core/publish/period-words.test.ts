import { describe, expect, it } from 'vitest';
import { cutoffPhrase, periodWord } from './period-words.js';

describe('periodWord', () => {
  it('names the quarters by the month a cut-off ends', () => {
    expect(periodWord('2026-03-31', 2026)).toBe('一季度');
    expect(periodWord('2026-06-30', 2026)).toBe('上半年');
    expect(periodWord('2026-09-30', 2026)).toBe('前三季度');
    expect(periodWord('2026-12-31', 2026)).toBe('全年');
  });

  it('counts months from January at another month end, and days mid-month', () => {
    expect(periodWord('2026-05-31', 2026)).toBe('1—5月份');
    expect(periodWord('2024-02-29', 2024)).toBe('1—2月份');
    expect(periodWord('2023-02-28', 2023)).toBe('1—2月份');
    expect(periodWord('2026-01-31', 2026)).toBe('1月份');
    expect(periodWord('2026-06-15', 2026)).toBe('1—6月15日');
    expect(periodWord('2026-01-20', 2026)).toBe('1月1—20日');
    // 30 June is a month end; 30 May is not.
    expect(periodWord('2026-05-30', 2026)).toBe('1—5月30日');
  });

  it('calls a cut-off after the programme year the whole year', () => {
    expect(periodWord('2027-01-15', 2026)).toBe('全年');
  });

  it('refuses what is not a date', () => {
    expect(() => periodWord('2026-6-30', 2026)).toThrow(RangeError);
  });
});

describe('cutoffPhrase', () => {
  it('writes 月底 at a month end and the day otherwise, with the year on request', () => {
    expect(cutoffPhrase('2026-06-30')).toBe('截至6月底');
    expect(cutoffPhrase('2026-06-15')).toBe('截至6月15日');
    expect(cutoffPhrase('2025-06-30', { withYear: true })).toBe('截至2025年6月底');
    expect(cutoffPhrase('2026-03-05', { withYear: true })).toBe('截至2026年3月5日');
  });
});
