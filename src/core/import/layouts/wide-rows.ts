import type { ImportWarning } from '../../interchange.js';
import type { SourceParagraph } from '../model.js';
import { quote, warning } from '../warnings.js';
import { commonWidth, type DecodedTable, nonBlank } from './text-table.js';

/**
 * "Wide rows": a table copied out of Word, WPS or a PDF as one line per row,
 * cells separated by tabs. Merged cells come out blank. A cell holding a line
 * break splits its row over two lines; the second has too few tabs to be a row
 * of its own, so it continues the last cell of the line above (Excel's copy
 * also puts such a cell in quotes, which go). PDF extraction also pads some
 * rows with runs of empty cells, which are taken out again.
 */

/** Lines with at least this many tabs are rows; fewer could be prose that happens to hold a tab. */
const ROW_TABS = 3;

interface Cell {
  text: string;
  place: string;
  /** How many '"' the text holds, kept as it grows so a long quoted cell costs no rescans. */
  quotes: number;
}

function countQuotes(text: string): number {
  let quotes = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 34) quotes++;
  return quotes;
}

function append(cell: Cell, text: string): void {
  cell.text = `${cell.text}\n${text}`;
  cell.quotes += countQuotes(text);
}

function tabCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 9) n++;
  return n;
}

export function looksLikeWideRows(paragraphs: readonly SourceParagraph[]): boolean {
  return paragraphs.filter((p) => tabCount(p.text) >= ROW_TABS).length >= 2;
}

function cellsOf(p: SourceParagraph): Cell[] {
  return p.text
    .replace(/\r$/, '')
    .split('\t')
    .map((text) => ({ text, place: p.place, quotes: countQuotes(text) }));
}

/**
 * A row longer than the table: empty cells at its end go first, then the
 * longest run of empty cells inside it gives up what is still too many.
 */
function fitWidth(row: Cell[], width: number, warnings: ImportWarning[]): Cell[] {
  if (row.length <= width) return row;
  const fitted = [...row];
  while (fitted.length > width && fitted[fitted.length - 1]?.text.trim() === '') fitted.pop();
  const excess = fitted.length - width;
  if (excess > 0) {
    let bestStart = -1;
    let bestLength = 0;
    for (let i = 1; i < fitted.length; ) {
      if (fitted[i]?.text.trim() !== '') {
        i++;
        continue;
      }
      let j = i;
      while (j < fitted.length && fitted[j]?.text.trim() === '') j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    if (bestLength >= excess) {
      fitted.splice(bestStart, excess);
      warnings.push(
        warning(
          row[0]?.place ?? '',
          `此行比表头多出 ${excess} 个空单元格（PDF 转换所致），已删去，后面的单元格前移对齐，请核对。`,
          `This row had ${excess} extra empty cells (from PDF conversion); they were removed and the cells after them moved left.`,
        ),
      );
    } else {
      warnings.push(
        warning(
          row[0]?.place ?? '',
          `此行有 ${fitted.length} 个单元格，比表头多 ${excess} 个，多出的单元格未导入，请核对。`,
          `This row has ${excess} more cells than the header; the extra cells were not imported.`,
        ),
      );
      return fitted.slice(0, width);
    }
  }
  return fitted;
}

/** A cell Excel opened with a quote and has not closed yet. */
function insideQuotes(cell: Cell): boolean {
  return cell.text.startsWith('"') && cell.quotes % 2 === 1;
}

/** Excel puts a copied cell that holds a line break or a quote in "…", doubling the quotes inside. */
function unquote(cell: Cell): Cell {
  const t = cell.text;
  if (t.length < 2 || !t.startsWith('"') || !t.endsWith('"')) return cell;
  return { ...cell, text: t.slice(1, -1).replace(/""/g, '"') };
}

export function decodeWideRows(paragraphs: readonly SourceParagraph[], name = 'table 1'): DecodedTable {
  const warnings: ImportWarning[] = [];
  const rowLines = paragraphs.map((p, i) => (tabCount(p.text) >= ROW_TABS ? i : -1)).filter((i) => i >= 0);
  const first = rowLines[0];
  const last = rowLines[rowLines.length - 1];
  if (first === undefined || last === undefined) {
    return { table: { name, rows: [], places: [] }, before: nonBlank(paragraphs), after: [], warnings };
  }
  const width = commonWidth(rowLines.map((i) => tabCount((paragraphs[i] as SourceParagraph).text) + 1));

  const rows: Cell[][] = [];
  let open: Cell[] | null = null;
  let end = last + 1;
  for (let i = first; i < paragraphs.length; i++) {
    const lastCell: Cell | undefined = open?.[open.length - 1];
    // Past the last row only a cell still inside Excel's quotes goes on.
    if (i > last && !(lastCell && insideQuotes(lastCell))) break;
    end = i + 1;
    const p = paragraphs[i] as SourceParagraph;
    if (p.text.trim() === '') continue;
    const cells = cellsOf(p);
    let used = cells.length;
    while (used > 1 && cells[used - 1]?.text.trim() === '') used--;
    if (open && lastCell && (insideQuotes(lastCell) || (open.length < width && open.length - 1 + used <= width))) {
      // The rest of a cell that held a line break, then the cells after it.
      const [head, ...rest] = cells;
      if (head && head.text.trim() !== '') append(lastCell, head.text);
      open.push(...rest);
      continue;
    }
    if (cells.length === 1 && open && lastCell) {
      append(lastCell, p.text);
      warnings.push(
        warning(
          p.place,
          `此行没有制表符（“${quote(p.text)}”），已并入上一行的最后一个单元格，请核对。`,
          'This line holds no tab; it was added to the last cell of the row above.',
        ),
      );
      continue;
    }
    if (open) rows.push(open);
    open = cells;
  }
  if (open) rows.push(open);

  const fitted = rows.map((row) => fitWidth(row, width, warnings).map(unquote));
  const after = nonBlank(paragraphs.slice(Math.max(end, last + 1)));
  return {
    table: {
      name,
      rows: fitted.map((r) => r.map((c) => c.text)),
      places: fitted.map((r) => r.map((c, column) => `${c.place}, column ${column + 1}`)),
    },
    before: nonBlank(paragraphs.slice(0, first)),
    after,
    warnings,
  };
}
