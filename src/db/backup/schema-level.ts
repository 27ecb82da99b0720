import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, type Db, MIGRATIONS_FOLDER } from '../client.js';
import { rowsOf } from './catalogue.js';
import { BackupError, type BackupHeader } from './format.js';

/**
 * The schema level of a database: how many of Minxin's committed migrations
 * (src/db/migrations, drizzle's journal) it has applied. A backup records it;
 * a restore builds the target at that level, loads the rows, then migrates up.
 */

export interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(folder = MIGRATIONS_FOLDER): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

export interface SchemaLevel {
  level: number;
  tag: string;
}

/** The level of a database, or null when no migration has run on it. */
export async function schemaLevel(db: Db, journal = readJournal()): Promise<SchemaLevel | null> {
  const [present] = await rowsOf<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!present?.present) return null;
  const [last] = await rowsOf<{ last: string | null }>(
    db,
    sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  if (!last?.last) return null;
  const index = journal.findIndex((entry) => String(entry.when) === last.last);
  const entry = journal[index];
  if (!entry)
    throw new BackupError(
      '数据库结构来自更新或不同版本的民心工程（本程序不认识其最后一次迁移），请使用与数据库相同版本的 minxin。 ' +
        'The database schema comes from a newer or different Minxin (its last migration is unknown here): use the matching minxin.',
    );
  return { level: index + 1, tag: entry.tag };
}

/** Refuses a backup this version cannot restore: a newer schema, or a migration history it does not share. */
export function checkRestorable(header: Pick<BackupHeader, 'schemaVersion' | 'migration'>, journal = readJournal()) {
  if (header.schemaVersion > journal.length)
    throw new BackupError(
      `备份来自更新版本的民心工程（数据库结构第 ${header.schemaVersion} 版 ${header.migration}，本程序只到第 ${journal.length} 版），` +
        `拒绝恢复，未做任何改动。请先升级民心工程再恢复。 The backup comes from a newer Minxin (schema ${header.schemaVersion}; ` +
        `this one knows up to ${journal.length}): upgrade Minxin, then restore.`,
    );
  const entry = journal[header.schemaVersion - 1];
  if (entry?.tag !== header.migration)
    throw new BackupError(
      `备份的数据库结构（第 ${header.schemaVersion} 版 ${header.migration}）与本程序的迁移记录（${entry?.tag}）不一致，拒绝恢复。 ` +
        `The backup's schema (${header.migration}) does not match this Minxin's migration ${entry?.tag}.`,
    );
}

/** Tables the migrations up to `level` put rows in (e.g. the change clock): a fresh database is not empty there. */
export function seededTables(level: number, journal = readJournal(), folder = MIGRATIONS_FOLDER): Set<string> {
  const tables = new Set<string>();
  for (const entry of journal.slice(0, level)) {
    const text = readFileSync(path.join(folder, `${entry.tag}.sql`), 'utf8');
    for (const match of text.matchAll(/insert\s+into\s+(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?/gi))
      if (match[1]) tables.add(match[1]);
  }
  return tables;
}

/**
 * Runs the migrations up to `level` and no further, with drizzle's own
 * migrator over a copy of the journal cut at that level, so the bookkeeping
 * rows are the ones a full `migrate()` expects and it carries on from there.
 */
export async function migrateTo(database: Database, level: number, journal = readJournal()): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'minxin-migrations-'));
  try {
    mkdirSync(path.join(folder, 'meta'));
    const entries = journal.slice(0, level);
    const original = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...original, entries }));
    for (const entry of entries)
      copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    if (database.kind === 'pglite') {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(database.db as never, { migrationsFolder: folder });
    } else {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      await migrate(database.db as never, { migrationsFolder: folder });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
