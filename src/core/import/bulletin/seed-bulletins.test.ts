import { beforeAll, describe, expect, it } from 'vitest';
import { hasSeeds, SEEDS_DIR, seedBytes } from '../testing/view.js';
import { matchBulletin } from './match-bulletin.js';
import { readBulletin } from './read-bulletin.js';
import { splitCommitment } from './text.js';
import type { MatchItem, MatchProgramme, ReadBulletin } from './types.js';

/**
 * The two published bulletins among the seeds, read at run time (never
 * copied here): the 津南 half-year report card (district genre) and the
 * 天津 2022 first-quarter bulletin reposted in traditional characters with
 * pinyin (city genre).
 */

const JINNAN = 'jinnan-2025-h1-report-card.txt';
const TIANJIN = 'tianjin-2022-q1-bulletin-traditional-pinyin.txt';
const TONE_LETTER = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
const text = (name: string) => new TextDecoder().decode(seedBytes(name));
const allText = (read: ReadBulletin) => [read.title ?? '', ...read.paragraphs.map((p) => p.text)].join('\n');

describe.skipIf(!hasSeeds)(`the seed bulletins (${SEEDS_DIR} missing: seed tests skipped)`, () => {
  let jinnan: ReadBulletin;
  let tianjin: ReadBulletin;
  beforeAll(() => {
    jinnan = readBulletin(text(JINNAN));
    tianjin = readBulletin(text(TIANJIN));
  });

  it('reads the 天津 bulletin as traditional, city genre, pinyin stripped and converted', () => {
    expect(tianjin.script).toBe('hant');
    expect(tianjin.genre).toBe('city');
    expect(tianjin.cutoff).toEqual({ month: 3 });
    const all = allText(tianjin);
    expect(all).not.toMatch(TONE_LETTER);
    expect(all).not.toMatch(/[項進況區報會實]/);
    expect(all).toContain('门(急)诊');
    expect(tianjin.paragraphs.length).toBeGreaterThan(20);
    const themes = new Set(tianjin.paragraphs.map((p) => p.category).filter(Boolean));
    expect(themes.size).toBe(3);
    // The byline ends the bulletin: the copyright notice and the links after it are dropped.
    expect(tianjin.dropped[0]).toMatch(/^\(记者/);
    expect(tianjin.dropped.some((line) => line.startsWith('版权声明'))).toBe(true);
    expect(all).not.toContain('版权声明');
  });

  it('reads the 津南 report card as district genre: ten headings, one paragraph per item', () => {
    expect(jinnan.script).toBe('hans');
    expect(jinnan.genre).toBe('district');
    expect(jinnan.cutoff).toEqual({ year: 2025, month: 6 });
    const categories = [...new Set(jinnan.paragraphs.map((p) => p.category).filter(Boolean))];
    expect(categories.length).toBe(10);
    // The lede counts 4 done and 22 in progress: 26 item paragraphs, and a closing sentence.
    const items = jinnan.paragraphs.filter((p) => p.category !== undefined);
    expect(items.length).toBe(27);
    expect(items.filter((p) => p.text.includes('该项目已完成')).length).toBe(4);
    expect(allText(jinnan)).not.toMatch(/适老版|返回顶部|分享到/);
  });

  it('matches the items of a programme built from the report card, and leaves the rest unmatched', () => {
    // One item per category, its target the commitment of the category's first paragraph;
    // and a second item per category that the bulletin does not speak of.
    const categories = [...new Set(jinnan.paragraphs.map((p) => p.category).filter((c) => c !== undefined))];
    const built = new Map<number, number>();
    const items: MatchItem[] = [];
    categories.forEach((title, c) => {
      const first = jinnan.paragraphs.find((p) => p.category === title);
      if (!first) return;
      const id = 100 + c;
      built.set(id, first.position);
      const blank = { parentId: null, description: '', indicators: [] };
      items.push({
        ...blank,
        id,
        categoryId: c + 1,
        number: '1',
        name: `子项${c}`,
        target: splitCommitment(first.text).commitment,
      });
      items.push({
        ...blank,
        id: 200 + c,
        categoryId: c + 1,
        number: '2',
        name: `未通报子项${c}`,
        target: '建设示范点若干处',
      });
    });
    const programme: MatchProgramme = { categories: categories.map((title, c) => ({ id: c + 1, title })), items };
    const result = matchBulletin(jinnan, programme);

    expect(result.matches.length).toBe(10);
    for (const match of result.matches) {
      expect(built.get(match.itemId), match.evidence).toBe(match.paragraph.position);
      expect(match.evidence).toMatch(/^首句与子项1的全年目标一致$/);
    }
    expect(result.matches.length + result.unmatched.length).toBe(jinnan.paragraphs.length);
    expect(result.unmatched.every((u) => u.kind === 'none')).toBe(true);
    // The first category's first paragraph says 该项目已完成 nowhere; the done ones are claimed.
    for (const match of result.matches) {
      expect(match.claimedDone).toBe(match.paragraph.text.includes('该项目已完成'));
    }
  });

  it('claims done the item the 天津 lede names, by its exact name only', () => {
    const lede = tianjin.paragraphs[0]?.text ?? '';
    const named = /“([^”]+)”工作已完成/.exec(lede)?.[1];
    expect(named).toBeDefined();
    const programme: MatchProgramme = {
      categories: [{ id: 1, title: '社会保障' }],
      items: [
        {
          id: 1,
          categoryId: 1,
          parentId: null,
          number: '1',
          name: named ?? '',
          target: '',
          description: '',
          indicators: [],
        },
        {
          id: 2,
          categoryId: 1,
          parentId: null,
          number: '2',
          name: '筹集保障性租赁住房',
          target: '',
          description: '',
          indicators: [],
        },
      ],
    };
    const result = matchBulletin(tianjin, programme);
    expect(result.matches.find((m) => m.itemId === 1)).toMatchObject({ claimedDone: true });
    // Nothing else in the bulletin names either item: no other match is made.
    expect(result.matches.every((m) => m.itemId === 1)).toBe(true);
  });
});
