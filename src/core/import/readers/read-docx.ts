import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../errors.js';
import type { ImportWarning } from '../../interchange.js';
import { IMPORT_LIMITS, type SourceDocument, type SourceParagraph, type SourceTable } from '../model.js';
import { Numbering } from './docx-numbering.js';
import {
  attribute,
  child,
  childrenOf,
  childrenThrough,
  intAttribute,
  isEmbeddedCopy,
  isHidden,
  tagOf,
  textOf,
  type XmlNode,
} from './docx-xml.js';
import { oldOfficeError, pdfError, sniff } from './sniff.js';
import {
  checkDeclaredXmlSize,
  checkXmlSize,
  findEntry,
  inflateEntries,
  notValidFile,
  type ReaderOptions,
  readZipDirectory,
} from './zip.js';

/**
 * A .docx as paragraphs and tables. Only word/document.xml and
 * word/numbering.xml are inflated: the list is in the body, with numbers Word
 * may draw from its numbering definitions; headers, footers, comments and
 * pictures are not the list. Namespace prefixes are dropped, so `w:p` is `p`
 * whatever prefix a writer chose.
 */

/**
 * Elements fast-xml-parser may build from the document: each costs ~0.5 KB of
 * heap and a few microseconds, so this bounds a read at ~250 MB and a few
 * seconds. Without it, a 60 KB upload of 20 MB of empty paragraphs took 10 s
 * and 700 MB. Half a million elements is a formatted table of well over a
 * thousand rows.
 */
export const MAX_DOCX_ELEMENTS = 500_000;

const DOCUMENT_XML = 'word/document.xml';
const NUMBERING_XML = 'word/numbering.xml';

/** Elements whose text is not the document's: properties, deleted text, field codes, references. */
const SKIP = new Set([
  'pPr',
  'rPr',
  'tcPr',
  'trPr',
  'tblPr',
  'tblGrid',
  'tblPrEx',
  'sectPr',
  'sdtPr',
  'sdtEndPr',
  'del',
  'delText',
  'moveFrom',
  'instrText',
  'delInstrText',
  'fldChar',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'annotationRef',
  'bookmarkStart',
  'bookmarkEnd',
  'proofErr',
  'lastRenderedPageBreak',
]);

/** Drawings and text boxes: their text is not read, but a warning says so. */
const DRAWINGS = new Set(['drawing', 'pict', 'object', 'AlternateContent']);

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // Also decodes numeric character references (&#20013;), which are XML, not HTML.
  htmlEntities: true,
});

