import type { Actor } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { isAdmin } from '../../../core/policies.js';
import { canListChannels } from '../../../core/work/reminder-policies.js';
import { canManageChannels } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { listChannels } from '../../../db/repositories/channels.repository.js';
import type { ChannelOut } from '../../schemas/reminders.js';
import { presentChannel } from './channels.crud.js';

/** The channels the actor manages: all for an admin, those of a supervisor's jurisdictions otherwise. */
export async function listChannelsFor(db: Db, actor: Actor): Promise<{ items: ChannelOut[] }> {
  if (!canListChannels(actor)) throw forbidden();
  const rows =
    isAdmin(actor) || actor.kind !== 'user' ? await listChannels(db) : await listChannels(db, actor.jurisdictionScope);
  return { items: rows.filter((row) => canManageChannels(actor, row.jurisdictionId)).map(presentChannel) };
}
