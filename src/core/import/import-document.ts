import { AppError } from '../errors.js';
import { EMBED_SHEET, readEmbeddedDocument } from '../export/embedded-document.js';
import type { ImportWarning, InterchangeCategory, ProgrammeDocument } from '../interchange.js';
import { detectLayout, type Layout } from './detect-layout.js';
import { readMeta } from './document-meta.js';
import { finishDocument } from './finish-document.js';
import { interpretTable } from './interpret-table.js';
import { decodeProseList, isSignature } from './layouts/prose-list.js';
import type { DecodedTable } from './layouts/text-table.js';
import { decodeVerticalCells } from './layouts/vertical-cells.js';
import { decodeWideRows } from './layouts/wide-rows.js';
import type { SourceDocument, SourceParagraph, SourceTable } from './model.js';
import { readSource } from './readers/read-source.js';
import { readTextSource } from './readers/read-text.js';
import { selectTable } from './select-table.js';
import { isHeaderRow } from './table-columns.js';
import { quote, warning } from './warnings.js';

/**
 * A published list → a programme in the interchange format. The layout is
 * found, the list decoded and interpreted, title, year and jurisdiction read
 * from the list's title line (the options override them), and the result
 * checked like any interchange document. Every guess is a warning with its
 * place; anything that stops the import is an AppError saying what to do.
 */

export interface ImportOptions {
  year?: number | undefined;
  jurisdiction?: string | undefined;
  title?: string | undefined;
}

export interface ImportResult {
  document: ProgrammeDocument;
  layout: Layout;
  warnings: ImportWarning[];
}

function invalid(zh: string, en: string): AppError {
  return new AppError('VALIDATION', `${zh} ${en}`);
}

interface Decoded {
  categories: (year: number) => InterchangeCategory[];
  /** Paragraphs that may hold the title. */
  meta: SourceParagraph[];
  after: SourceParagraph[];
  warnings: ImportWarning[];
}

function decode(doc: SourceDocument, layout: Layout): Decoded {
  const fromTable = (decoded: DecodedTable, warnings: ImportWarning[]): Decoded => ({
    categories: (year) => {
      const result = interpretTable(decoded.table, { year });
      warnings.push(...result.warnings);
      return result.categories;
    },
    meta: decoded.before,
    after: decoded.after,
    warnings,
  });
  switch (layout) {
    case 'vertical-cells': {
      const decoded = decodeVerticalCells(doc.paragraphs);
      return fromTable(decoded, decoded.warnings);
    }
    case 'wide-rows': {
      const decoded = decodeWideRows(doc.paragraphs);
      return fromTable(decoded, decoded.warnings);
    }
    case 'table': {
      const warnings: ImportWarning[] = [];
      const table = selectTable(doc, warnings);
      return fromTable({ table, before: [...doc.paragraphs, ...titleRows(table)], after: [], warnings }, warnings);
    }
    case 'prose-list': {
      const prose = decodeProseList(doc.paragraphs);
      return {
        categories: () => (prose.items.length > 0 ? [{ ordinal: null, title: '', items: prose.items }] : []),
        meta: prose.before,
        after: prose.after,
        warnings: prose.warnings,
      };
    }
  }
}

/** A sheet often carries the list's title in merged cells above the header: those cells may name the year. */
function titleRows(table: SourceTable): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  for (let r = 0; r < Math.min(table.rows.length, 5); r++) {
    const row = table.rows[r] ?? [];
    if (isHeaderRow(row)) break;
    row.forEach((text, c) => {
      if (text) out.push({ text, place: table.places[r]?.[c] ?? `${table.name}, row ${r + 1}` });
    });
  }
  return out;
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw invalid(`年度 ${year} 不在 2000–2100 之间。`, `The year ${year} is not between 2000 and 2100.`);
  }
  return year;
}

/**
 * A file Minxin exported carries the whole programme beside its table. While
 * the table is as exported, that copy is the programme (indicators and all);
 * once someone has edited the table, the table is read and the copy ignored.
 */