function clip(text: string, length = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

const P_OR_TBL = new Set(['p', 'tbl']);
const TR = new Set(['tr']);
const TC = new Set(['tc']);

class DocxReader {
  readonly paragraphs: SourceParagraph[] = [];
  readonly tables: SourceTable[] = [];
  readonly warnings: ImportWarning[] = [];
  private cells = 0;
  private paragraphNumber = 0;

  constructor(private readonly numbering: Numbering) {}

  body(nodes: readonly XmlNode[]): void {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'p') {
        const place = `paragraph ${this.paragraphNumber + 1}`;
        const text = this.paragraphText(node, place);
        if (text.trim() === '') continue;
        this.paragraphNumber++;
        this.paragraphs.push({ text, place });
      } else if (tag === 'tbl') {
        const name = `table ${this.tables.length + 1}`;
        this.tables.push({ name, ...this.table(node, name) });
      } else if (tag !== undefined && !SKIP.has(tag) && !DRAWINGS.has(tag)) {
        this.body(childrenOf(node));
      }
    }
  }

  /** A paragraph's text: its automatic number, then w:t concatenated, w:tab a tab, w:br and w:cr a line break. */
  paragraphText(p: XmlNode, place: string): string {
    const out: string[] = [this.numberOf(p)];
    const walk = (nodes: readonly XmlNode[]) => {
      for (const node of nodes) {
        const tag = tagOf(node);
        if (tag === undefined || tag === '#text' || SKIP.has(tag)) continue;
        if (tag === 't') out.push(textOf(node));
        else if (tag === 'r' && isHidden(node) && !isEmbeddedCopy(node)) continue;
        else if (tag === 'tab' || tag === 'ptab') out.push('\t');
        else if (tag === 'br' || tag === 'cr') out.push('\n');
        else if (tag === 'noBreakHyphen') out.push('-');
        else if (DRAWINGS.has(tag)) this.warnDrawing(node, place);
        else walk(childrenOf(node));
      }
    };
    walk(childrenOf(p));
    return out.join('');
  }

  private numberOf(p: XmlNode): string {
    const pPr = child(p, 'pPr');
    const numPr = pPr && child(pPr, 'numPr');
    const numId = numPr && child(numPr, 'numId');
    const id = numId && attribute(numId, 'val');
    if (id === undefined || id === '0') return '';
    return this.numbering.next(id, Math.min(8, intAttribute(numPr && child(numPr, 'ilvl'), 0)));
  }

  /** Said once: the numbers were drawn by Word and rebuilt here, which is a reconstruction worth checking. */
  noteNumbering(): void {
    if (this.numbering.broken) {
      this.warnings.push({
        where: 'whole document',
        message:
          '文档的自动编号定义缺失或已损坏，部分编号未能还原；请核对“一、”“1.”等编号，必要时在 Word 中把编号转为文字后重试。 ' +
          "The document's numbering definitions are missing or damaged and some automatic numbers were not rebuilt; check the numbers, or convert them to text in Word and retry.",
      });
    }
    if (!this.numbering.used) return;
    this.warnings.push({
      where: 'whole document',
      message:
        '文档使用了 Word 自动编号，编号不在文字中，已按编号格式还原（如“一、”“1.”）；请核对编号是否与原文一致。 ' +
        'The document uses Word automatic numbering, which is not part of the text; the numbers were rebuilt from their formats (“一、”, “1.”), so check them against the original.',
    });
  }

  private warnDrawing(node: XmlNode, place: string): void {
    // AlternateContent holds the same drawing twice (Choice and Fallback): look at the first only.
    const target = tagOf(node) === 'AlternateContent' ? (childrenOf(node)[0] ?? node) : node;
    const texts: string[] = [];
    const collect = (nodes: readonly XmlNode[]) => {
      for (const n of nodes) {
        const tag = tagOf(n);
        if (tag === 't') texts.push(textOf(n));
        else if (tag !== undefined && tag !== '#text') collect(childrenOf(n));
      }
    };
    collect(childrenOf(target));
    const text = texts.join('').trim();
    if (text === '') return;
    this.warnings.push({
      where: place,
      message:
        `文本框或图形中的文字未读取：“${clip(text)}”。如果它属于清单，请把它移到正文或表格中后重试。 ` +
        `Text inside a text box or shape was not read: “${clip(text)}”; if it belongs to the list, move it into the body or the table and retry.`,
    });
  }

  private countCells(n: number): void {
    this.cells += n;
    if (this.cells > IMPORT_LIMITS.cells) throw tooManyCells();
  }

  /**
   * A table on the grid of its columns: a cell spanning n grid columns
   * (gridSpan) gives its text and n−1 nulls; a cell continuing a vertical
   * merge (vMerge without "restart") is null. Rows are padded to the widest.
   */
  table(tbl: XmlNode, name: string): Omit<SourceTable, 'name'> {
    const rows: (string | null)[][] = [];
    const places: string[][] = [];
    for (const tr of childrenThrough(tbl, TR)) {
      const trPr = child(tr, 'trPr');
      // A row deleted with track changes on is not in the document a reader sees.
      if (trPr && child(trPr, 'del')) continue;
      const rowNumber = rows.length + 1;
      const row: (string | null)[] = [];
      const rowPlaces: string[] = [];
      const placeOf = (column: number) => `${name}, row ${rowNumber}, column ${column}`;
      const pad = (n: number) => {
        this.countCells(n);
        for (let i = 0; i < n; i++) {
          rowPlaces.push(placeOf(row.length + 1));
          row.push('');
        }
      };
      pad(intAttribute(trPr && child(trPr, 'gridBefore'), 0));
      for (const tc of childrenThrough(tr, TC)) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, intAttribute(tcPr && child(tcPr, 'gridSpan'), 1));
        this.countCells(span);
        const vMerge = tcPr && child(tcPr, 'vMerge');
        const hMerge = tcPr && child(tcPr, 'hMerge');
        const continues =
          (vMerge !== undefined && attribute(vMerge, 'val') !== 'restart' && rows.length > 0) ||
          (hMerge !== undefined && attribute(hMerge, 'val') !== 'restart' && row.length > 0);
        const first = row.length + 1;
        const text = continues ? null : this.cellText(tc, placeOf(first));
        row.push(text);
        rowPlaces.push(placeOf(first));
        for (let i = 1; i < span; i++) {
          row.push(null);
          rowPlaces.push(placeOf(row.length));
        }
      }
      pad(intAttribute(trPr && child(trPr, 'gridAfter'), 0));
      rows.push(row);
      places.push(rowPlaces);
    }
    const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
    rows.forEach((row, r) => {
      const rowPlaces = places[r] ?? [];
      if (row.length < width) this.countCells(width - row.length);
      while (row.length < width) {
        row.push('');
        rowPlaces.push(`${name}, row ${r + 1}, column ${row.length}`);
      }
    });
    return { rows, places };
  }

  /** A cell's paragraphs joined with "\n"; a nested table flattened to lines of tab-separated cells. */
  private cellText(tc: XmlNode, place: string): string {
    const pieces: string[] = [];
    for (const node of childrenThrough(tc, P_OR_TBL)) {
      if (tagOf(node) === 'p') {
        pieces.push(this.paragraphText(node, place));
      } else {
        const nested = this.table(node, `${place}, nested table`);
        pieces.push(nested.rows.map((row) => row.map((cell) => cell ?? '').join('\t')).join('\n'));
      }
    }
    // A cell always ends with a paragraph, empty after a nested table; blank edges carry nothing.
    while (pieces.length > 0 && pieces[pieces.length - 1]?.trim() === '') pieces.pop();
    while (pieces.length > 0 && pieces[0]?.trim() === '') pieces.shift();
    return pieces.join('\n');
  }
}

