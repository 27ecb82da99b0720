import { and, asc, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { deliveries } from '../schema-work.js';

export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryState = DeliveryRow['state'];

export interface NewDelivery {
  channel: 'email' | 'wecom' | 'dingtalk';
  channelId: number | null;
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
 * Take up to `limit` deliveries due at `now` for one attempt: their next
 * attempt moves `holdMs` ahead, so another worker (or this one after a crash)
 * leaves them alone meanwhile. No transaction stays open while they are sent.
 */
export async function claimDueDeliveries(db: Db, now: Date, limit: number, holdMs: number): Promise<DeliveryRow[]> {
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(inArray(deliveries.state, ['pending', 'failed']), lte(deliveries.nextAttemptAt, now.toISOString())))
    .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(deliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + holdMs).toISOString(), updatedAt: sql`now()` })
    .where(inArray(deliveries.id, due))
    .returning();
}

export async function markDeliverySent(db: Db, id: number, at: Date): Promise<void> {
  await db
    .update(deliveries)
    .set({
      state: 'sent',
      attempts: sql`${deliveries.attempts} + 1`,
      sentAt: at.toISOString(),
      lastError: null,
      updatedAt: sql`now()`,
    })
    .where(eq(deliveries.id, id));
}

/** Record a failed attempt: `failed` with the next attempt time, or `dead` when `nextAttemptAt` is null. */
export async function markDeliveryFailed(
  db: Db,
  id: number,
  attempts: number,
  error: string,
  nextAttemptAt: Date | null,
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      state: nextAttemptAt ? 'failed' : 'dead',
      attempts,
      lastError: error.slice(0, 1000),
      ...(nextAttemptAt ? { nextAttemptAt: nextAttemptAt.toISOString() } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(deliveries.id, id));
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
