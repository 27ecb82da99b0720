import { describe, expect, it } from 'vitest';
import { importPastedText } from '../import-document.js';
import type { SourceParagraph } from '../model.js';
import { WIDE_ROWS } from '../testing/fixtures.js';
import { categoryViews, item } from '../testing/view.js';
import { decodeWideRows, looksLikeWideRows } from './wide-rows.js';

const lines = (rows: string[]): SourceParagraph[] => rows.map((t, i) => ({ text: t, place: `line ${i + 1}` }));

describe('wide rows', () => {
  it('continues a cell on the next line when that line has too few tabs', () => {
    const { table, before } = decodeWideRows(lines(['标题', 'a\tb\tc\td', '1\t2\t第三', '格\t4', 'x\ty\tz\tw']));
    expect(before.map((p) => p.text)).toEqual(['标题']);
    expect(table.rows).toEqual([
      ['a', 'b', 'c', 'd'],
      ['1', '2', '第三\n格', '4'],
      ['x', 'y', 'z', 'w'],
    ]);
    expect(table.places[1]?.slice(2)).toEqual(['line 3, column 3', 'line 4, column 4']);
  });

  it('takes out the runs of empty cells PDF extraction adds, with a warning', () => {
    const { table, warnings } = decodeWideRows(
      lines(['a\tb\tc\td', 'a\tb\tc\td', '1\t2\t\t\t\t3\t4\t\t', 'p\tq\tr\ts\t\t']),
    );
    expect(table.rows.slice(2)).toEqual([
      ['1', '2', '3', '4'],
      ['p', 'q', 'r', 's'],
    ]);
    expect(warnings.map((w) => w.where)).toEqual(['line 3']);
  });

  it('adds a line without tabs inside the table to the cell above, with a warning', () => {
    const { table, warnings } = decodeWideRows(lines(['a\tb\tc\td', '1\t2\t3\t4', '续写', 'x\ty\tz\tw']));
    expect(table.rows[1]).toEqual(['1', '2', '3', '4\n续写']);
    expect(warnings[0]?.where).toBe('line 3');
  });

  it('needs two rows of tabs at least', () => {
    expect(looksLikeWideRows(lines(['一、甲。', 'a\tb']))).toBe(false);
    expect(looksLikeWideRows(lines(WIDE_ROWS.split('\n')))).toBe(true);
  });

  it('imports a fictional list: parts as rows, parts in one cell, "——", spaces inside words, a cell over two lines', () => {
    const result = importPastedText(WIDE_ROWS);
    expect(result.layout).toBe('wide-rows');
    expect([result.document.title, result.document.jurisdiction, result.document.year]).toEqual([
      '明湖区2026年10项民心工程进度和责任清单',
      '明湖区',
      2026,
    ]);
    const views = categoryViews(result.document);
    expect(views.map((c) => [c.ordinal, c.title])).toEqual([
      [1, '提升教育质量'],
      [2, '关爱老年群体'],
    ]);
    const leaders = ['周文清'];
    expect(views.flatMap((c) => c.items)).toEqual([
      item('1', '改造学校食堂', {
        lead: '区教育局',
        co: ['云溪街道'],
        persons: ['孙立群', '钱海涛'],
        leaders,
        milestones: 'Q1 Q2 Q3 Q4',
        indicators: ['学校食堂提升改造 3所 Q3=2 Q4=3'],
      }),
      item('2', '新建体育场地', {
        children: [
          item('(1)', '新建篮球场2处', {
            lead: '区体育局',
            persons: ['史伟杰'],
            leaders,
            milestones: 'Q1 Q3',
            indicators: ['篮球场 2处'],
          }),
          item('(2)', '新建健身步道1条', {
            lead: '区体育局',
            co: ['云溪街道'],
            persons: ['史伟杰', '钱海涛'],
            leaders,
            milestones: 'Q1 Q2 Q3 Q4',
            indicators: ['健身步道 1条'],
          }),
        ],
      }),
      item('3', '建设公共充电设施', {
        children: [
          item('(1)', '在甲街新增充电桩10个', {
            lead: '甲街',
            persons: ['赵甲'],
            leaders,
            milestones: 'Q1 Q2 Q3',
            indicators: ['充电桩 10个 Q2=5 Q3=10'],
          }),
          item('(2)', '在乙镇新增充电桩20个', {
            lead: '乙镇',
            persons: ['钱乙'],
            leaders,
            milestones: 'Q1 Q2 Q3',
            indicators: ['充电桩 20个 Q2=10 Q3=20'],
          }),
        ],
      }),
      item('4', '开展老年人助餐服务', {
        lead: '区民政局',
        persons: ['吴明远'],
        leaders: ['郑明'],
        milestones: 'Q1 Q2 Q3 Q4',
        indicators: ['服务 500人 Q2=200 Q3=350 Q4=500'],
      }),
    ]);
    expect(result.warnings.map((w) => w.where)).toEqual(['line 13, column 4']);
  });
});
