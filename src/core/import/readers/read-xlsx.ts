import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import { zipSync } from 'fflate';
import { AppError } from '../../errors.js';
import { IMPORT_LIMITS, type SourceDocument, type SourceTable } from '../model.js';
import { oldOfficeError, pdfError, sniff } from './sniff.js';
import {
  checkDeclaredXmlSize,
  checkXmlSize,
  inflateEntries,
  notValidFile,
  type ReaderOptions,
  readZipDirectory,
  type ZipEntry,
} from './zip.js';

/**
 * A .xlsx as one table per worksheet. exceljs reads the cells, but it has no
 * defences of its own: it inflates every entry whatever its size, expands
 * merged ranges, data validations and defined names cell by cell (and checks
 * each merge against every other, n² for n merges), and creates a column
 * object for every column a <col> element names. So the zip is checked and
 * inflated here first, the worksheets' cells are counted and their merges
 * read, and exceljs gets a fresh archive holding only the parts a table needs,
 * without defined names, told to ignore every worksheet element but the cells.
 * The merges are applied here, clipped to the text.
 */

/**
 * Elements exceljs may parse across the workbook's parts: its SAX parser
 * costs ~1 µs and some heap per element, and shared strings and styles grow
 * with them. A workbook at the cell limit has about a million.
 */
export const MAX_XLSX_ELEMENTS = 2_000_000;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** The parts exceljs needs to read cell values, their shared strings and their number formats (dates). */
const NEEDED = new Set(['_rels/.rels', WORKBOOK, WORKBOOK_RELS, 'xl/sharedStrings.xml', 'xl/styles.xml']);
/** exceljs only recognises worksheets named like this. */
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/** Worksheet elements exceljs need not read; several of them expand ranges cell by cell. */
const IGNORED_NODES = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'mergeCells',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'sheet' || name === 'Relationship',
});

function tooManyCells(where?: { sheet: string; cell: string }): AppError {
  const zh = where ? `（工作表 ${where.sheet} 的内容一直延伸到 ${where.cell}）` : '';
  const en = where ? ` (sheet ${where.sheet} reaches as far as ${where.cell})` : '';
  return new AppError(
    'VALIDATION',
    `工作簿超过 ${IMPORT_LIMITS.cells} 个单元格${zh}，不像一份清单。请删去无关内容，只保留清单所在的工作表和区域后重试。 ` +
      `The workbook has more than ${IMPORT_LIMITS.cells} cells${en}, too many for a list; delete what is not the list and retry.`,
  );
}

