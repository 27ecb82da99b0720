import { type ProgrammeDocument, programmeDocumentSchema } from '../interchange.js';
import { normalizeDocument } from '../tree.js';
import { programmeTable } from './programme-table.js';

/**
 * An exported .xlsx or .docx carries the whole programme as
 * `minxin.programme/v1` JSON beside the visible table, because the official
 * layout has no place for indicators and their checkpoints. Importing the file
 * then gives back the identical programme. docs/interchange.md ("Official
 * layouts") describes where it sits.
 *
 * The JSON is written as printable ASCII only (every other character as
 * \uXXXX, spaces too), so no reader's whitespace trimming, line wrapping or
 * full-width normalisation can change it, and cut into chunks of at most
 * EMBED_CHUNK_LENGTH characters, each prefixed `minxin:<i>/<n>:`.
 */

/** The hidden worksheet of an exported .xlsx that holds the chunks, one per cell in column A. */
export const EMBED_SHEET = 'minxin';

/** Excel caps a cell at 32 767 characters; stay well below. */
export const EMBED_CHUNK_LENGTH = 30_000;

const CHUNK = /^minxin:(\d{1,6})\/(\d{1,6}):(.*)$/s;

/** What a person sees in A1 of the hidden sheet if they unhide it. */
export const EMBED_NOTE =
  '此工作表保存民心工程的完整数据，供 Minxin 导入时使用，请勿修改。 (Machine-readable copy for Minxin; do not edit.)';

function asciiJson(doc: ProgrammeDocument): string {
  return JSON.stringify(doc).replace(
    /[^\x21-\x7e]/g,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** The document (normalised, without warnings) as chunk texts, each at most EMBED_CHUNK_LENGTH long. */
export function embedDocument(doc: ProgrammeDocument): string[] {
  const json = asciiJson(normalizeDocument(doc));
  // Room for the longest prefix this many chunks can have.
  const room = EMBED_CHUNK_LENGTH - 'minxin:999999/999999:'.length;
  const count = Math.max(1, Math.ceil(json.length / room));
  return Array.from({ length: count }, (_, i) => `minxin:${i + 1}/${count}:${json.slice(i * room, (i + 1) * room)}`);
}

/** The shape of what the importers' readers produce (SourceDocument in src/core/import/model.ts), reduced to what is needed here. */
export interface EmbeddingSource {
  /** Text outside tables: a .docx carries its chunks as hidden paragraphs at the end. */
  paragraphs?: readonly { text: string }[];
  /** Tables and worksheets: an .xlsx carries its chunks in the worksheet named `minxin`. */
  tables?: readonly { name: string; rows: readonly (readonly (string | null | undefined)[])[] }[];
}

export type EmbeddedResult =
  /** No chunks: not a Minxin export, read the visible table. */
  | { kind: 'none' }
  /** Chunks were found but do not make a valid document (missing, cut, or edited); read the visible table and say so. */
  | { kind: 'damaged'; reason: string }
  /**
   * A valid document. `visibleTableMatches` is false when the visible table no
   * longer reads as this document's table (someone edited the list after the
   * export): the importer should then read the visible table, and may warn.
   */
  | { kind: 'document'; document: ProgrammeDocument; visibleTableMatches: boolean };

function chunkTexts(source: EmbeddingSource): string[] {
  const texts: string[] = [];
  for (const table of source.tables ?? []) {
    if (table.name.trim() !== EMBED_SHEET) continue;
    for (const row of table.rows) for (const cell of row) if (cell) texts.push(cell);
  }
  for (const paragraph of source.paragraphs ?? []) texts.push(paragraph.text);
  return texts;
}

/** Letters and digits only, half-width: what survives any reader's clean-up of a cell. */
function comparable(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '');
}

/** Readers drop blank rows at the end of a table; a category without items prints as one. */
function withoutTrailingBlanks(rows: string[]): string[] {
  const kept = [...rows];
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept;
}

/** Whether some table reads as the document's visible table: the header row 大项… and the data rows below, row by row. */
function visibleTableMatches(doc: ProgrammeDocument, source: EmbeddingSource): boolean {
  const table = programmeTable(doc);
  const expected = withoutTrailingBlanks(
    [...table.header, ...table.rows.map((r) => r.cells)].map((row) => row.map(comparable).join('')),
  );
  for (const candidate of source.tables ?? []) {
    if (candidate.name.trim() === EMBED_SHEET) continue;
    const rows = candidate.rows.map((row) => row.map(comparable).join(''));
    const start = rows.indexOf(expected[0] ?? '');
    if (start < 0) continue;
    const rest = withoutTrailingBlanks(rows.slice(start));
    if (rest.length === expected.length && rest.every((row, i) => row === expected[i])) return true;
  }
  return false;
}

/**
 * The programme an exported .xlsx or .docx carries, read from what a reader
 * produced: chunks from the `minxin` worksheet's cells or from paragraphs,
 * in any order, whitespace ignored. Never throws.
 */
export function readEmbeddedDocument(source: EmbeddingSource): EmbeddedResult {
  const chunks = new Map<number, string>();
  let count: number | null = null;
  for (const text of chunkTexts(source)) {
    const match = CHUNK.exec(text.replace(/\s+/g, ''));
    if (!match) continue;
    const [, index, total, body] = match;
    const n = Number(total);
    if (count !== null && count !== n)
      return { kind: 'damaged', reason: '内嵌数据的分段数不一致 (chunk counts disagree)' };
    count = n;
    chunks.set(Number(index), body ?? '');
  }
  if (count === null) return { kind: 'none' };
  const parts: string[] = [];
  for (let i = 1; i <= count; i++) {
    const part = chunks.get(i);
    if (part === undefined)
      return { kind: 'damaged', reason: `内嵌数据缺少第 ${i} 段，共 ${count} 段 (chunk ${i} of ${count} is missing)` };
    parts.push(part);
  }
  let json: unknown;
  try {
    json = JSON.parse(parts.join(''));
  } catch {
    return { kind: 'damaged', reason: '内嵌数据不是有效的 JSON (the embedded data is not valid JSON)' };
  }
  const parsed = programmeDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: 'damaged',
      reason:
        `内嵌数据不是有效的 minxin.programme/v1 (the embedded data is not a valid programme): ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    };
  }
  const document = normalizeDocument(parsed.data);
  return { kind: 'document', document, visibleTableMatches: visibleTableMatches(document, source) };
}
