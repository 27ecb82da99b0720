import type { Actor } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { canUseInbox } from '../../../core/work/reminder-policies.js';
import type { Db } from '../../../db/client.js';
import { markAllInboxRead } from '../../../db/repositories/inbox.repository.js';

/** Mark all one's own messages read (not audited, like a single read mark). */
export async function markAllMyInboxRead(db: Db, actor: Actor): Promise<{ marked: number; unread: number }> {
  if (!canUseInbox(actor) || actor.kind !== 'user') throw forbidden();
  return { marked: await markAllInboxRead(db, actor.id), unread: 0 };
}
