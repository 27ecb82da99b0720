import { AppError } from '../errors.js';
import { type ImportWarning, LIMITS } from '../interchange.js';
import { normalizeText, parseChineseNumber, parseItemNumber, parseOrdinal } from '../text/index.js';
import type { SourceTable } from './model.js';
import { compactName, leadingPart, partName, splitInlineParts, stripEndPunctuation } from './parts.js';
import { type ColumnMap, isHeaderRow, QUARTER_ROLES, type Role } from './table-columns.js';
import { quote, warning } from './warnings.js';

/**
 * Walks the data rows of a table and groups them: categories, items, and the
 * rows of an item's parts. Nothing is interpreted beyond what grouping needs;
 * table-item.ts builds the items. Every row ends up in an item or in a
 * warning that names its place.
 */

export interface Cell {
  /** Raw text of the cell (null already resolved); '' when empty. */
  raw: string;
  place: string;
  /** The text was taken from the row above: a merged cell, or a blank one under a part. */
  merged: boolean;
}

export type RowCells = Partial<Record<Role, Cell>> & { row: number; place: string };

export interface PartRow {
  number: string;
  /** The part's name as printed, or cut from its text. */
  name: string;
  /** The part's task text, its (n) marker taken off. */
  description: string;
  cells: RowCells;
}

export interface ItemBlock {
  number: string;
  name: string;
  place: string;
  /** The item's own row, when it is not itself the first part. */
  own: RowCells | null;
  /** Its own task text, when a marker or an appended row changed it. */
  ownDescription: string | null;
  parts: PartRow[];
}

export interface CategoryBlock {
  ordinal: number | null;
  title: string;
  place: string;
  items: ItemBlock[];
}

/** Columns whose merged or blank cells under a part repeat the row above. */
const CARRIED: readonly Role[] = ['units', 'persons', 'leaders', 'deadline'];

/** One line of normalized text: for names, numbers, titles. */
export function line(raw: string | undefined): string {
  return normalizeText(raw ?? '');
}

/** Normalized text keeping its paragraphs: for tasks and milestones. */
export function paragraphs(raw: string | undefined): string {
  return normalizeText(raw ?? '', { keepLineBreaks: true });
}

function tooManyCategories(): AppError {
  return new AppError(
    'VALIDATION',
    `表格中的大项超过 ${LIMITS.categories} 个，不像一份民心工程清单，未导入。 The table has more than ${LIMITS.categories} categories; it does not look like a list.`,
  );
}

export interface WalkResult {
  categories: CategoryBlock[];
  rows: RowCells[];
}

