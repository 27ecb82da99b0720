import { normalizeText } from './normalize.js';
import { CHINESE_NUMERAL_CHARS, parseChineseNumber, roundFloat } from './numbers.js';

export type Approx = 'at_least' | 'about' | 'at_most';

export interface Quantity {
  value: number;
  unit: string;
  approx?: Approx;
}

export interface Range {
  min: number;
  max: number;
  unit: string;
}

/**
 * Units as written → the unit we record. Longest first, so 个班 wins over 个
 * and 平方米 over 米. Area is always 平方米 (平米, 平方, ㎡); 套(间) takes the
 * Chinese brackets of 套（间）. Time units are here so that scanners
 * recognize 2024年 or 6个月 as what they are (and leave them out of targets).
 */
const UNIT_FORMS: readonly (readonly [string, string])[] = (
  [
    ['套（间）', '套（间）'],
    ['套(间)', '套（间）'],
    ['个百分点', '个百分点'],
    ['平方公里', '平方公里'],
    ['平方米', '平方米'],
    ['平米', '平方米'],
    ['平方', '平方米'],
    ['㎡', '平方米'],
    ['m²', '平方米'],
    ['立方米', '立方米'],
    ['m³', '立方米'],
    ['万元', '万元'],
    ['亿元', '亿元'],
    ['人次', '人次'],
    ['户次', '户次'],
    ['个班', '个班'],
    ['个月', '个月'],
    ['公里', '公里'],
    ['千米', '千米'],
    ['周岁', '周岁'],
    ['小时', '小时'],
    ['分钟', '分钟'],
    ['km', '公里'],
  ] as [string, string][]
)
  .concat(
    Array.from(
      '人名位个所家处张户条座辆台场次项间套床班份批块栋幢棵株盏根册本件支组部艘只头种门米亩吨元%‰年月日号天周岁届级层',
    ).map((u) => [u, u] as [string, string]),
  )
  .sort((a, b) => b[0].length - a[0].length);

/** UNIT_FORMS by first character, longest first within each. */
const UNITS_BY_FIRST = new Map<string, (readonly [string, string])[]>();
for (const form of UNIT_FORMS) {
  const first = form[0].charAt(0);
  UNITS_BY_FIRST.set(first, [...(UNITS_BY_FIRST.get(first) ?? []), form]);
}

/** Units that count time, dates, ordinals or ages: never a target's unit. */
export const NON_TARGET_UNITS: ReadonlySet<string> = new Set([
  '年',
  '月',
  '个月',
  '日',
  '号',
  '天',
  '周',
  '岁',
  '周岁',
  '届',
  '级',
  '层',
  '小时',
  '分钟',
  '个百分点',
  '‰',
]);

const PREFIXES: readonly (readonly [string, Approx])[] = [
  ['不少于', 'at_least'],
  ['不低于', 'at_least'],
  ['不小于', 'at_least'],
  ['至少', 'at_least'],
  ['超过', 'at_least'],
  ['多于', 'at_least'],
  ['大于', 'at_least'],
  ['不超过', 'at_most'],
  ['不多于', 'at_most'],
  ['不高于', 'at_most'],
  ['至多', 'at_most'],
  ['最多', 'at_most'],
  ['大约', 'about'],
  ['约', 'about'],
  ['近', 'about'],
];

const SUFFIXES: readonly (readonly [string, Approx])[] = [
  ['及以上', 'at_least'],
  ['以上', 'at_least'],
  ['以下', 'at_most'],
  ['以内', 'at_most'],
  ['左右', 'about'],
];

/** The unit as recorded for a unit as written (平米 → 平方米); unknown units pass through. */
export function canonicalUnit(unit: string): string {
  const t = unit.trim();
  for (const [form, canonical] of UNIT_FORMS) if (t === form) return canonical;
  return t;
}

export interface ScannedQuantity extends Quantity {
  /** Index just past the quantity (and its suffix). */
  end: number;
  /** Written in Chinese numerals (三条, 两个). */
  chinese: boolean;
}

/** The approximation word that ends just before `index`, with its length. */
export function prefixBefore(text: string, index: number): { approx: Approx; length: number } | null {
  let i = index;
  while (i > 0 && text.charAt(i - 1) === ' ') i--;
  for (const [word, approx] of PREFIXES) {
    if (text.startsWith(word, i - word.length)) return { approx, length: index - i + word.length };
  }
  return null;
}

const NUMERAL_SET = new Set(Array.from(CHINESE_NUMERAL_CHARS));

/**
 * Read a quantity whose number starts at `start` in normalized text: the
 * number (Arabic or Chinese), 万/亿/千 multipliers, 余/多, the unit, and a
 * suffix (以上, 左右…). Money stays in the unit it is written in: 万 and 亿
 * right before 元 are part of the unit (500万元 → 500 万元), as these lists
 * count money in 万元; everywhere else they multiply (2万人 → 20000 人).
 */
