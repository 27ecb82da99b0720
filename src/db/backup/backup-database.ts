import { sql } from 'drizzle-orm';
import type { Database, Db } from '../client.js';
import {
  countRows,
  dependencyOrder,
  listForeignKeys,
  listSequences,
  listTables,
  quote,
  rowsOf,
  sequenceValue,
  type TableInfo,
  useStableTextForms,
} from './catalogue.js';
import { BackupError, type BackupHeader, BackupWriter } from './format.js';
import { schemaLevel } from './schema-level.js';

/**
 * `minxin backup FILE`: every table of the database in one file, read in one
 * REPEATABLE READ snapshot, so a backup taken while servers keep writing to
 * PostgreSQL is a state that existed at one instant. Rows are read through a
 * cursor a few megabytes at a time and written straight to the gzip stream.
 */

export interface BackupResult {
  file: string;
  schemaVersion: number;
  migration: string;
  tables: number;
  rows: number;
  /** Bytes held in bytea columns: the evidence files and their thumbnails. */
  binaryBytes: number;
  fileBytes: number;
  seconds: number;
}

export interface BackupOptions {
  now?: Date;
  /** Called as each table is written (for progress). */
  onTable?: (name: string, rows: number) => void;
}

/** Rows per FETCH: sized from the last batch so one fetch holds about this many bytes of text. */
const FETCH_BYTES = 8 * 1024 * 1024;
const FETCH_MAX_ROWS = 2000;

export async function backupDatabase(
  database: Database,
  file: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = performance.now();
  const writer = new BackupWriter(file);
  try {
    const counted = await database.db.transaction(
      async (tx) => {
        const db = tx as unknown as Db;
        await useStableTextForms(db);
        const level = await schemaLevel(db);
        if (!level)
          throw new BackupError(
            `数据库 ${database.location} 还没有民心工程的数据（从未初始化），没有可备份的内容。请检查 DATABASE_URL 或 MINXIN_DATA_DIR。 ` +
              `The database ${database.location} was never set up by Minxin: nothing to back up. Check DATABASE_URL or MINXIN_DATA_DIR.`,
          );
        const tables = await listTables(db);
        const byName = new Map(tables.map((t) => [t.name, t]));
        const order = dependencyOrder([...byName.keys()], await listForeignKeys(db));
        const ordered = order.map((name) => byName.get(name)).filter((t): t is TableInfo => t !== undefined);
        const counts = new Map<string, number>();
        for (const table of ordered) counts.set(table.name, await countRows(db, table.name));
        const sequences = [];
        for (const sequence of await listSequences(db))
          sequences.push({ name: sequence.name, value: await sequenceValue(db, sequence.name) });
        const header: BackupHeader = {
          format: 'minxin.backup/v1',
          schemaVersion: level.level,
          migration: level.tag,
          createdAt: (options.now ?? new Date()).toISOString(),
          source: { kind: database.kind, location: database.location },
          tables: ordered.map((t) => ({ name: t.name, columns: t.columns, rows: counts.get(t.name) ?? 0 })),
          sequences,
        };
        await writer.header(header);
        let binaryBytes = 0;
        for (const table of ordered) {
          binaryBytes += await copyTable(db, table, writer);
          options.onTable?.(table.name, counts.get(table.name) ?? 0);
        }
        return { header, binaryBytes };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const written = await writer.finish();
    return {
      file,
      schemaVersion: counted.header.schemaVersion,
      migration: counted.header.migration,
      tables: counted.header.tables.length,
      rows: written.rows,
      binaryBytes: counted.binaryBytes,
      fileBytes: written.fileBytes,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** A column as the file holds it: bytea in base64 (PostgreSQL breaks its lines; the file does not), the rest in text form. */
export function textForm(column: { name: string; type: string }): string {
  return column.type === 'bytea'
    ? `replace(encode(${quote(column.name)}, 'base64'), E'\\n', '')`
    : `${quote(column.name)}::text`;
}

/** Streams one table's rows (each column as text) into the writer; returns the bytes of its bytea values. */
async function copyTable(db: Db, table: TableInfo, writer: BackupWriter): Promise<number> {
  await writer.table(table.name);
  const select = table.columns.map((c, i) => `${textForm(c)} as c${i}`).join(', ');
  const order = table.primaryKey.length > 0 ? ` order by ${table.primaryKey.map(quote).join(', ')}` : '';
  const binary = table.columns.flatMap((c, i) => (c.type === 'bytea' ? [i] : []));
  await db.execute(
    sql.raw(`declare minxin_backup no scroll cursor for select ${select} from ${quote(table.name)}${order}`),
  );
  let binaryBytes = 0;
  // A table of files starts one row at a time (a file may be 20 MB); the next fetches follow the sizes seen.
  let batch = binary.length > 0 ? 1 : 100;
  for (;;) {
    const rows = await rowsOf<Record<string, string | null>>(db, sql.raw(`fetch forward ${batch} from minxin_backup`));
    let bytes = 0;
    for (const row of rows) {
      const values = table.columns.map((_, i) => row[`c${i}`] ?? null);
      for (const value of values) bytes += value?.length ?? 4;
      for (const i of binary) binaryBytes += Buffer.byteLength(values[i] ?? '', 'base64');
      await writer.row(values);
    }
    if (rows.length < batch) break;
    batch = Math.max(1, Math.min(FETCH_MAX_ROWS, Math.floor(FETCH_BYTES / Math.max(1, bytes / rows.length))));
  }
  await db.execute(sql.raw('close minxin_backup'));
  return binaryBytes;
}
