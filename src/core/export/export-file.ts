import type { ProgrammeDocument } from '../interchange.js';
import { programmeToCsv } from './programme-csv.js';
import { programmeToDocx } from './programme-docx.js';
import { programmeToXlsx } from './programme-xlsx.js';

/** What a programme can be exported as: the interchange JSON, or the official table as a workbook, a Word document or CSV. */
export const EXPORT_FORMATS = ['json', 'xlsx', 'docx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
};

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The programme's title as a file name: characters no file system accepts become "_". */
export function exportFileName(title: string, format: ExportFormat): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'programme';
  return `${base}.${format}`;
}

/**
 * A Content-Disposition that names the file by the programme's title: an ASCII
 * fallback for old clients and the UTF-8 name (RFC 6266, RFC 5987).
 */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The bytes of a programme in a format: JSON pretty-printed, the others in the official layout. */
export async function exportBytes(doc: ProgrammeDocument, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
    case 'xlsx':
      return programmeToXlsx(doc);
    case 'docx':
      return programmeToDocx(doc);
    case 'csv':
      return programmeToCsv(doc);
  }
}
