import { eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { changeClock } from './schema.js';

/**
 * How a process knows whether what it cached may be stale. Every audited
 * write calls `tick` in its transaction; readers compare stamps.
 *
 * PGlite lives in one process, so a counter in memory is exact (and costs no
 * query); PostgreSQL may have other processes writing, so its stamp is read
 * from the `change_clock` row, which commits with the write that bumped it.
 */
let localChanges = 0;

export async function tick(tx: Db): Promise<void> {
  await tx
    .update(changeClock)
    .set({ n: sql`${changeClock.n} + 1` })
    .where(eq(changeClock.id, 1));
  // Counted before commit: a rolled-back write only costs a cache refill.
  localChanges++;
}

export function localStamp(): number {
  return localChanges;
}

export async function sharedStamp(db: Db): Promise<number> {
  const [row] = await db.select({ n: changeClock.n }).from(changeClock).where(eq(changeClock.id, 1));
  return Number(row?.n ?? 0);
}

/**
 * `sharedStamp` for many requests at once: a request joins the read that has
 * not started yet, or schedules one for the next turn of the event loop. A
 * read starts after every request that joined it arrived, so none misses a
 * change committed before it came; a thousand readers cost one query a turn
 * instead of a thousand, which left writers queueing for the connection pool
 * (reliability/load on PostgreSQL).
 */
export function sharedStampReader(db: Db): () => Promise<number> {
  let pending: Promise<number> | undefined;
  return () => {
    pending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      pending = undefined;
      return sharedStamp(db);
    });
    return pending;
  };
}
