import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { columnLetters, MAX_XLSX_ELEMENTS, readXlsx } from './read-xlsx.js';
import { FIXTURE_LIST_ROWS } from './testing/fixture-rows.js';
import type { InflateStats } from './zip.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url));

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook: `data` goes inside <sheetData>, `after` after it, `names` inside <workbook>. */
function xlsx(data: string, options: { before?: string; after?: string; names?: string } = {}): Uint8Array {
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets>${options.names ?? ''}</workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${options.before ?? ''}<sheetData>${data}</sheetData>${options.after ?? ''}</worksheet>`;
  return zipSync({
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
const A1 = `<row r="1">${text('A1', '甲')}</row>`;

async function errorOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('readXlsx on the 西青-layout fixture', () => {
  const reading = readXlsx(fixture('xiqing-layout.xlsx'), 'xiqing-layout.xlsx');

  it('gives one table per sheet, in tab order, named by the sheet', async () => {
    const doc = await reading;
    expect(doc.tables.map((t) => t.name)).toEqual(['说明', '清单']);
    expect(doc.paragraphs).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads rich text joined, dates as YYYY-MM-DD, percentages and numbers as Excel shows them', async () => {
    const doc = await reading;
    expect(doc.tables[0]?.rows).toEqual([
      ['填表说明', ''],
      ['本表为测试数据，内容均为虚构。', ''],
      ['更新日期', '2030-01-15'],
      ['完成率', '12.5%'],
      ['合计', '0.3'],
    ]);
  });

  it('keeps the text of a merged range in its top-left cell and gives null for the rest', async () => {
    const doc = await reading;
    expect(doc.tables[1]?.rows).toEqual([
      ['测试区2030年民心工程进度和责任清单', null, null, null, null, null, null, null, null, null, null],
      ...FIXTURE_LIST_ROWS,
    ]);
  });

  it('names every cell by sheet and address', async () => {
    const doc = await reading;
    const places = doc.tables[1]?.places ?? [];
    expect(places[0]?.[0]).toBe('sheet 清单, cell A1');
    expect(places[6]?.[3]).toBe('sheet 清单, cell D7');
    expect(places[7]?.[10]).toBe('sheet 清单, cell K8');
  });
});

describe('readXlsx on crafted workbooks', () => {
  it('trims trailing empty rows and columns, blank-looking cells included, but keeps leading ones', async () => {
    const data = `<row r="2">${text('B2', '乙')}${text('E2', ' ')}</row><row r="9">${text('A9', '')}</row>`;
    const table = (await readXlsx(xlsx(data), 'a.xlsx')).tables[0];
    expect(table?.rows).toEqual([
      ['', ''],
      ['', '乙'],
    ]);
    expect(table?.places[1]).toEqual(['sheet 清单, cell A2', 'sheet 清单, cell B2']);
  });

  it('reads formula results, errors and booleans, and gives an empty cell for a formula never calculated', async () => {
    const data = `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="b"><v>1</v></c><c r="D1"><f>1/0</f></c>${text('E1', '完')}</row>`;
    expect((await readXlsx(xlsx(data), 'a.xlsx')).tables[0]?.rows).toEqual([['2', '#N/A', 'TRUE', '', '完']]);
  });

  it('does not let exceljs expand data validations, column ranges or defined names over the whole sheet', async () => {
    const doc = await readXlsx(
      xlsx(A1, {
        before: '<cols><col min="1" max="2000000000" width="9"/></cols>',
        after:
          '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>',
        names:
          '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">清单!$A$1:$XFD$1048576</definedName></definedNames>',
      }),
      'a.xlsx',
    );
    expect(doc.tables[0]?.rows).toEqual([['甲']]);
  });

  it('clips a merged range to the text, however far it reaches', async () => {
    const doc = await readXlsx(
      xlsx(`<row r="1">${text('A1', '甲')}${text('C1', '丙')}</row><row r="2">${text('C2', '丁')}</row>`, {
        after: '<mergeCells count="1"><mergeCell ref="A1:B1048576"/></mergeCells>',
      }),
      'a.xlsx',
    );
    expect(doc.tables[0]?.rows).toEqual([
      ['甲', null, '丙'],
      [null, null, '丁'],
    ]);
  });

  it('applies thousands of merges in linear time, which exceljs would compare pairwise', async () => {
    const n = 5_000;
    const rows = Array.from({ length: n }, (_, i) => `<row r="${2 * i + 1}">${text(`A${2 * i + 1}`, String(i))}</row>`);
    const merges = Array.from({ length: n }, (_, i) => `<mergeCell ref="A${2 * i + 1}:A${2 * i + 2}"/>`);
    const doc = await readXlsx(xlsx(rows.join(''), { after: `<mergeCells>${merges.join('')}</mergeCells>` }), 'a.xlsx');
    const column = doc.tables[0]?.rows.map((row) => row[0]);
    expect(column).toHaveLength(2 * n - 1);
    expect(column?.slice(0, 4)).toEqual(['0', null, '1', null]);
    expect(column?.at(-1)).toBe(String(n - 1));
  }, 20_000);

  it('refuses merges that overlap, which would cost their area again and again', async () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `<row r="${i + 1}">${text(`A${i + 1}`, '甲')}${text(`J${i + 1}`, '乙')}</row>`,
    );
    const merges = '<mergeCell ref="A1:J50"/>'.repeat(10_000);
    const error = await errorOf(() =>
      readXlsx(xlsx(rows.join(''), { after: `<mergeCells>${merges}</mergeCells>` }), 'a.xlsx'),
    );
    expect(error.message).toMatch(/^工作表 清单 中的合并单元格相互重叠/);
  });

  it('applies the merges of each sheet to that sheet, whatever the order of the parts', async () => {
    const sheet = (data: string, merge: string) =>
      strToU8(
        `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData><mergeCells><mergeCell ref="${merge}"/></mergeCells></worksheet>`,
      );
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="甲" sheetId="1" r:id="rId2"/><sheet name="乙" sheetId="2" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': sheet(`<row r="1">${text('A1', '乙1')}${text('B1', '乙2')}</row>`, 'A1:B1'),
      'xl/worksheets/sheet2.xml': sheet(
        `<row r="1">${text('A1', '甲1')}</row><row r="2">${text('A2', '甲2')}</row>`,
        'A1:A2',
      ),
    });
    const doc = await readXlsx(bytes, 'a.xlsx');
    expect(doc.tables.map((t) => [t.name, t.rows])).toEqual([
      ['甲', [['甲1'], [null]]],
      ['乙', [['乙1', null]]],
    ]);
  });

  it('refuses a sheet whose content reaches past the cell limit, and says where', async () => {
    const data = `${A1}<row r="1048576">${text('XFD1048576', '远')}</row>`;
    const error = await errorOf(() => readXlsx(xlsx(data), 'a.xlsx'));
    expect(error.message).toMatch(/^工作簿超过 200000 个单元格（工作表 清单 的内容一直延伸到 XFD1048576）/);
  });

  it('refuses a workbook with more cells than the limit before exceljs reads them', async () => {
    const row = `<row r="1">${'<c t="inlineStr"><is><t>x</t></is></c>'.repeat(200_001)}</row>`;
    const error = await errorOf(() => readXlsx(xlsx(row), 'a.xlsx'));
    expect(error.message).toMatch(/^工作簿超过 200000 个单元格，/);
  });

  it('reads a workbook written with a namespace prefix, as the Open XML SDK writes them', async () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        `<s:workbook xmlns:s="${MAIN}" xmlns:r="${REL}"><s:sheets><s:sheet name="S" sheetId="1" r:id="rId1"/></s:sheets></s:workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
    const doc = await readXlsx(bytes, 'a.xlsx');
    expect(doc.tables[0]?.rows).toEqual([['甲']]);
  });

  it('refuses shared strings and styles of more elements than exceljs may parse, before it parses them', async () => {
    const base = unzipSync(xlsx(A1));
    const strings = `<sst xmlns="${MAIN}">${'<si><t>a</t></si>'.repeat(MAX_XLSX_ELEMENTS / 2)}</sst>`;
    const bytes = zipSync({ ...base, 'xl/sharedStrings.xml': [strToU8(strings), { level: 1 }] });
    const error = await errorOf(() => readXlsx(bytes, 'a.xlsx'));
    expect(error.message).toMatch(/^Excel \(\.xlsx\) 文件的内容结构过于庞大（超过 2000000 个 XML 元素）/);
  });

  it('reads a workbook with no list in it as plain numbers, for the layouts to refuse', async () => {
    const doc = await readXlsx(fixture('no-list.xlsx'), 'no-list.xlsx');
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.rows).toHaveLength(10);
    expect(doc.tables[0]?.rows.flat().every((cell) => cell !== null && /^\d+$/.test(cell))).toBe(true);
  });

  it('spells columns as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });
});

