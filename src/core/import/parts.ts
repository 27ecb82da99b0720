/**
 * The (1)(2)(3) parts of an item as the lists print them, and how a name is
 * cut from running text. Texts here are already normalized.
 */

import { parseItemNumber, splitParts } from '../text/index.js';

export interface PartText {
  /** 1 for "(1)". */
  index: number;
  /** "(1)", the form the interchange format keeps. */
  number: string;
  /** The text after the marker, as printed. */
  text: string;
}

const MARKER = /^\s*(?:[（(]\s*\d{1,3}\s*[)）]|[\u2474-\u2487\u2460-\u2473])\s*/;

/** "(2) 慧群道…" → { index: 2, number: "(2)", text: "慧群道…" }; null when the text does not start with a part marker. */
export function leadingPart(text: string): PartText | null {
  const parsed = parseItemNumber(text);
  if (!parsed?.number.startsWith('(')) return null;
  const index = Number(parsed.number.slice(1, -1));
  if (!Number.isInteger(index) || index < 1) return null;
  return { index, number: parsed.number, text: text.replace(MARKER, '').trim() };
}

/**
 * Parts written inside one cell: "(1) 实现新增就业 23000 人。 (2) 开展职业技能培训 10000 人次。".
 * Only bracketed marks count here ("1．…\n2．…" in a quarter cell are steps,
 * not parts), the text must start with (1), and there must be two at least.
 */
export function splitInlineParts(text: string): PartText[] | null {
  const parts = splitParts(text);
  if (parts.length < 2 || parts.some((p) => !p.number.startsWith('('))) return null;
  return parts.map((p, i) => ({ index: i + 1, number: p.number, text: p.text }));
}

const END_PUNCTUATION = /[。．.，,；;：:、\s]+$/;

/** "就业保障工程。" → "就业保障工程". */
export function stripEndPunctuation(text: string): string {
  return text.replace(END_PUNCTUATION, '');
}

/** Text up to the first full stop (or semicolon), without it. */
export function firstSentence(text: string): { sentence: string; rest: string } {
  const match = /[。；;]/.exec(text);
  if (!match) return { sentence: stripEndPunctuation(text), rest: '' };
  return { sentence: stripEndPunctuation(text.slice(0, match.index)), rest: text.slice(match.index + 1).trim() };
}

const LOOSE_DIGITS = /(?<=[\u4e00-\u9fff])[ ]+(?=\d)|(?<=\d)[ ]+(?=[\u4e00-\u9fff])/g;

/**
 * A name without the spaces PDF extraction leaves around numbers: "新建沁杨道等 3条道路" →
 * "新建沁杨道等3条道路". Names only; running text keeps normalizeText's spacing.
 */
export function compactName(text: string): string {
  return text.replace(LOOSE_DIGITS, '');
}

const LONG_NAME = 30;

/**
 * A name for a part that prints none: its first sentence, cut at the first
 * comma outside brackets when that sentence runs long. "(1) 沁杨道(柳望路-青静路)。该项目…" → "沁杨道(柳望路-青静路)".
 */
export function partName(text: string): string {
  const { sentence } = firstSentence(compactName(text.split('\n')[0] ?? ''));
  if (sentence.length <= LONG_NAME) return sentence;
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence.charAt(i);
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    else if ((ch === '，' || ch === ',') && depth === 0 && i >= 4) return sentence.slice(0, i);
  }
  return sentence;
}