export function readQuantity(text: string, start: number): ScannedQuantity | null {
  let i = start;
  let value: number | null = null;
  let chinese = false;
  const arabic = /^\d{1,15}(?:\.\d{1,10})?/.exec(text.slice(i, i + 27));
  if (arabic) {
    value = Number(arabic[0]);
    i += arabic[0].length;
  } else {
    let j = i;
    while (j < text.length && j - i < 12 && NUMERAL_SET.has(text.charAt(j))) j++;
    // 五万元: the 万 belongs to the unit
    if (j > i + 1 && '万亿'.includes(text.charAt(j - 1)) && text.charAt(j) === '元') j--;
    if (j === i) return null;
    value = parseChineseNumber(text.slice(i, j));
    chinese = true;
    i = j;
  }
  if (value === null) return null;
  let approx: Approx | undefined;
  let unit = '';
  i = skipSpaces(text, i);
  const m = text.charAt(i);
  if (!chinese && (m === '万' || m === '亿')) {
    const after = skipSpaces(text, i + 1);
    if (text.charAt(after) === '元') {
      unit = `${m}元`;
      i = after + 1;
    } else {
      value = roundFloat(value * (m === '万' ? 1e4 : 1e8));
      i = after;
    }
  } else if (!chinese && m === '千' && !'米克瓦'.includes(text.charAt(i + 1))) {
    value = roundFloat(value * 1000);
    i = skipSpaces(text, i + 1);
  }
  if (unit === '') {
    if (text.charAt(i) === '余' || text.charAt(i) === '多') {
      approx = 'about';
      i = skipSpaces(text, i + 1);
    }
    const form = UNITS_BY_FIRST.get(text.charAt(i))?.find(([f]) => text.startsWith(f, i));
    if (form) {
      unit = form[1];
      i += form[0].length;
    } else if (chinese) {
      return null; // 两癌, 一线: a Chinese numeral without a unit is a word, not a number
    }
  }
  const j = skipSpaces(text, i);
  const suffix = unit === '' ? undefined : SUFFIXES.find(([s]) => text.startsWith(s, j));
  if (suffix) {
    approx = suffix[1];
    i = j + suffix[0].length;
  }
  return { value, unit, ...(approx ? { approx } : {}), end: i, chinese };
}

function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 3 && text.charAt(j) === ' ') j++;
  return j;
}

const RANGE_SEPARATORS = ['至', '到', '-', '~', '—', '～', '－'];

/**
 * A whole string that is one quantity: "2万人" → {20000, 人}, "1．5万人" →
 * 15000, "1.8153 万平米" → {18153, 平方米}, "三条", "两个", "700套（间）",
 * "80%", "1.65万人以上" (at_least), "约42亩" (about). A bare number has unit
 * ''. Ranges ("0.3至5万元") and anything with words around it → null.
 */
export function parseQuantity(s: string): Quantity | null {
  if (typeof s !== 'string' || s.length > 200) return null;
  const t = stripEnd(normalizeText(s));
  if (t === '' || t.length > 60) return null;
  let start = 0;
  let approx: Approx | undefined;
  for (const [word, a] of PREFIXES) {
    if (t.startsWith(word)) {
      approx = a;
      start = skipSpaces(t, word.length);
      break;
    }
  }
  const q = readQuantity(t, start);
  if (!q || q.end !== t.length) return null;
  const resolved = q.approx ?? approx;
  return { value: q.value, unit: q.unit, ...(resolved ? { approx: resolved } : {}) };
}

/**
 * "0.3至5万元" → {min 0.3, max 5, unit 万元}; "30至65岁", "3-16周岁",
 * "1至2万人" → {10000, 20000, 人} (the multiplier of the upper bound applies
 * to a bare lower bound). Null when it is not exactly one range or the two
 * bounds carry different units.
 */
export function parseRange(s: string): Range | null {
  if (typeof s !== 'string' || s.length > 200) return null;
  const t = stripEnd(normalizeText(s));
  if (t === '' || t.length > 60) return null;
  const first = readQuantity(t, 0);
  if (!first) return null;
  let i = skipSpaces(t, first.end);
  const sep = RANGE_SEPARATORS.find((x) => t.startsWith(x, i));
  if (!sep) return null;
  i = skipSpaces(t, i + sep.length);
  const second = readQuantity(t, i);
  if (!second || second.end !== t.length || second.unit === '') return null;
  if (first.unit === '') {
    const raw = /^\d{1,15}(?:\.\d{1,10})?/.exec(t.slice(i))?.[0];
    const factor = raw !== undefined && Number(raw) !== 0 ? second.value / Number(raw) : 1;
    const min = roundFloat(first.value * factor);
    return min <= second.value ? { min, max: second.value, unit: second.unit } : null;
  }
  if (first.unit !== second.unit || first.value > second.value) return null;
  return { min: first.value, max: second.value, unit: second.unit };
}

function stripEnd(t: string): string {
  return t.replace(/[。.，,；;]+$/, '').trim();
}
