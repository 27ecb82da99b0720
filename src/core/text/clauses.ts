import { isHan } from './normalize.js';
import { type Approx, NON_TARGET_UNITS, prefixBefore, readQuantity } from './quantity.js';

/**
 * The scanner behind extractIndicators and extractCheckpoints: finds the
 * quantities in normalized text and, for those a sentence commits to, the
 * name of what is counted. Only Arabic numbers are scanned: in running text
 * Chinese numerals are ordinals and idioms (一线, 一户一策, 一老一小, 二次供水).
 */

/** A quantity that counts something: not a date, ordinal, age, range end or item number. */
export interface Countable {
  value: number;
  unit: string;
  approx?: Approx;
  start: number;
  end: number;
}

export interface Candidate extends Countable {
  name: string;
  /** The verb-object form "建设 20处 健身园" rather than "建设健身园 20处". */
  numberFirst: boolean;
}

export type ScanMode = 'target' | 'checkpoint';

const BOUNDARY = new Set(['。', '；', ';', '！', '？', '!', '?', '，', ',', '：', ':', '\n']);
const RANGE_MARKS = new Set(['至', '到', '-', '~', '—', '～', '－']);

/** Words that open a phrase without naming anything: dropped from the start of a name. */
const FRAMING =
  '该项目将 该项目 本项目 进一步 全年 年度 今年 年内 当年 预计 计划 力争 确保 争取 其中 累计 共计 总计 合计 实现 完成 达到 开展 提供 开设 设置 建设 建成 新建 打造 筹集 举办 组织 释放 配送 发放 惠及 推出 创建 新设 将 已'.split(
    ' ',
  );

/** Verbs that, ending the text before a number, make "verb + N + unit + thing" a commitment. */
const WORK_VERBS =
  '建设 新建 建成 完成 打造 提升 改造 新增 增加 实现 达到 惠及 培训 筹集 开放 创建 设置 配备 安装 实施 开设 提供 启用 释放 覆盖 救助 资助'.split(
    ' ',
  );

/** A name ending in one of these states a change, a comparison or a dimension, not a target. */
const BAD_ENDINGS =
  '为 是 提高 提高至 提高到 降低 增长 下降 减少 由 从 至 到 占 比 每 平均 长 宽 高 深 长度 宽度 高度 直径'.split(' ');
/** A name holding one of these describes the project (where, how big, what after), not the work. */
const DESCRIPTIVE = ['位于', '占地', '建成后', '完成后', '竣工后', '投用后', '面向', '分别', '涉及'];
const BARE_SIZES = new Set([
  '面积',
  '建筑面积',
  '总建筑面积',
  '占地面积',
  '建设面积',
  '总建设面积',
  '用地面积',
  '总面积',
]);
const TRAILING_FILLER = ['累计', '共计', '总计', '合计', '达到', '共', '达', '的', '和', '及', '与', '或', '等'];
/** Pure framing verbs: a subject before them is not part of the name ("甲镇完成路灯安装"). */
const INNER_FRAMING = ['已完成', '完成', '实现', '累计', '达到'];
const PREPOSITIONS = ['对', '在', '为', '向', '将', '于', '从', '按', '经', '给'];

/** All countable quantities of a normalized text, in order. */
export function scanCountables(t: string): Countable[] {
  const found: Countable[] = [];
  const numbers = /\d+(?:\.\d+)?/g;
  let lastEnd = -1;
  for (let m = numbers.exec(t); m !== null; m = numbers.exec(t)) {
    const start = m.index;
    const before = t.charAt(start - 1);
    const q = readQuantity(t, start);
    const previousEnd = lastEnd;
    if (q) {
      lastEnd = q.end;
      numbers.lastIndex = Math.max(numbers.lastIndex, q.end);
    }
    if (!q || q.unit === '' || NON_TARGET_UNITS.has(q.unit)) continue;
    if (/[A-Za-z.]/.test(before) || /[A-Za-z]/.test(t.charAt(q.end))) continue;
    const open = skipBack(t, start);
    if (t.charAt(open - 1) === '第') continue;
    // the upper bound of a range: 30至65岁, 0.3至5万元, 3-16周岁
    if (RANGE_MARKS.has(t.charAt(open - 1)) && skipBack(t, open - 1) === previousEnd) continue;
    // the lower bound of one
    const after = skipForward(t, q.end);
    if (RANGE_MARKS.has(t.charAt(after)) && /\d/.test(t.charAt(skipForward(t, after + 1)))) continue;
    found.push({ value: q.value, unit: q.unit, ...(q.approx ? { approx: q.approx } : {}), start, end: q.end });
  }
  return found;
}

