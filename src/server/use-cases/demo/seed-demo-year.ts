import { and, asc, eq, inArray } from 'drizzle-orm';
import { type CalendarDay, dueDateOf, shanghaiToday, WorkCalendar } from '../../../core/work/calendar.js';
import { builtInCalendarDays } from '../../../core/work/holidays-cn.js';
import { tick } from '../../../db/change-clock.js';
import type { Db } from '../../../db/client.js';
import { DEMO_REPORTER_UNIT } from '../../../db/demo/demo-programme.js';
import { type DemoLeaf, planDemoYear } from '../../../db/demo/demo-year.js';
import {
  auditLog,
  categories,
  indicators,
  items,
  itemUnits,
  milestones,
  people,
  programmes,
  units,
  users,
} from '../../../db/schema.js';
import {
  inspections,
  notices,
  reportingPlans,
  reports,
  reportValues,
  scoreAdjustments,
} from '../../../db/schema-work.js';

const ACTOR = 'system:demo';

type AuditRow = typeof auditLog.$inferInsert;

/**
 * Write a year of work on the demo programme (see src/db/demo/demo-year.ts):
 * reports and their values, notices, inspections, an assessment adjustment,
 * e-mail addresses and unit heads for the demo accounts. Each record gets its
 * audit entry, written in one batch in the same transaction.
 */
export async function seedDemoYear(
  db: Db,
  programmeId: number,
  today: string = shanghaiToday(),
): Promise<{ reports: number; notices: number; inspections: number }> {
  return db.transaction(async (tx) => {
    const [programme] = await tx.select().from(programmes).where(eq(programmes.id, programmeId));
    if (!programme) throw new Error(`demo programme ${programmeId} missing`);
    const year = programme.year;
    const effectiveToday = today > `${year}-12-31` ? `${year + 1}-01-31` : today;
    const leaves = await loadLeaves(tx, programmeId);
    const [reporterUnit] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.jurisdictionId, programme.jurisdictionId), eq(units.name, DEMO_REPORTER_UNIT)));
    const otherUnits = leaves.map((l) => l.leadUnitId).filter((id) => id !== reporterUnit?.id);
    const lateUnitId = otherUnits[1];
    const cal = new WorkCalendar([...builtInCalendarDays(year), ...builtInCalendarDays(year + 1)] as CalendarDay[]);
    const plan = planDemoYear({
      leaves,
      year,
      today: effectiveToday,
      dueDate: (period) => dueDateOf(cal, { dueDay: 25 }, year, period),
      ...(lateUnitId !== undefined ? { lateUnitId } : {}),
      ...(reporterUnit ? { reporterUnitId: reporterUnit.id } : {}),
    });
    const audit: AuditRow[] = [];
    const entry = (entityType: string, entityId: number, itemId: number | null, after: unknown): AuditRow => ({
      actorName: ACTOR,
      action: 'create',
      entityType,
      entityId,
      programmeId,
      itemId,
      after: JSON.parse(JSON.stringify(after)),
    });

    const [planRow] = await tx
      .insert(reportingPlans)
      .values({ programmeId, frequency: 'monthly', dueDay: 25 })
      .onConflictDoNothing()
      .returning();
    if (planRow) audit.push(entry('reporting_plan', planRow.id, null, planRow));

    const [supervisor] = await tx.select().from(users).where(eq(users.username, 'supervisor'));
    const [reporter] = await tx.select().from(users).where(eq(users.username, 'reporter'));
    for (let i = 0; i < plan.reports.length; i += 500) {
      const batch = plan.reports.slice(i, i + 500);
      const rows = await tx
        .insert(reports)
        .values(
          batch.map(({ values: _values, ...report }) => ({
            ...report,
            programmeId,
            firstSubmittedAt: report.submittedAt,
            submittedBy: report.submittedAt ? (reporter?.id ?? null) : null,
            reviewedBy: report.reviewedAt ? (supervisor?.id ?? null) : null,
            createdAt: report.submittedAt ?? `${effectiveToday}T09:00:00+08:00`,
            updatedAt: report.reviewedAt ?? report.submittedAt ?? `${effectiveToday}T09:00:00+08:00`,
          })),
        )
        .returning();
      const values = rows.flatMap((row, j) =>
        Object.entries((batch[j] as (typeof batch)[number]).values).map(([indicatorId, value]) => ({
          reportId: row.id,
          indicatorId: Number(indicatorId),
          value,
        })),
      );
      if (values.length > 0) await tx.insert(reportValues).values(values);
      rows.forEach((row, j) => {
        audit.push(
          entry('report', row.id, row.itemId, { ...row, values: (batch[j] as (typeof batch)[number]).values }),
        );
      });
    }

    let seq = 0;
    for (const notice of plan.notices) {
      const [row] = await tx
        .insert(notices)
        .values({
          programmeId,
          itemId: notice.itemId,
          unitId: notice.unitId,
          seq: ++seq,
          reason: notice.reason,
          requiredAction: notice.requiredAction,
          replyDue: notice.replyDue,
          state: notice.state,
          reply: notice.reply,
          repliedAt: notice.repliedOn ? `${notice.repliedOn}T15:00:00+08:00` : null,
          closeNote: notice.closeNote,
          closedAt: notice.state === 'closed' && notice.repliedOn ? `${notice.repliedOn}T17:00:00+08:00` : null,
          issuedBy: supervisor?.id ?? null,
          createdAt: `${notice.issuedOn}T09:30:00+08:00`,
        })
        .returning();
      if (row) audit.push(entry('notice', row.id, row.itemId, row));
    }
    for (const inspection of plan.inspections) {
      const [row] = await tx
        .insert(inspections)
        .values({ ...inspection, programmeId, createdBy: supervisor?.id ?? null })
        .returning();
      if (row) audit.push(entry('inspection', row.id, row.itemId, row));
    }
    if (reporterUnit) {
      const [row] = await tx
        .insert(scoreAdjustments)
        .values({
          programmeId,
          unitId: reporterUnit.id,
          points: 2,
          reason: '在全区民心工程现场观摩推进会上作典型发言，予以加分。',
          createdBy: supervisor?.id ?? null,
        })
        .returning();
      if (row) audit.push(entry('score_adjustment', row.id, null, row));
      await assignUnitHead(tx, reporterUnit.id, audit, entry);
    }
    for (const account of ['admin', 'supervisor', 'reporter', 'leader', 'viewer']) {
      await tx
        .update(users)
        .set({ email: `${account}@minhu.example` })
        .where(eq(users.username, account));
    }
    for (let i = 0; i < audit.length; i += 500) await tx.insert(auditLog).values(audit.slice(i, i + 500));
    await tick(tx);
    return { reports: plan.reports.length, notices: plan.notices.length, inspections: plan.inspections.length };
  });
}

