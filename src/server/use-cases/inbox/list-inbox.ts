import type { Actor } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { canUseInbox } from '../../../core/work/reminder-policies.js';
import type { Db } from '../../../db/client.js';
import { type InboxRow, listInbox } from '../../../db/repositories/inbox.repository.js';
import type { InboxMessageOut } from '../../schemas/reminders.js';

export function presentInboxMessage(row: InboxRow): InboxMessageOut {
  return {
    id: row.id,
    level: (['info', 'blue', 'yellow', 'red'] as const).find((l) => l === row.level) ?? 'info',
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt,
    createdAt: row.createdAt,
  };
}

/** The signed-in person's messages, newest first, with how many are unread. */
export async function listMyInbox(
  db: Db,
  actor: Actor,
  query: { unread: boolean; limit: number; offset: number },
): Promise<{ items: InboxMessageOut[]; total: number; unread: number }> {
  if (!canUseInbox(actor) || actor.kind !== 'user') throw forbidden();
  const page = await listInbox(db, actor.id, { unreadOnly: query.unread, limit: query.limit, offset: query.offset });
  return { items: page.items.map(presentInboxMessage), total: page.total, unread: page.unread };
}
