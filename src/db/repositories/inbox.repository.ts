import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { itemLeaders, items, units, users } from '../schema.js';
import { inboxMessages } from '../schema-work.js';

export type InboxLevel = 'info' | 'blue' | 'yellow' | 'red';
export type InboxRow = typeof inboxMessages.$inferSelect;

export interface NewInboxMessage {
  userId: number;
  level: InboxLevel;
  title: string;
  body: string;
  link?: string | null | undefined;
  /** Same key, same user: the message is stored once. */
  dedupeKey: string;
}

/** Store messages in users' inboxes; a message already there (same user and key) is skipped. Returns how many were new. */
export async function postInbox(db: Db, messages: readonly NewInboxMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  let inserted = 0;
  // Chunks keep the statement under PostgreSQL's parameter limit.
  for (let start = 0; start < messages.length; start += 500) {
    const rows = await db
      .insert(inboxMessages)
      .values(
        messages.slice(start, start + 500).map((m) => ({
          userId: m.userId,
          level: m.level,
          title: m.title,
          body: m.body,
          link: m.link ?? null,
          dedupeKey: m.dedupeKey,
        })),
      )
      .onConflictDoNothing({ target: [inboxMessages.userId, inboxMessages.dedupeKey] })
      .returning({ id: inboxMessages.id });
    inserted += rows.length;
  }
  return inserted;
}

export interface RecipientUser {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
}

const recipientColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
};

/** The enabled reporter accounts of a unit. */
export async function usersOfUnit(db: Db, unitId: number): Promise<RecipientUser[]> {
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.role, 'reporter'), eq(users.disabled, false)))
    .orderBy(asc(users.id));
}

/** The enabled accounts of the unit's head (users whose person is units.headPersonId). */
export async function unitHeadUsers(db: Db, unitId: number): Promise<RecipientUser[]> {
  return db
    .select(recipientColumns)
    .from(users)
    .innerJoin(units, eq(units.headPersonId, users.personId))
    .where(and(eq(units.id, unitId), eq(users.disabled, false)))
    .orderBy(asc(users.id));
}

/** The enabled accounts of the supervising leaders of an item or of the item it is a part of. */
export async function leaderUsersOfItem(db: Db, itemId: number): Promise<RecipientUser[]> {
  const parent = db.select({ id: items.parentItemId }).from(items).where(eq(items.id, itemId));
  return db
    .selectDistinct(recipientColumns)
    .from(users)
    .innerJoin(itemLeaders, eq(itemLeaders.personId, users.personId))
    .where(
      and(eq(users.disabled, false), or(eq(itemLeaders.itemId, itemId), inArray(itemLeaders.itemId, sql`(${parent})`))),
    )
    .orderBy(asc(users.id));
}

export interface InboxPage {
  items: InboxRow[];
  total: number;
  unread: number;
}

/** One user's messages, newest first. */
export async function listInbox(
  db: Db,
  userId: number,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<InboxPage> {
  const mine = eq(inboxMessages.userId, userId);
  const where = options.unreadOnly ? and(mine, isNull(inboxMessages.readAt)) : mine;
  const rows = await db
    .select()
    .from(inboxMessages)
    .where(where)
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
    .limit(options.limit)
    .offset(options.offset);
  const [totals] = await db
    .select({
      total: count(),
      unread: sql<number>`count(*) filter (where ${inboxMessages.readAt} is null)::int`,
    })
    .from(inboxMessages)
    .where(mine);
  const total = options.unreadOnly ? (totals?.unread ?? 0) : (totals?.total ?? 0);
  return { items: rows, total, unread: totals?.unread ?? 0 };
}

/** Mark one of the user's messages read; undefined when the user has no such message. */
export async function markInboxRead(db: Db, userId: number, id: number): Promise<InboxRow | undefined> {
  const [row] = await db
    .update(inboxMessages)
    .set({ readAt: sql`coalesce(${inboxMessages.readAt}, now())` })
    .where(and(eq(inboxMessages.id, id), eq(inboxMessages.userId, userId)))
    .returning();
  return row;
}

/** Mark all the user's messages read; returns how many were unread. */
export async function markAllInboxRead(db: Db, userId: number): Promise<number> {
  const rows = await db
    .update(inboxMessages)
    .set({ readAt: sql`now()` })
    .where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)))
    .returning({ id: inboxMessages.id });
  return rows.length;
}
