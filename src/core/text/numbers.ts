import { clip } from './normalize.js';

/** Chinese digits, financial forms included; 〇 and 零 are zero, 两 is two. */
const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters a Chinese numeral is made of, for scanners that need to find one. */
export const CHINESE_NUMERAL_CHARS = `${Object.keys(DIGITS).join('')}${Object.keys(SMALL_UNITS).join('')}万亿`;

const ARABIC = /^\d{1,15}(?:\.\d{1,10})?$/;

/**
 * A number written in Arabic digits (with decimals: `1.5`, full-width too) or
 * Chinese numerals: `十四`, `二十`, `两`, `〇`/`零`, `一百零五`, `一万二千`,
 * positional `二〇二四`; mixed `1.5万` and `5千` are read too. Returns null
 * for anything else — bare `百`/`千`/`万`, malformed sequences like `十十`,
 * strings longer than 40 characters.
 */
export function parseChineseNumber(s: string): number | null {
  const t = clip(s)
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace('．', '.');
  if (t === '' || t.length > 40) return null;
  if (ARABIC.test(t)) return Number(t);
  const mixed = /^(\d{1,12}(?:\.\d{1,8})?)([十百千万亿])$/.exec(t);
  if (mixed?.[1] !== undefined && mixed[2] !== undefined) {
    const factor = SMALL_UNITS[mixed[2]] ?? BIG_UNITS[mixed[2]] ?? 1;
    return roundFloat(Number(mixed[1]) * factor);
  }
  return parseHan(t);
}

/** Avoid 1.65 × 10000 = 16499.999999999998. */
export function roundFloat(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

function parseHan(t: string): number | null {
  const chars = Array.from(t);
  const positional = chars.every((c) => DIGITS[c] !== undefined && c !== '两');
  if (positional && (chars.length >= 3 || (chars.length === 2 && chars.some((c) => DIGITS[c] === 0)))) {
    // positional: 二〇二四, 一九九八
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let lastBig = Number.POSITIVE_INFINITY;
  let start = 0;
  let bareTail = false;
  for (let i = 0; i <= chars.length; i++) {
    const c = chars[i];
    const big = c === undefined ? undefined : BIG_UNITS[c];
    if (c !== undefined && big === undefined) continue;
    const part = parseSection(chars.slice(start, i));
    if (part === null) return null;
    if (big !== undefined) {
      if (big >= lastBig || part === 0) return null;
      lastBig = big;
      total += part * big;
      section = 0;
    } else {
      section = part;
      bareTail = i - start === 1 && DIGITS[chars[start] ?? ''] !== undefined && lastBig !== Number.POSITIVE_INFINITY;
    }
    start = i + 1;
  }
  if (chars.length === 0) return null;
  // 三万五 is 35 000, as 二百五 is 250
  return total + (bareTail ? (section * lastBig) / 10 : section);
}

/**
 * A section below 10 000: digit-unit pairs in descending order, 零 between,
 * an optional final digit; `十` may open without a digit. Empty → 0.
 */
function parseSection(chars: string[]): number | null {
  if (chars.length === 0) return 0;
  let value = 0;
  let pending: number | null = null;
  let lastUnit = 10_000;
  let sawZero = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const d = DIGITS[c];
    const u = SMALL_UNITS[c];
    if (d !== undefined) {
      if (pending !== null) return null;
      if (d === 0) {
        if (chars.length === 1) return 0;
        if (sawZero) return null;
        sawZero = true;
        continue;
      }
      pending = d;
    } else if (u !== undefined) {
      if (u >= lastUnit) return null;
      if (pending === null) {
        if (!(u === 10 && value === 0 && i === 0)) return null;
        pending = 1;
      }
      value += pending * u;
      pending = null;
      lastUnit = u;
      sawZero = false;
    } else {
      return null;
    }
  }
  if (pending !== null) {
    // a trailing digit after 零 is units; after 百/千 without 零 it is the next order (二百五 = 250)
    value += sawZero || lastUnit === 10_000 || lastUnit === 10 ? pending : (pending * lastUnit) / 10;
  }
  return value;
}
