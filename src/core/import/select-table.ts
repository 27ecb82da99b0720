import { AppError } from '../errors.js';
import type { ImportWarning } from '../interchange.js';
import type { SourceDocument, SourceTable } from './model.js';
import { isHeaderRow } from './table-columns.js';
import { warning } from './warnings.js';

/**
 * The table that holds the list. A workbook may have several sheets (a cover,
 * notes, the list): the sheet whose header is found and which has most rows
 * under it. A Word document may split the list over several tables, one per
 * page: the tables after the first that have the same width or repeat its
 * header are its continuation.
 */

function headerRow(table: SourceTable): number {
  const scan = Math.min(table.rows.length, 15);
  for (let r = 0; r < scan; r++) if (isHeaderRow(table.rows[r] ?? [])) return r;
  return -1;
}

function width(table: SourceTable): number {
  return table.rows.reduce((max, r) => Math.max(max, r.length), 0);
}

function noList(doc: SourceDocument): AppError {
  return new AppError(
    'VALIDATION',
    `“${doc.fileName}”中的表格都没有清单表头（序号、项目名称、责任单位、第一季度……），无法识别为民心工程清单。 ` +
      `No table in "${doc.fileName}" has the header of a list (序号, 项目名称, 责任单位, 第一季度 …).`,
  );
}

export function selectTable(doc: SourceDocument, warnings: ImportWarning[]): SourceTable {
  const scored = doc.tables.map((table, index) => {
    const header = headerRow(table);
    return { table, index, header, rows: header < 0 ? -1 : table.rows.length - header };
  });
  const withHeader = scored.filter((s) => s.header >= 0);
  if (withHeader.length === 0) throw noList(doc);

  if (/\.xlsx$/i.test(doc.fileName)) {
    const best = withHeader.reduce((a, b) => (b.rows > a.rows ? b : a));
    if (doc.tables.length > 1) {
      warnings.push(
        warning(
          best.table.name,
          `文件有 ${doc.tables.length} 个工作表，已选用工作表“${best.table.name}”中的清单，其他工作表未导入。`,
          `The workbook has ${doc.tables.length} sheets; the list was read from sheet "${best.table.name}", the others were not imported.`,
        ),
      );
    }
    return best.table;
  }

  const first = withHeader[0] as (typeof withHeader)[number];
  const rows = [...first.table.rows];
  const places = [...first.table.places];
  for (const next of scored.slice(first.index + 1)) {
    const continues = next.header >= 0 || width(next.table) === width(first.table);
    if (!continues) {
      warnings.push(
        warning(
          next.table.name,
          `“${next.table.name}”与清单表格的列数不同，未导入。`,
          'This table does not continue the list and was not imported.',
        ),
      );
      continue;
    }
    rows.push(...next.table.rows);
    places.push(...next.table.places);
    warnings.push(
      warning(
        next.table.name,
        `“${next.table.name}”接续清单表格，已合并导入。`,
        'This table continues the list and was joined to it.',
      ),
    );
  }
  for (const before of scored.slice(0, first.index)) {
    if (before.table.rows.length === 0) continue;
    warnings.push(
      warning(
        before.table.name,
        `“${before.table.name}”不是清单表格，未导入。`,
        'This table is not the list and was not imported.',
      ),
    );
  }
  return { name: first.table.name, rows, places };
}
