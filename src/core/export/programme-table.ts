import type { InterchangeCategory, InterchangeItem, ProgrammeDocument } from '../interchange.js';
import { periodEndMonth, QUARTERS } from '../periods.js';
import { formatChineseNumeral } from './numerals.js';

/**
 * The official table (进度和责任清单) as every exporter draws it: a title, a
 * two-row header and one row per item and per part, the category cell merged
 * down over its items. The xlsx, docx and csv writers only style and encode
 * this; the embedded-document check compares a read-back table against it.
 */

export type ColumnKey =
  | 'category'
  | 'number'
  | 'name'
  | 'description'
  | 'units'
  | 'persons'
  | 'q1'
  | 'q2'
  | 'q3'
  | 'q4'
  | 'deadline'
  | 'leaders';

export interface Column {
  key: ColumnKey;
  /** The header as printed; the quarters sit under 时间节点计划任务安排. */
  header: string;
  /** Relative width, in Excel character units. */
  width: number;
  /** Short values are centred, running text is left-aligned. */
  align: 'center' | 'left';
}

export const TIMELINE_HEADER = '时间节点计划任务安排';

const QUARTER_HEADERS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** The supervising leader's column names the level of government: 分管区领导, 分管市领导, …. */
export function leaderHeader(jurisdiction: string): string {
  const level = jurisdiction.trim().slice(-1);
  return ['市', '区', '县', '旗'].includes(level) ? `分管${level}领导` : '分管领导';
}

export function columnsFor(doc: Pick<ProgrammeDocument, 'jurisdiction'>): Column[] {
  return [
    { key: 'category', header: '大项', width: 10, align: 'center' },
    { key: 'number', header: '序号', width: 5, align: 'center' },
    { key: 'name', header: '项目名称', width: 13, align: 'center' },
    { key: 'description', header: '任务明细', width: 29, align: 'left' },
    { key: 'units', header: '实施单位（首位牵头）', width: 13, align: 'center' },
    { key: 'persons', header: '责任人', width: 10, align: 'center' },
    { key: 'q1', header: QUARTER_HEADERS[0], width: 16.5, align: 'left' },
    { key: 'q2', header: QUARTER_HEADERS[1], width: 16.5, align: 'left' },
    { key: 'q3', header: QUARTER_HEADERS[2], width: 16.5, align: 'left' },
    { key: 'q4', header: QUARTER_HEADERS[3], width: 16.5, align: 'left' },
    { key: 'deadline', header: '完成时限', width: 11, align: 'center' },
    { key: 'leaders', header: leaderHeader(doc.jurisdiction), width: 10, align: 'center' },
  ];
}

export const QUARTER_COLUMN = 6;
export const COLUMN_COUNT = 12;

/**
 * The two header rows; `null` continues a merged cell (the one above, or to
 * the left), as the importers' SourceTable has it.
 */
export function headerRows(columns: readonly Column[]): (string | null)[][] {
  const first = columns.map((c, i): string | null => {
    if (i === QUARTER_COLUMN) return TIMELINE_HEADER;
    if (i > QUARTER_COLUMN && i < QUARTER_COLUMN + 4) return null;
    return c.header;
  });
  const second = columns.map((c, i): string | null =>
    i >= QUARTER_COLUMN && i < QUARTER_COLUMN + 4 ? c.header : null,
  );
  return [first, second];
}

/** "西青区2024年20项民心工程" → "西青区2024年20项民心工程进度和责任清单"; a title that already names a 清单 stays. */
export function tableTitle(doc: Pick<ProgrammeDocument, 'title'>): string {
  return /清单$/.test(doc.title) ? doc.title : `${doc.title}进度和责任清单`;
}

/** "一、增加教育资源配置"; a list without categories (ordinal null) shows only its title, usually empty. */
export function categoryLabel(category: Pick<InterchangeCategory, 'ordinal' | 'title'>): string {
  if (category.ordinal === null) return category.title;
  return `${formatChineseNumeral(category.ordinal)}、${category.title}`;
}

export interface DataRow {
  /** Index of the category in the document. */
  category: number;
  /** 0 for an item, 1 for its part, 2 for a part's part. */
  depth: number;
  /** One text per column; the category text only on the category's first row, `null` below it. */
  cells: (string | null)[];
}

export interface CategoryBlock {
  /** Index of the first data row of the category and how many rows it spans (at least one). */
  firstRow: number;
  rowCount: number;
}

export interface ProgrammeTable {
  title: string;
  columns: Column[];
  header: (string | null)[][];
  rows: DataRow[];
  categories: CategoryBlock[];
}

function quarterOf(period: string): number {
  return Math.ceil(periodEndMonth(period) / 3) - 1;
}

/** The four quarter cells: a quarter's milestone as printed, month milestones under their quarter as "3月：…". */
function quarterTexts(item: InterchangeItem): string[] {
  const texts: string[][] = [[], [], [], []];
  for (const milestone of item.milestones ?? []) {
    const quarter = quarterOf(milestone.period);
    const isQuarter = (QUARTERS as readonly string[]).includes(milestone.period);
    texts[quarter]?.push(isQuarter ? milestone.text : `${periodEndMonth(milestone.period)}月：${milestone.text}`);
  }
  return texts.map((t) => t.join('\n'));
}

function descriptionText(item: InterchangeItem): string {
  const description = item.description ?? '';
  const target = item.target ?? '';
  if (target === '' || target === description) return description;
  return description === '' ? `全年目标：${target}` : `${description}\n全年目标：${target}`;
}

const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as a cell can hold it: XML 1.0 has no place for most control
 * characters or for half a surrogate pair (Excel refuses such a file), and a
 * line ends with "\n". The embedded document keeps the exact text.
 */
export function printable(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNPRINTABLE, '');
}

function itemCells(item: InterchangeItem): string[] {
  const units = [...(item.leadUnit ? [item.leadUnit] : []), ...(item.coUnits ?? [])];
  return [
    item.number,
    item.name,
    descriptionText(item),
    units.join('\n'),
    (item.persons ?? []).join('\n'),
    ...quarterTexts(item),
    item.deadline?.text ?? '',
    (item.leaders ?? []).join('\n'),
  ].map(printable);
}

/** The document laid out as the official table. Expects a valid document; milestones print in their given order. */
export function programmeTable(doc: ProgrammeDocument): ProgrammeTable {
  const columns = columnsFor(doc);
  const rows: DataRow[] = [];
  const categories: CategoryBlock[] = [];
  doc.categories.forEach((category, index) => {
    const firstRow = rows.length;
    const label = printable(categoryLabel(category));
    const push = (item: InterchangeItem, depth: number) => {
      rows.push({ category: index, depth, cells: [rows.length === firstRow ? label : null, ...itemCells(item)] });
      for (const child of item.children ?? []) push(child, depth + 1);
    };
    for (const item of category.items) push(item, 0);
    // A category with no items still shows, as a row of its own.
    if (rows.length === firstRow) rows.push({ category: index, depth: 0, cells: [label, ...Array(11).fill('')] });
    categories.push({ firstRow, rowCount: rows.length - firstRow });
  });
  return { title: printable(tableTitle(doc)), columns, header: headerRows(columns), rows, categories };
}
