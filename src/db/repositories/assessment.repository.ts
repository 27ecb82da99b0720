import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FactsIndicator, FactsItem, FactsNotice, FactsReport } from '../../core/work/assessment-facts.js';
import type { Db } from '../client.js';
import { indicators, items, itemUnits, jurisdictions, milestones, programmes, units, users } from '../schema.js';
import { notices, reports, reportValues, scoreAdjustments } from '../schema-work.js';

/** What the assessment of one programme reads, in a handful of queries. */
export interface AssessmentRows {
  programme: { id: number; title: string; year: number; jurisdictionId: number; jurisdictionName: string };
  units: { id: number; name: string }[];
  items: FactsItem[];
  reports: FactsReport[];
  notices: FactsNotice[];
  adjustments: AdjustmentRow[];
}

export interface AdjustmentRow {
  id: number;
  unitId: number;
  points: number;
  reason: string;
  by: string;
  at: string;
  version: number;
}

export async function findAssessmentProgramme(db: Db, programmeId: number) {
  const [row] = await db
    .select({
      id: programmes.id,
      title: programmes.title,
      year: programmes.year,
      jurisdictionId: programmes.jurisdictionId,
      jurisdictionName: jurisdictions.name,
    })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.id, programmes.jurisdictionId))
    .where(eq(programmes.id, programmeId))
    .limit(1);
  return row;
}

export async function listAdjustments(db: Db, programmeId: number): Promise<AdjustmentRow[]> {
  const rows = await db
    .select({
      id: scoreAdjustments.id,
      unitId: scoreAdjustments.unitId,
      points: scoreAdjustments.points,
      reason: scoreAdjustments.reason,
      displayName: users.displayName,
      username: users.username,
      at: scoreAdjustments.createdAt,
      version: scoreAdjustments.version,
    })
    .from(scoreAdjustments)
    .leftJoin(users, eq(users.id, scoreAdjustments.createdBy))
    .where(eq(scoreAdjustments.programmeId, programmeId))
    .orderBy(asc(scoreAdjustments.id));
  return rows.map(({ displayName, username, ...row }) => ({ ...row, by: displayName || username || '' }));
}

/** The rows every rule counts: items with their units, plan and reports, notices and adjustments. */
export async function loadAssessmentRows(db: Db, programmeId: number): Promise<AssessmentRows | undefined> {
  const programme = await findAssessmentProgramme(db, programmeId);
  if (!programme) return undefined;
  const inProgramme = eq(items.programmeId, programmeId);
  const [itemRows, unitRows, milestoneRows, indicatorRows, reportRows, valueRows, noticeRows, adjustments] =
    await Promise.all([
      db
        .select({
          id: items.id,
          parentItemId: items.parentItemId,
          number: items.number,
          name: items.name,
          deadline: items.deadlineDate,
        })
        .from(items)
        .where(inProgramme)
        .orderBy(asc(items.position), asc(items.id)),
      db
        .select({ itemId: itemUnits.itemId, unitId: itemUnits.unitId, role: itemUnits.role, name: units.name })
        .from(itemUnits)
        .innerJoin(items, eq(items.id, itemUnits.itemId))
        .innerJoin(units, eq(units.id, itemUnits.unitId))
        .where(inProgramme)
        .orderBy(asc(itemUnits.position), asc(itemUnits.id)),
      db
        .select({ itemId: milestones.itemId, period: milestones.period, text: milestones.text })
        .from(milestones)
        .innerJoin(items, eq(items.id, milestones.itemId))
        .where(inProgramme),
      db
        .select({
          id: indicators.id,
          itemId: indicators.itemId,
          name: indicators.name,
          unit: indicators.unit,
          direction: indicators.direction,
          checkpoints: indicators.checkpoints,
        })
        .from(indicators)
        .innerJoin(items, eq(items.id, indicators.itemId))
        .where(inProgramme),
      db
        .select({
          id: reports.id,
          itemId: reports.itemId,
          unitId: reports.unitId,
          period: reports.period,
          state: reports.state,
          submittedAt: sql<string | null>`coalesce(${reports.firstSubmittedAt}, ${reports.submittedAt})`,
          claimedStatus: reports.claimedStatus,
          percentComplete: reports.percentComplete,
        })
        .from(reports)
        .where(eq(reports.programmeId, programmeId)),
      db
        .select({ reportId: reportValues.reportId, indicatorId: reportValues.indicatorId, value: reportValues.value })
        .from(reportValues)
        .innerJoin(reports, eq(reports.id, reportValues.reportId))
        .where(and(eq(reports.programmeId, programmeId), eq(reports.state, 'approved'))),
      db
        .select({
          unitId: notices.unitId,
          itemId: notices.itemId,
          seq: notices.seq,
          replyDue: notices.replyDue,
          repliedAt: notices.repliedAt,
        })
        .from(notices)
        .where(eq(notices.programmeId, programmeId)),
      listAdjustments(db, programmeId),
    ]);

  const values = new Map<number, Record<number, number>>();
  for (const v of valueRows) {
    const record = values.get(v.reportId) ?? {};
    record[v.indicatorId] = v.value;
    values.set(v.reportId, record);
  }
  const unitsOf = new Map<number, FactsItem['units']>();
  const unitNames = new Map<number, string>();
  for (const u of unitRows) {
    unitsOf.set(u.itemId, [...(unitsOf.get(u.itemId) ?? []), { unitId: u.unitId, role: u.role }]);
    unitNames.set(u.unitId, u.name);
  }
  const milestonesOf = new Map<number, FactsItem['milestones']>();
  for (const m of milestoneRows)
    milestonesOf.set(m.itemId, [...(milestonesOf.get(m.itemId) ?? []), { period: m.period, text: m.text }]);
  const indicatorsOf = new Map<number, FactsIndicator[]>();
  for (const { itemId, ...indicator } of indicatorRows)
    indicatorsOf.set(itemId, [...(indicatorsOf.get(itemId) ?? []), indicator]);

  // Notices and adjustments may name a unit that no longer works on any item.
  const missing = [...new Set([...noticeRows, ...adjustments].map((r) => r.unitId))].filter((id) => !unitNames.has(id));
  if (missing.length > 0) {
    const extra = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, missing));
    for (const u of extra) unitNames.set(u.id, u.name);
  }

  return {
    programme,
    units: [...unitNames].map(([id, name]) => ({ id, name })),
    items: itemRows.map((item) => ({
      ...item,
      units: unitsOf.get(item.id) ?? [],
      milestones: milestonesOf.get(item.id) ?? [],
      indicators: indicatorsOf.get(item.id) ?? [],
    })),
    reports: reportRows.map(({ id, ...report }) => ({ ...report, values: values.get(id) ?? {} })),
    notices: noticeRows,
    adjustments,
  };
}

/** Whether a unit is lead or co-unit of an item of the programme. */
export async function isProgrammeUnit(db: Db, programmeId: number, unitId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: itemUnits.id })
    .from(itemUnits)
    .innerJoin(items, eq(items.id, itemUnits.itemId))
    .where(and(eq(items.programmeId, programmeId), eq(itemUnits.unitId, unitId)))
    .limit(1);
  return row !== undefined;
}
