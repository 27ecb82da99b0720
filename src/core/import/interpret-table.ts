import type { ImportWarning, InterchangeCategory } from '../interchange.js';
import type { SourceTable } from './model.js';
import { PersonDirectory } from './person-directory.js';
import { findColumns } from './table-columns.js';
import { buildItem } from './table-item.js';
import { type RowCells, walkRows } from './table-walk.js';

/**
 * A table of a published list → categories and items. The header says which
 * column is which (table-columns.ts), the rows are grouped into categories,
 * items and parts (table-walk.ts), and each group becomes an item
 * (table-item.ts). What had to be guessed is in the warnings, with its place.
 */
export interface InterpretedTable {
  categories: InterchangeCategory[];
  warnings: ImportWarning[];
}

export function interpretTable(table: SourceTable, options: { year: number }): InterpretedTable {
  const warnings: ImportWarning[] = [];
  const map = findColumns(table, warnings);
  const { categories, rows } = walkRows(table, map, warnings);
  const ctx = { year: options.year, directory: PersonDirectory.fromRows(rows), warnings };
  // Places an item was read from, so a warning about one of them can be shown beside its item.
  const pathOfPlace = new Map<string, string>();
  const note = (cells: RowCells | null, path: string) => {
    if (!cells) return;
    pathOfPlace.set(cells.place, path);
    for (const value of Object.values(cells)) {
      if (typeof value === 'object' && value !== null && 'place' in value) pathOfPlace.set(value.place, path);
    }
  };
  const built = categories.map((category, c) => ({
    ordinal: category.ordinal,
    title: category.title,
    items: category.items.map((block, i) => {
      const path = `categories[${c}].items[${i}]`;
      note(block.own, path);
      for (const part of block.parts) note(part.cells, path);
      const from = warnings.length;
      const item = buildItem(block, ctx);
      for (const w of warnings.slice(from)) w.path ??= path;
      return item;
    }),
  }));
  for (const w of warnings) w.path ??= pathOfPlace.get(w.where);
  return { categories: built, warnings };
}
