import ExcelJS from 'exceljs';
import { ASSESSMENT_RULES, type AssessmentWeights, RULE_LABELS, type UnitAssessment } from '../work/assessment.js';

/**
 * The assessment ranking table (考核排名) as an .xlsx in the usual official
 * look: a title row, the date it counts to, then one row per unit in rank
 * order with each rule's points, the adjustment, the total and the reasons.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ASSESSMENT_SHEET = '考核排名';

/** "明湖区2026年民心工程责任单位考核排名". */
export const assessmentTitle = (jurisdictionName: string, year: number): string =>
  `${jurisdictionName}${year}年民心工程责任单位考核排名`;

export interface AssessmentTable {
  title: string;
  asOf: string;
  weights: AssessmentWeights;
  units: readonly UnitAssessment[];
}

/** The faces of the programme export (programme-xlsx.ts); GB2312 charset, so WPS and older Excel pick a Chinese face when the named one is missing. */
const CHINESE = 134;
const fonts = {
  title: { name: '黑体', size: 16, bold: true, charset: CHINESE },
  subtitle: { name: '宋体', size: 11, charset: CHINESE },
  header: { name: '黑体', size: 10, bold: true, charset: CHINESE },
  body: { name: '宋体', size: 10, charset: CHINESE },
} satisfies Record<string, Partial<ExcelJS.Font>>;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const TITLE_ROW = 1;
const DATE_ROW = 2;
const HEADER_ROW = 3;
const FIRST_DATA_ROW = 4;

/** "2026-07-15" → "2026年7月15日". */
const chineseDate = (date: string): string =>
  `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** Why a unit lost or gained points, in one cell. */
export function remarksOf(unit: UnitAssessment): string {
  const lost = unit.rules.filter((r) => r.points < r.weight).map((r) => r.explanation);
  const adjusted = unit.adjustments.map((a) => `调整${signed(a.points)}分：${a.reason}`);
  const all = [...lost, ...adjusted];
  return all.length === 0 ? '各项均得满分' : all.join('；');
}

export function assessmentHeaders(weights: AssessmentWeights): string[] {
  return [
    '名次',
    '单位',
    ...ASSESSMENT_RULES.map((rule) => `${RULE_LABELS[rule]}（${weights[rule]}分）`),
    '调整',
    '总分',
    '说明',
  ];
}

export async function assessmentToXlsx(table: AssessmentTable): Promise<Buffer> {
  const headers = assessmentHeaders(table.weights);
  const columnCount = headers.length;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minxin';
  workbook.title = table.title;
  const sheet = workbook.addWorksheet(ASSESSMENT_SHEET, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: 'A4' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = headers.map((_, i) => ({
    width: i === 0 ? 7 : i === 1 ? 24 : i === columnCount - 1 ? 60 : 13,
  }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columnCount);
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = table.title;
  title.font = fonts.title;
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.getRow(TITLE_ROW).height = 36;

  sheet.mergeCells(DATE_ROW, 1, DATE_ROW, columnCount);
  const date = sheet.getCell(DATE_ROW, 1);
  date.value = `（统计截至${chineseDate(table.asOf)}）`;
  date.font = fonts.subtitle;
  date.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.getRow(DATE_ROW).height = 22;

  const header = sheet.getRow(HEADER_ROW);
  headers.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = fonts.header;
    cell.border = border;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 32;

  table.units.forEach((unit, index) => {
    const adjustment = unit.adjustments.reduce((sum, a) => sum + a.points, 0);
    const values: (string | number)[] = [
      unit.rank,
      unit.unitName,
      ...ASSESSMENT_RULES.map((rule) => unit.rules.find((r) => r.rule === rule)?.points ?? 0),
      Math.round(adjustment * 10) / 10,
      unit.total,
      remarksOf(unit),
    ];
    const row = sheet.getRow(FIRST_DATA_ROW + index);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.font = fonts.body;
      cell.border = border;
      const text = i === 1 || i === columnCount - 1;
      cell.alignment = { vertical: 'middle', horizontal: text ? 'left' : 'center', wrapText: true };
      if (typeof value === 'number' && i > 1) cell.numFmt = '0.0';
    });
    const remarks = String(values[columnCount - 1]);
    row.height = Math.min(409, Math.max(24, Math.ceil(remarks.length / 30) * 15 + 8));
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
