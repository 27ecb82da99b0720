/**
 * Cleanup for text copied out of the published lists (Word, PDF, web pages).
 *
 * Every function in src/core/text is total and bounded: it accepts any string
 * (a non-string is treated as ''), never throws, and reads at most
 * MAX_INPUT characters — longer input is truncated, as no cell or paragraph of
 * a real list comes near it (the interchange format caps text at 20 000).
 */
export const MAX_INPUT = 20_000;

/** The bounded, string-typed view of an argument every function starts from. */
export function clip(s: unknown): string {
  if (typeof s !== 'string') return '';
  return s.length > MAX_INPUT ? s.slice(0, MAX_INPUT) : s;
}

/** Han ideographs (basic, extension A, compatibility). */
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Characters that sit tight against their neighbours in Chinese text: Han,
 * CJK punctuation, the full-width brackets and marks we keep, curly quotes,
 * dashes and ellipses. A space between two of them is an extraction artefact.
 */
export function isTight(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (isHan(ch)) return true;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x3001 && c <= 0x303f) || // 、。〃《》「」【】〔〕…
    (c >= 0xff01 && c <= 0xff65) || // the full-width marks kept: （），：；！？
    (c >= 0x2018 && c <= 0x201f) || // ‘’“”
    c === 0x2014 || // —
    c === 0x2026 || // …
    c === 0x00b7 // ·
  );
}

/** Full-width forms kept as Chinese punctuation; every other one becomes ASCII. */
const KEEP_FULL_WIDTH = new Set(['（', '）', '，', '：', '；', '！', '？']);

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
/** Pinyin in brackets after a character (項(xiàng)); a tone mark is required so "(app)" survives. */
const PINYIN = new RegExp(`([\\u4e00-\\u9fff])[(（]([a-z${TONE_VOWELS}]{1,7})[)）]`, 'g');
const HAS_TONE = new RegExp(`[${TONE_VOWELS}]`);

/** Marks before which a line break or space is always an artefact (“八、安居保障工程\n。”). */
const CLOSING = new Set(['。', '，', '、', '；', '：', '）', '！', '？', '》', '」', '』', '】', ',', ';', ')']);

export interface NormalizeOptions {
  /**
   * Keep line breaks (as single "\n", blank lines dropped) instead of folding
   * them into spaces: for cells whose paragraphs carry structure (“1．…\n2．…”).
   */
  keepLineBreaks?: boolean;
}

/**
 * Normalize a paragraph or cell of these documents. Decisions:
 * - full-width digits, Latin letters, `．` `％` `＋` `－` `／` … become ASCII
 *   (`１．５万人` → `1.5万人`); `（），：；！？` stay Chinese, so `套（间）`
 *   keeps its brackets;
 * - a comma between digits followed by exactly three digits is a thousands
 *   separator and goes (`10,000` → `10000`); other commas stay;
 * - `[bookmark: …]`, zero-width characters, BOM and pinyin annotations go;
 * - a space between two Chinese characters or marks goes (`提升教 育教学 环境`,
 *   `赵 林`): so never normalize a units or persons cell before splitting it —
 *   splitUnits and splitPersons take the raw cell; spaces between digits,
 *   Latin letters and units stay, as single spaces (`1.8153 万平米`);
 * - line breaks and spaces before `。，、；：）` go; other whitespace runs
 *   become one space (or one "\n" with keepLineBreaks); the result is trimmed.
 */
export function normalizeText(s: string, options: NormalizeOptions = {}): string {
  let t = clip(s);
  if (t === '') return '';
  // Each step is skipped when the character it needs is absent: the importer calls this on every cell.
  if (t.includes('[')) t = t.replace(/\[bookmark:[^\]]{0,300}\]/gi, '');
  t = mapCharacters(t);
  if (t.includes('(') || t.includes('（')) {
    t = t.replace(PINYIN, (whole, han: string, py: string) => (HAS_TONE.test(py) ? han : whole));
  }
  if (t.includes(',') || t.includes('，')) t = t.replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
  return foldSpaces(t, options.keepLineBreaks === true).trim();
}

/** Width folding and whitespace unification, one pass; unchanged stretches are copied whole. */
function mapCharacters(s: string): string {
  if (!/[\uff01-\uff5e\u3000\u00a0\t\v\f\u2000-\u200d\ufeff\u2060\r\u2028\u2029\u0085]/.test(s)) return s;
  let out = '';
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let replacement: string;
    let skip = 0;
    if (c >= 0xff01 && c <= 0xff5e && !KEEP_FULL_WIDTH.has(s.charAt(i))) {
      replacement = String.fromCharCode(c - 0xfee0);
    } else if (c === 0x3000 || c === 0x00a0 || c === 0x09 || c === 0x0b || c === 0x0c || (c >= 0x2000 && c <= 0x200a)) {
      replacement = ' ';
    } else if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0x2060) {
      replacement = ''; // zero-width: nothing
    } else if (c === 0x0d) {
      replacement = '\n';
      if (s.charCodeAt(i + 1) === 0x0a) skip = 1;
    } else if (c === 0x2028 || c === 0x2029 || c === 0x85) {
      replacement = '\n';
    } else {
      continue;
    }
    out += s.slice(kept, i) + replacement;
    i += skip;
    kept = i + 1;
  }
  return out + s.slice(kept);
}

/**
 * One pass over whitespace runs: a run before a closing mark goes; a run
 * between two tight characters (or after `,;:` that follow one) goes; any
 * other run becomes one space, or one "\n" when it held a line break and
 * line breaks are kept.
 */
function foldSpaces(s: string, keepLineBreaks: boolean): string {
  if (!s.includes(' ') && !s.includes('\n')) return s;
  let out = '';
  let prev = '';
  let prevPrev = '';
  let i = 0;
  while (i < s.length) {
    // A stretch without whitespace is copied whole.
    const start = i;
    while (i < s.length && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 10) i++;
    if (i > start) {
      out += s.slice(start, i);
      prevPrev = i - start >= 2 ? s.charAt(i - 2) : prev;
      prev = s.charAt(i - 1);
    }
    if (i >= s.length) break;
    let j = i;
    let newline = false;
    while (j < s.length && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 10)) {
      if (s.charCodeAt(j) === 10) newline = true;
      j++;
    }
    const next = s.charAt(j);
    i = j;
    if (out.length === 0 || j >= s.length || CLOSING.has(next)) continue;
    const mark = keepLineBreaks && newline ? '\n' : ' ';
    const prevTight = isTight(prev) || ((prev === ',' || prev === ';' || prev === ':') && isTight(prevPrev));
    if (mark === ' ' && prevTight && isTight(next)) continue;
    out += mark;
    prevPrev = prev;
    prev = mark;
  }
  return out;
}

/**
 * Light cleanup for cells that are lists of names (units, persons): width
 * folding, bookmarks and zero-width characters only. Spaces are kept because
 * they separate the names.
 */
export function foldWidth(s: string): string {
  return mapCharacters(clip(s).replace(/\[bookmark:[^\]]{0,300}\]/gi, ''));
}
