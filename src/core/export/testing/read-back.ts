import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { EmbeddingSource } from '../embedded-document.js';

/**
 * Test-only readers that turn an exported file back into what the importers'
 * readers give (SourceDocument: merged continuation cells as null), so the
 * exporters' tests do not depend on the importers.
 */

export interface SheetReadBack {
  name: string;
  state: string;
  rows: (string | null)[][];
  merges: string[];
}

export async function readXlsxBack(bytes: Buffer): Promise<{ workbook: ExcelJS.Workbook; sheets: SheetReadBack[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: (string | null)[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row: (string | null)[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = sheet.getCell(r, c);
        row.push(cell.isMerged && cell.master !== cell ? null : cell.value === null ? '' : String(cell.value));
      }
      rows.push(row);
    }
    return { name: sheet.name, state: sheet.state, rows, merges: [...(sheet.model.merges ?? [])] };
  });
  return { workbook, sheets };
}

export function xlsxSource(sheets: readonly SheetReadBack[]): EmbeddingSource {
  return { tables: sheets.map((s) => ({ name: s.name, rows: s.rows })) };
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

export interface DocxReadBack {
  documentXml: string;
  files: string[];
  source: EmbeddingSource & { paragraphs: { text: string }[]; tables: { name: string; rows: (string | null)[][] }[] };
}

/** A small reading of document.xml: body paragraphs, and the table with gridSpan as nulls to the right and vMerge continue as null. */
export function readDocxBack(bytes: Buffer): DocxReadBack {
  const zip = unzipSync(new Uint8Array(bytes));
  const documentXml = strFromU8(zip['word/document.xml'] ?? new Uint8Array());
  const body = documentXml.slice(documentXml.indexOf('<w:body>'));
  const tables: { name: string; rows: (string | null)[][] }[] = [];
  const paragraphs: { text: string }[] = [];
  for (const block of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const xml = block[0];
    if (xml.startsWith('<w:p')) {
      const text = paragraphText(xml);
      if (text.trim() !== '') paragraphs.push({ text });
      continue;
    }
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].flatMap((tc) => {
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc[0])?.[1] ?? 1);
        const continues = /<w:vMerge(?: w:val="continue")?\/>/.test(tc[0]);
        const text = [...tc[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).join('\n');
        return [continues ? null : text, ...Array<null>(span - 1).fill(null)];
      }),
    );
    tables.push({ name: `table ${tables.length + 1}`, rows });
  }
  return { documentXml, files: Object.keys(zip), source: { paragraphs, tables } };
}
