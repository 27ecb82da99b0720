import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { programmeDocumentSchema } from '../interchange.js';
import { type ImportResult, importFile, importPastedText, importSource } from './import-document.js';
import type { SourceDocument } from './model.js';
import { PROSE_LIST, VERTICAL_CELLS, WIDE_ROWS } from './testing/fixtures.js';
import { listDocument, listWorkbook } from './testing/office-lists.js';
import { categoryViews, item } from './testing/view.js';

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('importing a workbook', () => {
  let result: ImportResult;
  it('picks the sheet holding the list, says which, and reads merged title, header and category cells', async () => {
    result = await importFile(await listWorkbook(), '清单.xlsx');
    expect(result.layout).toBe('table');
    expect([result.document.title, result.document.jurisdiction, result.document.year]).toEqual([
      '云溪区2026年民心工程进度和责任清单',
      '云溪区',
      2026,
    ]);
    expect(result.warnings[0]).toMatchObject({ where: '清单' });
    expect(result.warnings[0]?.message).toMatch(/^文件有 2 个工作表，已选用工作表“清单”/);
    const views = categoryViews(result.document);
    expect(views.map((c) => [c.ordinal, c.title])).toEqual([
      [1, '安居工程'],
      [2, '关爱工程'],
    ]);
    expect(views.flatMap((c) => c.items)).toEqual([
      item('1', '改造老旧小区', {
        lead: '区住建委',
        co: ['云溪街道'],
        persons: ['孙立群', '钱海涛'],
        leaders: ['周文清'],
        deadline: '12月底 2026-12-31',
        milestones: 'Q1 Q2 Q3 Q4',
        indicators: ['老旧小区改造 2个 Q3=1 Q4=2'],
      }),
      item('2', '新增停车泊位', {
        lead: '区城管委',
        persons: ['史伟杰'],
        leaders: ['周文清'],
        deadline: '6月底 2026-06-30',
        milestones: 'Q1 Q4',
        indicators: ['公共停车泊位 300个'],
      }),
      item('3', '开展助餐服务', {
        lead: '区民政局',
        persons: ['吴明远'],
        leaders: ['郑明'],
        deadline: '年底前 2026-12-31',
        milestones: 'Q1 Q2 Q3 Q4',
      }),
    ]);
  });

  it('drops a unit or leader named twice in one item, with a warning at its cell', () => {
    const where = result.warnings.map((w) => `${w.where}: ${w.message.split(' ')[0]}`);
    expect(where).toContain('sheet 清单, cell E6: 责任单位“区民政局”重复出现，已去掉重复项。');
    expect(where).toContain('sheet 清单, cell L6: 分管领导“郑明”重复出现，已去掉重复项。');
  });
});

describe('importing a Word document', () => {
  it('reads header spans, merged categories and cells of several paragraphs; the notice title is not the title', async () => {
    const result = await importFile(await listDocument(), '清单.docx');
    expect(result.layout).toBe('table');
    expect(result.document.title).toBe('云溪区2026年民心工程任务清单');
    const [first, second] = result.document.categories[0]?.items ?? [];
    expect(result.document.categories.map((c) => c.title)).toEqual(['安居工程']);
    expect(first?.milestones?.[1]).toEqual({ period: 'Q2', text: '开工建设。\n完成居民意见征询。' });
    expect([first?.leadUnit, first?.coUnits]).toEqual(['区住建委', ['云溪街道']]);
    expect(second?.deadline).toEqual({ text: '“十一”前', date: '2026-09-30' });
    expect(second?.milestones?.map((m) => m.period)).toEqual(['Q1', 'Q3', 'Q4']);
    expect(result.warnings).toEqual([]);
  });
});

describe('tables laid out otherwise', () => {
  it('reads category heading rows merged across the table, and items numbered 一、二', () => {
    const rows: (string | null)[][] = [
      ['序号', '项目名称', '责任单位', '完成时间'],
      ['一、教育提质工程', null, null, null],
      ['一', '改造学校食堂', '区教育局', '9月底'],
      ['二、', '新建操场', '区教育局', '10月底'],
      ['二、关爱老年工程', null, null, null],
      ['三', '开展助餐服务', '区民政局', '年底前'],
    ];
    const doc: SourceDocument = {
      fileName: 'list.docx',
      paragraphs: [{ text: '白沙县2026年民心工程', place: 'paragraph 1' }],
      tables: [
        {
          name: 'table 1',
          rows,
          places: rows.map((r, i) => r.map((_, c) => `table 1, row ${i + 1}, column ${c + 1}`)),
        },
      ],
      warnings: [],
    };
    const result = importSource(doc);
    expect(categoryViews(result.document)).toEqual([
      {
        ordinal: 1,
        title: '教育提质工程',
        items: [
          item('1', '改造学校食堂', { lead: '区教育局', deadline: '9月底 2026-09-30' }),
          item('2', '新建操场', { lead: '区教育局', deadline: '10月底 2026-10-31' }),
        ],
      },
      {
        ordinal: 2,
        title: '关爱老年工程',
        items: [item('3', '开展助餐服务', { lead: '区民政局', deadline: '年底前 2026-12-31' })],
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads rows copied out of Excel, where a cell with a line break comes in quotes', () => {
    const pasted = [
      '某镇2026年民心工程',
      '序号\t项目名称\t责任单位\t第一季度\t第二季度',
      '1\t"建设',
      '文化广场"\t镇文化站\t选址。\t"开工；',
      '完成""一期""。"',
    ].join('\n');
    const result = importPastedText(pasted);
    const only = result.document.categories[0]?.items[0];
    expect(result.warnings).toEqual([]);
    expect(only?.name).toBe('建设文化广场');
    expect(only?.milestones?.[1]?.text).toBe('开工；\n完成"一期"。');
  });
});

describe('pasted text and text files', () => {
  it('reads pasted text in every layout', () => {
    expect(importPastedText(VERTICAL_CELLS).layout).toBe('vertical-cells');
    expect(importPastedText(WIDE_ROWS).layout).toBe('wide-rows');
    expect(importPastedText(PROSE_LIST).layout).toBe('prose-list');
  });

  it('reads a UTF-8 file with a byte order mark, and pasted text that starts with one', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(WIDE_ROWS)]);
    const fromFile = await importFile(withBom, '清单.txt');
    expect(fromFile.document).toEqual(importPastedText(WIDE_ROWS).document);
    expect(importPastedText(`\ufeff${PROSE_LIST}`).document.title).toBe('青石镇2025年民心工程');
  });

  it('reads Windows line ends as well', () => {
    expect(importPastedText(VERTICAL_CELLS.replace(/\n/g, '\r\n')).document).toEqual(
      importPastedText(VERTICAL_CELLS).document,
    );
  });
});

