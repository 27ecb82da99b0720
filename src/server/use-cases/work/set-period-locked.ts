import { eq, sql } from 'drizzle-orm';
import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { comparePeriods, isPeriod } from '../../../core/periods.js';
import { canReviewReports } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import {
  ensureReportingPlan,
  presentPlanRow,
  type ReportingPlanRecord,
} from '../../../db/repositories/reporting-plan.repository.js';
import { reportingPlans } from '../../../db/schema-work.js';

/**
 * Lock or unlock a reporting period of a programme: a locked period takes no
 * more reports. Call it inside the caller's transaction; it authorizes
 * (canReviewReports), bumps the plan's version and writes the audit entry.
 * Locking a locked period (or unlocking an open one) changes nothing.
 */
export async function setPeriodLocked(
  tx: Db,
  ctx: RequestContext,
  programmeId: number,
  period: string,
  locked: boolean,
): Promise<ReportingPlanRecord> {
  const access = await programmeAccess(tx, ctx.actor, programmeId);
  if (!access) throw notFound('民心工程', 'Programme');
  if (!canReviewReports(ctx.actor, access.jurisdictionId)) throw forbidden();
  if (!isPeriod(period))
    throw new AppError(
      'VALIDATION',
      `报送期“${period}”无效，请使用 Q1–Q4 或 M01–M12。 Invalid period "${period}"; use Q1–Q4 or M01–M12.`,
    );
  const before = await ensureReportingPlan(tx, programmeId);
  if (before.lockedPeriods.includes(period) === locked) return presentPlanRow(before);
  const lockedPeriods = locked
    ? [...before.lockedPeriods, period].sort(comparePeriods)
    : before.lockedPeriods.filter((p) => p !== period);
  const [after] = await tx
    .update(reportingPlans)
    .set({ lockedPeriods, version: sql`${reportingPlans.version} + 1`, updatedAt: sql`now()` })
    .where(eq(reportingPlans.id, before.id))
    .returning();
  if (!after) throw notFound('报送计划', 'Reporting plan');
  await writeAudit(tx, ctx, {
    action: locked ? 'lock-period' : 'unlock-period',
    entityType: 'reporting_plan',
    entityId: after.id,
    programmeId,
    before: { lockedPeriods: before.lockedPeriods, version: before.version },
    after: { lockedPeriods: after.lockedPeriods, version: after.version, period },
  });
  return presentPlanRow(after);
}
