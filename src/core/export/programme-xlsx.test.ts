import { describe, expect, it } from 'vitest';
import { demoProgramme } from '../../db/demo/demo-programme.js';
import { normalizeDocument } from '../tree.js';
import { EMBED_CHUNK_LENGTH, EMBED_SHEET, readEmbeddedDocument } from './embedded-document.js';
import { programmeToXlsx, XLSX_LIST_SHEET } from './programme-xlsx.js';
import { readXlsxBack, xlsxSource } from './testing/read-back.js';
import { sampleDocument } from './testing/sample-document.js';

const HEADER = [
  '大项',
  '序号',
  '项目名称',
  '任务明细',
  '实施单位（首位牵头）',
  '责任人',
  '时间节点计划任务安排',
  null,
  null,
  null,
  '完成时限',
  '分管区领导',
];
const QUARTERS = [null, null, null, null, null, null, '第一季度', '第二季度', '第三季度', '第四季度', null, null];

describe('programmeToXlsx', () => {
  it('lays the list out as the official table: title, two-row header, category cells merged over their rows', async () => {
    const { workbook, sheets } = await readXlsxBack(await programmeToXlsx(sampleDocument()));
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      [XLSX_LIST_SHEET, 'visible'],
      [EMBED_SHEET, 'hidden'],
    ]);
    const list = sheets[0];
    if (!list) throw new Error('no list sheet');

    expect(list.rows[0]?.[0]).toBe('青石区2026年10项民心工程进度和责任清单');
    expect(list.rows[1]).toEqual(HEADER);
    expect(list.rows[2]).toEqual(QUARTERS);
    expect(list.merges).toEqual(
      expect.arrayContaining(['A1:L1', 'A2:A3', 'F2:F3', 'G2:J2', 'K2:K3', 'L2:L3', 'A4:A9']),
    );

    // Items, then each part right under its item, and parts of parts under their part.
    const body = list.rows.slice(3);
    expect(body.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['一、增加教育资源配置', '1', '建成青石中学'],
      [null, '2', '提升教育教学环境'],
      [null, '(1)', '小学教室安装空调'],
      [null, '①', '东街街道小学'],
      [null, '②', '西镇小学'],
      [null, '(2)', '校园电路改造'],
      ['三、提升医疗服务水平', '', ''],
      ['十四、改善交通出行条件', '3', '提升改造道路设施'],
      ['', '4', '实施职工暖心行动'],
    ]);
    const first = body[0] ?? [];
    expect(first[3]).toBe(
      '占地面积约42亩，总建筑面积1.8万平方米，可招生24个班、1200名学生。\n全年目标：秋季学期投入使用',
    );
    expect(first[4]).toBe('区教育局\n区住建委\n云溪街道');
    expect(first[5]).toBe('孙立群\n钱海涛\n史伟杰');
    expect(first.slice(6, 10)).toEqual([
      '完成内部装饰装修的20%',
      '完成内部装饰装修的60%',
      '7月：竣工验收\n具备开学条件',
      '——',
    ]);
    expect(first[10]).toBe('8月底');
    expect(first[11]).toBe('周文清');
    expect(body[1]?.[11]).toBe('周文清\n陈永和');

    const sheet = workbook.getWorksheet(XLSX_LIST_SHEET);
    expect(sheet?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(sheet?.pageSetup.printTitlesRow).toBe('2:3');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const cell = sheet?.getCell('D4');
    expect(cell?.alignment.wrapText).toBe(true);
    expect(cell?.border.left?.style).toBe('thin');
    expect(sheet?.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
  });

  it('carries the whole programme in the hidden sheet, so reading it back gives the identical document', async () => {
    const doc = sampleDocument();
    const { sheets } = await readXlsxBack(await programmeToXlsx({ ...doc, warnings: [{ where: 'x', message: 'y' }] }));
    const result = readEmbeddedDocument(xlsxSource(sheets));
    expect(result).toEqual({ kind: 'document', document: normalizeDocument(doc), visibleTableMatches: true });
  });

  it('round-trips the demo programme, indicators and checkpoints included', async () => {
    const { sheets } = await readXlsxBack(await programmeToXlsx(demoProgramme));
    const result = readEmbeddedDocument(xlsxSource(sheets));
    expect(result.kind === 'document' && result.document).toEqual(normalizeDocument(demoProgramme));
  });

  it('notices when the visible table was edited after the export', async () => {
    const { sheets } = await readXlsxBack(await programmeToXlsx(sampleDocument()));
    const edited = sheets.map((s) =>
      s.name === XLSX_LIST_SHEET
        ? { ...s, rows: s.rows.map((r, i) => (i === 4 ? r.map((c, j) => (j === 2 ? '改过的名称' : c)) : r)) }
        : s,
    );
    const result = readEmbeddedDocument(xlsxSource(edited));
    expect(result.kind === 'document' && result.visibleTableMatches).toBe(false);
  });

  it('splits a long programme over several cells, each below Excel’s limit', async () => {
    const doc = sampleDocument();
    const long = '长'.repeat(20_000);
    const items = Array.from({ length: 12 }, (_, i) => ({
      number: String(i + 10),
      name: `子项${i}`,
      description: long,
    }));
    const big = { ...doc, categories: [...doc.categories, { ordinal: 20, title: '很长的大项', items }] };
    const { sheets } = await readXlsxBack(await programmeToXlsx(big));
    const chunks =
      sheets
        .find((s) => s.name === EMBED_SHEET)
        ?.rows.slice(1)
        .map((r) => r[0] ?? '') ?? [];
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(EMBED_CHUNK_LENGTH);
    const result = readEmbeddedDocument(xlsxSource(sheets));
    expect(result.kind === 'document' && result.document).toEqual(normalizeDocument(big));
  });
});
