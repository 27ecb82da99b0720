import { normalizeText } from './normalize.js';
import { parseChineseNumber } from './numbers.js';

/**
 * The small marks of these lists: "no work" cells, quarter headers, category
 * ordinals (一、 （三）), item numbers (1． 12、 (1) ⑴) and the parts a cell
 * is divided into.
 */

const NO_WORK_WORDS = new Set(['无', '暂无', '不涉及', '无任务', '/']);

/** "——", "---", "—", "-", "/", "无", "" (and whitespace): no work that quarter. */
export function isNoWork(text: string): boolean {
  if (typeof text !== 'string') return true;
  if (text.length > 200) return false;
  const t = normalizeText(text)
    .replace(/[。.]$/, '')
    .trim();
  if (t === '' || NO_WORK_WORDS.has(t)) return true;
  return /^[-—–―‐‑－/／\\_·…~ ]{1,20}$/.test(t);
}

/** "第一季度", "一季度", "1季度", "Q1", "一季度末", "第一季度（3月底）" → Q1 … Q4; anything else → null. */
export function quarterOfHeader(text: string): 'Q1' | 'Q2' | 'Q3' | 'Q4' | null {
  if (typeof text !== 'string' || text.length > 100) return null;
  const t = normalizeText(text).replace(/\s/g, '');
  const latin = /^(?:\d{4}年?)?[Qq]([1-4])$/.exec(t);
  const han =
    /^(?:\d{4}年)?第?([一二三四1-4])季度?(?:末|底)?(?:目标|计划|任务|进度|安排)?(?:[（(][^（）()]{0,20}[）)])?$/.exec(
      t,
    );
  const digit = latin?.[1] ?? han?.[1];
  if (digit === undefined) return null;
  const n = '一二三四'.indexOf(digit) + 1 || Number(digit);
  return n >= 1 && n <= 4 ? (`Q${n}` as 'Q1' | 'Q2' | 'Q3' | 'Q4') : null;
}

/** A title's single final 。 goes ("便民服务工程。"); a paragraph of several sentences keeps its own. */
function tidyRest(rest: string): string {
  const t = rest.trim();
  if (t.endsWith('。') && t.indexOf('。') === t.length - 1) return t.slice(0, -1).trim();
  return t;
}

const HAN_NUMERAL = '[一二三四五六七八九十百零〇]{1,6}';
const ORDINAL = new RegExp(`^(${HAN_NUMERAL})[、.，,]\\s*([\\s\\S]*)$`);
const BRACKETED_ORDINAL = new RegExp(`^[（(](${HAN_NUMERAL})[）)][、.]?\\s*([\\s\\S]*)$`);

/**
 * A category heading: "一、增加教育资源配置" → {1, 增加教育资源配置};
 * "十四、…"; "（三）…"; spaces from PDF extraction go ("一、 增加 教育 资源
 * 配置"). `rest` is normalized; a single final 。 is dropped (a title), a
 * longer paragraph keeps its punctuation. Ordinals run 1–999.
 */
export function parseOrdinal(text: string): { ordinal: number; rest: string } | null {
  const t = normalizeText(text);
  const m = ORDINAL.exec(t) ?? BRACKETED_ORDINAL.exec(t);
  if (!m || m[1] === undefined) return null;
  const ordinal = parseChineseNumber(m[1]);
  if (ordinal === null || !Number.isInteger(ordinal) || ordinal < 1 || ordinal > 999) return null;
  return { ordinal, rest: tidyRest(m[2] ?? '') };
}

const CIRCLED_PAREN_1 = 0x2474; // ⑴
const CIRCLED_1 = 0x2460; // ①

/** ⑴…⒇ and ①…⑳ as "(1)"…"(20)", or null. */
function circled(ch: string): string | null {
  const c = ch.charCodeAt(0);
  if (c >= CIRCLED_PAREN_1 && c < CIRCLED_PAREN_1 + 20) return `(${c - CIRCLED_PAREN_1 + 1})`;
  if (c >= CIRCLED_1 && c < CIRCLED_1 + 20) return `(${c - CIRCLED_1 + 1})`;
  return null;
}

/**
 * An item or part number at the start of a cell: "1", "1．", "12、", "1)"
 * → "1"; "(1)", "（2）", "⑴", "①" → "(1)", "(2)". A number must be followed
 * by its mark or end the cell, so "1.5万人", "12月底" and "2024年" are not
 * item numbers. Numbers run 1–999.
 */
export function parseItemNumber(text: string): { number: string; rest: string } | null {
  const t = normalizeText(text);
  const circledNumber = circled(t.charAt(0));
  if (circledNumber) return { number: circledNumber, rest: tidyRest(t.slice(1)) };
  const bracketed = /^[（(](\d{1,3})[）)]\s*([\s\S]*)$/.exec(t);
  if (bracketed?.[1] !== undefined) return { number: `(${Number(bracketed[1])})`, rest: tidyRest(bracketed[2] ?? '') };
  const plain = /^(\d{1,3})(?:$|[.、)）](?!\d)\s*([\s\S]*)$)/.exec(t);
  if (plain?.[1] === undefined || Number(plain[1]) === 0) return null;
  return { number: String(Number(plain[1])), rest: tidyRest(plain[2] ?? '') };
}

const PART_MARK = /(?:^|(?<=[\s。；;]))(?:[（(](\d{1,2})[）)]|([⑴-⒇①-⑳])|(\d{1,2})[.、](?!\d))/g;

/**
 * The numbered parts written inside one cell: "(1) 实现新增就业 23000 人。
 * (2) 开展职业技能培训 10000 人次。" → [{(1), 实现新增就业 23000 人。},
 * {(2), …}]; also "1．…\n2．…" and ⑴⑵. Marks must count up from 1 in one
 * style, so stray numbers are not taken for parts. Text before the first mark
 * is a part numbered ''. No marks → [].
 */
export function splitParts(text: string): { number: string; text: string }[] {
  const t = normalizeText(text, { keepLineBreaks: true });
  const marks: { index: number; end: number; number: string }[] = [];
  let style: 'bracket' | 'circled' | 'plain' | null = null;
  let expected = 1;
  PART_MARK.lastIndex = 0;
  for (let m = PART_MARK.exec(t); m !== null; m = PART_MARK.exec(t)) {
    const [whole, bracket, circle, plain] = m;
    const kind = bracket !== undefined ? 'bracket' : circle !== undefined ? 'circled' : 'plain';
    const n =
      bracket !== undefined
        ? Number(bracket)
        : circle !== undefined
          ? Number(circled(circle)?.slice(1, -1))
          : Number(plain);
    if (n !== expected || (style !== null && kind !== style)) continue;
    style = kind;
    expected++;
    marks.push({ index: m.index, end: m.index + whole.length, number: kind === 'plain' ? String(n) : `(${n})` });
  }
  if (marks.length === 0) return [];
  const parts: { number: string; text: string }[] = [];
  const head = t.slice(0, marks[0]?.index ?? 0).trim();
  if (head !== '') parts.push({ number: '', text: head });
  marks.forEach((mark, i) => {
    parts.push({ number: mark.number, text: t.slice(mark.end, marks[i + 1]?.index ?? t.length).trim() });
  });
  return parts;
}
