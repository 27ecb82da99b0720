import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumber, roundFloat } from './numbers.js';

describe('parseChineseNumber', () => {
  it('reads one to ninety-nine, 两 and zero', () => {
    const cases: [string, number][] = [
      ['一', 1],
      ['九', 9],
      ['十', 10],
      ['十四', 14],
      ['二十', 20],
      ['二十一', 21],
      ['九十九', 99],
      ['两', 2],
      ['〇', 0],
      ['零', 0],
    ];
    for (const [text, value] of cases) expect(parseChineseNumber(text), text).toBe(value);
  });

  it('reads hundreds, thousands, 万 and 亿 with their zeros', () => {
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('三千零五十')).toBe(3050);
    expect(parseChineseNumber('二百五')).toBe(250);
    expect(parseChineseNumber('一万二千')).toBe(12000);
    expect(parseChineseNumber('三万五')).toBe(35000);
    expect(parseChineseNumber('一万零五')).toBe(10005);
    expect(parseChineseNumber('十万')).toBe(100000);
    expect(parseChineseNumber('一亿二千万')).toBe(120_000_000);
    expect(parseChineseNumber('贰拾')).toBe(20);
  });

  it('reads positional numerals such as years', () => {
    expect(parseChineseNumber('二〇二四')).toBe(2024);
    expect(parseChineseNumber('一九九八')).toBe(1998);
  });

  it('reads Arabic digits, full-width digits, decimals and mixed 万', () => {
    expect(parseChineseNumber('23000')).toBe(23000);
    expect(parseChineseNumber('１．５')).toBe(1.5);
    expect(parseChineseNumber('8.46')).toBe(8.46);
    expect(parseChineseNumber('1.65万')).toBe(16500);
    expect(parseChineseNumber('5千')).toBe(5000);
  });

  it('returns null for what is not a number', () => {
    for (const text of ['', '百', '千', '万', '十十', '一二十', '两癌', '一线', 'abc', '1.2.3', '一二', '第一']) {
      expect(parseChineseNumber(text), text).toBeNull();
    }
  });

  it('agrees with Arabic digits for every number below ten thousand written the standard way', () => {
    const digits = '零一二三四五六七八九';
    const write = (n: number): string => {
      if (n === 0) return '零';
      const parts: string[] = [];
      const units = ['千', '百', '十', ''];
      const ds = String(n).padStart(4, '0').split('').map(Number);
      let zero = false;
      ds.forEach((d, i) => {
        if (d === 0) {
          zero = parts.length > 0;
          return;
        }
        if (zero) parts.push('零');
        zero = false;
        parts.push((d === 1 && i === 2 && parts.length === 0 ? '' : (digits[d] ?? '')) + (units[i] ?? ''));
      });
      return parts.join('');
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => {
        expect(parseChineseNumber(write(n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds away binary noise', () => {
    expect(roundFloat(1.65 * 10000)).toBe(16500);
  });
});
