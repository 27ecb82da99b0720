import { aliasedTable, and, asc, avg, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { categories, items, itemUnits, programmes, units, users } from '../schema.js';
import { feedback } from '../schema-publish.js';

export interface PublicFeedback {
  /** Mean rating over every rating given (comments moderated or not), null when none. */
  average: number | null;
  count: number;
  /** Approved comments only, newest first. */
  comments: Array<{ id: number; rating: number; comment: string; createdAt: string }>;
}

/** What the public item page shows of residents' feedback. */
export async function publicFeedbackOf(db: Db, itemId: number, limit = 20): Promise<PublicFeedback> {
  const [totals, comments] = await Promise.all([
    db
      .select({ average: avg(feedback.rating), count: count() })
      .from(feedback)
      .where(eq(feedback.itemId, itemId)),
    db
      .select({ id: feedback.id, rating: feedback.rating, comment: feedback.comment, createdAt: feedback.createdAt })
      .from(feedback)
      .where(and(eq(feedback.itemId, itemId), eq(feedback.state, 'approved'), isNotNull(feedback.comment)))
      .orderBy(desc(feedback.createdAt))
      .limit(limit),
  ]);
  const row = totals[0];
  return {
    average: row?.average == null ? null : Math.round(Number(row.average) * 10) / 10,
    count: row?.count ?? 0,
    comments: comments.map((c) => ({ ...c, comment: c.comment ?? '' })),
  };
}

// ——— The public form, moderation and satisfaction (src/server/use-cases/feedback) ———

export type FeedbackRow = typeof feedback.$inferSelect;
export type FeedbackState = FeedbackRow['state'];

/** An item residents may rate: in a published programme. */
export interface FeedbackTarget {
  programmeId: number;
  programmeTitle: string;
  itemId: number;
  itemNumber: string;
  itemName: string;
  parentItemName: string | null;
}

const parentItems = aliasedTable(items, 'parent_items');

/** The item of a published programme, or undefined (missing, another programme's, or not published). */
export async function feedbackTarget(db: Db, programmeId: number, itemId: number): Promise<FeedbackTarget | undefined> {
  const [row] = await db
    .select({
      programmeId: programmes.id,
      programmeTitle: programmes.title,
      itemId: items.id,
      itemNumber: items.number,
      itemName: items.name,
      parentItemName: parentItems.name,
    })
    .from(items)
    .innerJoin(programmes, eq(programmes.id, items.programmeId))
    .leftJoin(parentItems, eq(parentItems.id, items.parentItemId))
    .where(and(eq(items.id, itemId), eq(programmes.id, programmeId), eq(programmes.state, 'published')))
    .limit(1);
  return row;
}

/**
 * Serialize one client's submissions across every process until the end of
 * the transaction, so two posts at once cannot both pass the limits.
 */
export async function lockClient(tx: Db, clientHash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`feedback:${clientHash}`}))`);
}

/** How much this client has sent: on this item in the last hour, and anywhere in the last day. */
export async function recentSubmissions(
  tx: Db,
  clientHash: string,
  itemId: number,
): Promise<{ itemLastHour: number; lastDay: number }> {
  const [row] = await tx
    .select({
      itemLastHour: sql<number>`count(*) filter (where ${feedback.itemId} = ${itemId} and ${feedback.createdAt} > now() - interval '1 hour')`,
      lastDay: count(),
    })
    .from(feedback)
    .where(and(eq(feedback.clientHash, clientHash), sql`${feedback.createdAt} > now() - interval '1 day'`));
  return { itemLastHour: Number(row?.itemLastHour ?? 0), lastDay: Number(row?.lastDay ?? 0) };
}

export async function insertFeedback(tx: Db, values: typeof feedback.$inferInsert): Promise<FeedbackRow> {
  const [row] = await tx.insert(feedback).values(values).returning();
  if (!row) throw new Error('feedback insert returned nothing');
  return row;
}

/** A comment as the moderation queue shows it. */
export interface FeedbackView {
  id: number;
  programmeId: number;
  itemId: number;
  itemNumber: string;
  itemName: string;
  rating: number;
  comment: string | null;
  state: FeedbackState;
  createdAt: string;
  moderatedAt: string | null;
  moderatedBy: number | null;
  moderatorName: string | null;
  rejectReason: string | null;
  version: number;
}

const viewColumns = {
  id: feedback.id,
  programmeId: feedback.programmeId,
  itemId: feedback.itemId,
  itemNumber: items.number,
  itemName: items.name,
  rating: feedback.rating,
  comment: feedback.comment,
  state: feedback.state,
  createdAt: feedback.createdAt,
  moderatedAt: feedback.moderatedAt,
  moderatedBy: feedback.moderatedBy,
  moderatorName: users.displayName,
  rejectReason: feedback.rejectReason,
  version: feedback.version,
};

function viewQuery(db: Db) {
  return db
    .select(viewColumns)
    .from(feedback)
    .innerJoin(items, eq(items.id, feedback.itemId))
    .leftJoin(users, eq(users.id, feedback.moderatedBy));
}

export async function findFeedbackView(db: Db, id: number): Promise<FeedbackView | undefined> {
  const [row] = await viewQuery(db).where(eq(feedback.id, id)).limit(1);
  return row;
}

/**
 * The comments of a programme in one state (ratings without a comment need no
 * moderation and are left out). Pending ones oldest first, as a queue; the
 * others newest first.
 */
export async function listFeedbackViews(
  db: Db,
  filter: { programmeId: number; state: FeedbackState },
  page: { limit: number; offset: number },
): Promise<{ rows: FeedbackView[]; total: number }> {
  const where = and(
    eq(feedback.programmeId, filter.programmeId),
    eq(feedback.state, filter.state),
    isNotNull(feedback.comment),
  );
  const order =
    filter.state === 'pending'
      ? [asc(feedback.createdAt), asc(feedback.id)]
      : [desc(feedback.createdAt), desc(feedback.id)];
  const [rows, totals] = await Promise.all([
    viewQuery(db)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(feedback).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

/** Lock a row for moderation in this transaction. */
export async function lockFeedback(tx: Db, id: number): Promise<FeedbackRow | undefined> {
  const [row] = await tx.select().from(feedback).where(eq(feedback.id, id)).for('update').limit(1);
  return row;
}

export async function updateFeedbackState(
  tx: Db,
  id: number,
  patch: { state: FeedbackState; moderatedBy: number | null; rejectReason: string | null },
): Promise<FeedbackRow> {
  const [row] = await tx
    .update(feedback)
    .set({
      ...patch,
      moderatedAt: sql`now()`,
      version: sql`${feedback.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(feedback.id, id))
    .returning();
  if (!row) throw new Error(`feedback ${id} vanished during moderation`);
  return row;
}

