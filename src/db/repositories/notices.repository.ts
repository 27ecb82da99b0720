import { aliasedTable, and, asc, count, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { items, itemUnits, jurisdictions, programmes, units } from '../schema.js';
import { notices } from '../schema-work.js';

/** Supervision notices (督办单): the SQL behind src/server/use-cases/notices. */

export type NoticeRow = typeof notices.$inferSelect;
export type NoticeState = NoticeRow['state'];

/** A notice with what a reader needs beside it: the item, the unit, the programme's year and jurisdiction. */
export interface NoticeView extends NoticeRow {
  itemNumber: string;
  itemName: string;
  parentItemNumber: string | null;
  unitName: string;
  year: number;
  jurisdictionId: number;
  jurisdictionName: string;
}

const parentItems = aliasedTable(items, 'parent_items');

const viewColumns = {
  notice: notices,
  itemNumber: items.number,
  itemName: items.name,
  parentItemNumber: parentItems.number,
  unitName: units.name,
  year: programmes.year,
  jurisdictionId: programmes.jurisdictionId,
  jurisdictionName: jurisdictions.name,
};

function viewQuery(db: Db) {
  return db
    .select(viewColumns)
    .from(notices)
    .innerJoin(items, eq(items.id, notices.itemId))
    .leftJoin(parentItems, eq(parentItems.id, items.parentItemId))
    .innerJoin(units, eq(units.id, notices.unitId))
    .innerJoin(programmes, eq(programmes.id, notices.programmeId))
    .innerJoin(jurisdictions, eq(jurisdictions.id, programmes.jurisdictionId));
}

type ViewRecord = { notice: NoticeRow } & Omit<NoticeView, keyof NoticeRow>;
const toView = ({ notice, ...rest }: ViewRecord): NoticeView => ({ ...notice, ...rest });

export async function findNoticeView(db: Db, id: number): Promise<NoticeView | undefined> {
  const [row] = await viewQuery(db).where(eq(notices.id, id)).limit(1);
  return row ? toView(row) : undefined;
}

/** Lock the notice row for a state change in this transaction. */
export async function lockNotice(tx: Db, id: number): Promise<NoticeRow | undefined> {
  const [row] = await tx.select().from(notices).where(eq(notices.id, id)).for('update').limit(1);
  return row;
}

export interface NoticeFilter {
  programmeId?: number | undefined;
  itemId?: number | undefined;
  state?: NoticeState | undefined;
  unitId?: number | undefined;
  /** Only notices on these items (what the reader may see); undefined: no restriction. */
  itemIds?: readonly number[] | undefined;
}

function filterWhere(filter: NoticeFilter): SQL | undefined {
  return and(
    filter.programmeId === undefined ? undefined : eq(notices.programmeId, filter.programmeId),
    filter.itemId === undefined ? undefined : eq(notices.itemId, filter.itemId),
    filter.state === undefined ? undefined : eq(notices.state, filter.state),
    filter.unitId === undefined ? undefined : eq(notices.unitId, filter.unitId),
    filter.itemIds === undefined
      ? undefined
      : filter.itemIds.length === 0
        ? sql`false`
        : inArray(notices.itemId, [...filter.itemIds]),
  );
}

/** Newest first (by number), one page, and how many match in all. */
export async function listNoticeViews(
  db: Db,
  filter: NoticeFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: NoticeView[]; total: number }> {
  const where = filterWhere(filter);
  const rows = await viewQuery(db)
    .where(where)
    .orderBy(desc(notices.seq), desc(notices.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(notices).where(where);
  return { rows: rows.map(toView), total: total?.n ?? 0 };
}

/** The next notice number within a programme: 1, 2, 3… */
export async function nextNoticeSeq(tx: Db, programmeId: number): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${notices.seq})` })
    .from(notices)
    .where(eq(notices.programmeId, programmeId));
  return Number(row?.max ?? 0) + 1;
}

/** Insert a notice row as it is (the caller audits); errors pass through with their SQLSTATE. */
export async function insertNotice(tx: Db, values: typeof notices.$inferInsert): Promise<NoticeRow> {
  const [row] = await tx.insert(notices).values(values).returning();
  return row as NoticeRow;
}

/** Change a locked notice and bump its version (the caller checked the version and audits). */
export async function updateNoticeRow(
  tx: Db,
  id: number,
  patch: Partial<Omit<typeof notices.$inferInsert, 'id' | 'version'>>,
): Promise<NoticeRow> {
  const [row] = await tx
    .update(notices)
    .set({ ...patch, version: sql`${notices.version} + 1`, updatedAt: sql`now()` })
    .where(eq(notices.id, id))
    .returning();
  return row as NoticeRow;
}

/** Units a notice on this item may go to: lead and co-units of the item and, for a part, of its parent. */
export async function noticeableUnitIds(db: Db, itemId: number): Promise<number[]> {
  const [item] = await db.select({ parentItemId: items.parentItemId }).from(items).where(eq(items.id, itemId));
  if (!item) return [];
  const ids = item.parentItemId === null ? [itemId] : [itemId, item.parentItemId];
  const rows = await db.selectDistinct({ id: itemUnits.unitId }).from(itemUnits).where(inArray(itemUnits.itemId, ids));
  return rows.map((r) => r.id);
}

/** Open or escalated notices that the date may escalate: reply due before it and below the top level. */
export async function escalationCandidates(db: Db, asOf: string): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(
      and(
        or(eq(notices.state, 'open'), eq(notices.state, 'escalated')),
        lt(notices.replyDue, asOf),
        lt(notices.escalationLevel, 2),
      ),
    )
    .orderBy(asc(notices.id));
}