function tooManyCells(): AppError {
  return new AppError(
    'VALIDATION',
    `文档中的表格超过 ${IMPORT_LIMITS.cells} 个单元格，不像一份清单。请只保留清单表格后重试。 ` +
      `The document's tables have more than ${IMPORT_LIMITS.cells} cells, too many for a list; keep only the list's table and retry.`,
  );
}

/** The file's bytes → the text of word/document.xml and word/numbering.xml, with every check a hostile file needs first. */
function documentParts(bytes: Uint8Array, options: ReaderOptions): { document: string; numbering: string | undefined } {
  const kind = sniff(bytes);
  if (kind === 'ole') throw oldOfficeError('docx');
  if (kind === 'pdf') throw pdfError();
  if (kind === 'image') {
    throw notValidFile('docx', '文件内容是图片（可能是改了扩展名的图片）', 'it is a picture with its name changed');
  }
  if (kind !== 'zip') {
    throw notValidFile(
      'docx',
      '文件内容不是 .docx 格式（可能已损坏，或是改了扩展名的其他文件）',
      'its content is not .docx (it may be damaged, or another kind of file renamed)',
    );
  }
  const entries = readZipDirectory(bytes, 'docx');
  const document = findEntry(entries, DOCUMENT_XML);
  if (!document) {
    throw notValidFile(
      'docx',
      '压缩包中没有 Word 正文（word/document.xml）',
      'the archive holds no Word body (word/document.xml)',
    );
  }
  const numbering = findEntry(entries, NUMBERING_XML);
  const wanted = numbering ? [document, numbering] : [document];
  checkDeclaredXmlSize('docx', wanted);
  const parts = inflateEntries(bytes, wanted, 'docx', options.stats);
  const decoder = new TextDecoder('utf-8');
  const text = (name: string) => {
    const data = parts.get(name);
    return data === undefined ? undefined : decoder.decode(data);
  };
  return { document: text(DOCUMENT_XML) ?? '', numbering: text(NUMBERING_XML) };
}

/** Word never writes a DOCTYPE; one here can only be there to expand entities. */
function refuseDoctype(xml: string | undefined): void {
  if (xml !== undefined && /<!DOCTYPE/i.test(xml)) {
    throw notValidFile(
      'docx',
      '文件中含有不允许的 DOCTYPE 声明',
      'it holds a DOCTYPE declaration, which Word never writes',
    );
  }
}

export function readDocx(bytes: Uint8Array, fileName: string, options: ReaderOptions = {}): SourceDocument {
  const parts = documentParts(bytes, options);
  refuseDoctype(parts.document);
  refuseDoctype(parts.numbering);
  checkXmlSize('docx', [parts.document, parts.numbering ?? ''], MAX_DOCX_ELEMENTS);
  let tree: unknown;
  try {
    tree = parser.parse(parts.document);
  } catch {
    throw notValidFile(
      'docx',
      'Word 正文（word/document.xml）无法解析',
      'its body (word/document.xml) cannot be parsed',
    );
  }
  let numbering: Numbering;
  try {
    numbering = Numbering.parse(parts.numbering);
  } catch {
    // Word would still open the document, only without its numbers: so do we, but not silently.
    numbering = Numbering.parse(undefined);
    numbering.broken = true;
  }
  const document = Array.isArray(tree) ? (tree as XmlNode[]).find((node) => tagOf(node) === 'document') : undefined;
  const body = document && child(document, 'body');
  if (!body) {
    throw notValidFile(
      'docx',
      'Word 正文（word/document.xml）中没有 body 部分',
      'its body (word/document.xml) has no body element',
    );
  }
  const reader = new DocxReader(numbering);
  reader.body(childrenOf(body));
  reader.noteNumbering();
  return { fileName, paragraphs: reader.paragraphs, tables: reader.tables, warnings: reader.warnings };
}
