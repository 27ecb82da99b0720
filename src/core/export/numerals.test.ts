import { describe, expect, it } from 'vitest';
import { formatChineseNumeral } from './numerals.js';

describe('formatChineseNumeral', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [14, '十四'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [30, '三十'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [111, '一百一十一'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [2024, '二千零二十四'],
    [10_000, '一万'],
    [100_500, '十万零五百'],
    [123_456, '十二万三千四百五十六'],
  ])('writes %i as %s', (n, text) => {
    expect(formatChineseNumeral(n)).toBe(text);
  });

  it('writes every category number from 一 to 九十九 distinctly', () => {
    const all = Array.from({ length: 99 }, (_, i) => formatChineseNumeral(i + 1));
    expect(new Set(all).size).toBe(99);
    expect(all.every((s) => /^[一二三四五六七八九十]+$/.test(s))).toBe(true);
  });

  it('refuses negatives, fractions and numbers it cannot write', () => {
    expect(() => formatChineseNumeral(-1)).toThrow(RangeError);
    expect(() => formatChineseNumeral(1.5)).toThrow(RangeError);
    expect(() => formatChineseNumeral(100_000_000)).toThrow(RangeError);
  });
});
