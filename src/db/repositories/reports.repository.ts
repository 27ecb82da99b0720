import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { versionConflict } from '../../core/errors.js';
import type { RequestContext } from '../audit.js';
import { writeAudit } from '../audit.js';
import type { Db } from '../client.js';
import { indicators, items, itemUnits, programmes, units } from '../schema.js';
import { reports, reportValues } from '../schema-work.js';

/** Progress reports (进展报送) and the cumulative indicator values they state. */

export type ReportRow = typeof reports.$inferSelect;
export type ReportState = ReportRow['state'];
export type NewReport = typeof reports.$inferInsert;

export interface ReportValue {
  indicatorId: number;
  value: number;
}

/** A report with the names a reader needs beside it. */
export interface ReportListRow extends ReportRow {
  itemNumber: string;
  itemName: string;
  unitName: string;
}

const listColumns = {
  report: reports,
  itemNumber: items.number,
  itemName: items.name,
  unitName: units.name,
};

type Joined = { report: ReportRow; itemNumber: string; itemName: string; unitName: string };
const flat = (row: Joined): ReportListRow => ({
  ...row.report,
  itemNumber: row.itemNumber,
  itemName: row.itemName,
  unitName: row.unitName,
});

export const REPORT_AUDIT = { entityType: 'report', what: { zh: '进展报告', en: 'Report' } } as const;

export async function findReport(db: Db, id: number): Promise<ReportListRow | undefined> {
  const [row] = await db
    .select(listColumns)
    .from(reports)
    .innerJoin(items, eq(items.id, reports.itemId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(eq(reports.id, id))
    .limit(1);
  return row ? flat(row) : undefined;
}

/** The report's row, locked for the rest of the transaction. */
export async function lockReport(tx: Db, id: number): Promise<ReportRow | undefined> {
  const [row] = await tx.select().from(reports).where(eq(reports.id, id)).for('update').limit(1);
  return row;
}

export async function findReportByKey(db: Db, idempotencyKey: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.idempotencyKey, idempotencyKey)).limit(1);
  return row;
}

export async function findReportFor(
  db: Db,
  itemId: number,
  unitId: number,
  period: string,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.itemId, itemId), eq(reports.unitId, unitId), eq(reports.period, period)))
    .limit(1);
  return row;
}

export interface ReportFilter {
  programmeId?: number | undefined;
  itemId?: number | undefined;
  itemIds?: readonly number[] | undefined;
  unitId?: number | undefined;
  period?: string | undefined;
  state?: ReportState | undefined;
}

function where(filter: ReportFilter): SQL | undefined {
  return and(
    filter.programmeId === undefined ? undefined : eq(reports.programmeId, filter.programmeId),
    filter.itemId === undefined ? undefined : eq(reports.itemId, filter.itemId),
    filter.itemIds === undefined ? undefined : inArray(reports.itemId, [...filter.itemIds, -1]),
    filter.unitId === undefined ? undefined : eq(reports.unitId, filter.unitId),
    filter.period === undefined ? undefined : eq(reports.period, filter.period),
    filter.state === undefined ? undefined : eq(reports.state, filter.state),
  );
}

/** Reports matching a filter, oldest submission first (the review queue's order), then by id. */
export async function listReports(
  db: Db,
  filter: ReportFilter,
  page?: { limit: number; offset: number },
): Promise<ReportListRow[]> {
  const query = db
    .select(listColumns)
    .from(reports)
    .innerJoin(items, eq(items.id, reports.itemId))
    .innerJoin(units, eq(units.id, reports.unitId))
    .where(where(filter))
    .orderBy(sql`${reports.submittedAt} asc nulls last`, desc(reports.period), asc(reports.id));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map(flat);
}

export async function countReports(db: Db, filter: ReportFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(reports).where(where(filter));
  return row?.n ?? 0;
}

