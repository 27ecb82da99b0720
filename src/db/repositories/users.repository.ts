import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { users } from '../schema.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  return row;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(users.id);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** Count a failed sign-in; lock the account when the count reaches `maxFailures`. Returns whether it is now locked. */
export async function recordFailedLogin(
  db: Db,
  userId: number,
  maxFailures: number,
  lockSeconds: number,
): Promise<{ locked: boolean; failures: number; lockedUntil: string | null }> {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailures} then now() + make_interval(secs => ${lockSeconds}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  const locked = row?.lockedUntil ? Date.parse(row.lockedUntil) > Date.now() : false;
  return { locked, failures: row?.failedLogins ?? 0, lockedUntil: locked ? (row?.lockedUntil ?? null) : null };
}

export async function recordSuccessfulLogin(db: Db, userId: number): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: sql`now()` })
    .where(eq(users.id, userId));
}
