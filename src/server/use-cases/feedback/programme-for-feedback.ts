import type { Actor } from '../../../core/actor.js';
import { forbidden, notFound } from '../../../core/errors.js';
import { canReadProgramme } from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { type ProgrammeAccess, programmeAccess } from '../../../db/repositories/access.repository.js';

export const missingProgramme = () => notFound('民心工程清单', 'Programme');

/**
 * The programme a feedback view belongs to, when the actor may read it (404
 * otherwise) and passes `allowed` (403 otherwise: they can see the list exists).
 */
export async function programmeForFeedback(
  db: Db,
  actor: Actor,
  programmeId: number,
  allowed: (actor: Actor, jurisdictionId: number) => boolean,
): Promise<ProgrammeAccess> {
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw missingProgramme();
  if (!allowed(actor, access.jurisdictionId)) throw forbidden();
  return access;
}
