import type { ImportWarning } from '../interchange.js';

/**
 * What every reader produces and every layout consumes: the source as
 * paragraphs and tables of text, each piece with its place in the source, so
 * warnings can say where. Readers (txt, docx, xlsx) know files; layouts
 * (vertical cells, wide rows, prose) know the genres of list; neither knows
 * the other.
 */

/** Where a piece came from, for people: "line 12", "row 7, column 3", "sheet 清单, row 7, column 3". */
export type SourcePlace = string;

export interface SourceParagraph {
  text: string;
  place: SourcePlace;
}

/**
 * A table as rows of cells. A cell's paragraphs are joined with "\n".
 * `null` is the continuation of a merged cell (docx vMerge, xlsx merges): the
 * same cell as the one above or to the left. `''` is an empty cell, which in
 * text sources may also be a merged cell whose text stands above.
 */
export interface SourceTable {
  /** "table 1", or the sheet's name. */
  name: string;
  rows: (string | null)[][];
  /** places[r][c] names rows[r][c] in the source. */
  places: SourcePlace[][];
}

export interface SourceDocument {
  fileName: string;
  /** Text outside tables, in order: title, preamble, signature, or the whole of a prose list. */
  paragraphs: SourceParagraph[];
  tables: SourceTable[];
  /** What the reader had to guess (an encoding, a sheet) or drop. */
  warnings: ImportWarning[];
}

/** Limits every reader enforces before it does the work, so a hostile file costs little. */
export const IMPORT_LIMITS = {
  /** Bytes of an uploaded or read file. */
  fileBytes: 20 * 1024 * 1024,
  /** Entries in a .docx or .xlsx zip. */
  zipEntries: 2_000,
  /** Total inflated bytes of the zip entries a reader opens. */
  inflatedBytes: 100 * 1024 * 1024,
  /** Table cells across a document. */
  cells: 200_000,
  /** Lines of a text source. */
  lines: 200_000,
  /**
   * Characters of the XML a .docx or .xlsx reader parses. Text compresses
   * about 1000:1, so without it an 88 KB .docx of one 30-million-character
   * paragraph held the server for 17 s and 2 GB. A real list's XML is well
   * under a million characters; eight million is what the cell limit above
   * allows a workbook, so the two agree.
   */
  xmlChars: 8_000_000,
} as const;
