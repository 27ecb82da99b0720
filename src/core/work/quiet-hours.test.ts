import { describe, expect, it } from 'vitest';
import { releaseTime } from './quiet-hours.js';

/** A Shanghai local time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('quiet hours (Asia/Shanghai)', () => {
  it('lets a message out at once outside quiet hours', () => {
    const now = at('2026-06-22T15:30:00');
    expect(releaseTime(now, '22:00', '08:00')).toBe(now);
    expect(releaseTime(at('2026-06-22T08:00:00'), '22:00', '08:00').toISOString()).toBe('2026-06-22T00:00:00.000Z');
  });

  it('holds one from late evening to the next morning, across midnight', () => {
    expect(releaseTime(at('2026-06-22T22:00:00'), '22:00', '08:00')).toEqual(at('2026-06-23T08:00:00'));
    expect(releaseTime(at('2026-06-22T23:59:00'), '22:00', '08:00')).toEqual(at('2026-06-23T08:00:00'));
    expect(releaseTime(at('2026-06-23T03:15:00'), '22:00', '08:00')).toEqual(at('2026-06-23T08:00:00'));
    // Across the end of a month and a year.
    expect(releaseTime(at('2026-12-31T23:00:00'), '22:00', '08:00')).toEqual(at('2027-01-01T08:00:00'));
  });

  it('handles a span within one day, and no quiet hours when start equals end', () => {
    expect(releaseTime(at('2026-06-22T12:30:00'), '12:00', '14:00')).toEqual(at('2026-06-22T14:00:00'));
    expect(releaseTime(at('2026-06-22T14:00:00'), '12:00', '14:00')).toEqual(at('2026-06-22T14:00:00'));
    const now = at('2026-06-22T23:00:00');
    expect(releaseTime(now, '00:00', '00:00')).toBe(now);
  });

  it('refuses a malformed time', () => {
    expect(() => releaseTime(new Date(), '25:00', '08:00')).toThrow(RangeError);
  });
});
