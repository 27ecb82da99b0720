import { type Candidate, scanCandidates, scanCountables } from './clauses.js';
import { isNoWork, splitParts } from './markers.js';
import { normalizeText } from './normalize.js';
import { roundFloat } from './numbers.js';

export type Quarter = 'Q1' | 'Q2' | 'Q3' | 'Q4';

export interface IndicatorRef {
  name: string;
  unit: string;
  target: number;
  /**
   * The part of the item it belongs to ("(2)"), as extractIndicatorsByPart
   * gives it. When every indicator has one and a quarter's text is written in
   * parts, each indicator is looked for in its own part only.
   */
  part?: string;
}

const QUARTERS: readonly Quarter[] = ['Q1', 'Q2', 'Q3', 'Q4'];
const QUARTER_ZH: Record<Quarter, string> = { Q1: '一季度', Q2: '二季度', Q3: '三季度', Q4: '四季度' };

/** Phrases that make a quarter's number an increment rather than the state at its end. */
const INCREMENT = /本季度|本季|当季|本期|季度内|单季|第[二三四五六七八九十]批/;
const CUMULATIVE = /累计|截至|截止|全部|总计|合计/;

/** Units that count the same thing under two names. */
const SAME_UNIT: Record<string, string> = { 千米: '公里', 名: '人', 位: '人' };
const sameUnit = (a: string, b: string) => (SAME_UNIT[a] ?? a) === (SAME_UNIT[b] ?? b);

/**
 * The cumulative checkpoints each quarter's text names for each indicator
 * (same index as `indicators`): "截至二季度末，实现城镇新增就业1万人" → Q2:
 * 10000 for 城镇新增就业 (or 新增就业). Rules:
 * - "——", "---", "-", "/", "无" and empty mean no work: no checkpoint;
 * - a number is a checkpoint for the indicator of the same unit whose name
 *   shares the most with the words around the number (at least two
 *   characters and half of the shorter name); when there is exactly one
 *   indicator and the quarter names exactly one committed number of its
 *   unit, that number is its checkpoint whatever its words;
 * - only numbers a sentence commits to count (the rules of extractIndicators,
 *   with percentages allowed): "将3处驿站交付运营…" is not a checkpoint;
 * - "本季度新增500人", "第二批15个" are increments: added to the previous
 *   checkpoint, with a warning; when a series only makes sense as increments
 *   (it never rises and its sum is the target: 11, 11, 11 of 33) it is read
 *   as increments, with a warning; a series that still falls is not used,
 *   and a warning lists its values;
 * - any countable number a quarter names that becomes no checkpoint is listed
 *   in one warning for that quarter.
 * Warnings are Chinese first, English in brackets.
 */
export function extractCheckpoints(
  quarterTexts: Partial<Record<Quarter, string>>,
  indicators: IndicatorRef[],
): { checkpoints: Record<string, number>[]; warnings: string[] } {
  const list = Array.isArray(indicators) ? indicators.slice(0, 100) : [];
  const raw: Partial<Record<Quarter, { value: number; increment: boolean }>>[] = list.map(() => ({}));
  const warnings: string[] = [];
  for (const quarter of QUARTERS) {
    const source = quarterTexts?.[quarter];
    if (typeof source !== 'string' || isNoWork(source)) continue;
    for (const scope of scopesOf(source, list)) {
      const assigned = assignQuarter(scope.text, scope.indexes, list, quarter, scope.label, warnings);
      for (const [index, hit] of assigned) {
        const series = raw[index];
        if (series) series[quarter] = hit;
      }
    }
  }
  const checkpoints = list.map((indicator, index) => accumulate(indicator, raw[index] ?? {}, warnings));
  return { checkpoints, warnings };
}

interface Scope {
  text: string;
  /** Indexes into the indicator list that may take their values from this text. */
  indexes: number[];
  label: string;
}

/** The whole quarter text, or its parts when every indicator names its part. */
function scopesOf(source: string, list: IndicatorRef[]): Scope[] {
  const everyPart = list.length > 0 && list.every((i) => typeof i.part === 'string' && i.part !== '');
  const parts = everyPart ? splitParts(source) : [];
  if (parts.length === 0) return [{ text: normalizeText(source), indexes: list.map((_, k) => k), label: '' }];
  return parts
    .filter((p) => !isNoWork(p.text))
    .map((p) => ({
      text: normalizeText(p.text),
      indexes: list.flatMap((indicator, k) => (indicator.part === p.number ? [k] : [])),
      label: p.number,
    }));
}

