import { actorId } from '../../../core/actor.js';
import { AppError, forbidden } from '../../../core/errors.js';
import { adjustmentProblem } from '../../../core/work/assessment.js';
import { canSupervise } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { insertAudited } from '../../../db/crud.js';
import { isProgrammeUnit } from '../../../db/repositories/assessment.repository.js';
import { scoreAdjustments } from '../../../db/schema-work.js';
import { assessmentAccess } from './assessment-access.js';
import { ADJUSTMENT_META, type PresentedAdjustment, presentAdjustment } from './present-adjustment.js';

export interface AdjustmentInput {
  unitId: number;
  points: number;
  reason: string;
}

/** The office adjusts a unit's score, always with a written reason; audited. */
export async function addScoreAdjustment(
  db: Db,
  ctx: RequestContext,
  programmeId: number,
  input: AdjustmentInput,
): Promise<PresentedAdjustment> {
  return db.transaction(async (tx) => {
    const access = await assessmentAccess(tx, ctx.actor, programmeId);
    if (!canSupervise(ctx.actor, access.jurisdictionId)) throw forbidden();
    const reason = input.reason.trim();
    const problem = adjustmentProblem(input.points, reason);
    if (problem) throw new AppError('VALIDATION', problem);
    if (!(await isProgrammeUnit(tx, programmeId, input.unitId)))
      throw new AppError(
        'VALIDATION',
        '该单位不是本工程任何子项的责任单位，无法调整其考核分；请选择本工程的责任单位。 The unit works on no item of this programme; choose one of its units.',
      );
    const row = await insertAudited(
      tx,
      ctx,
      scoreAdjustments,
      { programmeId, unitId: input.unitId, points: input.points, reason, createdBy: actorId(ctx.actor) },
      ADJUSTMENT_META,
    );
    return presentAdjustment(row, ctx.actor);
  });
}
