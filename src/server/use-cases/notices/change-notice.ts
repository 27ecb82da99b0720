import { AppError, versionConflict } from '../../../core/errors.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { lockNotice, type NoticeRow, updateNoticeRow } from '../../../db/repositories/notices.repository.js';
import { missingNotice, presentNotice } from './present-notice.js';

export type NoticeAction = 'reply' | 'close' | 'escalate';

/**
 * Move a notice on, in the caller's transaction: lock it, check the version
 * the caller saw (when given) and the state the step starts from, write, and
 * audit under the step's name with its note. Null when the check skipped it.
 */
export async function changeNotice(
  tx: Db,
  ctx: RequestContext,
  options: {
    id: number;
    expectedVersion: number | null;
    action: NoticeAction;
    /** Refuse a step the state does not allow: return the error, 'skip' to leave it unchanged, or null to go ahead. */
    check: (current: NoticeRow) => AppError | 'skip' | null;
    patch: (current: NoticeRow) => Partial<NoticeRow>;
    note?: string | null | undefined;
  },
): Promise<{ before: NoticeRow; after: NoticeRow } | null> {
  const before = await lockNotice(tx, options.id);
  if (!before) throw missingNotice();
  if (options.expectedVersion !== null && before.version !== options.expectedVersion)
    throw versionConflict(await presentNotice(tx, options.id));
  const refusal = options.check(before);
  if (refusal === 'skip') return null;
  if (refusal) throw refusal;
  const { id: _id, version: _version, ...patch } = options.patch(before);
  const after = await updateNoticeRow(tx, options.id, patch);
  await writeAudit(tx, ctx, {
    action: options.action,
    entityType: 'notice',
    entityId: options.id,
    programmeId: after.programmeId,
    itemId: after.itemId,
    before,
    after: options.note ? { ...after, note: options.note } : after,
  });
  return { before, after };
}

export const closedConflict = (): AppError =>
  new AppError(
    'CONFLICT',
    '该督办单已办结关闭，不能再回复或督办；如有新情况请联系督查室重新签发。 This notice is closed; it takes no more replies or escalations. Ask the supervision office to issue a new one.',
  );
