import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { sessions, users } from '../schema.js';

export interface SessionWithUser {
  id: string;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
  user: typeof users.$inferSelect;
}

export async function insertSession(
  db: Db,
  values: {
    id: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values({ ...values, expiresAt: values.expiresAt.toISOString() });
}

/** A live session and its user; expired sessions are not returned. */
export async function findLiveSession(db: Db, id: string): Promise<SessionWithUser | undefined> {
  const [row] = await db
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      user: users,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return row;
}

/** Slide the idle expiry forward, never past the absolute limit. */
export async function touchSession(db: Db, id: string, idleExpiry: Date, absoluteLimitSeconds: number): Promise<void> {
  await db
    .update(sessions)
    .set({
      lastSeenAt: sql`now()`,
      expiresAt: sql`least(${idleExpiry.toISOString()}::timestamptz, ${sessions.createdAt} + make_interval(secs => ${absoluteLimitSeconds}))`,
    })
    .where(eq(sessions.id, id));
}

/** Delete one session; returns whose it was, or undefined when there was none. */
export async function deleteSession(db: Db, id: string): Promise<{ userId: number } | undefined> {
  const [row] = await db.delete(sessions).where(eq(sessions.id, id)).returning({ userId: sessions.userId });
  return row;
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`)).returning({ id: sessions.id });
  return rows.length;
}
