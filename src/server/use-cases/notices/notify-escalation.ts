import type { Db } from '../../../db/client.js';
import {
  leaderUsersOfItem,
  postInbox,
  type RecipientUser,
  unitHeadUsers,
  usersOfUnit,
} from '../../../db/repositories/inbox.repository.js';
import type { NoticeOut } from './present-notice.js';

const LEVEL_NAME = ['', '单位负责人', '分管区领导'] as const;

/**
 * An escalated notice widens its circle: level 1 reaches the unit's head
 * beside its reporters, level 2 also the item's supervising leaders. One
 * message per person per level, however often this runs.
 */
export async function notifyEscalation(tx: Db, notice: NoticeOut, note: string | null): Promise<number> {
  const level = notice.escalationLevel;
  const groups: RecipientUser[][] = [await usersOfUnit(tx, notice.unitId), await unitHeadUsers(tx, notice.unitId)];
  if (level >= 2) groups.push(await leaderUsersOfItem(tx, notice.itemId));
  const recipients = new Map(groups.flat().map((user) => [user.id, user]));
  const why = note ?? `反馈时限${notice.replyDue}已过，仍未回复。`;
  return postInbox(
    tx,
    [...recipients.values()].map((user) => ({
      userId: user.id,
      level: 'red' as const,
      title: `督办升级（${LEVEL_NAME[level] ?? `第${level}级`}）：${notice.number} ${notice.itemNumber} ${notice.itemName}`,
      body: `承办单位：${notice.unitName}\n${why}\n督办事由：${notice.reason}\n工作要求：${notice.requiredAction}`,
      link: `/notices/${notice.id}`,
      dedupeKey: `notice:${notice.id}:level:${level}`,
    })),
  );
}