/** The unit's first person becomes its head (escalations widen to the head after the reporters). */
async function assignUnitHead(
  tx: Db,
  unitId: number,
  audit: AuditRow[],
  entry: (type: string, id: number, itemId: number | null, after: unknown) => AuditRow,
): Promise<void> {
  const [head] = await tx.select().from(people).where(eq(people.unitId, unitId)).orderBy(asc(people.id)).limit(1);
  if (!head) return;
  const [unit] = await tx.update(units).set({ headPersonId: head.id }).where(eq(units.id, unitId)).returning();
  if (unit) audit.push({ ...entry('unit', unit.id, null, unit), action: 'update' });
}

/** Items without parts, in list order, with their lead unit (a part's is its parent's when it has none). */
async function loadLeaves(tx: Db, programmeId: number): Promise<DemoLeaf[]> {
  const itemRows = await tx
    .select({
      id: items.id,
      parentItemId: items.parentItemId,
      number: items.number,
      name: items.name,
      deadline: items.deadlineDate,
    })
    .from(items)
    .innerJoin(categories, eq(categories.id, items.categoryId))
    .where(eq(items.programmeId, programmeId))
    .orderBy(asc(categories.position), asc(items.position), asc(items.id));
  const ids = itemRows.map((i) => i.id);
  if (ids.length === 0) return [];
  const leads = await tx
    .select({ itemId: itemUnits.itemId, unitId: itemUnits.unitId })
    .from(itemUnits)
    .where(and(inArray(itemUnits.itemId, ids), eq(itemUnits.role, 'lead')));
  const leadOf = new Map(leads.map((l) => [l.itemId, l.unitId]));
  const indicatorRows = await tx
    .select()
    .from(indicators)
    .where(inArray(indicators.itemId, ids))
    .orderBy(asc(indicators.position));
  const milestoneRows = await tx
    .select()
    .from(milestones)
    .where(inArray(milestones.itemId, ids))
    .orderBy(asc(milestones.position));
  const parents = new Set(itemRows.map((i) => i.parentItemId).filter((id): id is number => id !== null));
  const leaves: DemoLeaf[] = [];
  for (const item of itemRows) {
    if (parents.has(item.id)) continue;
    const leadUnitId = leadOf.get(item.id) ?? (item.parentItemId !== null ? leadOf.get(item.parentItemId) : undefined);
    if (leadUnitId === undefined) continue;
    leaves.push({
      id: item.id,
      number: item.number,
      name: item.name,
      deadline: item.deadline,
      leadUnitId,
      indicators: indicatorRows
        .filter((r) => r.itemId === item.id)
        .map((r) => ({
          id: r.id,
          name: r.name,
          unit: r.unit,
          target: r.target,
          direction: r.direction,
          checkpoints: r.checkpoints,
        })),
      milestones: milestoneRows.filter((r) => r.itemId === item.id).map((r) => ({ period: r.period, text: r.text })),
    });
  }
  return leaves;
}
