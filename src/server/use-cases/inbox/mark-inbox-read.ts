import type { Actor } from '../../../core/actor.js';
import { forbidden, notFound } from '../../../core/errors.js';
import { canUseInbox } from '../../../core/work/reminder-policies.js';
import type { Db } from '../../../db/client.js';
import { markInboxRead } from '../../../db/repositories/inbox.repository.js';
import type { InboxMessageOut } from '../../schemas/reminders.js';
import { presentInboxMessage } from './list-inbox.js';

/**
 * Mark one of one's own messages read. Another person's message answers 404,
 * as if it did not exist. Not audited: a read mark is the reader's own
 * bookkeeping, not a record of the programme.
 */
export async function markMyInboxRead(db: Db, actor: Actor, id: number): Promise<InboxMessageOut> {
  if (!canUseInbox(actor) || actor.kind !== 'user') throw forbidden();
  const row = await markInboxRead(db, actor.id, id);
  if (!row) throw notFound('消息', 'Message');
  return presentInboxMessage(row);
}
