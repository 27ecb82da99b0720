import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.js';
import { categories, indicators, itemLeaders, items, itemUnits, milestones, programmes } from '../schema.js';
import { reports, reportValues } from '../schema-work.js';
import { getReportingPlan, type ReportingPlanRecord } from './reporting-plan.repository.js';

/** What status against plan needs of one programme, read in a handful of queries (no query per item). */
export interface StatusInputs {
  programme: { id: number; title: string; year: number; jurisdictionId: number; state: string };
  plan: ReportingPlanRecord;
  categories: Array<{ id: number; title: string; ordinal: number | null; position: number }>;
  items: Array<{
    id: number;
    categoryId: number;
    parentItemId: number | null;
    position: number;
    number: string;
    name: string;
    deadlineDate: string | null;
  }>;
  units: Array<{ itemId: number; unitId: number; role: 'lead' | 'co'; position: number }>;
  leaders: Array<{ itemId: number; personId: number }>;
  milestones: Array<{ itemId: number; period: string; text: string; dueDate: string | null; position: number }>;
  indicators: Array<{
    id: number;
    itemId: number;
    name: string;
    unit: string;
    target: number | null;
    direction: 'increase' | 'decrease';
    checkpoints: Record<string, number>;
    position: number;
  }>;
  /** Approved reports only. */
  reports: Array<{
    id: number;
    itemId: number;
    unitId: number;
    period: string;
    percentComplete: number | null;
    claimedStatus: 'not_started' | 'in_progress' | 'done' | 'blocked';
    reviewedAt: string | null;
    updatedAt: string;
  }>;
  values: Array<{ reportId: number; indicatorId: number; value: number }>;
}

export async function loadStatusInputs(db: Db, programmeId: number): Promise<StatusInputs | undefined> {
  const [programme] = await db
    .select({
      id: programmes.id,
      title: programmes.title,
      year: programmes.year,
      jurisdictionId: programmes.jurisdictionId,
      state: programmes.state,
    })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .limit(1);
  if (!programme) return undefined;
  const inProgramme = db.select({ id: items.id }).from(items).where(eq(items.programmeId, programmeId));
  const approved = and(eq(reports.programmeId, programmeId), eq(reports.state, 'approved'));
  const [plan, categoryRows, itemRows, unitRows, leaderRows, milestoneRows, indicatorRows, reportRows, valueRows] =
    await Promise.all([
      getReportingPlan(db, programmeId),
      db
        .select({
          id: categories.id,
          title: categories.title,
          ordinal: categories.ordinal,
          position: categories.position,
        })
        .from(categories)
        .where(eq(categories.programmeId, programmeId)),
      db
        .select({
          id: items.id,
          categoryId: items.categoryId,
          parentItemId: items.parentItemId,
          position: items.position,
          number: items.number,
          name: items.name,
          deadlineDate: items.deadlineDate,
        })
        .from(items)
        .where(eq(items.programmeId, programmeId)),
      db
        .select({
          itemId: itemUnits.itemId,
          unitId: itemUnits.unitId,
          role: itemUnits.role,
          position: itemUnits.position,
        })
        .from(itemUnits)
        .where(inArray(itemUnits.itemId, inProgramme)),
      db
        .select({ itemId: itemLeaders.itemId, personId: itemLeaders.personId })
        .from(itemLeaders)
        .where(inArray(itemLeaders.itemId, inProgramme)),
      db
        .select({
          itemId: milestones.itemId,
          period: milestones.period,
          text: milestones.text,
          dueDate: milestones.dueDate,
          position: milestones.position,
        })
        .from(milestones)
        .where(inArray(milestones.itemId, inProgramme)),
      db
        .select({
          id: indicators.id,
          itemId: indicators.itemId,
          name: indicators.name,
          unit: indicators.unit,
          target: indicators.target,
          direction: indicators.direction,
          checkpoints: indicators.checkpoints,
          position: indicators.position,
        })
        .from(indicators)
        .where(inArray(indicators.itemId, inProgramme)),
      db
        .select({
          id: reports.id,
          itemId: reports.itemId,
          unitId: reports.unitId,
          period: reports.period,
          percentComplete: reports.percentComplete,
          claimedStatus: reports.claimedStatus,
          reviewedAt: reports.reviewedAt,
          updatedAt: reports.updatedAt,
        })
        .from(reports)
        .where(approved),
      db
        .select({ reportId: reportValues.reportId, indicatorId: reportValues.indicatorId, value: reportValues.value })
        .from(reportValues)
        .innerJoin(reports, eq(reports.id, reportValues.reportId))
        .where(approved),
    ]);
  return {
    programme,
    plan,
    categories: categoryRows,
    items: itemRows,
    units: unitRows,
    leaders: leaderRows,
    milestones: milestoneRows,
    indicators: indicatorRows,
    reports: reportRows,
    values: valueRows,
  };
}
