import { XMLParser } from 'fast-xml-parser';

/**
 * Word's automatic numbering: “一、”, “1.”, “(1)” that Word draws before a
 * paragraph but does not store in its text. A list typed with automatic
 * numbering, or a 序号 column numbered that way, would otherwise lose its
 * numbers. This follows word/numbering.xml far enough for lists: levels,
 * start values, start overrides and the common formats. Numbering that comes
 * from a paragraph style is not followed.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

type Attributes = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['abstractNum', 'lvl', 'num', 'lvlOverride'].includes(name),
});

const asArray = (value: unknown): Attributes[] =>
  Array.isArray(value) ? value.filter((v): v is Attributes => v !== null && typeof v === 'object') : [];

function valOf(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as Attributes)['@val'];
  return typeof value === 'string' ? value : undefined;
}

function intOf(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

function levelsOf(levels: Attributes[]): Map<number, Level> {
  const map = new Map<number, Level>();
  for (const lvl of levels) {
    const index = intOf(lvl['@ilvl']);
    if (index === undefined || index < 0 || index > 8) continue;
    map.set(index, {
      start: intOf(valOf(lvl.start)) ?? 1,
      format: valOf(lvl.numFmt) ?? 'decimal',
      text: valOf(lvl.lvlText) ?? '',
      suffix: valOf(lvl.suff) ?? 'tab',
      legal: lvl.isLgl !== undefined && valOf(lvl.isLgl) !== '0' && valOf(lvl.isLgl) !== 'false',
    });
  }
  return map;
}

const CHINESE_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五; the legal form keeps 壹拾. */
function chineseNumber(n: number, digits: string, units: readonly string[], dropLeadingOne: boolean): string {
  if (n <= 0 || n >= 10_000) return String(n);
  const s = String(n);
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    if (d === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (pendingZero) out += digits[0];
    pendingZero = false;
    out += (digits[d] ?? '') + (units[s.length - 1 - i] ?? '');
  }
  return dropLeadingOne && n >= 10 && n < 20 ? out.slice(1) : out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

const cycle = (symbols: string, n: number) => (n > 0 ? ([...symbols][(n - 1) % [...symbols].length] ?? '') : String(n));
const offset = (base: number, n: number, max: number) =>
  n >= 1 && n <= max ? String.fromCodePoint(base + n - 1) : String(n);

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
    case 'lowerLetter': {
      if (n <= 0) return String(n);
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n, CHINESE_DIGITS, ['', '十', '百', '千'], true);
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL_DIGITS, ['', '拾', '佰', '仟'], false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)] ?? d).join('');
    case 'ideographTraditional':
      return cycle('甲乙丙丁戊己庚辛壬癸', n);
    case 'ideographZodiac':
      return cycle('子丑寅卯辰巳午未申酉戌亥', n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return offset(0x2460, n, 20);
    case 'decimalEnclosedParen':
      return offset(0x2474, n, 20);
    case 'decimalEnclosedFullstop':
      return offset(0x2488, n, 20);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** Whether any paragraph was numbered, so the reader can say it rebuilt numbers. */
  used = false;
  /** Whether numbering.xml could not be read, or a paragraph named a list it does not define: numbers are missing. */
  broken = false;

  static parse(xml: string | undefined): Numbering {
    const numbering = new Numbering();
    if (xml === undefined || xml === '') return numbering;
    const root = (parser.parse(xml) as Attributes).numbering as Attributes | undefined;
    if (!root) return numbering;
    for (const abstract of asArray(root.abstractNum)) {
      const id = abstract['@abstractNumId'];
      if (typeof id === 'string') numbering.abstracts.set(id, levelsOf(asArray(abstract.lvl)));
    }
    for (const num of asArray(root.num)) {
      const id = num['@numId'];
      const abstract = valOf(num.abstractNumId);
      if (typeof id !== 'string' || abstract === undefined) continue;
      const starts = new Map<number, number>();
      for (const override of asArray(num.lvlOverride)) {
        const level = intOf(override['@ilvl']);
        const start = intOf(valOf(override.startOverride));
        if (level !== undefined && start !== undefined) starts.set(level, start);
      }
      numbering.nums.set(id, { abstract, starts });
    }
    return numbering;
  }

  /** The label Word draws before the next paragraph of this list at this level, advancing the count. */
  next(numId: string, level: number): string {
    const num = this.nums.get(numId);
    const levels = num && this.abstracts.get(num.abstract);
    const definition = levels?.get(level);
    if (!num || !levels || !definition) {
      this.broken = true;
      return '';
    }
    this.used = true;
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    const counts = this.counters.get(numId) ?? [];
    this.counters.set(numId, counts);
    counts[level] = counts[level] === undefined ? startOf(level) : (counts[level] ?? 0) + 1;
    for (let deeper = level + 1; deeper < counts.length; deeper++) counts[deeper] = undefined;

    const label = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const l = Number(digit) - 1;
      const format = definition.legal ? 'decimal' : (levels.get(l)?.format ?? 'decimal');
      return formatNumber(counts[l] ?? startOf(l), format);
    });
    if (definition.format === 'bullet') return '';
    return definition.suffix === 'space' ? `${label} ` : label;
  }
}
