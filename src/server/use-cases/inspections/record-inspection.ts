import { forbidden, notFound } from '../../../core/errors.js';
import { canSupervise } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { insertAudited } from '../../../db/crud.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import { attachFiles, type FileRef } from '../../../db/repositories/attachments.repository.js';
import { inspections } from '../../../db/schema-work.js';
import { type InspectionOut, inspectionMeta, presentInspection } from './present-inspection.js';

export interface RecordInspectionInput {
  date: string;
  inspectors: string;
  findings: string;
  followUp: string;
  attachments?: FileRef[] | undefined;
}

/** The office records an on-site inspection of an item, with its photos. */
export async function recordInspection(
  db: Db,
  ctx: RequestContext,
  itemId: number,
  input: RecordInspectionInput,
): Promise<InspectionOut> {
  const item = await itemAccess(db, itemId);
  if (!item) throw notFound('子项', 'Item');
  if (!canSupervise(ctx.actor, item.jurisdictionId)) throw forbidden();
  return db.transaction(async (tx) => {
    const row = await insertAudited(
      tx,
      ctx,
      inspections,
      {
        programmeId: item.programmeId,
        itemId,
        date: input.date,
        inspectors: input.inspectors,
        findings: input.findings,
        followUp: input.followUp,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      },
      inspectionMeta,
    );
    await attachFiles(tx, ctx, 'inspection', row.id, input.attachments ?? [], {
      programmeId: item.programmeId,
      itemId,
    });
    return presentInspection(tx, row.id);
  });
}
