import { forbidden, notFound } from '../../../core/errors.js';
import { canSupervise } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { deleteAudited, requireRow } from '../../../db/crud.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import { detachAll } from '../../../db/repositories/attachments.repository.js';
import { inspections } from '../../../db/schema-work.js';
import { INSPECTION, inspectionMeta } from './present-inspection.js';

/** The office deletes an inspection record and its attachments (the files' bytes stay for other owners). */
export async function deleteInspection(db: Db, ctx: RequestContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await requireRow(tx, inspections, id, INSPECTION);
    const item = await itemAccess(tx, current.itemId);
    if (!item) throw notFound('子项', 'Item');
    if (!canSupervise(ctx.actor, item.jurisdictionId)) throw forbidden();
    await detachAll(tx, ctx, 'inspection', id, { programmeId: current.programmeId, itemId: current.itemId });
    await deleteAudited(tx, ctx, inspections, id, inspectionMeta);
  });
}
