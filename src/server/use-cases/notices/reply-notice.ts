import { AppError, forbidden } from '../../../core/errors.js';
import { canReplyNotice } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { attachFiles, type FileRef } from '../../../db/repositories/attachments.repository.js';
import { postInbox } from '../../../db/repositories/inbox.repository.js';
import { changeNotice, closedConflict } from './change-notice.js';
import { missingNotice, type NoticeOut, presentNotice, readableNotice } from './present-notice.js';

export interface ReplyNoticeInput {
  version: number;
  reply: string;
  attachments?: FileRef[] | undefined;
}

/** The unit answers a notice, with files if it likes; the office that issued it hears of it in its inbox. */
export async function replyNotice(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: ReplyNoticeInput,
): Promise<NoticeOut> {
  const { view } = await readableNotice(db, ctx.actor, id);
  if (!canReplyNotice(ctx.actor, view.unitId)) throw forbidden();
  return db.transaction(async (tx) => {
    const changed = await changeNotice(tx, ctx, {
      id,
      expectedVersion: input.version,
      action: 'reply',
      check: (current) => {
        if (current.state === 'closed') return closedConflict();
        if (current.state === 'replied')
          return new AppError(
            'CONFLICT',
            '该督办单已回复，正等待督查室审核；如需补充，请待督查室继续督办后再回复。 This notice has been replied to and awaits the office; reply again once it is escalated.',
          );
        return null;
      },
      patch: () => ({
        state: 'replied',
        reply: input.reply,
        repliedAt: new Date().toISOString(),
        repliedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      }),
    });
    if (!changed) throw missingNotice();
    const { after } = changed;
    await attachFiles(tx, ctx, 'notice', id, input.attachments ?? [], {
      programmeId: after.programmeId,
      itemId: after.itemId,
    });
    const notice = await presentNotice(tx, id);
    if (after.issuedBy !== null) {
      await postInbox(tx, [
        {
          userId: after.issuedBy,
          level: 'info',
          title: `督办单 ${notice.number} 已回复：${notice.unitName}`,
          body: input.reply,
          link: `/notices/${id}`,
          dedupeKey: `notice:${id}:reply:${after.version}`,
        },
      ]);
    }
    return notice;
  });
}
