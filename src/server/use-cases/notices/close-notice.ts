import { AppError, forbidden } from '../../../core/errors.js';
import { canSupervise } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { changeNotice } from './change-notice.js';
import { type NoticeOut, presentNotice, readableNotice } from './present-notice.js';

export interface CloseNoticeInput {
  version: number;
  note?: string | undefined;
}

/** The office closes a notice: once replied, or earlier with a note saying why. */
export async function closeNotice(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: CloseNoticeInput,
): Promise<NoticeOut> {
  const { view } = await readableNotice(db, ctx.actor, id);
  if (!canSupervise(ctx.actor, view.jurisdictionId)) throw forbidden();
  const note = input.note?.trim() || null;
  return db.transaction(async (tx) => {
    await changeNotice(tx, ctx, {
      id,
      expectedVersion: input.version,
      action: 'close',
      note,
      check: (current) => {
        if (current.state === 'closed')
          return new AppError('CONFLICT', '该督办单已关闭，无需重复操作。 This notice is already closed.');
        if (current.state !== 'replied' && note === null)
          return new AppError(
            'VALIDATION',
            '承办单位尚未回复；未回复即关闭督办单，请在“说明”中写明原因。 The unit has not replied; to close the notice anyway, give the reason in the note.',
          );
        return null;
      },
      patch: () => ({ state: 'closed', closeNote: note, closedAt: new Date().toISOString() }),
    });
    return presentNotice(tx, id);
  });
}
