import { actorId } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { canReviewReports } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { holdProgrammePeriods } from '../../../db/repositories/reporting-plan.repository.js';
import type { ReportOut } from '../../schemas/reports.js';
import { requireUnlocked, wrongState } from './report-access.js';
import { runTransition } from './report-transition.js';

/** The office reopens an approved report: back to its unit as returned, with the reason. Not in a locked period. */
export async function reopenReport(
  db: Db,
  ctx: RequestContext,
  id: number,
  version: number,
  reason: string,
): Promise<ReportOut> {
  return runTransition(db, ctx, id, version, {
    action: 'reopen',
    authorize: ({ item }) => {
      if (!canReviewReports(ctx.actor, item.jurisdictionId)) throw forbidden();
    },
    before: async ({ row }, tx) => {
      await holdProgrammePeriods(tx, row.programmeId, 'report');
      await requireUnlocked(tx, row.programmeId, row.period);
    },
    from: ['approved'],
    wrongState: (state) => wrongState(state, '重新打开', 'reopened', '已审核通过'),
    patch: () => ({
      state: 'returned',
      returnReason: reason,
      reviewedAt: new Date().toISOString(),
      reviewedBy: actorId(ctx.actor),
    }),
  });
}
