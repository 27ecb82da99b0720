import type { Actor } from '../actor.js';
import { isAdmin } from '../policies.js';

/** Upload evidence files: the roles that write reports, inspections and replies (admin, supervisor, reporter). */
export function canUploadEvidence(actor: Actor): boolean {
  if (isAdmin(actor)) return true;
  return actor.kind === 'user' && (actor.role === 'supervisor' || actor.role === 'reporter');
}
