import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { canReadProgramme } from '../../../core/policies.js';
import { canReviewReports } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { holdProgrammePeriods } from '../../../db/repositories/reporting-plan.repository.js';
import { countReports } from '../../../db/repositories/reports.repository.js';
import { setPeriodLocked } from '../work/set-period-locked.js';

export interface PeriodLock {
  programmeId: number;
  period: string;
  locked: boolean;
  lockedPeriods: string[];
}

/**
 * Lock (or unlock) a period of a programme: a locked period takes no new,
 * edited, submitted or reopened reports. Locking waits until no report of
 * the period is still awaiting review.
 */
export async function setReportingPeriodLock(
  db: Db,
  ctx: RequestContext,
  programmeId: number,
  period: string,
  locked: boolean,
): Promise<PeriodLock> {
  const access = await programmeAccess(db, ctx.actor, programmeId);
  if (!access || !canReadProgramme(ctx.actor, access)) throw notFound('民心工程', 'Programme');
  if (!canReviewReports(ctx.actor, access.jurisdictionId)) throw forbidden();
  const plan = await db.transaction(async (tx) => {
    // Hold the programme first, then count: a submission under way has committed by the time
    // the count runs, and one that comes after sees the period locked.
    await holdProgrammePeriods(tx, programmeId, 'lock');
    const changed = await setPeriodLocked(tx, ctx, programmeId, period, locked);
    if (locked) {
      const waiting = await countReports(tx, { programmeId, period, state: 'submitted' });
      if (waiting > 0) {
        throw new AppError(
          'CONFLICT',
          `该期（${period}）还有 ${waiting} 份报告待审核，请先审核通过或退回后再锁定。 ` +
            `${waiting} report(s) of ${period} still await review; approve or return them before locking the period.`,
          { period, submitted: waiting },
        );
      }
    }
    return changed;
  });
  return { programmeId, period, locked: plan.lockedPeriods.includes(period), lockedPeriods: plan.lockedPeriods };
}
