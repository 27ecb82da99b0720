import type { Actor } from '../../../core/actor.js';
import { actorId } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { canWriteReport } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { holdProgrammePeriods } from '../../../db/repositories/reporting-plan.repository.js';
import type { NewReport, ReportRow } from '../../../db/repositories/reports.repository.js';
import type { ReportOut } from '../../schemas/reports.js';
import { requireOpenPeriod, wrongState } from './report-access.js';
import { runTransition } from './report-transition.js';

/** Put a draft or returned report forward for review (its unit, or the office on its behalf). */
export async function submitReport(db: Db, ctx: RequestContext, id: number, version: number): Promise<ReportOut> {
  return runTransition(db, ctx, id, version, {
    action: 'submit',
    authorize: ({ row, item }) => {
      if (!canWriteReport(ctx.actor, item, row.unitId)) throw forbidden();
    },
    before: async ({ row, item }, tx) => holdOpenPeriod(tx, row.programmeId, item.year, row.period),
    from: ['draft', 'returned'],
    wrongState: (state) => wrongState(state, '提交', 'submitted', '草稿或已退回'),
    patch: (current) => submissionPatch(ctx.actor, current),
  });
}

/** Inside the transaction: a concurrent lock of the period waits for this submission, or this one sees the period locked. */
export async function holdOpenPeriod(tx: Db, programmeId: number, year: number, period: string): Promise<void> {
  await holdProgrammePeriods(tx, programmeId, 'report');
  await requireOpenPeriod(tx, programmeId, year, period);
}

/** The columns a submission sets; on time is judged by the first submission, so a fix after a return keeps it. */
export function submissionPatch(actor: Actor, current: Pick<ReportRow, 'firstSubmittedAt'>): Partial<NewReport> {
  const now = new Date().toISOString();
  return {
    state: 'submitted',
    submittedAt: now,
    firstSubmittedAt: current.firstSubmittedAt ?? now,
    submittedBy: actorId(actor),
  };
}
