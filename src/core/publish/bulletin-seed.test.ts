import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { hasSeeds, SEEDS_DIR } from '../import/testing/view.js';
import { draftBulletin } from './bulletin-draft.js';
import type { CardCategory, ReportCard } from './report-card.js';
import { cardItem } from './testing/bulletin-fixture.js';

/**
 * The draft against the two published bulletins (read at run time, never
 * copied): a card shaped like the Jinnan report card's categories and items
 * gives back its headline counts, its category headings numbered 01…, and each
 * item's first sentence; the city title and lede read like Tianjin's.
 */

const read = (name: string) => readFileSync(path.join(SEEDS_DIR, name), 'utf8');

/** The Jinnan card: categories `NN  title`, one paragraph an item, the last paragraph the closing. */
function jinnanShape(text: string) {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const end = lines.findIndex((l) => l.startsWith('分享到'));
  const categories: { number: string; title: string; paragraphs: string[] }[] = [];
  for (const line of lines.slice(0, end)) {
    const heading = /^(\d{2})\s{2,}(.+)$/.exec(line);
    if (heading) categories.push({ number: heading[1] ?? '', title: heading[2] ?? '', paragraphs: [] });
    else if (line !== '' && categories.length > 0) categories.at(-1)?.paragraphs.push(line);
  }
  categories.at(-1)?.paragraphs.pop();
  const lede = /截至(\d{4})年(\d{1,2})月底[,，](\d+)个子项已完成[,，]其余(\d+)个子项/.exec(text);
  return { categories, lede };
}

describe.skipIf(!hasSeeds)(`drafting in the genre of the seeds (${SEEDS_DIR} missing: skipped)`, () => {
  it('gives back the Jinnan report card’s headline, numbered headings and item sentences', () => {
    const { categories, lede } = jinnanShape(read('jinnan-2025-h1-report-card.txt'));
    expect(lede).not.toBeNull();
    let id = 0;
    const cardCategories: CardCategory[] = categories.map((category, index) => {
      const items = category.paragraphs.map((paragraph) => {
        id += 1;
        const done = paragraph.includes('该项目已完成');
        const [first = '', ...rest] = paragraph.split('。');
        return cardItem(id, {
          name: first.slice(0, 12),
          commitment: first,
          status: done ? 'done' : 'on_track',
          statusLabel: done ? '已完成' : '正常推进',
          progress:
            rest
              .join('。')
              .replace(/^该项目已完成/, '')
              .replace(/^目前[,，]/, '') || null,
        });
      });
      const done = items.filter((i) => i.status === 'done').length;
      return { id: index + 1, ordinal: index + 1, title: category.title, percent: 0, done, total: items.length, items };
    });
    const all = cardCategories.flatMap((c) => c.items);
    const done = all.filter((i) => i.status === 'done').length;
    const card: ReportCard = {
      programme: { id: 1, title: '津南区2025年民心工程', year: 2025, jurisdictionId: 1, jurisdictionName: '津南区' },
      asOf: '2025-06-30',
      headline: { done, rest: all.length - done, total: all.length, percent: 50 },
      categories: cardCategories,
    };
    const draft = draftBulletin({ card, citySums: [] });

    expect(draft.title).toBe('津南区2025年民心工程上半年“成绩单”');
    expect(draft.body.lede).toBe(`截至2025年6月底，${lede?.[3]}个子项已完成，其余${lede?.[4]}个子项正在加快推进。`);
    expect(draft.body.sections.map((s) => `${s.number}  ${s.heading}`)).toEqual(
      categories.map((c) => `${c.number}  ${c.title}`),
    );
    const paragraphs = draft.body.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    categories
      .flatMap((c) => c.paragraphs)
      .forEach((seed, index) => {
        const ours = paragraphs[index] ?? '';
        expect(ours.startsWith(`${seed.split('。')[0]}。`)).toBe(true);
        expect(ours.includes('该项目已完成。')).toBe(seed.includes('该项目已完成。'));
      });
  });

  it('writes the city title and lede the way the Tianjin bulletin does', () => {
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const seed = toSimplified(
      read('tianjin-2022-q1-bulletin-traditional-pinyin.txt').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, ''),
    );
    const count = Number(/今年(\d+)项民心工程/.exec(seed)?.[1]);
    const named = /截至3月底[,，]“([^”]+)”工作已完成/.exec(seed)?.[1];
    expect(count).toBe(20);
    expect(named).toBeTruthy();
    const items = Array.from({ length: count }, (_, i) =>
      i === 0 ? cardItem(1, { name: named, status: 'done', statusLabel: '已完成' }) : cardItem(i + 1),
    );
    const card: ReportCard = {
      programme: {
        id: 1,
        title: '天津市2022年20项民心工程',
        year: 2022,
        jurisdictionId: 1,
        jurisdictionName: '天津市',
      },
      asOf: '2022-03-31',
      headline: { done: 1, rest: count - 1, total: count, percent: 10 },
      categories: [{ id: 1, ordinal: 1, title: '强化民生托底保障', percent: 10, done: 1, total: count, items }],
    };
    const draft = draftBulletin(
      {
        card,
        citySums: [
          {
            cityItemId: 2,
            indicatorName: '筹集认定保障性租赁住房',
            unit: '套（间）',
            actualSum: 6007,
            targetSum: null,
            reportedDistricts: 16,
            missingDistricts: [],
          },
        ],
      },
      {},
    );
    expect(seed).toContain(draft.title.replace(/^2022年/, '今年'));
    expect(draft.body.lede.startsWith(`截至3月底，“${named}”已完成`)).toBe(true);
    expect(draft.body.sections[0]?.number).toBe('一、');
    // The sum is printed as the bulletin prints it.
    expect(seed).toContain(`已筹集认定保障性租赁住房项目21个、6007套（间）`.replace('（', '(').replace('）', ')'));
    expect(draft.body.sections[0]?.paragraphs[1]?.text).toContain('各区已筹集认定保障性租赁住房6007套（间）');
  });
});
