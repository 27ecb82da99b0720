import { describe, expect, it } from 'vitest';
import { parseDeadline } from './deadline.js';

describe('parseDeadline', () => {
  it('reads month ends in the programme year', () => {
    const cases: [string, string][] = [
      ['12月底', '2024-12-31'],
      ['12月底前', '2024-12-31'],
      ['9月份', '2024-09-30'],
      ['6月', '2024-06-30'],
      ['2月底', '2024-02-29'],
      ['十一月底', '2024-11-30'],
      ['１２月底', '2024-12-31'],
    ];
    for (const [text, date] of cases)
      expect(parseDeadline(text, 2024), text).toEqual({ text: text.replace('１２', '12'), date });
  });

  it('reads years, days, parts of the year and quarters', () => {
    expect(parseDeadline('2025年6月底', 2024)?.date).toBe('2025-06-30');
    expect(parseDeadline('6月30日前', 2024)?.date).toBe('2024-06-30');
    expect(parseDeadline('6月上旬', 2024)?.date).toBe('2024-06-10');
    expect(parseDeadline('6月中旬', 2024)?.date).toBe('2024-06-20');
    expect(parseDeadline('2月30日', 2024)?.date).toBeNull();
    for (const text of ['年底前', '年底', '年内', '年末', '全年', '下半年'])
      expect(parseDeadline(text, 2024)?.date, text).toBe('2024-12-31');
    expect(parseDeadline('2025年底', 2024)?.date).toBe('2025-12-31');
    expect(parseDeadline('上半年', 2024)?.date).toBe('2024-06-30');
    expect(parseDeadline('三季度', 2024)?.date).toBe('2024-09-30');
    expect(parseDeadline('第一季度末', 2024)?.date).toBe('2024-03-31');
  });

  it('reads National Day and the first date of a sentence', () => {
    expect(parseDeadline('“十一”前', 2024)).toEqual({ text: '“十一”前', date: '2024-09-30' });
    expect(parseDeadline('国庆节前', 2024)?.date).toBe('2024-09-30');
    expect(parseDeadline('预计6月底完成主体，9月份开放', 2024)?.date).toBe('2024-06-30');
  });

  it('keeps a deadline without a date as text', () => {
    expect(parseDeadline('长期', 2024)).toEqual({ text: '长期', date: null });
    expect(parseDeadline('持续推进', 2024)).toEqual({ text: '持续推进', date: null });
    expect(parseDeadline('春节前', 2024)).toEqual({ text: '春节前', date: null });
    expect(parseDeadline('12月底', Number.NaN)).toEqual({ text: '12月底', date: null });
  });

  it('returns null for empty text and bounds the text it keeps', () => {
    expect(parseDeadline('', 2024)).toBeNull();
    expect(parseDeadline('  \n', 2024)).toBeNull();
    expect(parseDeadline('——', 2024)).toBeNull();
    expect(parseDeadline('甲'.repeat(500), 2024)?.text).toHaveLength(100);
  });
});