describe('readXlsx refuses bad files with a Chinese-first message', () => {
  it('refuses random bytes, a renamed picture, a .docx and an old .xls', async () => {
    for (const name of ['garbage.docx', 'image-renamed.docx']) {
      const error = await errorOf(() => readXlsx(fixture(name), 'list.xlsx'));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/^不是有效的 Excel \(\.xlsx\) 文件/);
      expect(error.message).toContain('请在 Excel/WPS 中另存为 .xlsx 后重试');
    }
    const docx = await errorOf(() => readXlsx(fixture('xiqing-layout.docx'), 'list.xlsx'));
    expect(docx.message).toMatch(/^不是有效的 Excel \(\.xlsx\) 文件：压缩包中没有 Excel 工作簿/);
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await errorOf(() => readXlsx(ole, 'old.xls'))).message).toMatch(/^这是旧版 Excel \(\.xls\) 文件/);
  });

  it('refuses a workbook exceljs cannot parse', async () => {
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet'),
      'xl/worksheets/sheet1.xml': strToU8('<'),
    });
    const error = await errorOf(() => readXlsx(bytes, 'a.xlsx'));
    expect(error.message).toMatch(/^不是有效的 Excel \(\.xlsx\) 文件/);
  });

  it('refuses a bomb that declares its size without inflating a byte', async () => {
    const stats: InflateStats = { inflatedBytes: 0 };
    const error = await errorOf(() => readXlsx(fixture('bomb.xlsx'), 'bomb.xlsx', { stats }));
    expect(error.message).toMatch(/^Excel \(\.xlsx\) 文件解压后超过 100 MB 的上限/);
    expect(stats.inflatedBytes).toBe(0);
  });

  it('stops a bomb that lies about its size before exceljs ever sees it', async () => {
    const stats: InflateStats = { inflatedBytes: 0 };
    const error = await errorOf(() => readXlsx(fixture('bomb-lying.xlsx'), 'bomb-lying.xlsx', { stats }));
    expect(error.message).toMatch(
      /^Excel \(\.xlsx\) 文件已损坏，无法解压（条目 xl\/worksheets\/sheet1\.xml 解压后大于声明的大小/,
    );
    expect(stats.inflatedBytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('inflates only the parts a table needs, so pictures cost nothing', async () => {
    const parts = unzipSync(fixture('xiqing-layout.xlsx'));
    const withPicture = zipSync({ ...parts, 'xl/media/image1.png': [new Uint8Array(4 * 1024 * 1024), { level: 1 }] });
    const stats: InflateStats = { inflatedBytes: 0 };
    const doc = await readXlsx(withPicture, 'a.xlsx', { stats });
    expect(doc.tables.map((t) => t.name)).toEqual(['说明', '清单']);
    expect(stats.inflatedBytes).toBeGreaterThan(0);
    expect(stats.inflatedBytes).toBeLessThan(100_000);
  });
});