describe('title, year and jurisdiction', () => {
  it('lets the options override what the document says', () => {
    const { document } = importPastedText(PROSE_LIST, { year: 2027, jurisdiction: '白沙镇', title: '白沙镇实事清单' });
    expect([document.title, document.jurisdiction, document.year]).toEqual(['白沙镇实事清单', '白沙镇', 2027]);
  });

  it('asks for --year or --jurisdiction when the document names neither', async () => {
    const untitled = PROSE_LIST.replace('青石镇2025年民心工程', '');
    const noYear = await refusal(() => importPastedText(untitled));
    expect(noYear.code).toBe('VALIDATION');
    expect(noYear.message).toContain('--year');
    const noPlace = await refusal(() => importPastedText(untitled, { year: 2025 }));
    expect(noPlace.message).toContain('--jurisdiction');
    const made = importPastedText(untitled, { year: 2025, jurisdiction: '青石镇' });
    expect(made.document.title).toBe('青石镇2025年民心工程');
    expect(made.warnings.some((w) => w.message.includes('--title'))).toBe(true);
  });

  it('refuses a year outside the format', async () => {
    expect((await refusal(() => importPastedText(PROSE_LIST, { year: 1999 }))).code).toBe('VALIDATION');
  });
});

describe('what is not a list', () => {
  it('refuses text that is neither a table nor numbered paragraphs', async () => {
    const error = await refusal(() => importPastedText('今天天气很好。\n明天也很好。'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^无法识别为民心工程清单/);
  });

  it('refuses a table without a header, and one without items', async () => {
    const noHeader = await refusal(() => importPastedText('甲\t乙\t丙\t丁\n1\t2\t3\t4\n5\t6\t7\t8'));
    expect(noHeader.message).toContain('找不到表头');
    const noItems = await refusal(() =>
      importPastedText('某区2026年民心工程\n序号\t项目名称\t责任单位\t完成时间\n\t\t\t\n\t\t\t'),
    );
    expect(noItems.message).toContain('没有找到任何子项');
  });

  it('refuses a workbook with no list in it, naming the file', async () => {
    const doc: SourceDocument = {
      fileName: '统计.xlsx',
      paragraphs: [],
      tables: [
        {
          name: 'Sheet1',
          rows: [
            ['姓名', '年龄'],
            ['甲', '30'],
          ],
          places: [
            ['A1', 'B1'],
            ['A2', 'B2'],
          ],
        },
      ],
      warnings: [],
    };
    const error = await refusal(() => importSource(doc));
    expect(error.message).toContain('统计.xlsx');
  });

  it('refuses an empty file and pasted nothing', async () => {
    expect((await refusal(() => importFile(new Uint8Array(), 'x.txt'))).code).toBe('VALIDATION');
    expect((await refusal(() => importPastedText('  \n '))).code).toBe('VALIDATION');
  });
});

describe('every import', () => {
  it('gives a document the interchange schema accepts, warnings included', async () => {
    for (const result of [
      importPastedText(VERTICAL_CELLS),
      importPastedText(WIDE_ROWS),
      importPastedText(PROSE_LIST),
      await importFile(await listWorkbook(), 'a.xlsx'),
    ]) {
      const parsed = programmeDocumentSchema.parse(result.document);
      expect(parsed.warnings).toEqual(result.warnings);
    }
  });
});

describe('warnings beside their rows', () => {
  it('names the item a table warning concerns, so the preview can show it there', async () => {
    const bytes = readFileSync(new URL('../../../test/fixtures/import/xiqing-layout.docx', import.meta.url));
    const result = await importFile(bytes, 'list.docx', { jurisdiction: '测试区' });
    const located = result.warnings.filter((w) => w.path !== undefined);
    expect(located.length).toBeGreaterThan(0);
    for (const w of located) {
      const match = /^categories\[(\d+)\]\.items\[(\d+)\]$/.exec(w.path as string);
      expect(match, w.path).not.toBeNull();
      const category = result.document.categories[Number(match?.[1])];
      expect(category?.items[Number(match?.[2])], w.path).toBeDefined();
    }
  });
});
