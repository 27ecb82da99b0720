import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';

/** The next free position among siblings: one past the largest. */
export async function nextPosition(
  db: Db,
  table: PgTable & { position: PgColumn },
  where: SQL | undefined,
): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${table.position}) + 1, 0)::int` })
    .from(table)
    .where(where);
  return row?.next ?? 0;
}
