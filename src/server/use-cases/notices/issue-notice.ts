import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { chineseDate } from '../../../core/export/notice-docx.js';
import { shanghaiToday } from '../../../core/work/calendar.js';
import { canSupervise } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { sqlState } from '../../../db/errors.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import { postInbox, usersOfUnit } from '../../../db/repositories/inbox.repository.js';
import { insertNotice, nextNoticeSeq, noticeableUnitIds } from '../../../db/repositories/notices.repository.js';
import { type NoticeOut, presentNotice } from './present-notice.js';

export interface IssueNoticeInput {
  unitId: number;
  reason: string;
  requiredAction: string;
  /** YYYY-MM-DD, today or later. */
  replyDue: string;
}

/**
 * The office issues a supervision notice on an item to one of its units. The
 * number is the next within the programme; two notices issued at once both
 * get one (the unique index catches the race, the loser tries once more).
 */
export async function issueNotice(
  db: Db,
  ctx: RequestContext,
  itemId: number,
  input: IssueNoticeInput,
): Promise<NoticeOut> {
  const item = await itemAccess(db, itemId);
  if (!item) throw notFound('子项', 'Item');
  if (!canSupervise(ctx.actor, item.jurisdictionId)) throw forbidden();

  const today = shanghaiToday();
  if (input.replyDue < today)
    throw new AppError(
      'VALIDATION',
      `反馈时限不能早于今天（${today}），请重新选择日期。 The reply due date cannot be before today (${today}); choose another date.`,
    );
  if (!(await noticeableUnitIds(db, itemId)).includes(input.unitId))
    throw new AppError(
      'VALIDATION',
      '所选单位不是该子项的牵头或配合单位；督办单只能发给承办该子项的单位，请重新选择。 The unit is neither the lead nor a co-unit of this item; send the notice to a unit that works on it.',
    );

  const issue = () =>
    db.transaction(async (tx) => {
      const seq = await nextNoticeSeq(tx, item.programmeId);
      const row = await insertNotice(tx, {
        programmeId: item.programmeId,
        itemId,
        unitId: input.unitId,
        seq,
        reason: input.reason,
        requiredAction: input.requiredAction,
        replyDue: input.replyDue,
        issuedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'notice',
        entityId: row.id,
        programmeId: item.programmeId,
        itemId,
        after: row,
      });
      const notice = await presentNotice(tx, row.id);
      const recipients = await usersOfUnit(tx, input.unitId);
      await postInbox(
        tx,
        recipients.map((user) => ({
          userId: user.id,
          level: 'yellow' as const,
          title: `督办单 ${notice.number}：${notice.itemNumber} ${notice.itemName}`,
          body: `${input.reason}\n工作要求：${input.requiredAction}\n请于${chineseDate(input.replyDue)}前回复。`,
          link: `/notices/${row.id}`,
          dedupeKey: `notice:${row.id}:issued`,
        })),
      );
      return notice;
    });

  try {
    return await issue();
  } catch (error) {
    if (sqlState(error) !== '23505') throw error;
  }
  try {
    return await issue();
  } catch (error) {
    if (sqlState(error) !== '23505') throw error;
    throw new AppError(
      'CONFLICT',
      '同时签发的督办单较多，编号冲突，请稍后重试。 Several notices were issued at once and the number clashed; try again.',
    );
  }
}
