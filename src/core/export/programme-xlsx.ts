import ExcelJS from 'exceljs';
import type { ProgrammeDocument } from '../interchange.js';
import { normalizeDocument } from '../tree.js';
import { EMBED_NOTE, EMBED_SHEET, embedDocument } from './embedded-document.js';
import { COLUMN_COUNT, type Column, printable, programmeTable, QUARTER_COLUMN } from './programme-table.js';

/** The visible worksheet of an exported workbook. */
export const XLSX_LIST_SHEET = '清单';

const TITLE_ROW = 1;
const HEADER_ROWS = [2, 3] as const;
const FIRST_DATA_ROW = 4;

/** GB2312 charset, so WPS and older Excel pick a Chinese face when the named one is missing. */
const CHINESE = 134;
const fonts = {
  title: { name: '黑体', size: 16, bold: true, charset: CHINESE },
  header: { name: '黑体', size: 10, bold: true, charset: CHINESE },
  body: { name: '宋体', size: 10, charset: CHINESE },
} satisfies Record<string, Partial<ExcelJS.Font>>;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Display width of text in Excel character units: a Chinese character is about two digits wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += (c.codePointAt(0) ?? 0) > 0x2e7f ? 1.9 : 1;
  return width;
}

/**
 * Excel and WPS do not grow a row to fit wrapped text that was written by a
 * program, and never for merged cells, so the height is estimated here.
 */
function rowHeight(cells: readonly (string | null)[], columns: readonly Column[]): number {
  let lines = 1;
  cells.forEach((text, i) => {
    const column = columns[i];
    if (!text || !column || i === 0) return; // the merged category cell spans many rows
    const room = Math.max(1, column.width - 1.5);
    const count = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
    lines = Math.max(lines, count);
  });
  return Math.min(409, Math.max(24, lines * 13.5 + 6));
}

function styleCell(cell: ExcelJS.Cell, font: Partial<ExcelJS.Font>, horizontal: 'center' | 'left'): void {
  cell.font = font;
  cell.border = border;
  cell.alignment = { vertical: 'middle', horizontal, wrapText: true };
}

/**
 * The programme as an .xlsx in the official layout (sheet 清单), with the
 * whole document in the hidden sheet `minxin` for a lossless import.
 */
export async function programmeToXlsx(doc: ProgrammeDocument): Promise<Buffer> {
  const normalized = normalizeDocument(doc);
  const table = programmeTable(normalized);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Minxin';
  workbook.title = table.title;
  workbook.subject = printable(normalized.jurisdiction);

  const sheet = workbook.addWorksheet(XLSX_LIST_SHEET, {
    views: [
      { state: 'frozen', xSplit: 0, ySplit: HEADER_ROWS[1], topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: 'A4' },
    ],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROWS[0]}:${HEADER_ROWS[1]}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = table.columns.map((c) => ({ key: c.key, width: c.width }));

  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, COLUMN_COUNT);
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = table.title;
  title.font = fonts.title;
  title.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.getRow(TITLE_ROW).height = 36;

  table.header.forEach((cells, r) => {
    const row = sheet.getRow(HEADER_ROWS[r] ?? 0);
    row.height = 24;
    cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      if (text !== null) cell.value = text;
      styleCell(cell, fonts.header, 'center');
    });
  });
  table.columns.forEach((_, c) => {
    const quarter = c >= QUARTER_COLUMN && c < QUARTER_COLUMN + 4;
    if (!quarter) sheet.mergeCells(HEADER_ROWS[0], c + 1, HEADER_ROWS[1], c + 1);
  });
  sheet.mergeCells(HEADER_ROWS[0], QUARTER_COLUMN + 1, HEADER_ROWS[0], QUARTER_COLUMN + 4);

  table.rows.forEach((dataRow, r) => {
    const row = sheet.getRow(FIRST_DATA_ROW + r);
    dataRow.cells.forEach((text, c) => {
      const cell = row.getCell(c + 1);
      if (text !== null && text !== '') cell.value = text;
      styleCell(cell, fonts.body, table.columns[c]?.align ?? 'left');
    });
    row.height = rowHeight(dataRow.cells, table.columns);
  });
  for (const block of table.categories) {
    if (block.rowCount > 1)
      sheet.mergeCells(FIRST_DATA_ROW + block.firstRow, 1, FIRST_DATA_ROW + block.firstRow + block.rowCount - 1, 1);
  }

  // Hidden, not "very hidden": a person can still find it under 取消隐藏 and see what it is.
  const embedded = workbook.addWorksheet(EMBED_SHEET, { state: 'hidden' });
  embedded.getColumn(1).width = 100;
  embedded.getCell(1, 1).value = EMBED_NOTE;
  embedDocument(normalized).forEach((chunk, i) => {
    embedded.getCell(i + 2, 1).value = chunk;
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