/** The countables a sentence commits to, each with the name of what it counts. */
export function scanCandidates(t: string, mode: ScanMode, countables = scanCountables(t)): Candidate[] {
  const ends = new Set(countables.map((c) => c.end));
  const out: Candidate[] = [];
  let previous: Candidate | null = null;
  for (const c of countables) {
    const prefix = prefixBefore(t, c.start);
    const approx = c.approx ?? prefix?.approx;
    const nameEnd = c.start - (prefix?.length ?? 0);
    const clauseStart = findClauseStart(t, nameEnd, ends);
    const before = stripOpening(t.slice(clauseStart, nameEnd));
    const candidate: Candidate | null =
      isNameNext(t, c.end) === 'before'
        ? nameBefore(t, before, clauseStart, c, approx, mode)
        : nameAfter(t, before, c, approx, mode, previous);
    if (candidate) out.push(candidate);
    previous = candidate;
  }
  return out;
}

function nameBefore(
  t: string,
  before: string,
  clauseStart: number,
  c: Countable,
  approx: Approx | undefined,
  mode: ScanMode,
): Candidate | null {
  if (mode === 'target' && approx === 'about') return null;
  let raw = before;
  if (stripFraming(dropBrackets(raw)) === '' && clauseStart > 0 && '，,'.includes(t.charAt(clauseStart - 1))) {
    // "提供上门助浴服务，达到3000人次": the name is in the clause before
    const prevStart = findClauseStart(t, clauseStart - 1, new Set());
    const prev = dropBrackets(stripOpening(t.slice(prevStart, clauseStart - 1)));
    const verb = lastVerbEnd(prev);
    if (verb < 0) return null;
    raw = prev.slice(verb);
  }
  const name = cleanName(raw);
  if (name === null) return null;
  if (c.unit === '%' && mode === 'target' && !name.endsWith('率')) return null;
  return { ...c, ...(approx ? { approx } : {}), name, numberFirst: false };
}

function nameAfter(
  t: string,
  before: string,
  c: Countable,
  approx: Approx | undefined,
  mode: ScanMode,
  previous: Candidate | null,
): Candidate | null {
  if (mode === 'target' && approx === 'about') return null;
  const bare = dropBrackets(before);
  const head = stripFraming(bare, false);
  const verbEnding = WORK_VERBS.some((v) => bare.endsWith(v));
  // "新增甲苑、乙苑2处社区食堂": the verb opens an enumeration of places
  const verbOpening = bare.includes('、') && !/\d/.test(bare) && WORK_VERBS.some((v) => bare.startsWith(v));
  const committed = approx === 'at_least' && head === '';
  const parallel = mode === 'checkpoint' && head === '' && previous?.numberFirst === true && c.unit === previous.unit;
  if (!(verbEnding || verbOpening || committed || parallel)) return null;
  if (c.unit === '%' && mode === 'target' && !(committed || ['实现', '达到', '完成'].some((v) => bare.endsWith(v)))) {
    return null;
  }
  let i = skipForward(t, c.end);
  if ('（('.includes(t.charAt(i))) i = skipForward(t, skipBracket(t, i));
  if (t.charAt(i) === '的') i++;
  let j = i;
  while (j < t.length && j - i < 30 && !BOUNDARY.has(t.charAt(j)) && t.charAt(j) !== '、' && !/\d/.test(t.charAt(j)))
    j++;
  if (j - i >= 30) return null;
  const name = cleanName(t.slice(i, j));
  // a long noun phrase after the number is more often a description than the thing counted
  if (name !== null && name.length > 16) return null;
  return name === null ? null : { ...c, ...(approx ? { approx } : {}), name, numberFirst: true };
}

/** 'before' when the quantity closes its clause (the name came before it), else 'after'. */
function isNameNext(t: string, end: number): 'before' | 'after' {
  let i = skipForward(t, end);
  if ('（('.includes(t.charAt(i))) i = skipForward(t, skipBracket(t, i));
  const ch = t.charAt(i);
  if (i >= t.length || BOUNDARY.has(ch) || ch === '、' || ch === '(' || ch === '（' || ch === '.') return 'before';
  return ch === '的' || isHan(ch) || '“‘"'.includes(ch) ? 'after' : 'before';
}

/**
 * Where the clause holding `index` begins: after the nearest boundary mark
 * outside brackets, or after 、 when a quantity ends right before it (a list
 * of counted things, "社区食堂6个、助餐点4处"). At most 80 characters back.
 */
