import { lastDayOfMonth } from '../periods.js';

/**
 * The words bulletins use for their period and cut-off (一季度, 上半年, 截至6月底).
 * Pure: a cut-off is a date YYYY-MM-DD in the programme's year.
 */

const WORDS: Readonly<Record<number, string>> = { 3: '一季度', 6: '上半年', 9: '前三季度', 12: '全年' };

function parts(cutoff: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cutoff);
  if (!match) throw new RangeError(`not a date YYYY-MM-DD: ${cutoff}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const isMonthEnd = (cutoff: string): boolean => {
  const { year, month } = parts(cutoff);
  return lastDayOfMonth(year, month) === cutoff;
};

/**
 * The period a bulletin covers, from 1 January of `year` to the cut-off:
 * 一季度 (3月底), 上半年 (6月底), 前三季度 (9月底), 全年 (12月底 or later),
 * else 1—M月份 at another month's end, or 1—M月D日 mid-month (1月1—D日 in January).
 */
export function periodWord(cutoff: string, year: number): string {
  const { year: cutoffYear, month, day } = parts(cutoff);
  if (cutoffYear > year) return '全年';
  const monthEnd = isMonthEnd(cutoff);
  if (monthEnd) {
    const word = WORDS[month];
    if (word) return word;
    return month === 1 ? '1月份' : `1—${month}月份`;
  }
  return month === 1 ? `1月1—${day}日` : `1—${month}月${day}日`;
}

/** 截至6月底 / 截至6月15日; with `withYear`, 截至2025年6月底 (the district report card's form). */
export function cutoffPhrase(cutoff: string, options: { withYear?: boolean } = {}): string {
  const { year, month, day } = parts(cutoff);
  const yearText = options.withYear ? `${year}年` : '';
  return `截至${yearText}${month}月${isMonthEnd(cutoff) ? '底' : `${day}日`}`;
}
