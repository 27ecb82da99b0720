import { actorId } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { canReviewReports } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import type { ReportOut } from '../../schemas/reports.js';
import { wrongState } from './report-access.js';
import { runTransition } from './report-transition.js';

/** The office accepts a submitted report; its progress text becomes public. */
export async function approveReport(db: Db, ctx: RequestContext, id: number, version: number): Promise<ReportOut> {
  return runTransition(db, ctx, id, version, {
    action: 'approve',
    authorize: ({ item }) => {
      if (!canReviewReports(ctx.actor, item.jurisdictionId)) throw forbidden();
    },
    from: ['submitted'],
    wrongState: (state) => wrongState(state, '审核通过', 'approved', '已提交待审核'),
    patch: () => ({
      state: 'approved',
      returnReason: null,
      reviewedAt: new Date().toISOString(),
      reviewedBy: actorId(ctx.actor),
    }),
  });
}
