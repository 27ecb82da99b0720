import { eq, inArray } from 'drizzle-orm';
import type { ReportingPlan } from '../../core/work/calendar.js';
import { DEFAULT_REPORTING_PLAN } from '../../core/work/calendar.js';
import type { Db } from '../client.js';
import { programmes } from '../schema.js';
import type { AssessmentWeights } from '../schema-work.js';
import { reportingPlans } from '../schema-work.js';

/** A programme's reporting plan as stored; `id` null and `version` 0 while it is still the defaults. */
export interface ReportingPlanRecord extends ReportingPlan {
  id: number | null;
  programmeId: number;
  assessmentWeights: AssessmentWeights;
  version: number;
}

export const DEFAULT_ASSESSMENT_WEIGHTS: Readonly<AssessmentWeights> = Object.freeze({
  reportsOnTime: 30,
  milestonesMet: 30,
  itemsDone: 30,
  noticesAnswered: 10,
});

type PlanRow = typeof reportingPlans.$inferSelect;

export function presentPlanRow(row: PlanRow): ReportingPlanRecord {
  return {
    id: row.id,
    programmeId: row.programmeId,
    frequency: row.frequency,
    dueDay: row.dueDay,
    lockedPeriods: [...row.lockedPeriods],
    interpolation: row.interpolation,
    onTrackRatio: row.onTrackRatio,
    laggingRatio: row.laggingRatio,
    remindDaysBefore: row.remindDaysBefore,
    quietStart: row.quietStart,
    quietEnd: row.quietEnd,
    assessmentWeights: { ...row.assessmentWeights },
    version: row.version,
  };
}

/** The defaults a programme has before anyone edits its plan (the schema's defaults). */
export function defaultReportingPlan(programmeId: number): ReportingPlanRecord {
  return {
    ...DEFAULT_REPORTING_PLAN,
    lockedPeriods: [],
    id: null,
    programmeId,
    assessmentWeights: { ...DEFAULT_ASSESSMENT_WEIGHTS },
    version: 0,
  };
}

/** The programme's reporting plan, or the defaults when none has been stored. */
/** The programme's plan, or the defaults when it has none. */
export async function getReportingPlan(db: Db, programmeId: number): Promise<ReportingPlanRecord> {
  const [row] = await db.select().from(reportingPlans).where(eq(reportingPlans.programmeId, programmeId)).limit(1);
  return row ? presentPlanRow(row) : defaultReportingPlan(programmeId);
}

/**
 * Serialize locking a period against writing a report of it, inside their
 * transactions: a report write holds the programme row shared, a lock holds it
 * exclusively (NO KEY UPDATE, so inserts referencing the programme go on). The
 * programme row always exists, unlike the plan's.
 */
export async function holdProgrammePeriods(db: Db, programmeId: number, mode: 'report' | 'lock'): Promise<void> {
  const query = db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId));
  await (mode === 'report' ? query.for('share') : query.for('no key update'));
}

/** Plans of several programmes at once (defaults for those without a row). */
export async function getReportingPlans(
  db: Db,
  programmeIds: readonly number[],
): Promise<Map<number, ReportingPlanRecord>> {
  const result = new Map<number, ReportingPlanRecord>();
  if (programmeIds.length === 0) return result;
  const rows = await db
    .select()
    .from(reportingPlans)
    .where(inArray(reportingPlans.programmeId, [...programmeIds]));
  for (const row of rows) result.set(row.programmeId, presentPlanRow(row));
  for (const id of programmeIds) if (!result.has(id)) result.set(id, defaultReportingPlan(id));
  return result;
}

/**
 * The stored row of a programme's plan, created with the defaults when
 * missing (a concurrent creator wins harmlessly: ON CONFLICT DO NOTHING).
 * Not audited by itself: creating the defaults changes nothing anyone sees.
 */
export async function ensureReportingPlan(tx: Db, programmeId: number): Promise<PlanRow> {
  await tx.insert(reportingPlans).values({ programmeId }).onConflictDoNothing({ target: reportingPlans.programmeId });
  const [row] = await tx
    .select()
    .from(reportingPlans)
    .where(eq(reportingPlans.programmeId, programmeId))
    .for('update')
    .limit(1);
  if (!row) throw new Error(`reporting plan of programme ${programmeId} vanished`);
  return row;
}
