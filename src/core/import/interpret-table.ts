import type { ImportWarning, InterchangeCategory } from '../interchange.js';
import type { SourceTable } from './model.js';
import { PersonDirectory } from './person-directory.js';
import { findColumns } from './table-columns.js';
import { buildItem } from './table-item.js';
import { walkRows } from './table-walk.js';

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
  return {
    categories: categories.map((category) => ({
      ordinal: category.ordinal,
      title: category.title,
      items: category.items.map((block) => buildItem(block, ctx)),
    })),
    warnings,
  };
}
