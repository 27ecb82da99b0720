import { forbidden, notFound } from '../../../core/errors.js';
import { canSupervise } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { deleteAudited, findRow } from '../../../db/crud.js';
import { scoreAdjustments } from '../../../db/schema-work.js';
import { assessmentAccess } from './assessment-access.js';
import { ADJUSTMENT_META } from './present-adjustment.js';

const missing = () => notFound('考核调整', 'Score adjustment');

/** The office withdraws an adjustment; audited. Those who may not see it get 404, those who may see it 403. */
export async function deleteScoreAdjustment(db: Db, ctx: RequestContext, adjustmentId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findRow(tx, scoreAdjustments, adjustmentId);
    if (!row) throw missing();
    const access = await assessmentAccess(tx, ctx.actor, row.programmeId).catch(() => {
      throw missing();
    });
    const ownUnit = ctx.actor.kind === 'user' ? ctx.actor.unitId : null;
    if (access.scope === 'own-unit' && row.unitId !== ownUnit) throw missing();
    if (!canSupervise(ctx.actor, access.jurisdictionId)) throw forbidden();
    await deleteAudited(tx, ctx, scoreAdjustments, adjustmentId, ADJUSTMENT_META);
  });
}
