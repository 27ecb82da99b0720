import { AppError } from '../errors.js';
import type { ImportWarning } from '../interchange.js';
import { normalizeText, parseItemNumber, parseOrdinal, quarterOfHeader } from '../text/index.js';
import { commonWidth } from './layouts/text-table.js';
import type { SourceTable } from './model.js';
import { quote, warning } from './warnings.js';

/**
 * Which column holds what: found from the header row(s) by their words, then
 * checked against the cells below (a column headed 天津市20项民心工程 may hold
 * the category in one column and "1．促进高质量充分就业。" in the next).
 */

export const QUARTER_ROLES = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export type QuarterRole = (typeof QUARTER_ROLES)[number];
export type Role =
  | 'category'
  | 'number'
  | 'name'
  | 'description'
  | 'target'
  | QuarterRole
  | 'deadline'
  | 'units'
  | 'persons'
  | 'leaders';

type Label = Role | 'group';

export interface ColumnMap {
  columns: Partial<Record<Role, number>>;
  /** The name column starts with the item's number ("1．促进高质量充分就业。"). */
  numberInName: boolean;
  /** Index of the first row below the header. */
  firstDataRow: number;
  /** Width of the data rows. */
  width: number;
}

const MAX_HEADER_CELL = 30;

/** The role a header cell names; order matters (分管区领导 before 领导, 责任单位 before 责任人). */
export function labelOf(raw: string | null | undefined): Label | null {
  // Long cells are text, not headers: checked before the cost of normalizing them.
  if (!raw || raw.replace(/\s+/g, '').length > MAX_HEADER_CELL + 10) return null;
  const text = normalizeText(raw).replace(/\s+/g, '');
  if (text === '' || text.length > MAX_HEADER_CELL) return null;
  const quarter = quarterOfHeader(text);
  if (quarter) return quarter as QuarterRole;
  if (/分管.{0,3}领导|[区市县]领导|责任领导|牵头领导|包联领导/.test(text)) return 'leaders';
  if (/责任单位|实施单位|牵头单位|承办单位|主责单位|责任部门|实施部门|牵头部门/.test(text)) return 'units';
  if (/责任人|联系人/.test(text)) return 'persons';
  if (/完成时间|完成时限|完成期限|完成日期|时限要求/.test(text)) return 'deadline';
  if (/^大项|类别|^类型/.test(text)) return 'category';
  if (/^序号|^编号|^项号/.test(text)) return 'number';
  if (/任务明细|具体任务|建设内容|主要内容|工作内容|任务内容|工作任务|实施内容/.test(text)) return 'description';
  if (/全年目标|年度目标|目标任务|预期目标/.test(text)) return 'target';
  if (/阶段性目标|时间节点|进度安排|计划安排|推进计划|工作计划/.test(text)) return 'group';
  if (/项目名称|子项|项目$|工程名称|民心工程|^名称/.test(text)) return 'name';
  return null;
}

function labelsOf(row: readonly (string | null)[]): (Label | null)[] {
  return row.map((cell) => labelOf(cell));
}

function filled(row: readonly (string | null)[]): number {
  return row.filter((c) => c !== null && c.trim() !== '').length;
}

/** A row that names columns rather than holding an item: two labels at least, and few other words. */
export function isHeaderRow(row: readonly (string | null)[]): boolean {
  const labels = labelsOf(row).filter((l) => l !== null).length;
  return labels >= 2 && labels >= filled(row) * 0.6;
}

/** A row that continues the header above it: every word in it is a label (一季度…四季度 under 阶段性目标). */
function continuesHeader(row: readonly (string | null)[]): boolean {
  const labels = labelsOf(row).filter((l) => l !== null).length;
  return labels >= 1 && labels === filled(row);
}

/**
 * Header rows of a text table are shorter than its data rows where a cell
 * spanned several columns. The timeline cell (阶段性目标) spans the quarters
 * of the row below; what is still missing goes to the first cell without a
 * clear role (天集市20项民心工程 over category and item). The row below is
 * spread over the same spans, quarters one column each.
 */
function alignHeader(rows: (string | null)[][], width: number): (string | null)[][] {
  const top = rows[0];
  if (!top || top.length >= width) return rows.map((r) => padRight(r, width));
  const below = rows[1];
  const quartersBelow = below ? labelsOf(below).filter((l) => l?.startsWith('Q')).length : 0;
  const labels = labelsOf(top);
  const spans = top.map(() => 1);
  let missing = width - top.length;
  const group = labels.indexOf('group');
  if (group >= 0) {
    const extra = Math.min(missing, Math.max(quartersBelow, 4) - 1);
    spans[group] = 1 + extra;
    missing -= extra;
  }
  if (missing > 0) {
    const loose = labels.findIndex((l) => l === null || l === 'name');
    spans[loose >= 0 ? loose : 0] = (spans[loose >= 0 ? loose : 0] ?? 1) + missing;
  }
  const spread = (row: (string | null)[], groupCells: number): (string | null)[] | null => {
    const out: (string | null)[] = [];
    let k = 0;
    for (let i = 0; i < top.length; i++) {
      const span = spans[i] ?? 1;
      if (i === group && groupCells > 1) {
        for (let j = 0; j < span; j++) out.push(row[k++] ?? null);
      } else {
        for (let j = 0; j < span; j++) out.push(row[k] ?? null);
        k++;
      }
    }
    return k === row.length ? out : null;
  };
  const aligned: (string | null)[][] = [spread(top, 1) ?? padRight(top, width)];
  for (const row of rows.slice(1)) {
    if (row.length >= width) aligned.push(padRight(row, width));
    else aligned.push(spread(row, spans[group] ?? 1) ?? [...Array(width - row.length).fill(null), ...row]);
  }
  return aligned;
}

