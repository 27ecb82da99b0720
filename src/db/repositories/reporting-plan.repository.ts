import { eq, inArray } from 'drizzle-orm';
import type { ReportingPlan } from '../../core/work/calendar.js';
import { DEFAULT_REPORTING_PLAN } from '../../core/work/calendar.js';
import type { Db } from '../client.js';
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
/**
 * The programme's plan, or the defaults when it has none. `forShare` (inside a
 * transaction) holds the row against a concurrent lock of a period until commit.
 */
export async function getReportingPlan(
  db: Db,
  programmeId: number,
  options: { forShare?: boolean } = {},
): Promise<ReportingPlanRecord> {
  const query = db.select().from(reportingPlans).where(eq(reportingPlans.programmeId, programmeId)).limit(1);
  const [row] = options.forShare ? await query.for('share') : await query;
  return row ? presentPlanRow(row) : defaultReportingPlan(programmeId);
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
