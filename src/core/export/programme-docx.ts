import {
  AlignmentType,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ProgrammeDocument } from '../interchange.js';
import { normalizeDocument } from '../tree.js';
import { embedDocument } from './embedded-document.js';
import { type Column, printable, programmeTable, QUARTER_COLUMN } from './programme-table.js';

/** A4 in twips, given portrait; docx turns it for landscape. */
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = { top: 1_134, bottom: 1_134, left: 1_020, right: 1_020, header: 567, footer: 567 };
const TABLE_WIDTH = A4.height - MARGIN.left - MARGIN.right;

/** Sizes in half-points: 二号 22pt for the title, 五号 10.5pt in the table. */
const TITLE_SIZE = 44;
const CELL_SIZE = 21;

const fonts = {
  // Word keeps one face per script and substitutes a missing one; 方正小标宋简体 and 仿宋_GB2312 are
  // the faces of official documents, 黑体 the header's.
  title: { eastAsia: '方正小标宋简体', ascii: '黑体', hAnsi: '黑体', hint: 'eastAsia' },
  header: { eastAsia: '黑体', ascii: '黑体', hAnsi: '黑体', hint: 'eastAsia' },
  body: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' },
} as const;

/**
 * The two header rows together hold three lines, the most a header takes (实施单位 / （首位牵 / 头）),
 * so a header merged down both rows is never clipped where the header repeats on a new page.
 */
const HEADER_ROW_HEIGHT = { value: 420, rule: HeightRule.ATLEAST };

const cellMargins = { top: 40, bottom: 40, left: 45, right: 45 };

function paragraphs(text: string, font: (typeof fonts)[keyof typeof fonts], bold: boolean, align: Column['align']) {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 260 },
        children: line === '' ? [] : [new TextRun({ text: line, font, bold, size: CELL_SIZE })],
      }),
  );
}

function columnWidths(columns: readonly Column[]): number[] {
  const total = columns.reduce((n, c) => n + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / total) * TABLE_WIDTH));
  widths[3] = (widths[3] ?? 0) + TABLE_WIDTH - widths.reduce((n, w) => n + w, 0);
  return widths;
}

/**
 * The programme as a .docx in the official layout: A4 landscape, the title,
 * then the table with the header repeated on every page. The whole document
 * follows as hidden paragraphs (see embedded-document.ts) for a lossless import.
 */
export async function programmeToDocx(doc: ProgrammeDocument): Promise<Buffer> {
  const normalized = normalizeDocument(doc);
  const table = programmeTable(normalized);
  const widths = columnWidths(table.columns);
  const width = (from: number, span = 1) => ({
    size: widths.slice(from, from + span).reduce((n, w) => n + w, 0),
    type: WidthType.DXA,
  });

  const header = (text: string, column: number, options: { rowSpan?: number; columnSpan?: number }) =>
    new TableCell({
      children: paragraphs(text, fonts.header, true, 'center'),
      verticalAlign: VerticalAlignTable.CENTER,
      width: width(column, options.columnSpan),
      margins: cellMargins,
      ...options,
    });
  const [firstHeader = [], secondHeader = []] = table.header;
  const headerRows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      height: HEADER_ROW_HEIGHT,
      children: firstHeader.flatMap((text, c) => {
        if (text === null) return [];
        return [header(text, c, c === QUARTER_COLUMN ? { columnSpan: 4 } : { rowSpan: 2 })];
      }),
    }),
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      height: HEADER_ROW_HEIGHT,
      children: secondHeader.flatMap((text, c) => (text === null ? [] : [header(text, c, {})])),
    }),
  ];

  const firstRows = new Map(table.categories.map((block) => [block.firstRow, block.rowCount]));
  const bodyRows = table.rows.map(
    (row, r) =>
      new TableRow({
        children: row.cells.flatMap((text, c) => {
          // The category cell is written once with rowSpan; docx fills the rows below with vMerge continue.
          if (c === 0 && !firstRows.has(r)) return [];
          const column = table.columns[c];
          return [
            new TableCell({
              children: paragraphs(text ?? '', fonts.body, false, column?.align ?? 'left'),
              verticalAlign: VerticalAlignTable.CENTER,
              width: width(c),
              margins: cellMargins,
              ...(c === 0 ? { rowSpan: firstRows.get(r) ?? 1 } : {}),
            }),
          ];
        }),
      }),
  );

  const embedded = embedDocument(normalized).map(
    (chunk) =>
      new Paragraph({
        run: { vanish: true },
        children: [new TextRun({ text: chunk, vanish: true, size: 2 })],
      }),
  );

  const document = new Document({
    creator: 'Minxin',
    title: table.title,
    subject: printable(normalized.jurisdiction),
    styles: { default: { document: { run: { font: fonts.body, size: CELL_SIZE } } } },
    sections: [
      {
        properties: {
          page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts.body, size: 28 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 240, line: 560, lineRule: LineRuleType.EXACT },
            children: [new TextRun({ text: table.title, font: fonts.title, size: TITLE_SIZE })],
          }),
          new Table({
            rows: [...headerRows, ...bodyRows],
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            alignment: AlignmentType.CENTER,
          }),
          ...embedded,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