function padRight(row: (string | null)[], width: number): (string | null)[] {
  return row.length >= width ? row.slice(0, width) : [...row, ...Array(width - row.length).fill(null)];
}

/** Share of a column's non-empty cells below the header that pass a test. */
function share(table: SourceTable, column: number, from: number, test: (text: string) => boolean): number {
  let yes = 0;
  let all = 0;
  for (let r = from; r < table.rows.length && all < 200; r++) {
    const cell = table.rows[r]?.[column];
    if (!cell || cell.trim() === '') continue;
    all++;
    if (test(normalizeText(cell))) yes++;
  }
  return all === 0 ? 0 : yes / all;
}

const isOrdinalCell = (text: string) => parseOrdinal(text) !== null;
const isNumberedName = (text: string) => {
  const parsed = parseItemNumber(text);
  return parsed !== null && parsed.rest.trim() !== '';
};

export function findColumns(table: SourceTable, warnings: ImportWarning[]): ColumnMap {
  const scan = Math.min(table.rows.length, 15);
  let start = -1;
  for (let r = 0; r < scan; r++) {
    if (isHeaderRow(table.rows[r] ?? [])) {
      start = r;
      break;
    }
  }
  if (start < 0) {
    throw new AppError(
      'VALIDATION',
      `“${table.name}”中找不到表头（序号、项目名称、责任单位、第一季度……），无法识别为民心工程清单。请确认表格带有表头行。 ` +
        `No header row (序号, 项目名称, 责任单位, 第一季度 …) was found in "${table.name}"; check that the table has its header.`,
    );
  }
  let end = start + 1;
  while (end < table.rows.length && end - start < 4 && continuesHeader(table.rows[end] ?? [])) end++;

  const width = commonWidth(table.rows.slice(end).map((r) => r.length)) || (table.rows[start]?.length ?? 0);
  const header = alignHeader(
    table.rows.slice(start, end).map((r) => [...r]),
    width,
  );

  // In the top row a merged cell (null) continues the one to its left: a header spans the columns below it.
  const top = header[0] ?? [];
  for (let c = 1; c < top.length; c++) if (top[c] === null) top[c] = top[c - 1] ?? null;
  // The lowest header cell with a role names the column; a timeline cell above quarters does not.
  const labels: (Label | null)[] = [];
  for (let c = 0; c < width; c++) {
    let label: Label | null = null;
    for (const row of header) {
      const l = labelOf(row[c]);
      if (l !== null && (label === null || l !== 'group')) label = l;
    }
    labels.push(label);
  }
  const columns: Partial<Record<Role, number>> = {};
  const names: number[] = [];
  labels.forEach((label, c) => {
    if (label === null || label === 'group') return;
    if (label === 'name') names.push(c);
    else if (columns[label] === undefined) columns[label] = c;
  });

  // Several columns under one "project" header: the one of 一、二、… is the category, then the item.
  for (const c of [...names]) {
    if (columns.category === undefined && share(table, c, end, isOrdinalCell) >= 0.5) {
      columns.category = c;
      names.splice(names.indexOf(c), 1);
    }
  }
  if (names[0] !== undefined) columns.name = names[0];
  for (const extra of names.slice(1)) {
    warnings.push(
      warning(
        `${table.name}, column ${extra + 1}`,
        '此列与“项目名称”列同名，未导入，请核对。',
        'This column repeats the name column and was not imported.',
      ),
    );
  }
  let numberInName = false;
  if (columns.number === undefined && columns.name !== undefined) {
    numberInName = share(table, columns.name, end, isNumberedName) >= 0.5;
  }
  if (columns.name === undefined && columns.description === undefined && columns.target === undefined) {
    throw new AppError(
      'VALIDATION',
      `“${table.name}”的表头中没有项目名称或任务列，无法识别为民心工程清单。 The header of "${table.name}" names no item or task column.`,
    );
  }

  // Columns with words under them that no header names are reported, not guessed.
  for (let c = 0; c < width; c++) {
    if (Object.values(columns).includes(c)) continue;
    if (names.includes(c) || share(table, c, end, () => true) === 0) continue;
    const head = header.map((row) => row[c] ?? '').join('');
    warnings.push(
      warning(
        `${table.name}, column ${c + 1}`,
        `第 ${c + 1} 列${head ? `（表头“${quote(head, 20)}”）` : ''}无法识别，未导入，请核对。`,
        `Column ${c + 1} could not be identified and was not imported.`,
      ),
    );
  }
  for (let r = 0; r < start; r++) {
    const row = table.rows[r] ?? [];
    const text = row.filter((c) => c).join(' ');
    if (text.trim() === '' || /民心工程|清单/.test(text)) continue;
    warnings.push(
      warning(
        table.places[r]?.[0] ?? `${table.name}, row ${r + 1}`,
        `表头之前的行“${quote(text)}”未导入。`,
        'A row above the header was not imported.',
      ),
    );
  }
  return { columns, numberInName, firstDataRow: end, width };
}
