import { normalizeText } from '../../text/normalize.js';
import { parseChineseNumber } from '../../text/numbers.js';
import { splitCityParagraph } from './city-genre.js';
import { detectScript, stripPinyin, toSimplified } from './script.js';
import { SENTENCE_END } from './text.js';
import type { BulletinCutoff, BulletinParagraph, ReadBulletin } from './types.js';

/**
 * Read a published bulletin (the district 成绩单 or the city 进展情况公布, see
 * docs/design/publish-plan.md §2) into paragraphs: pinyin brackets stripped,
 * traditional characters simplified, page furniture dropped, the text cut at
 * the reporter's byline, then split by genre. Pure and total: any string in,
 * never throws.
 */

/** A bulletin is a page or two; a text beyond this is cut (the API refuses it first). */
const MAX_CHARS = 400_000;

/** `01  护苗助老贴心工程`: two digits, two or more spaces, a short title. */
const HEADING = /^\s*([0-9０-９]{2})\s{2,}(\S.{0,40}?)\s*$/u;

/** Lines that are the page around the bulletin, not the bulletin. */
const FURNITURE_WORDS = new Set([
  '适老版',
  '关爱版',
  '无障碍',
  '分享到',
  '分享到:',
  '分享到：',
  '新媒体矩阵',
  '政务邮箱',
  '帮办平台',
  '返回顶部',
  '打印',
  '打印本页',
  '关闭',
  '关闭窗口',
  '字号',
  '大',
  '中',
  '小',
  '【打印】',
  '【关闭】',
]);
const FURNITURE_LINE = [
  /^来源[:：]/,
  /发布时间[:：]\s*\d/,
  /^版权声明/,
  /^(责任编辑|编辑|校对|审核|作者)[:：]/,
  /^-\s/,
  /^(上一篇|下一篇)[:：]/,
];
/** `（记者 韩雯）`: the end of the bulletin. */
const BYLINE = /[（(]\s*记者[^()（）]{0,40}[)）]/u;

const CUTOFF =
  /截[至止](?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(底|末|份)|(\d{1,2})日|([一二三四五六七八九十]{1,3})日)?/u;

interface Block {
  kind: 'heading' | 'text';
  text: string;
}

export function readBulletin(text: string): ReadBulletin {
  const raw = typeof text === 'string' ? text.slice(0, MAX_CHARS) : '';
  const stripped = stripPinyin(raw);
  const simplified = toSimplified(stripped);
  const script = detectScript(stripped, simplified);
  const source = script === 'hant' ? simplified : stripped;

  const dropped: string[] = [];
  const blocks = toBlocks(source.split(/\r\n|\r|\n|\u2028|\u2029/), dropped);
  const titleBlock = blocks[0];
  const title = titleBlock && titleBlock.kind === 'text' && isTitle(titleBlock.text) ? titleBlock.text : undefined;
  const body = title === undefined ? blocks : blocks.slice(1);
  const genre = body.some((b) => b.kind === 'heading') ? 'district' : 'city';

  const pieces: Array<Omit<BulletinParagraph, 'position'>> = [];
  if (genre === 'district') {
    let category: string | undefined;
    for (const block of body) {
      if (block.kind === 'heading') category = block.text;
      else pieces.push(category === undefined ? { text: block.text } : { category, text: block.text });
    }
  } else {
    for (const block of body) pieces.push(...splitCityParagraph(block.text));
  }
  const paragraphs = pieces.map((p, position) => ({ ...p, position }));
  const cutoff = findCutoff([title ?? '', ...paragraphs.map((p) => p.text)]);
  return {
    script,
    genre,
    ...(title === undefined ? {} : { title }),
    ...(cutoff ? { cutoff } : {}),
    paragraphs,
    dropped,
  };
}

/**
 * Lines → headings and paragraphs: furniture dropped, everything from the
 * byline on dropped, and a line that does not end a sentence joined with the
 * next (a paragraph broken by copying out of a PDF).
 */
function toBlocks(lines: readonly string[], dropped: string[]): Block[] {
  const blocks: Block[] = [];
  let open = false;
  let ended = false;
  for (const line of lines) {
    if (ended) {
      const rest = normalizeText(line);
      if (rest !== '') dropped.push(rest);
      continue;
    }
    const heading = HEADING.exec(line);
    const headingTitle = heading ? normalizeText(heading[2] ?? '') : '';
    if (heading && headingTitle !== '' && !/[。；;]/.test(headingTitle) && headingTitle.length <= 30) {
      blocks.push({ kind: 'heading', text: headingTitle });
      open = false;
      continue;
    }
    let t = normalizeText(line);
    if (t === '') {
      open = false;
      continue;
    }
    if (isFurniture(line, t)) {
      dropped.push(t);
      continue;
    }
    const byline = BYLINE.exec(t);
    if (byline) {
      dropped.push(t.slice(byline.index));
      t = t.slice(0, byline.index).trim();
      ended = true;
      if (t === '') continue;
    }
    const last = blocks[blocks.length - 1];
    const joinable = open && last?.kind === 'text' && !SENTENCE_END.test(last.text);
    if (joinable && !(blocks.length === 1 && isTitle(last.text))) last.text = normalizeText(`${last.text}${t}`);
    else blocks.push({ kind: 'text', text: t });
    open = true;
  }
  return blocks;
}

/** Furniture by its words (`适老版 关爱版`, split on the raw line's spaces) or its form (`来源:…`). */
function isFurniture(raw: string, line: string): boolean {
  if (FURNITURE_LINE.some((re) => re.test(line))) return true;
  return raw
    .trim()
    .split(/\s+/)
    .every((word) => FURNITURE_WORDS.has(word));
}

/** A short first line without a full stop is the headline. */
function isTitle(text: string): boolean {
  return text.length <= 60 && !text.includes('。') && !/[；;]/.test(text);
}

function numberOf(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = /^\d+$/.test(s) ? Number(s) : parseChineseNumber(s);
  return n === null || !Number.isInteger(n) ? undefined : n;
}

/** The first `截至…月底` / `截至…月…日` of the bulletin. */
function findCutoff(texts: readonly string[]): BulletinCutoff | undefined {
  for (const text of texts) {
    const m = CUTOFF.exec(text);
    if (!m) continue;
    const month = numberOf(m[2]);
    if (month === undefined || month < 1 || month > 12) continue;
    const year = numberOf(m[1]);
    const day = numberOf(m[4] ?? m[5]);
    return {
      ...(year === undefined ? {} : { year }),
      month,
      ...(day === undefined || day < 1 || day > 31 ? {} : { day }),
    };
  }
  return undefined;
}
