import { and, asc, count, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { deliveries } from '../schema-work.js';

export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryState = DeliveryRow['state'];

export interface NewDelivery {
  channel: 'email' | 'wecom' | 'dingtalk';
  channelId: number | null;
  /** The programme the reminder is about: its quiet hours apply. */
  programmeId?: number | null;
  recipient: string;
  dedupeKey: string;
  level: string;
  subject: string;
  body: string;
  /** When the first attempt may be made (later than now inside quiet hours). */
  nextAttemptAt: Date;
  state?: DeliveryState;
  attempts?: number;
  lastError?: string | null;
  sentAt?: Date | null;
}

/** Queue deliveries; one already queued with the same dedupe key is skipped. Returns the new rows. */
export async function insertDeliveries(db: Db, rows: readonly NewDelivery[]): Promise<DeliveryRow[]> {
  const inserted: DeliveryRow[] = [];
  for (let start = 0; start < rows.length; start += 300) {
    const chunk = rows.slice(start, start + 300).map((r) => ({
      channel: r.channel,
      channelId: r.channelId,
      programmeId: r.programmeId ?? null,
      recipient: r.recipient,
      dedupeKey: r.dedupeKey,
      level: r.level,
      subject: r.subject,
      body: r.body,
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      state: r.state ?? 'pending',
      attempts: r.attempts ?? 0,
      lastError: r.lastError ?? null,
      sentAt: r.sentAt ? r.sentAt.toISOString() : null,
    }));
    inserted.push(
      ...(await db.insert(deliveries).values(chunk).onConflictDoNothing({ target: deliveries.dedupeKey }).returning()),
    );
  }
  return inserted;
}

/**
 * Take up to `limit` deliveries due at `now` (only those of `channelIds` when
 * given) for one attempt: their next attempt moves to `holdUntil`, so another
 * worker leaves them alone meanwhile, and a worker killed mid-round holds them
 * no longer than that. The hold doubles as the claim's mark: only rows still
 * carrying it are extended or released (extendDeliveryHolds), so a worker
 * whose hold lapsed and was claimed by another never touches the other's.
 * No transaction stays open while they are sent.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  limit: number,
  holdUntil: Date,
  channelIds?: readonly number[],
): Promise<DeliveryRow[]> {
  if (channelIds?.length === 0) return [];
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.state, ['pending', 'failed']),
        lte(deliveries.nextAttemptAt, now.toISOString()),
        channelIds ? inArray(deliveries.channelId, [...channelIds]) : undefined,
      ),
    )
    .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(deliveries)
    .set({ nextAttemptAt: holdUntil.toISOString(), updatedAt: sql`now()` })
    .where(inArray(deliveries.id, due))
    .returning();
}

/** Deliveries a worker holds: id → the hold (ISO instant) it last set on the row. */
export type DeliveryHolds = ReadonlyMap<number, string>;

/** The rows of `holds` still pending or failed and still carrying the hold this worker set. */
function stillHeld(holds: DeliveryHolds) {
  const byHold = new Map<string, number[]>();
  for (const [id, hold] of holds) byHold.set(hold, [...(byHold.get(hold) ?? []), id]);
  return and(
    inArray(deliveries.state, ['pending', 'failed']),
    or(...[...byHold].map(([hold, ids]) => and(eq(deliveries.nextAttemptAt, hold), inArray(deliveries.id, ids)))),
  );
}

/**
 * Push the hold of deliveries a round is still working on to `until` (the
 * round's heartbeat). Returns the ids extended: a row missing from them is
 * no longer this worker's (sent, failed, put back, or claimed by another).
 */
export async function extendDeliveryHolds(db: Db, holds: DeliveryHolds, until: Date): Promise<number[]> {
  if (holds.size === 0) return [];
  const rows = await db
    .update(deliveries)
    .set({ nextAttemptAt: until.toISOString(), updatedAt: sql`now()` })
    .where(stillHeld(holds))
    .returning({ id: deliveries.id });
  return rows.map((r) => r.id);
}

/** Give back deliveries claimed but not attempted (a stopped round): due again at `at`, for any worker. */
export async function releaseDeliveryHolds(db: Db, holds: DeliveryHolds, at: Date): Promise<number> {
  if (holds.size === 0) return 0;
  const rows = await db
    .update(deliveries)
    .set({ nextAttemptAt: at.toISOString(), updatedAt: sql`now()` })
    .where(stillHeld(holds))
    .returning({ id: deliveries.id });
  return rows.length;
}

/** Record that these deliveries went out (one message or one digest carrying them all). */
export async function markDeliveriesSent(db: Db, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(deliveries)
    .set({
      state: 'sent',
      attempts: sql`${deliveries.attempts} + 1`,
      sentAt: at.toISOString(),
      lastError: null,
      updatedAt: sql`now()`,
    })
    .where(inArray(deliveries.id, [...ids]));
}

/**
 * Record a failed attempt of deliveries that had the same number of attempts:
 * `failed` with the next attempt time, or `dead` when `nextAttemptAt` is null.
 */
export async function markDeliveriesFailed(
  db: Db,
  ids: readonly number[],
  attempts: number,
  error: string,
  nextAttemptAt: Date | null,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(deliveries)
    .set({
      state: nextAttemptAt ? 'failed' : 'dead',
      attempts,
      lastError: error.slice(0, 1000),
      ...(nextAttemptAt ? { nextAttemptAt: nextAttemptAt.toISOString() } : {}),
      updatedAt: sql`now()`,
    })
    .where(inArray(deliveries.id, [...ids]));
}

/** Move a delivery off quiet hours without counting an attempt. */
export async function deferDelivery(db: Db, id: number, until: Date): Promise<void> {
  await db
    .update(deliveries)
    .set({ nextAttemptAt: until.toISOString(), updatedAt: sql`now()` })
    .where(eq(deliveries.id, id));
}

export async function findDelivery(db: Db, id: number): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id)).limit(1);
  return row;
}

/** Put a failed or dead delivery back in the queue, due now, with its attempts reset. */
export async function requeueDelivery(db: Db, id: number, now: Date): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .update(deliveries)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: now.toISOString(), updatedAt: sql`now()` })
    .where(and(eq(deliveries.id, id), inArray(deliveries.state, ['failed', 'dead'])))
    .returning();
  return row;
}

export async function listDeliveries(
  db: Db,
  options: { state?: DeliveryState | undefined; limit: number; offset: number },
): Promise<{ items: DeliveryRow[]; total: number }> {
  const where = options.state ? eq(deliveries.state, options.state) : undefined;
  const items = await db
    .select()
    .from(deliveries)
    .where(where)
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(options.limit)
    .offset(options.offset);
  const [total] = await db.select({ n: count() }).from(deliveries).where(where);
  return { items, total: total?.n ?? 0 };
}
