import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { assessUnits, DEFAULT_WEIGHTS, type UnitFacts } from '../work/assessment.js';
import { ASSESSMENT_SHEET, assessmentTitle, assessmentToXlsx } from './assessment-xlsx.js';

const unit = (unitId: number, unitName: string, overrides: Partial<UnitFacts> = {}): UnitFacts => ({
  unitId,
  unitName,
  reports: [],
  milestones: [],
  items: [],
  notices: [],
  adjustments: [],
  ...overrides,
});

describe('assessmentToXlsx', () => {
  it('writes the title, the date, the headers and one row per unit in rank order, and reads back', async () => {
    const units = assessUnits(
      [
        unit(1, '区教育局', {
          reports: [{ itemLabel: '1 新建幼儿园', period: 'M03', dueDate: '2026-03-25', submittedAt: null }],
        }),
        unit(2, '区民政局', {
          adjustments: [{ id: 9, points: -2, reason: '报送材料不实', by: '王督查', at: '2026-05-01' }],
        }),
      ],
      DEFAULT_WEIGHTS,
      '2026-04-01',
    );
    const title = assessmentTitle('明湖区', 2026);
    const bytes = await assessmentToXlsx({ title, asOf: '2026-04-01', weights: DEFAULT_WEIGHTS, units });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(ASSESSMENT_SHEET);
    if (!sheet) throw new Error('no sheet');
    const text = (row: number, column: number) => sheet.getCell(row, column).text;

    expect(text(1, 1)).toBe('明湖区2026年民心工程责任单位考核排名');
    expect(sheet.getCell(1, 1).font.name).toBe('黑体');
    expect(text(2, 1)).toBe('（统计截至2026年4月1日）');
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '名次',
      '单位',
      '按时报送（30分）',
      '阶段目标达成（30分）',
      '按期完成（30分）',
      '督办按时回复（10分）',
      '调整',
      '总分',
      '说明',
    ]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(4).slice(0, 8)).toEqual([1, '区民政局', 30, 30, 30, 10, -2, 98]);
    expect(row(4)[8]).toBe('调整-2分：报送材料不实');
    expect(row(5).slice(0, 8)).toEqual([2, '区教育局', 0, 30, 30, 10, 0, 70]);
    expect(String(row(5)[8])).toBe('按时报送 0/1 期（0.0%），得 0 分');
    expect(sheet.rowCount).toBe(5);
  });
});
