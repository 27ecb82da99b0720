import { AppError, forbidden } from '../../../core/errors.js';
import { canSupervise } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { changeNotice, closedConflict } from './change-notice.js';
import { notifyEscalation } from './notify-escalation.js';
import { type NoticeOut, presentNotice, readableNotice } from './present-notice.js';

/** The highest level: 1 the unit's head, 2 the supervising leader. */
export const MAX_ESCALATION = 2;

export interface EscalateNoticeInput {
  version: number;
  note: string;
}

/**
 * The office presses harder: one level up (at most two), the notice escalated
 * and open to a new reply. The note goes to the audit trail and the inbox.
 */
export async function escalateNotice(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: EscalateNoticeInput,
): Promise<NoticeOut> {
  const { view } = await readableNotice(db, ctx.actor, id);
  if (!canSupervise(ctx.actor, view.jurisdictionId)) throw forbidden();
  return db.transaction(async (tx) => {
    await changeNotice(tx, ctx, {
      id,
      expectedVersion: input.version,
      action: 'escalate',
      note: input.note,
      check: (current) => {
        if (current.state === 'closed') return closedConflict();
        if (current.escalationLevel >= MAX_ESCALATION)
          return new AppError(
            'CONFLICT',
            '该督办单已升级到最高级别（分管区领导），不能再升级；请跟进落实或关闭。 This notice is at the highest level already; follow it up or close it.',
          );
        return null;
      },
      patch: (current) => ({
        state: 'escalated',
        escalationLevel: current.escalationLevel + 1,
        escalatedAt: new Date().toISOString(),
        escalationNote: input.note,
      }),
    });
    const notice = await presentNotice(tx, id);
    await notifyEscalation(tx, notice, input.note);
    return notice;
  });
}
