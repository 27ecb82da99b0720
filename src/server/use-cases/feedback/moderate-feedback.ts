import { actorId } from '../../../core/actor.js';
import { AppError, notFound, versionConflict } from '../../../core/errors.js';
import { canModerateFeedback } from '../../../core/work-policies.js';
import { type RequestContext, writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { findFeedbackView, lockFeedback, updateFeedbackState } from '../../../db/repositories/feedback.repository.js';
import type { FeedbackModerate, FeedbackOut } from '../../schemas/feedback.js';
import { programmeForFeedback } from './programme-for-feedback.js';

const missing = () => notFound('群众评价', 'Feedback');

/**
 * Approve a comment (it shows on the public item page) or reject it with a
 * reason (it never shows; the rating still counts). A decision can be changed
 * later, with the version the moderator saw.
 */
export async function moderateFeedback(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: FeedbackModerate,
): Promise<FeedbackOut> {
  const current = await findFeedbackView(db, id);
  if (!current) throw missing();
  await programmeForFeedback(db, ctx.actor, current.programmeId, canModerateFeedback);
  const reason = input.reason?.trim() || null;
  if (input.state === 'rejected' && reason === null)
    throw new AppError(
      'VALIDATION',
      '不予公开留言时须写明原因，请填写“原因”后再提交。 Give the reason for rejecting the comment.',
    );
  await db.transaction(async (tx) => {
    const before = await lockFeedback(tx, id);
    if (!before) throw missing();
    if (before.version !== input.version) throw versionConflict(await findFeedbackView(tx, id));
    if (before.comment === null)
      throw new AppError(
        'CONFLICT',
        '这条评价没有留言，只有评分，无需审核。 This rating has no comment; there is nothing to moderate.',
      );
    if (before.state === input.state)
      throw new AppError(
        'CONFLICT',
        `这条留言已经是“${input.state === 'approved' ? '已公开' : '未通过'}”状态，无需重复操作。 The comment is already ${input.state}.`,
      );
    const after = await updateFeedbackState(tx, id, {
      state: input.state,
      moderatedBy: actorId(ctx.actor),
      rejectReason: input.state === 'rejected' ? reason : null,
    });
    await writeAudit(tx, ctx, {
      action: input.state === 'approved' ? 'approve' : 'reject',
      entityType: 'feedback',
      entityId: id,
      programmeId: after.programmeId,
      itemId: after.itemId,
      before: { state: before.state, rejectReason: before.rejectReason, version: before.version },
      after: { state: after.state, rejectReason: after.rejectReason, version: after.version },
    });
  });
  const view = await findFeedbackView(db, id);
  if (!view) throw missing();
  return view;
}
