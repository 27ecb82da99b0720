import { eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { changeClock } from './schema.js';

/**
 * How a process knows whether what it cached may be stale. Every audited
 * write calls `tick` in its transaction; readers compare stamps.
 *
 * Two counters: ALL_CHANGES ticks on every audited write (the office's caches,
 * sessions); PUBLIC_CHANGES only on writes that may change what the public
 * site shows (src/core/publish/public-changes.ts). A hundred units saving
 * drafts and signing in then leave the public pages' cache alone: with one
 * counter every such write made every public page rebuild, and on the
 * embedded database those rebuilds held the reporters' writes back
 * (reliability/load: PGlite writer p50 2.2 s with one counter).
 *
 * PGlite lives in one process, so counters in memory are exact (and cost no
 * query); PostgreSQL may have other processes writing, so its stamps are read
 * from the `change_clock` rows, which commit with the write that bumped them.
 */
export const ALL_CHANGES = 1;
export const PUBLIC_CHANGES = 2;
export type ClockRow = typeof ALL_CHANGES | typeof PUBLIC_CHANGES;

const local = { [ALL_CHANGES]: 0, [PUBLIC_CHANGES]: 0 };

async function bump(tx: Db, row: ClockRow): Promise<void> {
  await tx
    .update(changeClock)
    .set({ n: sql`${changeClock.n} + 1` })
    .where(eq(changeClock.id, row));
  // Counted before commit: a rolled-back write only costs a cache refill.
  local[row]++;
}

/** Count a write in its transaction; `visibleToPublic` also ticks the public stamp (rows always in the order 1, 2). */
export async function tick(tx: Db, visibleToPublic = true): Promise<void> {
  await bump(tx, ALL_CHANGES);
  if (visibleToPublic) await bump(tx, PUBLIC_CHANGES);
}

export function localStamp(row: ClockRow = ALL_CHANGES): number {
  return local[row];
}

export async function sharedStamp(db: Db, row: ClockRow = ALL_CHANGES): Promise<number> {
  const [found] = await db.select({ n: changeClock.n }).from(changeClock).where(eq(changeClock.id, row));
  return Number(found?.n ?? 0);
}

/**
 * `sharedStamp` for many requests at once: a request joins the read that has
 * not started yet, or schedules one for the next turn of the event loop. A
 * read starts after every request that joined it arrived, so none misses a
 * change committed before it came; a thousand readers cost one query a turn
 * instead of a thousand, which left writers queueing for the connection pool
 * (reliability/load on PostgreSQL).
 */
export function sharedStampReader(db: Db, row: ClockRow = ALL_CHANGES): () => Promise<number> {
  let pending: Promise<number> | undefined;
  return () => {
    pending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      pending = undefined;
      return sharedStamp(db, row);
    });
    return pending;
  };
}
