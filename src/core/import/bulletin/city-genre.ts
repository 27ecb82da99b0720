import type { BulletinParagraph } from './types.js';

/**
 * The city bulletin's body: `在{theme}方面，一是{sub-theme}。{fact}；{fact}。
 * 二是…`. Each fact becomes a paragraph of its own with the theme as its
 * category; what comes before the first theme (the lede, the context) stays
 * one paragraph without a category.
 */

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const THEME = /在([^，,。；;]{2,30}?)方面[，,：:]/u;
/** Before an ordinal `N是`: the start of the text, or the end of a sentence or clause. */
const BEFORE_ORDINAL = /[。；;，,：:]$/;

type Piece = Omit<BulletinParagraph, 'position'>;

export function splitCityParagraph(text: string): Piece[] {
  const chunks = text.split(/(?<=。)(?=在[^，,。；;]{2,30}?方面[，,：:])/u);
  return chunks.flatMap((chunk) => splitChunk(chunk.trim())).filter((p) => hasWords(p.text));
}

function splitChunk(chunk: string): Piece[] {
  const first = ordinalAt(chunk, 0, 0);
  if (first < 0) return [{ text: chunk }];
  const theme = THEME.exec(chunk);
  const themed = theme !== null && theme.index < first;
  const lede = chunk.slice(0, themed ? theme.index : first).trim();
  const category = themed ? theme[1]?.trim() : undefined;
  const pieces: Piece[] = lede === '' ? [] : [{ text: lede }];
  let start = first;
  for (let n = 0; n < ORDINALS.length; n++) {
    const label = `${ORDINALS[n]}是`;
    const next = n + 1 < ORDINALS.length ? ordinalAt(chunk, n + 1, start + label.length) : -1;
    const group = chunk.slice(start + label.length, next < 0 ? undefined : next).trim();
    for (const fact of factsOf(group)) pieces.push(category ? { category, text: fact } : { text: fact });
    if (next < 0) break;
    start = next;
  }
  return pieces;
}

/** Where `{ordinal}是` starts a clause, from `from` on; -1 when it does not. */
function ordinalAt(text: string, n: number, from: number): number {
  const label = `${ORDINALS[n]}是`;
  let i = text.indexOf(label, from);
  while (i >= 0) {
    // 十一是 must not be read as 一是.
    const prev = text.slice(0, i);
    if ((i === 0 || BEFORE_ORDINAL.test(prev)) && !(n < 9 && prev.endsWith('十'))) return i;
    i = text.indexOf(label, i + 1);
  }
  return -1;
}

/** A group `{sub-theme}。{fact}；{fact}。` → its facts; a group of one sentence is its own fact. */
function factsOf(group: string): string[] {
  const stop = group.indexOf('。');
  const rest = stop < 0 ? '' : group.slice(stop + 1).trim();
  const facts = rest === '' ? [group] : rest.split(/[；;]/);
  return facts.map(asSentence).filter(hasWords);
}

function asSentence(fact: string): string {
  const t = fact.trim().replace(/[，,；;、\s]+$/u, '');
  return t === '' || /[。！？!?]$/.test(t) ? t : `${t}。`;
}

const hasWords = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);
