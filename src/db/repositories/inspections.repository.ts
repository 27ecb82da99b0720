import { aliasedTable, and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { items } from '../schema.js';
import { inspections } from '../schema-work.js';

/** On-site inspections (实地督查): the SQL behind src/server/use-cases/inspections. */

export type InspectionRow = typeof inspections.$inferSelect;

export interface InspectionView extends InspectionRow {
  itemNumber: string;
  itemName: string;
  parentItemNumber: string | null;
}

const parentItems = aliasedTable(items, 'parent_items');

function viewQuery(db: Db) {
  return db
    .select({
      inspection: inspections,
      itemNumber: items.number,
      itemName: items.name,
      parentItemNumber: parentItems.number,
    })
    .from(inspections)
    .innerJoin(items, eq(items.id, inspections.itemId))
    .leftJoin(parentItems, eq(parentItems.id, items.parentItemId));
}

type ViewRecord = { inspection: InspectionRow } & Omit<InspectionView, keyof InspectionRow>;
const toView = ({ inspection, ...rest }: ViewRecord): InspectionView => ({ ...inspection, ...rest });

export async function findInspectionView(db: Db, id: number): Promise<InspectionView | undefined> {
  const [row] = await viewQuery(db).where(eq(inspections.id, id)).limit(1);
  return row ? toView(row) : undefined;
}

export interface InspectionFilter {
  programmeId?: number | undefined;
  itemId?: number | undefined;
  /** Only inspections of these items (what the reader may see); undefined: no restriction. */
  itemIds?: readonly number[] | undefined;
}

function filterWhere(filter: InspectionFilter): SQL | undefined {
  return and(
    filter.programmeId === undefined ? undefined : eq(inspections.programmeId, filter.programmeId),
    filter.itemId === undefined ? undefined : eq(inspections.itemId, filter.itemId),
    filter.itemIds === undefined
      ? undefined
      : filter.itemIds.length === 0
        ? sql`false`
        : inArray(inspections.itemId, [...filter.itemIds]),
  );
}

/** Latest visit first, one page, and how many match in all. */
export async function listInspectionViews(
  db: Db,
  filter: InspectionFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: InspectionView[]; total: number }> {
  const where = filterWhere(filter);
  const rows = await viewQuery(db)
    .where(where)
    .orderBy(desc(inspections.date), desc(inspections.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(inspections).where(where);
  return { rows: rows.map(toView), total: total?.n ?? 0 };
}
