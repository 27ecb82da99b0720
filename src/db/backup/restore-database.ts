import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from '../client.js';
import {
  countRows,
  dropEverything,
  hasSchema,
  insertTriggers,
  listForeignKeys,
  listSequences,
  listTables,
  quote,
  type TableInfo,
  useStableTextForms,
} from './catalogue.js';
import { BackupError, type BackupHeader, type BackupRow, type BackupTable, readBackup } from './format.js';
import {
  checkRestorable,
  migrateTo,
  readJournal,
  type SchemaLevel,
  schemaLevel,
  seededTables,
} from './schema-level.js';

/**
 * `minxin restore FILE`: the whole file is checked first (format, schema
 * level, checksum); then the target is built at the backup's schema level,
 * the rows are INSERTed table by table, parents first, in one transaction,
 * and the schema is migrated up to this version's. Nothing is UPDATEd or
 * DELETEd row by row, so the append-only audit trail and the frozen published
 * bulletins are loaded as they are; only the rows a migration itself wrote
 * (the change clock) are replaced.
 */

export interface TableCount {
  table: string;
  rows: number;
}

export class TargetNotEmptyError extends BackupError {
  constructor(
    location: string,
    readonly tables: TableCount[],
  ) {
    const rows = tables.reduce((sum, t) => sum + t.rows, 0);
    const list = tables
      .slice(0, 8)
      .map((t) => `${t.table} ${t.rows} 行`)
      .join('、');
    super(
      `目标数据库 ${location} 不是空的：${list}${tables.length > 8 ? '……' : ''}（共 ${tables.length} 张表 ${rows} 行）。` +
        '恢复会删除这些数据（包括审计日志）并以备份替换，未做任何改动。确认覆盖请加 --force；否则请恢复到一个新的空数据库或新的数据目录。 ' +
        `The target database is not empty (${tables.length} tables, ${rows} rows): a restore would replace them, the audit ` +
        'trail included. Nothing was changed. Add --force to overwrite, or restore into a new empty database or data folder.',
    );
    this.name = 'TargetNotEmptyError';
  }
}

export interface RestoreOptions {
  /** Overwrite a database that holds data. */
  force?: boolean;
  /** The header from `verifyBackup`, which then need not read the file a second time before the load. */
  verified?: BackupHeader;
  onTable?: (name: string, rows: number) => void;
}

export interface RestoreResult {
  file: string;
  schemaVersion: number;
  migration: string;
  /** The schema level after migrating up. */
  migratedTo: SchemaLevel;
  tables: number;
  rows: number;
  binaryBytes: number;
  /** What the target held before (with --force). */
  overwritten: TableCount[];
  /** Foreign keys lifted during the load and checked again at its end (tables that refer to themselves). */
  liftedKeys: string[];
  seconds: number;
}

/** Tables holding rows, apart from the rows the migrations themselves write. */
export async function tablesWithData(db: Db, ignore: Set<string>): Promise<TableCount[]> {
  const found: TableCount[] = [];
  for (const table of await listTables(db)) {
    if (ignore.has(table.name)) continue;
    const rows = await countRows(db, table.name);
    if (rows > 0) found.push({ table: table.name, rows });
  }
  return found.sort((a, b) => b.rows - a.rows || a.table.localeCompare(b.table));
}

/** Reads the whole file (format, row counts, checksum) and refuses a schema newer than this version's. */
export async function verifyBackup(file: string, journal = readJournal()): Promise<BackupHeader> {
  const header = await readBackup(file);
  checkRestorable(header, journal);
  return header;
}

