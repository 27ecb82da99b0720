import { CHINESE_NUMERAL_CHARS } from '../../text/numbers.js';
import { canonicalUnit, prefixBefore, readQuantity } from '../../text/quantity.js';
import { compareKey } from './text.js';

/**
 * Numbers of a bulletin paragraph that belong to an indicator: the indicator
 * named in the same clause, right before the number (`新增充电接口5119个`) or
 * right after it (`完成改造12个小区`), and the number's unit equal to the
 * indicator's. Approximate numbers (`2万余份`, `超90%`, `约40户`) stay text.
 */

export interface IndicatorRef {
  name: string;
  unit: string;
}

export interface FoundQuantity {
  value: number;
  /** The words it was read from: the indicator's name through the number. */
  text: string;
  /** Preceded by 累计 in its clause: a running total. */
  cumulative: boolean;
}

/** Marks that end a clause: a number never belongs to a name across them. */
const CLAUSE_END = /[，,；;。：:！!？?、]/u;
/** How far a number may sit after the indicator's name in the same clause. */
const GAP_AFTER = 16;
const NUMERAL_START = new RegExp(`[0-9${CHINESE_NUMERAL_CHARS}]`, 'u');
/** A number right after one of these is not a count of its own (`超90%`, `近万人`). */
const APPROX_BEFORE = ['超', '近', '约', '逾', '达超'];

/** Every exact quantity of the indicator's unit that the text ties to the indicator's name. */
export function quantitiesFor(text: string, indicator: IndicatorRef): FoundQuantity[] {
  const name = indicator.name.trim();
  const unit = canonicalUnit(indicator.unit);
  if (name.length < 2 || unit === '' || text === '') return [];
  const found: FoundQuantity[] = [];
  let at = text.indexOf(name);
  while (at >= 0) {
    const end = at + name.length;
    const clauseStart = clauseStartBefore(text, at);
    const cumulative = text.slice(clauseStart, at).includes('累计');
    const after = numberAfter(text, end, unit);
    if (after) found.push({ value: after.value, text: text.slice(at, after.end), cumulative });
    const before = numberBefore(text, at, clauseStart, unit);
    if (before) found.push({ value: before.value, text: text.slice(before.start, end), cumulative });
    at = text.indexOf(name, at + 1);
  }
  return found;
}

/** The first number after `from` within the clause, if exact and of the unit. */
function numberAfter(text: string, from: number, unit: string): { value: number; end: number } | null {
  for (let i = from; i < Math.min(text.length, from + GAP_AFTER); i++) {
    const ch = text.charAt(i);
    if (CLAUSE_END.test(ch)) return null;
    if (!NUMERAL_START.test(ch) || (i > from && NUMERAL_START.test(text.charAt(i - 1)))) continue;
    const q = readQuantity(text, i);
    if (!q || q.unit === '') continue;
    // The first quantity after the name is the one that counts it; a different unit ends the search.
    return exactOf(text, i, q, unit) ? { value: q.value, end: q.end } : null;
  }
  return null;
}

/** A number that ends right before the name (`为293名残疾儿童`), within the clause. */
function numberBefore(
  text: string,
  nameAt: number,
  clauseStart: number,
  unit: string,
): { value: number; start: number } | null {
  // Walk back over the unit (at most three characters), then over the digits.
  for (let back = 2; back <= 5 && nameAt - back >= clauseStart; back++) {
    let start = nameAt - back;
    if (!/[0-9]/.test(text.charAt(start))) continue;
    while (start > clauseStart && /[0-9.]/.test(text.charAt(start - 1))) start--;
    const q = readQuantity(text, start);
    if (!q || q.end !== nameAt) return null;
    return exactOf(text, start, q, unit) ? { value: q.value, start } : null;
  }
  return null;
}

function exactOf(text: string, at: number, q: NonNullable<ReturnType<typeof readQuantity>>, unit: string): boolean {
  if (q.approx !== undefined || canonicalUnit(q.unit) !== unit) return false;
  if (prefixBefore(text, at) !== null) return false;
  return !APPROX_BEFORE.some((word) => text.startsWith(word, at - word.length));
}

function clauseStartBefore(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_END.test(text.charAt(i))) return i + 1;
  return 0;
}

/**
 * The one value a paragraph gives an indicator: all readings equal, or else
 * the only running total (`累计…`). Conflicting readings give none.
 */
export function valueFor(text: string, indicator: IndicatorRef): FoundQuantity | null {
  const found = quantitiesFor(text, indicator);
  if (found.length === 0) return null;
  const first = found[0] as FoundQuantity;
  if (found.every((f) => f.value === first.value)) return first;
  const totals = found.filter((f) => f.cumulative);
  const total = totals[0];
  return total && totals.every((f) => f.value === total.value) ? total : null;
}

/** Does the text name the indicator with a number of its unit (exact or not)? */
export function mentionsIndicator(text: string, indicator: IndicatorRef): boolean {
  const name = indicator.name.trim();
  if (compareKey(name).length < 2) return false;
  let at = text.indexOf(name);
  while (at >= 0) {
    const end = at + name.length;
    for (let i = end; i < Math.min(text.length, end + GAP_AFTER); i++) {
      if (CLAUSE_END.test(text.charAt(i))) break;
      if (!NUMERAL_START.test(text.charAt(i))) continue;
      const q = readQuantity(text, i);
      if (q && canonicalUnit(q.unit) === canonicalUnit(indicator.unit)) return true;
      if (q && q.unit !== '') break;
    }
    at = text.indexOf(name, at + 1);
  }
  return false;
}