function findClauseStart(t: string, index: number, ends: ReadonlySet<number>): number {
  let depth = 0;
  let i = index - 1;
  for (; i >= 0 && index - i <= 80; i--) {
    const ch = t.charAt(i);
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth === 0 && BOUNDARY.has(ch)) return i + 1;
    else if (depth === 0 && ch === '、' && ends.has(skipBack(t, i))) return i + 1;
  }
  return i + 1;
}

const INNER_MARK = /\(\d{1,2}\)|（\d{1,2}）|[⑴-⒇①-⑳]/g;

/** Drop item markers ("(1)", "2.", "①": a clause starts after the last one) and a "截至二季度末" opening. */
function stripOpening(s: string): string {
  let t = s.trim();
  let after = -1;
  INNER_MARK.lastIndex = 0;
  for (let m = INNER_MARK.exec(t); m !== null; m = INNER_MARK.exec(t)) after = m.index + m[0].length;
  if (after >= 0) t = t.slice(after).trim();
  t = t.replace(/^\d{1,2}[.、](?!\d)\s*/, '');
  t = t.replace(/^(?:截至|截止到|截止|到)[^，,。]{0,10}?[末底]\s*/, '');
  return t.trim();
}

function dropBrackets(s: string): string {
  return s.replace(/（[^（）]{0,40}）|\([^()]{0,40}\)/g, '').trim();
}

const FRAMING_BY_FIRST = new Map<string, string[]>();
for (const word of FRAMING)
  FRAMING_BY_FIRST.set(word.charAt(0), [...(FRAMING_BY_FIRST.get(word.charAt(0)) ?? []), word]);

/** Strip opening framing words (and 新增 unless it is the name: 新增就业). */
function stripFraming(s: string, keepShortXinzeng = true): string {
  let t = s.trim();
  for (let round = 0; round < 10; round++) {
    const word = FRAMING_BY_FIRST.get(t.charAt(0))?.find((w) => t.startsWith(w));
    if (word) {
      t = t.slice(word.length).trim();
      continue;
    }
    if (t.startsWith('新增') && (!keepShortXinzeng || t.length > 4)) {
      t = t.slice(2).trim();
      continue;
    }
    break;
  }
  return t;
}

/** The index just past the last work verb in `s`, or -1. */
function lastVerbEnd(s: string): number {
  let best = -1;
  for (const v of WORK_VERBS) {
    const at = s.lastIndexOf(v);
    if (at >= 0) best = Math.max(best, at + v.length);
  }
  return best;
}

/** The name of what is counted, or null when the words around the number name nothing we should track. */
function cleanName(raw: string): string | null {
  let t = dropBrackets(raw).replace(/\s+/g, '');
  for (let round = 0; round < 4; round++) {
    const tail = TRAILING_FILLER.find((w) => t.endsWith(w));
    if (!tail) break;
    t = t.slice(0, -tail.length);
  }
  if (BAD_ENDINGS.some((w) => t.endsWith(w)) || DESCRIPTIVE.some((w) => t.includes(w))) return null;
  if (PREPOSITIONS.some((p) => t.startsWith(p))) {
    const verb = lastVerbEnd(t);
    if (verb < 0) return null;
    t = t.slice(verb);
  }
  for (const v of INNER_FRAMING) {
    const at = t.lastIndexOf(v);
    // 完成率, 完成量: the verb is part of a noun
    if (at > 0 && !'率量数度值'.includes(t.charAt(at + v.length) || '-')) {
      t = t.slice(at + v.length);
      break;
    }
  }
  const de = t.lastIndexOf('的');
  if (de >= 0) t = t.slice(de + 1);
  t = stripFraming(t);
  if (BARE_SIZES.has(t) || t.length < 2 || t.length > 30 || !isHan(t.charAt(0)) || /\d/.test(t)) return null;
  return t;
}

function skipBack(t: string, index: number): number {
  let i = index;
  while (i > 0 && t.charAt(i - 1) === ' ') i--;
  return i;
}

function skipForward(t: string, index: number): number {
  let i = index;
  while (i < t.length && t.charAt(i) === ' ') i++;
  return i;
}

/** Index just past the bracket group opening at `i` (at most 40 characters), or `i` if it does not close. */
function skipBracket(t: string, i: number): number {
  const close = t.charAt(i) === '（' ? '）' : ')';
  for (let j = i + 1; j < t.length && j - i <= 40; j++) if (t.charAt(j) === close) return j + 1;
  return i;
}
