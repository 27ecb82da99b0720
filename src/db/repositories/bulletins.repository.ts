import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { jurisdictions, programmes } from '../schema.js';
import { bulletins } from '../schema-publish.js';

/** Bulletins (进展情况通报): the SQL behind src/server/use-cases/bulletins and the public bulletin pages. */

export type BulletinRow = typeof bulletins.$inferSelect;
export type NewBulletinRow = typeof bulletins.$inferInsert;

/** What the list shows: everything but the two JSON documents. */
export type BulletinSummaryRow = Omit<BulletinRow, 'body' | 'data'>;

const summaryColumns = {
  id: bulletins.id,
  programmeId: bulletins.programmeId,
  seq: bulletins.seq,
  cutoff: bulletins.cutoff,
  period: bulletins.period,
  title: bulletins.title,
  state: bulletins.state,
  prevHash: bulletins.prevHash,
  hash: bulletins.hash,
  publishedAt: bulletins.publishedAt,
  publishedBy: bulletins.publishedBy,
  createdBy: bulletins.createdBy,
  version: bulletins.version,
  createdAt: bulletins.createdAt,
  updatedAt: bulletins.updatedAt,
};

/** The programme facts a bulletin needs: its year, title, state and jurisdiction. */
export interface BulletinProgramme {
  id: number;
  title: string;
  year: number;
  state: 'draft' | 'published' | 'archived';
  jurisdictionId: number;
  jurisdictionName: string;
}

export async function findBulletinProgramme(db: Db, programmeId: number): Promise<BulletinProgramme | undefined> {
  const [row] = await db
    .select({
      id: programmes.id,
      title: programmes.title,
      year: programmes.year,
      state: programmes.state,
      jurisdictionId: programmes.jurisdictionId,
      jurisdictionName: jurisdictions.name,
    })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.id, programmes.jurisdictionId))
    .where(eq(programmes.id, programmeId))
    .limit(1);
  return row;
}

export async function findBulletin(db: Db, id: number): Promise<BulletinRow | undefined> {
  const [row] = await db.select().from(bulletins).where(eq(bulletins.id, id)).limit(1);
  return row;
}

/** Lock the bulletin row for a change in this transaction. */
export async function lockBulletin(tx: Db, id: number): Promise<BulletinRow | undefined> {
  const [row] = await tx.select().from(bulletins).where(eq(bulletins.id, id)).for('update').limit(1);
  return row;
}

/**
 * Hold the programme row until the transaction ends, so that two publishers
 * of the same programme take turns: the second reads the first's hash and
 * seq once the first has committed. `no key update` is enough to exclude
 * another holder and leaves the key-share locks of foreign keys (reports,
 * audit entries of the programme) free.
 */
export async function holdProgrammeForBulletins(tx: Db, programmeId: number): Promise<boolean> {
  const rows = await tx
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .for('no key update');
  return rows.length > 0;
}

/** A programme's bulletins, drafts first, then the published ones newest first. */
export async function listBulletinSummaries(
  db: Db,
  programmeId: number,
  options: { publishedOnly: boolean },
): Promise<BulletinSummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(bulletins)
    .where(
      and(eq(bulletins.programmeId, programmeId), options.publishedOnly ? eq(bulletins.state, 'published') : undefined),
    )
    .orderBy(sql`${bulletins.seq} desc nulls first`, desc(bulletins.id));
}

/** The published bulletins of a programme in chain order (seq 1, 2, …), whole. */
export async function publishedChain(db: Db, programmeId: number): Promise<BulletinRow[]> {
  return db
    .select()
    .from(bulletins)
    .where(and(eq(bulletins.programmeId, programmeId), eq(bulletins.state, 'published')))
    .orderBy(asc(bulletins.seq));
}

/** The last link of the chain: the published bulletin with the highest seq. */
export async function lastPublished(tx: Db, programmeId: number): Promise<BulletinRow | undefined> {
  const [row] = await tx
    .select()
    .from(bulletins)
    .where(and(eq(bulletins.programmeId, programmeId), eq(bulletins.state, 'published')))
    .orderBy(desc(bulletins.seq))
    .limit(1);
  return row;
}

/** A published bulletin of a published programme, without its JSON documents (what a download needs to name itself). */
export async function publicSummaryBySeq(
  db: Db,
  programmeId: number,
  seq: number,
): Promise<BulletinSummaryRow | undefined> {
  const [row] = await db
    .select(summaryColumns)
    .from(bulletins)
    .innerJoin(programmes, eq(programmes.id, bulletins.programmeId))
    .where(
      and(
        eq(bulletins.programmeId, programmeId),
        eq(bulletins.state, 'published'),
        eq(bulletins.seq, seq),
        eq(programmes.state, 'published'),
      ),
    )
    .limit(1);
  return row;
}

/** A published bulletin by its number within the programme. */
export async function publishedBySeq(db: Db, programmeId: number, seq: number): Promise<BulletinRow | undefined> {
  const [row] = await db
    .select()
    .from(bulletins)
    .where(and(eq(bulletins.programmeId, programmeId), eq(bulletins.state, 'published'), eq(bulletins.seq, seq)))
    .limit(1);
  return row;
}

export async function insertBulletin(tx: Db, values: NewBulletinRow): Promise<BulletinRow> {
  const [row] = await tx.insert(bulletins).values(values).returning();
  if (!row) throw new Error('bulletin not inserted');
  return row;
}

/** Write a change and count a version (the trigger refuses it on a published row). */
export async function updateBulletinRow(
  tx: Db,
  id: number,
  patch: Partial<Omit<NewBulletinRow, 'id' | 'version' | 'programmeId'>>,
): Promise<BulletinRow> {
  const [row] = await tx
    .update(bulletins)
    .set({ ...patch, version: sql`${bulletins.version} + 1`, updatedAt: sql`now()` })
    .where(eq(bulletins.id, id))
    .returning();
  if (!row) throw new Error(`bulletin ${id} vanished`);
  return row;
}

export async function deleteBulletinRow(tx: Db, id: number): Promise<void> {
  await tx.delete(bulletins).where(eq(bulletins.id, id));
}

/** How many published bulletins a programme has (they keep it from being deleted). */
export async function countPublished(tx: Db, programmeId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(bulletins)
    .where(and(eq(bulletins.programmeId, programmeId), eq(bulletins.state, 'published')));
  return row?.n ?? 0;
}

/** Remove a programme's drafts (before the programme itself goes); returns them for the audit record. */
export async function deleteDraftsOf(tx: Db, programmeId: number): Promise<BulletinRow[]> {
  return tx
    .delete(bulletins)
    .where(and(eq(bulletins.programmeId, programmeId), eq(bulletins.state, 'draft')))
    .returning();
}
