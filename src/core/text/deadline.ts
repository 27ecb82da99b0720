import { lastDayOfMonth } from '../periods.js';
import { isNoWork } from './markers.js';
import { normalizeText } from './normalize.js';
import { parseChineseNumber } from './numbers.js';

export interface Deadline {
  /** The deadline as written (normalized, at most 100 characters). */
  text: string;
  /** YYYY-MM-DD, or null when the text names no date (长期, 持续推进, 春节前). */
  date: string | null;
}

const MONTH = /(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(上旬|中旬|下旬|底|末|份)?(?:(\d{1,2})日)?/;
const NATIONAL_DAY = /[“"‘']?十一[”"’']?(?:前|之前|以前|假期前|国庆)|国庆节?前/;

/**
 * When an item is due, in the programme's year unless the text names another:
 * "12月底", "12月底前", "6月", "9月份" → last day of that month; "6月30日" →
 * that day; "6月上旬"/"中旬" → the 10th/20th; "2024年6月底" → that year;
 * "年底(前)", "年内", "年末", "全年", "下半年" → 12-31; "上半年" → 06-30;
 * "一季度"…"四季度" → the quarter's last day; "“十一”前" (National Day) →
 * 09-30; "长期", "持续推进" and anything else without a date → date null.
 * Empty and no-work marks ("——", "/", "无") → null. The first date named wins ("预计6月底完成主体" → 06-30).
 */
export function parseDeadline(text: string, year: number): Deadline | null {
  const t = normalizeText(text);
  if (t === '' || isNoWork(t)) return null;
  const shown = t.length > 100 ? t.slice(0, 100) : t;
  const valid = Number.isInteger(year) && year >= 1000 && year <= 9999;
  return { text: shown, date: valid ? dateOf(t.slice(0, 200), year) : null };
}

function dateOf(t: string, year: number): string | null {
  if (NATIONAL_DAY.test(t)) return `${year}-09-30`;
  const m = MONTH.exec(t);
  if (m && m[2] !== undefined) {
    const y = m[1] !== undefined ? Number(m[1]) : year;
    const month = /\d/.test(m[2]) ? Number(m[2]) : parseChineseNumber(m[2]);
    if (month !== null && month >= 1 && month <= 12 && y >= 1000) {
      const last = lastDayOfMonth(y, month);
      const day = m[4] !== undefined ? Number(m[4]) : m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : null;
      if (day === null) return last;
      if (day >= 1 && day <= Number(last.slice(8))) return `${last.slice(0, 8)}${String(day).padStart(2, '0')}`;
      return null;
    }
  }
  const q = /(?:第)?([一二三四1-4])季度/.exec(t);
  if (q?.[1] !== undefined) {
    const n = '一二三四'.indexOf(q[1]) + 1 || Number(q[1]);
    return lastDayOfMonth(year, n * 3);
  }
  const explicitYear = /(\d{4})年(?:底|末|内|前)/.exec(t);
  if (explicitYear?.[1] !== undefined) return `${explicitYear[1]}-12-31`;
  if (/上半年/.test(t)) return `${year}-06-30`;
  if (/年底|年末|年内|全年|下半年|本年度|今年/.test(t)) return `${year}-12-31`;
  return null;
}