export async function valuesOfReports(db: Db, reportIds: readonly number[]): Promise<Map<number, ReportValue[]>> {
  const result = new Map<number, ReportValue[]>();
  if (reportIds.length === 0) return result;
  const rows = await db
    .select({ reportId: reportValues.reportId, indicatorId: reportValues.indicatorId, value: reportValues.value })
    .from(reportValues)
    .innerJoin(indicators, eq(indicators.id, reportValues.indicatorId))
    .where(inArray(reportValues.reportId, [...reportIds]))
    .orderBy(asc(indicators.position), asc(indicators.id));
  for (const { reportId, ...value } of rows) {
    const list = result.get(reportId) ?? [];
    list.push(value);
    result.set(reportId, list);
  }
  return result;
}

/** Replace a report's values (the caller audits the change with the report's). */
export async function replaceReportValues(tx: Db, reportId: number, values: readonly ReportValue[]): Promise<void> {
  await tx.delete(reportValues).where(eq(reportValues.reportId, reportId));
  if (values.length > 0) await tx.insert(reportValues).values(values.map((v) => ({ reportId, ...v })));
}

export async function indicatorIdsOfItem(db: Db, itemId: number): Promise<Set<number>> {
  const rows = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.itemId, itemId));
  return new Set(rows.map((r) => r.id));
}

export interface ItemUnitLink {
  itemId: number;
  unitId: number;
  role: 'lead' | 'co';
  position: number;
}

/** The units named on these items, lead first. */
export async function unitsOfItems(db: Db, itemIds: readonly number[]): Promise<ItemUnitLink[]> {
  if (itemIds.length === 0) return [];
  return db
    .select({ itemId: itemUnits.itemId, unitId: itemUnits.unitId, role: itemUnits.role, position: itemUnits.position })
    .from(itemUnits)
    .where(inArray(itemUnits.itemId, [...itemIds]))
    .orderBy(asc(itemUnits.position), asc(itemUnits.id));
}

export async function programmeYear(db: Db, programmeId: number): Promise<number | undefined> {
  const [row] = await db.select({ year: programmes.year }).from(programmes).where(eq(programmes.id, programmeId));
  return row?.year;
}

/**
 * Change a report when the caller saw its current version: the row is locked,
 * the version and the state checked, the change written and audited under
 * `action` (submit, approve, return…). A stale version gets 409 with the
 * current record as `present` shows it.
 */
export async function transitionReport(
  tx: Db,
  ctx: RequestContext,
  id: number,
  expectedVersion: number,
  options: {
    action: string;
    check: (current: ReportRow) => void;
    patch: Partial<NewReport>;
    present: (row: ReportRow) => unknown;
    audit?: { before?: unknown; after?: unknown };
  },
): Promise<ReportRow | undefined> {
  const before = await lockReport(tx, id);
  if (!before) return undefined;
  if (before.version !== expectedVersion) throw versionConflict(options.present(before));
  options.check(before);
  const [after] = await tx
    .update(reports)
    .set({ ...options.patch, version: sql`${reports.version} + 1`, updatedAt: sql`now()` })
    .where(eq(reports.id, id))
    .returning();
  if (!after) return undefined;
  await writeAudit(tx, ctx, {
    action: options.action,
    entityType: REPORT_AUDIT.entityType,
    entityId: id,
    programmeId: after.programmeId,
    itemId: after.itemId,
    before: options.audit?.before ?? before,
    after: options.audit?.after ?? after,
  });
  return after;
}

export interface UnitWorkRow {
  programmeId: number;
  programmeTitle: string;
  year: number;
  itemId: number;
  number: string;
  name: string;
  parentItemId: number | null;
  role: 'lead' | 'co';
}

/** The items of published programmes a unit is named on, in programme and list order. */
export async function itemsOfUnit(db: Db, unitId: number): Promise<UnitWorkRow[]> {
  return db
    .select({
      programmeId: programmes.id,
      programmeTitle: programmes.title,
      year: programmes.year,
      itemId: items.id,
      number: items.number,
      name: items.name,
      parentItemId: items.parentItemId,
      role: itemUnits.role,
    })
    .from(itemUnits)
    .innerJoin(items, eq(items.id, itemUnits.itemId))
    .innerJoin(programmes, eq(programmes.id, items.programmeId))
    .where(and(eq(itemUnits.unitId, unitId), eq(programmes.state, 'published')))
    .orderBy(asc(programmes.year), asc(programmes.id), asc(items.categoryId), asc(items.position), asc(items.id));
}
