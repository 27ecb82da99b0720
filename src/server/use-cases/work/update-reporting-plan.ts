import { eq, sql } from 'drizzle-orm';
import { AppError, forbidden, notFound, versionConflict } from '../../../core/errors.js';
import { comparePeriods } from '../../../core/periods.js';
import { canManageProgramme } from '../../../core/policies.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { requireRow } from '../../../db/crud.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import {
  defaultReportingPlan,
  ensureReportingPlan,
  getReportingPlan,
  presentPlanRow,
} from '../../../db/repositories/reporting-plan.repository.js';
import { programmes } from '../../../db/schema.js';
import { reportingPlans } from '../../../db/schema-work.js';
import type { ReportingPlanUpdate } from '../../schemas/work.js';
import { presentReportingPlan, type ReportingPlanView } from './get-reporting-plan.js';

const invalid = (zh: string, en: string) => new AppError('VALIDATION', `${zh} ${en}`);

/**
 * Change a programme's reporting plan: the office of its jurisdiction. The
 * merged plan is checked whole (thresholds in order, weights summing to 100);
 * version 0 stands for the defaults of a plan never saved.
 */
export async function updateReportingPlan(
  db: Db,
  ctx: RequestContext,
  programmeId: number,
  input: ReportingPlanUpdate,
): Promise<ReportingPlanView> {
  const { plan, year } = await db.transaction(async (tx) => {
    const access = await programmeAccess(tx, ctx.actor, programmeId);
    if (!access) throw notFound('民心工程', 'Programme');
    // Like every write of the programme's structure (define-crud.ts): 403 for whoever may not manage it.
    if (!canManageProgramme(ctx.actor, access.jurisdictionId)) throw forbidden();
    const programme = await requireRow(tx, programmes, programmeId, { zh: '民心工程', en: 'Programme' });
    const seen = await getReportingPlan(tx, programmeId);
    const before = await ensureReportingPlan(tx, programmeId);
    // A plan created just now by ensureReportingPlan is still the defaults the caller saw as version 0.
    const currentVersion = seen.id === null ? 0 : before.version;
    if (input.version !== currentVersion)
      throw versionConflict(await presentReportingPlan(tx, presentPlanRow(before), programme.year));
    const { version: _version, ...changes } = input;
    const merged = { ...presentPlanRow(before), ...changes };
    if (!(merged.laggingRatio > 0 && merged.laggingRatio < merged.onTrackRatio && merged.onTrackRatio <= 1))
      throw invalid(
        '阈值须满足 0 < 滞后阈值 < 正常阈值 ≤ 1，请调整后重试。',
        'Thresholds must satisfy 0 < laggingRatio < onTrackRatio ≤ 1.',
      );
    const w = merged.assessmentWeights;
    const total = w.reportsOnTime + w.milestonesMet + w.itemsDone + w.noticesAnswered;
    if (Math.abs(total - 100) > 1e-9)
      throw invalid(
        `考核权重之和须为 100（现为 ${total}），请调整后重试。`,
        `Assessment weights must sum to 100 (now ${total}).`,
      );
    const lockedPeriods = [...new Set(merged.lockedPeriods)].sort(comparePeriods);
    const [after] = await tx
      .update(reportingPlans)
      .set({
        frequency: merged.frequency,
        dueDay: merged.dueDay,
        lockedPeriods,
        interpolation: merged.interpolation,
        onTrackRatio: merged.onTrackRatio,
        laggingRatio: merged.laggingRatio,
        remindDaysBefore: merged.remindDaysBefore,
        quietStart: merged.quietStart,
        quietEnd: merged.quietEnd,
        assessmentWeights: merged.assessmentWeights,
        version: sql`${reportingPlans.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(reportingPlans.id, before.id))
      .returning();
    if (!after) throw notFound('报送计划', 'Reporting plan');
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'reporting_plan',
      entityId: after.id,
      programmeId,
      before: seen.id === null ? defaultReportingPlan(programmeId) : before,
      after,
    });
    return { plan: presentPlanRow(after), year: programme.year };
  });
  return presentReportingPlan(db, plan, year);
}