export function walkRows(table: SourceTable, map: ColumnMap, warnings: ImportWarning[]): WalkResult {
  const categories: CategoryBlock[] = [];
  const rows: RowCells[] = [];
  let category: CategoryBlock | null = null;
  let item: ItemBlock | null = null;
  const previous: Partial<Record<Role, Cell>> = {};
  const roles = Object.entries(map.columns) as [Role, number][];
  const numbersSeen = new Set<string>();
  const byKey = new Map<string, CategoryBlock>();

  for (let r = map.firstDataRow; r < table.rows.length; r++) {
    const source = table.rows[r] ?? [];
    const places = table.places[r] ?? [];
    const rowPlace = places[0] ?? `${table.name}, row ${r + 1}`;
    if (source.every((c) => c === null || c.trim() === '')) continue;
    if (isHeaderRow(source)) {
      warnings.push(
        warning(rowPlace, '表头行重复出现（跨页），已跳过。', 'A repeated header row (page break) was skipped.'),
      );
      continue;
    }
    // A row holding one text only, "二、关爱老年群体", merged across the table: a category heading row.
    const texts = source.filter((c): c is string => c !== null && c.trim() !== '');
    const heading = texts.length === 1 && source.length > 2 ? parseOrdinal(line(texts[0])) : null;
    const headingText = heading && heading.rest !== '' ? line(texts[0]) : null;
    const cells: RowCells = { row: r, place: rowPlace };
    for (const [role, c] of roles) {
      const value = source[c];
      const place = places[c] ?? `${table.name}, row ${r + 1}, column ${c + 1}`;
      if (value === null || value === undefined) {
        const above = previous[role];
        cells[role] = { raw: value === null && above ? above.raw : '', place, merged: value === null && !!above };
      } else {
        cells[role] = { raw: value, place, merged: false };
      }
    }
    if (!headingText) rows.push(cells);

    // The category: a new one, the same one again (page break), or blank for "same as above".
    const categoryText = headingText ?? line(cells.category?.raw);
    if (categoryText !== '') {
      const parsed = parseOrdinal(categoryText);
      const ordinal = parsed?.ordinal ?? null;
      const title = compactName(stripEndPunctuation(parsed ? parsed.rest : categoryText));
      const key = `${ordinal}|${title.replace(/\s/g, '')}`;
      const known = byKey.get(key);
      if (known && known !== category) {
        warnings.push(
          warning(
            cells.category?.place ?? rowPlace,
            `大项“${quote(categoryText)}”再次出现，其后的子项已归入前面的同名大项。`,
            'This category appeared before; the items below it were added to it.',
          ),
        );
      }
      if (!known && !parsed) {
        warnings.push(
          warning(
            cells.category?.place ?? rowPlace,
            `大项“${quote(categoryText)}”没有“一、”式序号，已作为无序号大项导入。`,
            'This category has no number (一、二、…); it was imported without one.',
          ),
        );
      }
      if (known !== category) item = null;
      category = known ?? { ordinal, title, place: cells.category?.place ?? rowPlace, items: [] };
      if (!known) {
        categories.push(category);
        byKey.set(key, category);
        if (categories.length > LIMITS.categories) throw tooManyCategories();
      }
    } else if (!category) {
      category = { ordinal: null, title: '', place: rowPlace, items: [] };
      categories.push(category);
    }

    if (headingText) continue;

    // The number: an item ("1", "1．促进…"), a part ("(2)"), or nothing (a row that continues the item).
    let name = line(cells.name?.raw);
    const description = paragraphs(cells.description?.raw);
    let itemNumber: string | null = null;
    let part: { number: string; index: number; name: string | null; description: string } | null = null;
    const numberText = cells.number?.merged ? '' : line(cells.number?.raw);
    if (numberText !== '') {
      const marker = leadingPart(numberText);
      if (marker) part = { number: marker.number, index: marker.index, name: name || null, description };
      else if (/^\d{1,4}$/.test(numberText)) itemNumber = numberText;
      else if (/^[一二三四五六七八九十百]{1,4}[、.]?$/.test(numberText)) {
        // Items printed 一、二、… are numbered "1", "2", … as the interchange format keeps them.
        itemNumber = String(parseChineseNumber(numberText.replace(/[、.]$/, '')) ?? numberText);
      } else {
        const parsed = parseItemNumber(numberText);
        itemNumber = (parsed?.number ?? numberText).slice(0, 20);
        if (parsed && parsed.rest.trim() !== '' && name === '') name = parsed.rest.trim();
        if (!parsed) {
          warnings.push(
            warning(
              cells.number?.place ?? rowPlace,
              `序号“${quote(numberText, 20)}”不是数字，已按原样保留。`,
              'The number is not a number; kept as printed.',
            ),
          );
        }
      }
    } else if (map.numberInName && name !== '' && !cells.name?.merged) {
      const parsed = parseItemNumber(name);
      const marker = leadingPart(name);
      if (marker) part = { number: marker.number, index: marker.index, name: marker.text || null, description };
      else if (parsed) {
        itemNumber = parsed.number;
        name = parsed.rest.trim();
      }
    }
    if (!itemNumber && !part) {
      const inName = cells.name?.merged ? null : leadingPart(name);
      const inTask = leadingPart(description);
      if (inName) part = { number: inName.number, index: inName.index, name: inName.text, description };
      else if (inTask) part = { number: inTask.number, index: inTask.index, name: null, description: inTask.text };
    }
    name = compactName(stripEndPunctuation(name));

    if (itemNumber) {
      if (numbersSeen.has(itemNumber)) {
        warnings.push(
          warning(rowPlace, `序号 ${itemNumber} 重复出现，请核对。`, `Number ${itemNumber} appears more than once.`),
        );
      }
      numbersSeen.add(itemNumber);
      item = { number: itemNumber, name, place: rowPlace, own: cells, ownDescription: null, parts: [] };
      category.items.push(item);
      // "(1) …" alone in the task cell: this row is the item's first part; "(1)…(2)…" is left to table-item.ts.
      const first = leadingPart(description);
      if (first && first.index === 1 && !splitInlineParts(description)) {
        item.parts.push({ number: first.number, name: partName(first.text), description: first.text, cells });
        item.own = null;
      }
      if (item.name === '') {
        item.name = partName(first?.text ?? description) || `子项${itemNumber}`;
        warnings.push(
          warning(
            cells.name?.place ?? rowPlace,
            `子项 ${itemNumber} 没有项目名称，已用任务明细的第一句“${quote(item.name)}”代替。`,
            'The item has no name; the first sentence of its task stands in.',
          ),
        );
      }
    } else if (!item) {
      const text = source.filter((c) => c && c.trim() !== '').join(' ');
      warnings.push(
        warning(
          rowPlace,
          `此行没有序号，也不在任何子项之下，未导入：“${quote(text)}”。`,
          'This row has no number and follows no item; it was not imported.',
        ),
      );
    } else if (part) {
      carry(cells, item);
      if (item.parts.length === 0 && item.own && part.index >= 2) {
        warnings.push(
          warning(
            item.place,
            `子项 ${item.number} 的第一行没有标“(1)”，已作为分项(1)导入。`,
            `The first row of item ${item.number} is not marked (1); it was taken as part (1).`,
          ),
        );
        item.parts.push(ownAsPart(item, '(1)'));
      }
      item.parts.push({
        number: part.number,
        name: part.name ? compactName(stripEndPunctuation(part.name)) : partName(part.description),
        description: part.description,
        cells,
      });
    } else if (CARRIED.some((role) => cells[role]?.raw.trim() && !cells[role]?.merged) || hasQuarters(cells)) {
      // A row with its own plan but no number: an unnumbered part.
      carry(cells, item);
      if (item.parts.length === 0 && item.own) item.parts.push(ownAsPart(item, '(1)'));
      const number = `(${item.parts.length + 1})`;
      warnings.push(
        warning(
          rowPlace,
          `子项 ${item.number} 下有一行没有序号，但有自己的单位或进度安排，已作为分项${number}导入（其上各行依次为前面的分项），请核对。`,
          `A row under item ${item.number} has no number but its own units or plan; it was imported as part ${number}.`,
        ),
      );
      item.parts.push({ number, name: partName(description) || item.name, description, cells });
    } else {
      // Only words: the rest of the item's task, cut off by a page break.
      const extra = [name, description].filter((t) => t !== '').join('\n');
      const last = item.parts[item.parts.length - 1];
      if (last) last.description = [last.description, extra].filter((t) => t).join('\n');
      else
        item.ownDescription = [item.ownDescription ?? paragraphs(item.own?.description?.raw), extra]
          .filter((t) => t)
          .join('\n');
      warnings.push(
        warning(
          rowPlace,
          `此行只有文字（“${quote(extra)}”），已并入子项 ${item.number} 的任务明细，请核对。`,
          `This row holds only text; it was added to the task of item ${item.number}.`,
        ),
      );
    }
    for (const [role] of roles) {
      const cell = cells[role];
      if (cell) previous[role] = cell;
    }
  }
  // A list without categories has its items in an untitled one; a list with them should not need it.
  const untitled = categories[0];
  if (untitled && untitled.ordinal === null && untitled.title === '' && categories.length > 1) {
    warnings.push(
      warning(
        untitled.place,
        '第一个子项前没有大项，已归入无标题大项。',
        'No category above the first item; it was put in an untitled one.',
      ),
    );
  }
  return { categories, rows };
}

function hasQuarters(cells: RowCells): boolean {
  return QUARTER_ROLES.some((q) => cells[q]?.raw.trim() && !cells[q]?.merged);
}

/** Under a part, a blank units, persons, leaders or deadline cell is the merged cell of the row above. */
function carry(cells: RowCells, item: ItemBlock): void {
  const above = item.parts[item.parts.length - 1]?.cells ?? item.own;
  if (!above) return;
  for (const role of CARRIED) {
    const cell = cells[role];
    const from = above[role];
    if (cell && from && cell.raw.trim() === '' && from.raw.trim() !== '') {
      cells[role] = { raw: from.raw, place: cell.place, merged: true };
    }
  }
}

function ownAsPart(item: ItemBlock, number: string): PartRow {
  const own = item.own as RowCells;
  item.own = null;
  const description = item.ownDescription ?? paragraphs(own.description?.raw);
  item.ownDescription = null;
  return { number, name: partName(description) || item.name, description, cells: own };
}