/** Every item of a programme with what the satisfaction table groups by. */
export interface SatisfactionItem {
  id: number;
  number: string;
  name: string;
  parentItemId: number | null;
  categoryPosition: number;
  position: number;
}

export interface SatisfactionFacts {
  items: SatisfactionItem[];
  /** Lead units by item (first by position when a list names several). */
  leads: Array<{ itemId: number; unitId: number; name: string; position: number }>;
  /** Ratings counted by item and value: every rating given (as the public page counts them). */
  ratings: Array<{ itemId: number; rating: number; n: number }>;
  /** Comments waiting for moderation, by item. */
  pending: Array<{ itemId: number; n: number }>;
}

export async function loadSatisfactionFacts(db: Db, programmeId: number): Promise<SatisfactionFacts> {
  const inProgramme = db.select({ id: items.id }).from(items).where(eq(items.programmeId, programmeId));
  const [itemRows, leads, ratings, pending] = await Promise.all([
    db
      .select({
        id: items.id,
        number: items.number,
        name: items.name,
        parentItemId: items.parentItemId,
        categoryPosition: categories.position,
        position: items.position,
      })
      .from(items)
      .innerJoin(categories, eq(categories.id, items.categoryId))
      .where(eq(items.programmeId, programmeId)),
    db
      .select({ itemId: itemUnits.itemId, unitId: itemUnits.unitId, name: units.name, position: itemUnits.position })
      .from(itemUnits)
      .innerJoin(units, eq(units.id, itemUnits.unitId))
      .where(and(inArray(itemUnits.itemId, inProgramme), eq(itemUnits.role, 'lead'))),
    db
      .select({ itemId: feedback.itemId, rating: feedback.rating, n: count() })
      .from(feedback)
      .where(eq(feedback.programmeId, programmeId))
      .groupBy(feedback.itemId, feedback.rating),
    db
      .select({ itemId: feedback.itemId, n: count() })
      .from(feedback)
      .where(and(eq(feedback.programmeId, programmeId), eq(feedback.state, 'pending'), isNotNull(feedback.comment)))
      .groupBy(feedback.itemId),
  ]);
  return { items: itemRows, leads, ratings, pending };
}
