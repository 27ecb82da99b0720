import type { ProgrammeDocument } from '../interchange.js';
import { normalizeDocument } from '../tree.js';
import { programmeTable } from './programme-table.js';

/**
 * Text a spreadsheet would run as a formula (=, +, @, a tab, or - before
 * anything but more dashes such as "---") gets a leading apostrophe, as OWASP
 * advises against CSV injection: the reader sees the apostrophe, no formula runs.
 */
function defused(text: string): string {
  return /^[=+@\t\r]/.test(text) || (/^-/.test(text) && !/^-+$/.test(text)) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled (formulas defused). */
export function field(raw: string): string {
  const text = defused(raw);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The programme as CSV: one row per item and per part with the columns of the
 * official table, the category and the item's number on every row (a sheet
 * program filters and sorts it without merged cells), a 分项 column for the
 * part's number. UTF-8 with a byte-order mark so Excel and WPS read Chinese,
 * CRLF line ends. It carries no indicators: use JSON or xlsx to move a programme.
 */
export function programmeToCsv(doc: ProgrammeDocument): Buffer {
  const table = programmeTable(normalizeDocument(doc));
  const headers = table.columns.map((c) => c.header);
  const lines = [[headers[0], headers[1], '分项', ...headers.slice(2)]];
  let category = '';
  let itemNumber = '';
  const partNumbers: string[] = [];
  for (const row of table.rows) {
    const [categoryCell, numberCell = '', ...rest] = row.cells;
    if (categoryCell !== null && categoryCell !== undefined) category = categoryCell;
    if (row.depth === 0) {
      itemNumber = numberCell ?? '';
      partNumbers.length = 0;
    } else {
      partNumbers.length = row.depth - 1;
      partNumbers.push(numberCell ?? '');
    }
    lines.push([category, itemNumber, partNumbers.join(' '), ...rest.map((cell) => cell ?? '')]);
  }
  const text = lines.map((cells) => cells.map((cell) => field(cell ?? '')).join(',')).join('\r\n');
  return Buffer.from(`\ufeff${text}\r\n`, 'utf8');
}