function overlappingMerges(sheet: string): AppError {
  return new AppError(
    'VALIDATION',
    `工作表 ${sheet} 中的合并单元格相互重叠，文件可能已损坏。请在 Excel/WPS 中打开并另存为 .xlsx 后重试。 ` +
      `The merged ranges in sheet ${sheet} overlap, so the file may be damaged; open it in Excel or WPS, save it as .xlsx and retry.`,
  );
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseRange(ref: string): Range | null {
  const [from = '', to = from] = ref.trim().split(':');
  const a = CELL_REF.exec(from);
  const b = CELL_REF.exec(to);
  if (!a || !b) return null;
  const r1 = Number(a[2]);
  const c1 = columnNumber(a[1] ?? '');
  const r2 = Number(b[2]);
  const c2 = columnNumber(b[1] ?? '');
  if (r1 < 1 || r2 < 1) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

const count = (text: string, pattern: RegExp): number => {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
};

/** Refuses worksheets with more cells or rows than the limit before exceljs builds an object for each. */
function measureWorksheets(sheets: Iterable<string>): void {
  let cells = 0;
  let rows = 0;
  for (const xml of sheets) {
    cells += count(xml, /<c[\s>/]/g);
    rows += count(xml, /<row[\s>/]/g);
  }
  if (cells > IMPORT_LIMITS.cells || rows > IMPORT_LIMITS.cells) throw tooManyCells();
}

function mergesOf(xml: string): Range[] {
  const ranges: Range[] = [];
  for (const match of xml.matchAll(/<mergeCell\b([^>]*)>/g)) {
    const ref = /\bref\s*=\s*["']([^"']*)["']/.exec(match[1] ?? '')?.[1];
    const range = ref === undefined ? null : parseRange(ref);
    if (range) ranges.push(range);
  }
  return ranges;
}

/** Sheet name → worksheet part, as the workbook and its relationships say. */
function sheetParts(workbookXml: string, relsXml: string | undefined): Map<string, string> {
  const parts = new Map<string, string>();
  try {
    const targets = new Map<string, string>();
    const rels = xmlParser.parse(relsXml ?? '') as { Relationships?: { Relationship?: Record<string, unknown>[] } };
    for (const rel of rels.Relationships?.Relationship ?? []) {
      if (typeof rel.Id === 'string' && typeof rel.Target === 'string') targets.set(rel.Id, rel.Target);
    }
    const workbook = xmlParser.parse(workbookXml) as { workbook?: { sheets?: { sheet?: Record<string, unknown>[] } } };
    for (const sheet of workbook.workbook?.sheets?.sheet ?? []) {
      const target = typeof sheet.id === 'string' ? targets.get(sheet.id) : undefined;
      if (typeof sheet.name !== 'string' || target === undefined) continue;
      parts.set(sheet.name, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    }
  } catch {
    // Without the map the merges are not applied; exceljs will refuse a workbook this broken anyway.
  }
  return parts;
}

interface PreparedWorkbook {
  archive: ArrayBuffer;
  /** Merged ranges by sheet name. */
  merges: Map<string, Range[]>;
}

/** The workbook's bytes → a minimal archive for exceljs, after every check. */
function prepareWorkbook(bytes: Uint8Array, options: ReaderOptions): PreparedWorkbook {
  const kind = sniff(bytes);
  if (kind === 'ole') throw oldOfficeError('xlsx');
  if (kind === 'pdf') throw pdfError();
  if (kind === 'image') {
    throw notValidFile('xlsx', '文件内容是图片（可能是改了扩展名的图片）', 'it is a picture with its name changed');
  }
  if (kind !== 'zip') {
    throw notValidFile(
      'xlsx',
      '文件内容不是 .xlsx 格式（可能已损坏，或是改了扩展名的其他文件）',
      'its content is not .xlsx (it may be damaged, or another kind of file renamed)',
    );
  }
  const entries = readZipDirectory(bytes, 'xlsx');
  const wanted = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if ((NEEDED.has(entry.name) || WORKSHEET.test(entry.name)) && !wanted.has(entry.name))
      wanted.set(entry.name, entry);
  }
  if (!wanted.has(WORKBOOK)) {
    throw notValidFile(
      'xlsx',
      '压缩包中没有 Excel 工作簿（xl/workbook.xml）',
      'the archive holds no Excel workbook (xl/workbook.xml)',
    );
  }
  checkDeclaredXmlSize('xlsx', [...wanted.values()]);
  const parts = inflateEntries(bytes, [...wanted.values()], 'xlsx', options.stats);

  const decoder = new TextDecoder('utf-8');
  const encoder = new TextEncoder();
  const xml = new Map<string, string>();
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) {
    let text = withoutPrefix(decoder.decode(data));
    // Defined names (print areas and the like) are expanded cell by cell by exceljs and name nothing a list needs.
    if (name === WORKBOOK) {
      text = text.replace(/<definedNames\b[^>]*\/>/g, '').replace(/<definedNames\b[\s\S]*?<\/definedNames>/g, '');
    }
    xml.set(name, text);
    files[name] = encoder.encode(text);
  }
  checkXmlSize('xlsx', xml.values(), MAX_XLSX_ELEMENTS);
  const sheets = [...xml].filter(([name]) => WORKSHEET.test(name));
  measureWorksheets(sheets.map(([, text]) => text));

  const mergesByPart = new Map(sheets.map(([name, text]) => [name, mergesOf(text)]));
  const merges = new Map<string, Range[]>();
  for (const [sheet, part] of sheetParts(xml.get(WORKBOOK) ?? '', xml.get(WORKBOOK_RELS))) {
    merges.set(sheet, mergesByPart.get(part) ?? []);
  }

  const rebuilt = zipSync(files, { level: 0 });
  const exact = rebuilt.byteOffset === 0 && rebuilt.byteLength === rebuilt.buffer.byteLength;
  const archive = exact && rebuilt.buffer instanceof ArrayBuffer ? rebuilt.buffer : rebuilt.slice().buffer;
  return { archive, merges };
}

/**
 * Some writers (the Open XML SDK among them) put SpreadsheetML under a prefix,
 * `<x:c>`, which exceljs does not understand. A "<" in XML only ever opens
 * markup, so dropping the prefix from tag names is safe.
 */
function withoutPrefix(xml: string): string {
  const prefix = new RegExp(`xmlns:(\\w+)=["']${MAIN_NAMESPACE.replaceAll('.', '\\.')}["']`).exec(xml)?.[1];
  if (prefix === undefined) return xml;
  return xml.replaceAll(`<${prefix}:`, '<').replaceAll(`</${prefix}:`, '</');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad2(h)}:${pad2(m)}${s === 0 ? '' : `:${pad2(s)}`}`;
}

/** Numbers as Excel shows them by default: 15 significant digits, so 0.1 + 0.2 reads 0.3. */
function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const percent = numFmt !== undefined && /%/.test(numFmt.replace(/"[^"]*"/g, ''));
  const shown = percent ? value * 100 : value;
  return `${Number(shown.toPrecision(15))}${percent ? '%' : ''}`;
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? '').join('');
  if ('error' in value) return String(value.error);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (text !== null && typeof text === 'object' && 'richText' in text)
      return valueText(text as ExcelJS.CellValue, numFmt);
    return '';
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return String((result as { error: unknown }).error);
    }
    return valueText(result as ExcelJS.CellValue, numFmt);
  }
  return '';
}

function sheetTable(worksheet: ExcelJS.Worksheet, merges: readonly Range[], budget: { cells: number }): SourceTable {
  const texts = new Map<string, string>();
  let height = 0;
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = valueText(cell.value, cell.numFmt);
      if (text === '') return;
      texts.set(`${r}:${c}`, text);
      if (text.trim() === '') return;
      height = Math.max(height, r);
      width = Math.max(width, c);
    });
  });
  // Only cells with text count for the size: trailing blank rows and columns, however far they reach, are trimmed.
  budget.cells -= height * width;
  if (budget.cells < 0) throw tooManyCells({ sheet: worksheet.name, cell: `${columnLetters(width)}${height}` });

  const name = worksheet.name;
  const rows: (string | null)[][] = [];
  const places: string[][] = [];
  for (let r = 1; r <= height; r++) {
    const row: (string | null)[] = [];
    const rowPlaces: string[] = [];
    for (let c = 1; c <= width; c++) {
      row.push(texts.get(`${r}:${c}`) ?? '');
      rowPlaces.push(`sheet ${name}, cell ${columnLetters(c)}${r}`);
    }
    rows.push(row);
    places.push(rowPlaces);
  }
  // Merges in a real sheet never overlap, so together they cover at most the grid; more is a hostile file.
  let merged = 0;
  for (const range of merges) {
    const bottom = Math.min(range.bottom, height);
    const right = Math.min(range.right, width);
    merged += Math.max(0, bottom - range.top + 1) * Math.max(0, right - range.left + 1);
    if (merged > height * width) throw overlappingMerges(name);
    for (let r = range.top; r <= bottom; r++) {
      const row = rows[r - 1];
      if (!row) continue;
      for (let c = range.left; c <= right; c++) {
        if (r !== range.top || c !== range.left) row[c - 1] = null;
      }
    }
  }
  return { name, rows, places };
}

export async function readXlsx(
  bytes: Uint8Array,
  fileName: string,
  options: ReaderOptions = {},
): Promise<SourceDocument> {
  const { archive, merges } = prepareWorkbook(bytes, options);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(archive, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw notValidFile(
      'xlsx',
      '工作簿内容无法解析（文件可能已损坏）',
      'the workbook cannot be parsed (the file may be damaged)',
    );
  }
  const budget = { cells: IMPORT_LIMITS.cells };
  const tables = workbook.worksheets.map((worksheet) =>
    sheetTable(worksheet, merges.get(worksheet.name) ?? [], budget),
  );
  return { fileName, paragraphs: [], tables, warnings: [] };
}