export async function restoreDatabase(
  database: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const started = performance.now();
  const journal = readJournal();
  const header = options.verified ?? (await verifyBackup(file, journal));
  const overwritten = await tablesWithData(database.db, seededTables(journal.length, journal));
  if (overwritten.length > 0 && !options.force) throw new TargetNotEmptyError(database.location, overwritten);
  if (await hasSchema(database.db)) await dropEverything(database.db);
  await migrateTo(database, header.schemaVersion, journal);
  const loaded = await loadRows(database, file, header, seededTables(header.schemaVersion, journal), options);
  await database.migrate();
  const migratedTo = await schemaLevel(database.db, journal);
  if (!migratedTo) throw new Error('the schema level vanished after migrating');
  return {
    file,
    schemaVersion: header.schemaVersion,
    migration: header.migration,
    migratedTo,
    tables: header.tables.length,
    rows: loaded.rows,
    binaryBytes: loaded.binaryBytes,
    overwritten,
    liftedKeys: loaded.liftedKeys,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A batch goes to the database when it reaches either bound. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 4 * 1024 * 1024;

function insertStatement(target: TableInfo, table: BackupTable): (json: string) => SQL {
  const types = new Map(target.columns.map((c) => [c.name, c.type]));
  const columns = table.columns.map((c) => quote(c.name)).join(', ');
  // Each value is read from its text form by the target column's own type, as PostgreSQL reads input;
  // bytea comes in base64. jsonb, not json: json would parse the whole row again for every column.
  const values = table.columns
    .map((c, i) =>
      c.type === 'bytea' ? `decode(r->>${i}, 'base64')::${types.get(c.name)}` : `(r->>${i})::${types.get(c.name)}`,
    )
    .join(', ');
  const head = `insert into ${quote(table.name)} (${columns}) overriding system value select ${values} from jsonb_array_elements(`;
  return (json) => sql`${sql.raw(head)}${json}${sql.raw('::text::jsonb) as e(r)')}`;
}

async function loadRows(
  database: Database,
  file: string,
  header: BackupHeader,
  seeded: Set<string>,
  options: RestoreOptions,
): Promise<{ rows: number; binaryBytes: number; liftedKeys: string[] }> {
  return database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await useStableTextForms(db);
    const targets = new Map((await listTables(db)).map((t) => [t.name, t]));
    for (const table of header.tables) {
      const target = targets.get(table.name);
      const missing = target
        ? table.columns.filter((c) => !target.columns.some((t) => t.name === c.name)).map((c) => c.name)
        : ['(整张表 whole table)'];
      if (missing.length > 0)
        throw new BackupError(
          `备份中的表 ${table.name} 与按其结构版本（${header.migration}）建立的数据库不一致：缺少 ${missing.join(', ')}。拒绝恢复。 ` +
            `The backup's table ${table.name} does not match the schema ${header.migration}: missing ${missing.join(', ')}.`,
        );
    }
    for (const table of header.tables)
      if (seeded.has(table.name)) await db.execute(sql.raw(`delete from ${quote(table.name)}`));

    // A foreign key whose parent comes at or after its table in the file (a table that refers to
    // itself) is lifted for the load and added back at its end, which checks every row against it.
    const position = new Map(header.tables.map((t, i) => [t.name, i]));
    const lifted = (await listForeignKeys(db)).filter(
      (k) => (position.get(k.references) ?? -1) >= (position.get(k.table) ?? Number.POSITIVE_INFINITY),
    );
    for (const key of lifted)
      await db.execute(sql.raw(`alter table ${quote(key.table)} drop constraint ${quote(key.name)}`));
    // The rows are as the source's triggers left them: an INSERT trigger must not run a second time.
    const triggers = (await insertTriggers(db)).filter((t) => position.has(t.table));
    for (const t of triggers)
      await db.execute(sql.raw(`alter table ${quote(t.table)} disable trigger ${quote(t.name)}`));

    let rows = 0;
    let binaryBytes = 0;
    let insert: ((json: string) => SQL) | undefined;
    let binary: number[] = [];
    let batch: BackupRow[] = [];
    let chars = 0;
    let current: BackupTable | undefined;
    const flush = async () => {
      if (batch.length === 0 || !insert) return;
      await db.execute(insert(JSON.stringify(batch)));
      rows += batch.length;
      batch = [];
      chars = 0;
    };
    const finishTable = async () => {
      await flush();
      if (current) options.onTable?.(current.name, current.rows);
    };
    await readBackup(file, {
      table: async (table) => {
        await finishTable();
        current = table;
        const target = targets.get(table.name);
        if (!target) throw new Error(`table ${table.name} vanished`);
        insert = insertStatement(target, table);
        binary = table.columns.flatMap((c, i) => (c.type === 'bytea' ? [i] : []));
      },
      row: async (_table, values) => {
        batch.push(values);
        for (const value of values) chars += value?.length ?? 4;
        for (const i of binary) binaryBytes += Buffer.byteLength(values[i] ?? '', 'base64');
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      },
    });
    await finishTable();

    for (const key of lifted)
      await db.execute(sql.raw(`alter table ${quote(key.table)} add constraint ${quote(key.name)} ${key.definition}`));
    for (const t of triggers)
      await db.execute(sql.raw(`alter table ${quote(t.table)} enable trigger ${quote(t.name)}`));
    for (const table of header.tables) {
      const count = await countRows(db, table.name);
      if (count !== table.rows)
        throw new Error(`table ${table.name}: ${count} rows after the load, the backup has ${table.rows}`);
    }
    await setSequences(db, header);
    return { rows, binaryBytes, liftedKeys: lifted.map((k) => `${k.table}.${k.name}`) };
  });
}

/** Each sequence past both the value it had in the source and the largest id restored, so no id is handed out twice. */
async function setSequences(db: Db, header: BackupHeader): Promise<void> {
  const saved = new Map(header.sequences.map((s) => [s.name, s.value]));
  for (const sequence of await listSequences(db)) {
    const from = saved.get(sequence.name) ?? null;
    const largest =
      sequence.table && sequence.column
        ? `(select max(${quote(sequence.column)})::bigint from ${quote(sequence.table)})`
        : 'null::bigint';
    await db.execute(
      sql`select case when v is null or v < 1 then setval(${quote(sequence.name)}::text::regclass, 1, false)
                      else setval(${quote(sequence.name)}::text::regclass, v, true) end
          from (select greatest(${sql.raw(largest)}, ${from}::text::bigint) as v) as s`,
    );
  }
}
