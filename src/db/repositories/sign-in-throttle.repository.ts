import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { signInThrottle } from '../schema.js';

/** The lock on a name no enabled account has, if it is still in force. */
export async function findNameLock(db: Db, username: string): Promise<string | null> {
  const [row] = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(and(eq(signInThrottle.username, username), gt(signInThrottle.lockedUntil, sql`now()`)))
    .limit(1);
  return row?.lockedUntil ?? null;
}

/**
 * Count a failed sign-in under a name no enabled account has, by the rule of
 * `recordFailedLogin` for accounts: the `maxFailures`-th failure locks the
 * name for `lockSeconds` and starts the count again.
 */
export async function recordFailedName(
  db: Db,
  username: string,
  maxFailures: number,
  lockSeconds: number,
): Promise<{ lockedUntil: string | null }> {
  const failures = sql`${signInThrottle.failures}`;
  const [row] = await db
    .insert(signInThrottle)
    .values({
      username,
      failures: maxFailures <= 1 ? 0 : 1,
      lockedUntil: maxFailures <= 1 ? sql`now() + make_interval(secs => ${lockSeconds})` : null,
    })
    .onConflictDoUpdate({
      target: signInThrottle.username,
      set: {
        failures: sql`case when ${failures} + 1 >= ${maxFailures} then 0 else ${failures} + 1 end`,
        lockedUntil: sql`case when ${failures} + 1 >= ${maxFailures} then now() + make_interval(secs => ${lockSeconds}) else ${signInThrottle.lockedUntil} end`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ lockedUntil: signInThrottle.lockedUntil });
  const until = row?.lockedUntil ?? null;
  return { lockedUntil: until && Date.parse(until) > Date.now() ? until : null };
}

/** Forget names whose state is the same as no row: no failures counted and no lock in force. */
export async function deleteSpentNameLocks(db: Db): Promise<number> {
  const rows = await db
    .delete(signInThrottle)
    .where(
      and(
        eq(signInThrottle.failures, 0),
        or(isNull(signInThrottle.lockedUntil), lte(signInThrottle.lockedUntil, sql`now()`)),
      ),
    )
    .returning({ username: signInThrottle.username });
  return rows.length;
}
