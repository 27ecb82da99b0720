import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as text from './index.js';

/** Characters these documents are made of, so the fuzzer reaches the interesting paths. */
const ALPHABET = Array.from(
  '0123456789１２３．，。、；：（）()%％万亿千百十一二三四五六七八九两零〇人个所家处张户条座套间元米亩公里平方季度月底年第约余以上至到-—/ \n\t新增就业建设完成累计实现的为在对截至末[]bookmark:“”⑴①区局镇街委李王赵林',
);
const documentish = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 300 }).map((chars) => chars.join(''));
const anyString = fc.oneof(documentish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

/** Every function of the module, each called on one string. */
function calls(s: string): [string, () => unknown][] {
  return [
    ['normalizeText', () => text.normalizeText(s)],
    ['normalizeText lines', () => text.normalizeText(s, { keepLineBreaks: true })],
    ['parseChineseNumber', () => text.parseChineseNumber(s)],
    ['parseQuantity', () => text.parseQuantity(s)],
    ['parseRange', () => text.parseRange(s)],
    ['extractIndicators', () => text.extractIndicators(s)],
    ['extractIndicatorsByPart', () => text.extractIndicatorsByPart(s)],
    ['extractCheckpoints', () => text.extractCheckpoints({ Q2: s }, [{ name: '新增就业', unit: '人', target: 1 }])],
    [
      'extractCheckpoints parts',
      () => text.extractCheckpoints({ Q3: s }, [{ name: '甲', unit: '个', target: 1, part: '(1)' }]),
    ],
    ['isNoWork', () => text.isNoWork(s)],
    ['quarterOfHeader', () => text.quarterOfHeader(s)],
    ['parseDeadline', () => text.parseDeadline(s, 2024)],
    ['splitUnits', () => text.splitUnits(s)],
    ['splitPersons', () => text.splitPersons(s)],
    ['alignPersons', () => text.alignPersons(text.splitUnits(s), text.splitPersons(s))],
    ['parseOrdinal', () => text.parseOrdinal(s)],
    ['parseItemNumber', () => text.parseItemNumber(s)],
    ['splitParts', () => text.splitParts(s)],
  ];
}

function callAll(s: string): void {
  for (const [, call] of calls(s)) call();
  const indicators = text.extractIndicators(s);
  text.extractCheckpoints({ Q1: s, Q2: s, Q3: s, Q4: s }, indicators);
}

describe('src/core/text', () => {
  it('exports the agreed API', () => {
    const names = [
      'normalizeText',
      'parseChineseNumber',
      'parseQuantity',
      'parseRange',
      'extractIndicators',
      'extractCheckpoints',
      'isNoWork',
      'quarterOfHeader',
      'parseDeadline',
      'splitUnits',
      'splitPersons',
      'alignPersons',
      'parseOrdinal',
      'parseItemNumber',
    ];
    for (const name of names) expect(typeof (text as Record<string, unknown>)[name], name).toBe('function');
  });

  it('never throws on any string', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(anyString, (s) => {
        callAll(s);
      }),
      { numRuns: 800 },
    );
  });

  it('keeps its results inside the interchange limits', () => {
    fc.assert(
      fc.property(documentish, (s) => {
        for (const i of text.extractIndicators(s)) {
          expect(i.name.length).toBeGreaterThan(1);
          expect(i.name.length).toBeLessThanOrEqual(30);
          expect(Number.isFinite(i.target)).toBe(true);
        }
        const d = text.parseDeadline(s, 2024);
        if (d) expect(d.text.length).toBeLessThanOrEqual(100);
        if (d?.date) expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 500 },
    );
  });

  it('answers each call within a second on long adversarial input', { timeout: 60_000 }, () => {
    const patterns = [
      ' ',
      '1',
      '1.',
      '(',
      '（1',
      '[bookmark:',
      '。',
      '1至',
      '第1',
      '新增就业1人，',
      '12月',
      '——',
      '一',
      '区 ',
      '赵 ',
      '1,',
      '項(xiàng',
      '(1) ',
    ];
    for (const p of patterns) {
      const s = p.repeat(Math.ceil(25_000 / p.length));
      for (const [name, call] of calls(s)) {
        const started = performance.now();
        call();
        expect(performance.now() - started, `${name} on ${JSON.stringify(p)}`).toBeLessThan(1000);
      }
    }
  });

  it('accepts non-strings at run time as empty input', () => {
    const nothing = undefined as unknown as string;
    expect(() => callAll(nothing)).not.toThrow();
    expect(text.extractCheckpoints(nothing as unknown as Record<string, string>, nothing as unknown as [])).toEqual({
      checkpoints: [],
      warnings: [],
    });
  });
});
