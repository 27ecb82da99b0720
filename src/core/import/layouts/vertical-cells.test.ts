import { describe, expect, it } from 'vitest';
import { importPastedText } from '../import-document.js';
import type { SourceParagraph } from '../model.js';
import { VERTICAL_CELLS } from '../testing/fixtures.js';
import { categoryViews, item } from '../testing/view.js';
import { decodeVerticalCells, looksLikeVerticalCells } from './vertical-cells.js';

const lines = (text: string): SourceParagraph[] =>
  text.split('\n').map((t, i) => ({ text: t, place: `line ${i + 1}` }));

describe('vertical cells', () => {
  it('rebuilds rows from tab-led lines, joining a cell split over lines and rows split by empty paragraphs', () => {
    const { table, before, after } = decodeVerticalCells(
      lines(['标题', '\tA', '\tB', '\tC', '', '\t甲', '\t乙', '续', '', '\t丙', '', '\t', '\t', '\tX'].join('\n')),
    );
    expect(before.map((p) => p.text)).toEqual(['标题']);
    expect(after).toEqual([]);
    expect(table.rows).toEqual([
      ['A', 'B', 'C'],
      ['甲', '乙\n续', '丙'],
      ['', '', 'X'],
    ]);
    expect(table.places[1]).toEqual(['line 6', 'line 7', 'line 10']);
  });

  it('stops at an indented paragraph after the last cell, which is the notice again', () => {
    const { table, after } = decodeVerticalCells(
      lines(['\tA', '\tB', '', '\tC', '\tD', ' 抄送：区委办公室。'].join('\n')),
    );
    expect(table.rows).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
    expect(after.map((p) => p.place)).toEqual(['line 6']);
  });

  it('warns about a short row under the first full one', () => {
    const { warnings } = decodeVerticalCells(
      lines(['\tA', '\tB', '\tC', '', '\tD', '', '\tE', '\tF', '\tG'].join('\n')),
    );
    // D and E+F+G would overflow together: D stands alone, short.
    expect(warnings.map((w) => w.where)).toEqual(['line 5']);
  });

  it('is told apart from tab-separated rows', () => {
    expect(looksLikeVerticalCells(lines(VERTICAL_CELLS))).toBe(true);
    expect(looksLikeVerticalCells(lines('a\tb\tc\td\na\tb\tc\td'))).toBe(false);
  });

  it('imports a fictional list: short header, repeated category, bookmark, stray 。, cells over lines', () => {
    const result = importPastedText(VERTICAL_CELLS);
    expect(result.layout).toBe('vertical-cells');
    const doc = result.document;
    expect([doc.title, doc.jurisdiction, doc.year, doc.parent]).toEqual([
      '明湖市2026年10项民心工程涉及青石区任务清单',
      '青石区',
      2026,
      '明湖市2026年10项民心工程',
    ]);
    const views = categoryViews(doc);
    expect(views.map((c) => [c.ordinal, c.title])).toEqual([
      [1, '安居宜居工程'],
      [3, '便民服务工程'],
    ]);
    expect(views.flatMap((c) => c.items)).toEqual([
      item('1', '改造提升老旧小区', {
        lead: '区住建委',
        deadline: '11月底 2026-11-30',
        milestones: 'Q1 Q2 Q3 Q4',
        indicators: ['老旧小区改造 4个 Q2=1 Q3=3 Q4=4'],
      }),
      item('2', '新增公共停车泊位', {
        lead: '区城管委',
        deadline: '年底前 2026-12-31',
        milestones: 'Q1 Q3 Q4',
        indicators: ['公共停车泊位 600个 Q3=300 Q4=600'],
      }),
      item('3', '建设社区食堂', {
        lead: '区民政局',
        deadline: '9月份 2026-09-30',
        milestones: 'Q1 Q2',
        indicators: ['社区食堂 5家 Q2=2'],
      }),
    ]);
    expect(doc.categories[1]?.items[0]?.description).toBe('建设社区食堂5家，\n方便老年人就餐。');
    // The 抄送 line is a distribution list: dropped without a word; nothing else was guessed.
    expect(result.warnings).toEqual([]);
  });
});
