import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite as PGliteClient } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { ALL_CHANGES, localStamp, PUBLIC_CHANGES, sharedStampReader } from './change-clock.js';
import { lockDataDir } from './data-dir-lock.js';
import * as planSchema from './schema.js';
import * as publishSchema from './schema-publish.js';
import * as workSchema from './schema-work.js';

const schema = { ...planSchema, ...workSchema, ...publishSchema };
export type Schema = typeof schema;
/** A database or a transaction on it: every repository function takes one. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, without credentials: a folder, `memory` or host/database. */
  location: string;
  migrate(): Promise<void>;
  /** Changes so far: equal stamps mean nothing cached since has gone stale (src/db/change-clock.ts). */
  changeStamp(): Promise<number>;
  /** Changes the public site may show so far (a subset of changeStamp's, counted apart): the public caches' stamp. */
  publicStamp(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… to use PostgreSQL; otherwise the embedded database. */
  url?: string | undefined;
  /** PGlite's folder, or `memory://` for a throw-away database. */
  dataDir?: string | undefined;
  /** Connections per process on PostgreSQL. */
  poolSize?: number | undefined;
}

const here = path.dirname(fileURLToPath(import.meta.url));
/** Works from src/db (tsx, tests) and dist/db (built): both sit two levels under the package. */
export const MIGRATIONS_FOLDER = path.resolve(here, '../../src/db/migrations');

/** Arbitrary constant: processes starting together take turns migrating. */
const MIGRATION_LOCK = 715_2024;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data');
}

/**
 * PGlite runs SQL in this thread and passes from one queued query to the next
 * without returning to the event loop, so while requests keep it busy no
 * socket is read and no connection accepted: public readers waited seconds
 * behind 100 reporters' writes (reliability/load). One turn of the loop before
 * each query lets the other requests in between; idle, it costs microseconds.
 */
function yieldBeforeQueries(client: PGliteClient): void {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const query = client.query.bind(client);
  client.query = (async (...args: Parameters<typeof query>) => {
    await turn();
    return query(...args);
  }) as typeof client.query;
  const transaction = client.transaction.bind(client);
  client.transaction = (async (callback: Parameters<typeof transaction>[0]) => {
    await turn();
    return transaction((tx) => {
      const inside = tx.query.bind(tx);
      tx.query = (async (...args: Parameters<typeof inside>) => {
        await turn();
        return inside(...args);
      }) as typeof tx.query;
      return callback(tx);
    });
  }) as typeof client.transaction;
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // PGlite does not lock its folder: refuse one that another live process has open.
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  const client = await PGlite.create(inMemory ? undefined : dataDir, {
    // PGlite holds all of shared_buffers resident from the start: PostgreSQL's default
    // 128 MB put the idle server at ~400 MB RSS, 16 MB at ~230 MB (bench/idle-rss.ts).
    // A buffer miss reads from the OS page cache. PGlite's other start parameters,
    // its fsync behaviour included, stay as they are.
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
  });
  yieldBeforeQueries(client);
  const driver = drizzle({ client, schema });
  return {
    db: driver as unknown as Db,
    kind: 'pglite',
    location: inMemory ? 'memory' : path.resolve(dataDir),
    async migrate() {
      const { migrate: run } = await import('drizzle-orm/pglite/migrator');
      await run(driver, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    changeStamp: async () => localStamp(ALL_CHANGES),
    publicStamp: async () => localStamp(PUBLIC_CHANGES),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.default.Pool({ connectionString: url, max: poolSize });
  // A broken connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgresql',
    location: `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    async migrate() {
      const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
      // One connection holds the lock and runs the migrations, so processes starting together take turns.
      const connection = await pool.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await run(drizzle({ client: connection, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        connection.release();
      }
    },
    changeStamp: sharedStampReader(db, ALL_CHANGES),
    publicStamp: sharedStampReader(db, PUBLIC_CHANGES),
    close: () => pool.end(),
  };
}

/** Bring the schema up to date. Safe to run from several processes at once on PostgreSQL. */
export function migrate(database: Database): Promise<void> {
  return database.migrate();
}
