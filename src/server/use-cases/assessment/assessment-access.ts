import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canReadProgramme } from '../../../core/policies.js';
import { assessmentScope } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';

export interface AssessmentAccess {
  programmeId: number;
  jurisdictionId: number;
  /** none is never returned: it is a 404. */
  scope: 'all' | 'own-unit';
}

export const assessmentNotFound = () => notFound('民心工程考核', 'Programme assessment');

/**
 * Who may see a programme's assessment: those who may read the programme and
 * whom `assessmentScope` lets see it (a reporter its own unit only). Anyone
 * else learns nothing: 404.
 */
export async function assessmentAccess(db: Db, actor: Actor, programmeId: number): Promise<AssessmentAccess> {
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw assessmentNotFound();
  const scope = assessmentScope(actor, access.jurisdictionId);
  if (scope === 'none') throw assessmentNotFound();
  return { programmeId, jurisdictionId: access.jurisdictionId, scope };
}
