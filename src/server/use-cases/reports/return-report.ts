import { actorId } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { canReviewReports } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { postInbox, usersOfUnit } from '../../../db/repositories/inbox.repository.js';
import type { ReportOut } from '../../schemas/reports.js';
import { wrongState } from './report-access.js';
import { runTransition } from './report-transition.js';

/** The office sends a submitted report back to its unit with the reason; the unit fixes and resubmits it. */
export async function returnReport(
  db: Db,
  ctx: RequestContext,
  id: number,
  version: number,
  reason: string,
): Promise<ReportOut> {
  const returned = await runTransition(db, ctx, id, version, {
    action: 'return',
    authorize: ({ item }) => {
      if (!canReviewReports(ctx.actor, item.jurisdictionId)) throw forbidden();
    },
    from: ['submitted'],
    wrongState: (state) => wrongState(state, '退回', 'returned', '已提交待审核'),
    patch: () => ({
      state: 'returned',
      returnReason: reason,
      reviewedAt: new Date().toISOString(),
      reviewedBy: actorId(ctx.actor),
    }),
  });
  // Tell the unit in its inbox; the report itself is already saved, so a failure here loses nothing.
  const recipients = await usersOfUnit(db, returned.unitId);
  await postInbox(
    db,
    recipients.map((user) => ({
      userId: user.id,
      level: 'info',
      title: `进展报告被退回：${returned.itemNumber} ${returned.itemName}（${returned.period}）`,
      body: `退回原因：${reason}。请修改后重新提交。`,
      link: `/reports/${id}`,
      dedupeKey: `report-returned:${id}:${returned.version}`,
    })),
  );
  return returned;
}
