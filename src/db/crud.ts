import { eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { notFound, versionConflict } from '../core/errors.js';
import type { RequestContext } from './audit.js';
import { writeAudit } from './audit.js';
import type { Db } from './client.js';
import { withDatabaseErrors } from './errors.js';

/**
 * The one path every editable record takes: insert, versioned update and
 * delete, each audited in the caller's transaction. Entity-specific rules
 * (policies, presenters) stay with the caller.
 */

export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };
export type Row<T extends VersionedTable> = T['$inferSelect'];

export interface EntityMeta<T extends VersionedTable> {
  entityType: string;
  what: { zh: string; en: string };
  /** Where the row sits, so the programme's and the item's history can find it. */
  context?: (row: Row<T>) => { programmeId?: number | null; itemId?: number | null };
  /** What of a row the audit trail may keep (never a password hash). */
  redact?: (row: Row<T>) => unknown;
}

const audited = <T extends VersionedTable>(meta: EntityMeta<T>, row: Row<T> | undefined): unknown =>
  row === undefined ? null : meta.redact ? meta.redact(row) : row;

export async function findRow<T extends VersionedTable>(db: Db, table: T, id: number): Promise<Row<T> | undefined> {
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .limit(1)) as Row<T>[];
  return rows[0];
}

export async function requireRow<T extends VersionedTable>(
  db: Db,
  table: T,
  id: number,
  what: { zh: string; en: string },
): Promise<Row<T>> {
  const row = await findRow(db, table, id);
  if (!row) throw notFound(what.zh, what.en);
  return row;
}

export async function insertAudited<T extends VersionedTable>(
  tx: Db,
  ctx: RequestContext,
  table: T,
  values: T['$inferInsert'],
  meta: EntityMeta<T>,
): Promise<Row<T>> {
  const rows = (await withDatabaseErrors(meta.what, () =>
    tx
      .insert(table as PgTable)
      .values(values as never)
      .returning(),
  )) as Row<T>[];
  const row = rows[0] as Row<T>;
  await writeAudit(tx, ctx, {
    action: 'create',
    entityType: meta.entityType,
    entityId: (row as { id: number }).id,
    ...meta.context?.(row),
    after: audited(meta, row),
  });
  return row;
}

/**
 * Update when the caller saw the current version; otherwise 409 with the
 * current record (as `present` shows it) so the caller can merge.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Db,
  ctx: RequestContext,
  table: T,
  id: number,
  expectedVersion: number,
  patch: Partial<T['$inferInsert']>,
  meta: EntityMeta<T> & { present: (row: Row<T>) => unknown },
): Promise<Row<T>> {
  const before = (
    (await tx
      .select()
      .from(table as PgTable)
      .where(eq(table.id, id))
      .for('update')
      .limit(1)) as Row<T>[]
  )[0];
  if (!before) throw notFound(meta.what.zh, meta.what.en);
  if ((before as { version: number }).version !== expectedVersion) throw versionConflict(meta.present(before));
  const rows = (await withDatabaseErrors(meta.what, () =>
    tx
      .update(table as PgTable)
      .set({ ...patch, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
      .where(eq(table.id, id))
      .returning(),
  )) as Row<T>[];
  const after = rows[0] as Row<T>;
  await writeAudit(tx, ctx, {
    action: 'update',
    entityType: meta.entityType,
    entityId: id,
    ...meta.context?.(after),
    before: audited(meta, before),
    after: audited(meta, after),
  });
  return after;
}

export async function deleteAudited<T extends VersionedTable>(
  tx: Db,
  ctx: RequestContext,
  table: T,
  id: number,
  meta: EntityMeta<T> & { beforeSnapshot?: unknown },
): Promise<Row<T>> {
  const rows = (await withDatabaseErrors(meta.what, () =>
    tx
      .delete(table as PgTable)
      .where(eq(table.id, id))
      .returning(),
  )) as Row<T>[];
  const before = rows[0];
  if (!before) throw notFound(meta.what.zh, meta.what.en);
  await writeAudit(tx, ctx, {
    action: 'delete',
    entityType: meta.entityType,
    entityId: id,
    ...meta.context?.(before),
    before: meta.beforeSnapshot ?? audited(meta, before),
  });
  return before;
}
