import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import ExcelJS from 'exceljs';

/**
 * Test support: small fictional workbooks and Word documents built with the
 * same libraries the exporters use, so the importers meet real merged cells.
 */

export interface SheetSpec {
  name: string;
  rows: (string | null)[][];
  /** Ranges such as "A3:A5" to merge. */
  merges?: string[];
}

export async function buildXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A docx cell: its paragraphs, how many columns it spans, and whether it starts or continues a vertical merge. */
export interface DocxCell {
  paragraphs: string[];
  span?: number;
  merge?: 'restart' | 'continue';
}

export const cell = (text: string | string[], extra: Omit<DocxCell, 'paragraphs'> = {}): DocxCell => ({
  paragraphs: Array.isArray(text) ? text : [text],
  ...extra,
});

export async function buildDocx(before: string[], rows: DocxCell[][], after: string[] = []): Promise<Uint8Array> {
  const table = new Table({
    rows: rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (c) =>
              new TableCell({
                children: c.paragraphs.map((text) => new Paragraph({ text })),
                ...(c.span ? { columnSpan: c.span } : {}),
                ...(c.merge
                  ? { verticalMerge: c.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
                  : {}),
              }),
          ),
        }),
    ),
  });
  const doc = new Document({
    sections: [
      {
        children: [
          ...before.map((text) => new Paragraph({ text, alignment: AlignmentType.CENTER })),
          table,
          ...after.map((text) => new Paragraph({ text })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
