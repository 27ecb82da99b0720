import type { Actor } from '../actor.js';
import { isAdmin } from '../policies.js';

/** Who may do what with reminders beyond the channels (canManageChannels in work-policies.ts). */

/** One's own inbox: every signed-in person, and only their own messages. */
export function canUseInbox(actor: Actor): boolean {
  return actor.kind === 'user';
}

/** The delivery log and its retries: the supervision office (admins and supervisors). */
export function canManageDeliveries(actor: Actor): boolean {
  return isAdmin(actor) || (actor.kind === 'user' && actor.role === 'supervisor');
}

/** Listing channels: the office; each sees those of the jurisdictions it manages (canManageChannels). */
export function canListChannels(actor: Actor): boolean {
  return canManageDeliveries(actor);
}
