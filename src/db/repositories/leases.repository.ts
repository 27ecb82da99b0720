import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { leases } from '../schema-work.js';

export interface LeaseResult {
  acquired: boolean;
  /** Bumped on every take-over: a holder that sees a newer fence has lost the lease. Null when not acquired. */
  fence: number | null;
}

/**
 * Take or renew a named lease for `ttlMs`, in one conditional upsert: it
 * succeeds when nobody holds it, when it has expired, or when `holder`
 * already holds it. The database's clock decides, so processes on several
 * machines agree.
 */
export async function tryAcquireLease(db: Db, name: string, holder: string, ttlMs: number): Promise<LeaseResult> {
  const expires = sql`now() + make_interval(secs => ${ttlMs / 1000})`;
  const rows = await db
    .insert(leases)
    .values({ name, holder, expiresAt: expires as never, fence: 1 })
    .onConflictDoUpdate({
      target: leases.name,
      set: {
        holder: sql`excluded.holder`,
        expiresAt: sql`excluded.expires_at`,
        fence: sql`case when ${leases.holder} = excluded.holder then ${leases.fence} else ${leases.fence} + 1 end`,
      },
      setWhere: sql`${leases.expiresAt} < now() or ${leases.holder} = excluded.holder`,
    })
    .returning({ fence: leases.fence });
  const row = rows[0];
  return row ? { acquired: true, fence: row.fence } : { acquired: false, fence: null };
}

/** Give the lease up now (only if `holder` still holds it), keeping its fence. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<boolean> {
  const rows = await db
    .update(leases)
    .set({ expiresAt: sql`now() - interval '1 millisecond'` })
    .where(and(eq(leases.name, name), eq(leases.holder, holder)))
    .returning({ name: leases.name });
  return rows.length > 0;
}
