import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { channels } from '../schema-work.js';

export type ChannelRow = typeof channels.$inferSelect;

/** Every channel, or those of some jurisdictions (`null` in the list: the channels for every jurisdiction). */
export async function listChannels(db: Db, jurisdictionIds?: readonly number[]): Promise<ChannelRow[]> {
  const where = jurisdictionIds === undefined ? undefined : inArray(channels.jurisdictionId, [...jurisdictionIds, -1]);
  return db.select().from(channels).where(where).orderBy(asc(channels.id));
}

/** The enabled channels a programme of `jurisdictionId` reminds through: its own and those for every jurisdiction. */
export async function channelsForJurisdiction(db: Db, jurisdictionId: number): Promise<ChannelRow[]> {
  return db
    .select()
    .from(channels)
    .where(
      and(eq(channels.enabled, true), or(isNull(channels.jurisdictionId), eq(channels.jurisdictionId, jurisdictionId))),
    )
    .orderBy(asc(channels.id));
}

export async function findChannel(db: Db, id: number): Promise<ChannelRow | undefined> {
  const [row] = await db.select().from(channels).where(eq(channels.id, id)).limit(1);
  return row;
}

export async function findChannels(db: Db, ids: readonly number[]): Promise<Map<number, ChannelRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(channels)
    .where(inArray(channels.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}