function embedded(
  doc: SourceDocument,
  options: ImportOptions,
): { result: ImportResult | null; source: SourceDocument } {
  const found = readEmbeddedDocument(doc);
  if (found.kind === 'none') return { result: null, source: doc };
  const source = { ...doc, tables: doc.tables.filter((t) => t.name.trim() !== EMBED_SHEET) };
  if (found.kind === 'document' && found.visibleTableMatches) {
    const document = {
      ...found.document,
      ...(options.title?.trim() ? { title: options.title.trim() } : {}),
      ...(options.jurisdiction?.trim() ? { jurisdiction: options.jurisdiction.trim() } : {}),
      ...(options.year !== undefined ? { year: checkYear(options.year) } : {}),
      warnings: [...doc.warnings],
    };
    return { result: { document, layout: 'table', warnings: document.warnings }, source };
  }
  const reason =
    found.kind === 'damaged'
      ? `文件中 Minxin 导出时内嵌的数据无法使用（${found.reason}），已按表格内容导入。`
      : '表格在导出后被修改过，已按表格内容导入，内嵌的原始数据（含量化指标）未使用。';
  source.warnings = [
    ...doc.warnings,
    warning('whole file', reason, 'The copy Minxin embedded at export was not used; the visible table was read.'),
  ];
  return { result: null, source };
}

function run(original: SourceDocument, options: ImportOptions): ImportResult {
  const { result, source: doc } = embedded(original, options);
  if (result) return result;
  const layout = detectLayout(doc);
  if (!layout) {
    throw invalid(
      '无法识别为民心工程清单：文件中既没有表格，也没有“一、二、……”编号的段落。请检查文件，或将清单表格复制粘贴后重试。',
      'This does not read as a list: it holds no table and no paragraphs numbered 一、二、…',
    );
  }
  const decoded = decode(doc, layout);
  const meta = readMeta(decoded.meta);
  const year = options.year ?? meta.year;
  // The list is read before the year is asked for: a file that is no list should say so first.
  const categories = decoded.categories(checkYear(year ?? 2000));
  const itemCount = categories.reduce((n, c) => n + c.items.length, 0);
  if (itemCount === 0) {
    throw invalid('文件中没有找到任何子项，未导入。', 'No item was found in the file; nothing was imported.');
  }
  if (year === undefined) {
    throw invalid(
      '清单标题中没有写明年度，请用 --year 指定年度（网页导入时请填写“年度”）。',
      'The title of the list names no year; pass --year (or fill in the year on the import page).',
    );
  }
  const jurisdiction = options.jurisdiction?.trim() || meta.jurisdiction;
  if (!jurisdiction) {
    throw invalid(
      '清单标题中没有写明所属行政区，请用 --jurisdiction 指定（网页导入时请填写“所属行政区”）。',
      'The title of the list names no jurisdiction; pass --jurisdiction (or fill it in on the import page).',
    );
  }
  const warnings: ImportWarning[] = [...doc.warnings, ...decoded.warnings];
  for (const p of decoded.after) {
    if (isSignature(p.text.trim())) continue;
    warnings.push(
      warning(
        p.place,
        `清单后的文字“${quote(p.text)}”不属于清单，未导入。`,
        'Text after the list is not part of it and was not imported.',
      ),
    );
  }
  let title = options.title?.trim() || meta.title;
  if (!title) {
    title = `${jurisdiction}${year}年民心工程`;
    warnings.push(
      warning(
        'whole file',
        `文件中没有清单标题，已用“${title}”，可用 --title 指定。`,
        'The file names no title; one was made up (use --title).',
      ),
    );
  }
  const document = finishDocument({
    title,
    jurisdiction,
    year,
    parent: meta.parent ?? null,
    categories,
    warnings,
    titlePlace: meta.place ?? 'whole file',
  });
  return { document, layout, warnings: document.warnings ?? [] };
}

/** Never throws anything but AppError: a fault in the importer is reported as one, not as a crash. */
export function importSource(doc: SourceDocument, options: ImportOptions = {}): ImportResult {
  try {
    return run(doc, options);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'INTERNAL',
      '导入时发生内部错误，请将文件发给管理员。 The importer failed on this file; send it to your administrator.',
      { cause: error instanceof Error ? error.message : String(error) },
    );
  }
}

export async function importFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importSource(await readSource(bytes, fileName), options);
}

/** Text pasted into the import page: read as a UTF-8 text file would be. */
export function importPastedText(text: string, options: ImportOptions = {}): ImportResult {
  return importSource(readTextSource(new TextEncoder().encode(text), '粘贴的文字 (pasted text)'), options);
}