/** Match one quarter's numbers to indicators; warn about the rest. */
function assignQuarter(
  t: string,
  indexes: number[],
  all: IndicatorRef[],
  quarter: Quarter,
  label: string,
  warnings: string[],
): Map<number, { value: number; increment: boolean }> {
  const zh = `${QUARTER_ZH[quarter]}${label}`;
  const list = indexes.map((k) => all[k]).filter((i): i is IndicatorRef => i !== undefined);
  const countables = scanCountables(t);
  const candidates = scanCandidates(t, 'checkpoint', countables);
  const used = new Set<number>();
  const assigned = new Map<number, { value: number; increment: boolean }>();
  for (const c of candidates) {
    const found = bestIndicator(c, list, candidates);
    if (found === 'ambiguous') {
      used.add(c.start);
      warnings.push(
        `${zh}：“${written(t, c)}”可对应多个量化指标，未采用 (${quarter}${label}: "${written(t, c)}" fits several indicators; not used)`,
      );
      continue;
    }
    if (found === null) continue;
    const index = indexes[found] ?? -1;
    const previous = assigned.get(index);
    used.add(c.start);
    if (previous) {
      if (previous.value !== c.value) {
        warnings.push(
          `${zh}：指标“${all[index]?.name}”出现多个数值，采用第一个 (${quarter}${label}: several values for "${all[index]?.name}"; the first is used)`,
        );
      }
      continue;
    }
    const sentence = sentenceAround(t, c.start);
    assigned.set(index, { value: c.value, increment: INCREMENT.test(sentence) && !CUMULATIVE.test(sentence) });
  }
  const left = countables.filter((c) => !used.has(c.start));
  if (left.length > 0) {
    const shown = left.map((c) => written(t, c)).join('、');
    warnings.push(
      `${zh}：数量“${shown}”未对应任何量化指标 (${quarter}${label}: ${left.length === 1 ? 'quantity' : 'quantities'} "${shown}" match no indicator)`,
    );
  }
  return assigned;
}

function bestIndicator(c: Candidate, list: IndicatorRef[], all: Candidate[]): number | 'ambiguous' | null {
  let best: number | null = null;
  let bestScore = 0;
  let tie = false;
  list.forEach((indicator, index) => {
    if (!sameUnit(indicator.unit, c.unit)) return;
    const shared = commonLength(indicator.name, c.name);
    if (shared < 2 || shared * 2 < Math.min(indicator.name.length, c.name.length)) return;
    if (shared > bestScore) {
      best = index;
      bestScore = shared;
      tie = false;
    } else if (shared === bestScore) tie = true;
  });
  if (tie) return 'ambiguous';
  if (best !== null) return best;
  const only = list[0];
  if (
    list.length === 1 &&
    only &&
    sameUnit(only.unit, c.unit) &&
    all.filter((x) => sameUnit(x.unit, c.unit)).length === 1
  ) {
    return 0;
  }
  return null;
}

/** Turn one indicator's quarter values into cumulative checkpoints. */
function accumulate(
  indicator: IndicatorRef,
  series: Partial<Record<Quarter, { value: number; increment: boolean }>>,
  warnings: string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  const quarters = QUARTERS.filter((q) => series[q] !== undefined);
  let previous = 0;
  for (const q of quarters) {
    const hit = series[q];
    if (!hit) continue;
    out[q] = hit.increment ? roundFloat(previous + hit.value) : hit.value;
    if (hit.increment) {
      warnings.push(
        `${QUARTER_ZH[q]}：指标“${indicator.name}”写的是本期增量，已累加为 ${out[q]} (${q}: "${indicator.name}" is given as an increment; recorded cumulatively as ${out[q]})`,
      );
    }
    previous = out[q] ?? previous;
  }
  const values = quarters.map((q) => out[q] ?? 0);
  const rises = values.every((v, i) => i === 0 || v >= (values[i - 1] ?? 0));
  const sum = roundFloat(values.reduce((a, b) => a + b, 0));
  const last = values[values.length - 1] ?? 0;
  if (
    values.length > 1 &&
    last < indicator.target &&
    sum === indicator.target &&
    values.every((v, i) => i === 0 || v <= (values[i - 1] ?? 0))
  ) {
    let running = 0;
    for (const q of quarters) {
      running = roundFloat(running + (out[q] ?? 0));
      out[q] = running;
    }
    warnings.push(
      `指标“${indicator.name}”各季度数值之和等于全年目标，按季度增量累加 (the quarters of "${indicator.name}" add up to the target; read as increments)`,
    );
  } else if (!rises) {
    for (const q of quarters) delete out[q];
    warnings.push(
      `指标“${indicator.name}”的累计数值出现下降（${values.join('、')}），未采用，请人工核对 (the cumulative values of "${indicator.name}" fall: ${values.join(', ')}; not used, please check)`,
    );
  }
  return out;
}

/** Length of the longest common substring (names are short: at most a few dozen characters). */
export function commonLength(a: string, b: string): number {
  const x = Array.from(a.slice(0, 60));
  const y = Array.from(b.slice(0, 60));
  let best = 0;
  let row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const next = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        const v = (row[j - 1] ?? 0) + 1;
        next[j] = v;
        if (v > best) best = v;
      }
    }
    row = next;
  }
  return best;
}

function written(t: string, c: { start: number; end: number }): string {
  return t.slice(c.start, c.end);
}

/** The sentence (between 。；) holding `index`, at most 120 characters each way. */
function sentenceAround(t: string, index: number): string {
  let a = index;
  while (a > 0 && index - a < 120 && !'。；;\n'.includes(t.charAt(a - 1))) a--;
  let b = index;
  while (b < t.length && b - index < 120 && !'。；;\n'.includes(t.charAt(b))) b++;
  return t.slice(a, b);
}
