import { AppError, forbidden, notFound, versionConflict } from '../../../core/errors.js';
import { canSupervise } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { requireRow, updateVersioned } from '../../../db/crud.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import {
  attachFiles,
  detachFile,
  type FileRef,
  listAttachments,
} from '../../../db/repositories/attachments.repository.js';
import { inspections } from '../../../db/schema-work.js';
import { INSPECTION, type InspectionOut, inspectionMeta, presentInspection } from './present-inspection.js';

export interface UpdateInspectionInput {
  version: number;
  date?: string | undefined;
  inspectors?: string | undefined;
  findings?: string | undefined;
  followUp?: string | undefined;
  /** Files to add. */
  attachments?: FileRef[] | undefined;
  /** Attachments of this inspection to remove. */
  removeAttachmentIds?: number[] | undefined;
}

/** The office corrects an inspection record, adds photos or takes some away. */
export async function updateInspection(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: UpdateInspectionInput,
): Promise<InspectionOut> {
  return db.transaction(async (tx) => {
    const current = await requireRow(tx, inspections, id, INSPECTION);
    const item = await itemAccess(tx, current.itemId);
    if (!item) throw notFound('子项', 'Item');
    if (!canSupervise(ctx.actor, item.jurisdictionId)) throw forbidden();
    const { version, attachments = [], removeAttachmentIds = [], ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    await updateVersioned(tx, ctx, inspections, id, version, patch, {
      ...inspectionMeta,
      present: (row) => row,
    }).catch(async (error: unknown) => {
      if (error instanceof AppError && error.code === 'CONFLICT')
        throw versionConflict(await presentInspection(tx, id));
      throw error;
    });
    const place = { programmeId: current.programmeId, itemId: current.itemId };
    if (removeAttachmentIds.length > 0) {
      const own = new Set((await listAttachments(tx, 'inspection', [id])).map((a) => a.id));
      const foreign = removeAttachmentIds.find((attachmentId) => !own.has(attachmentId));
      if (foreign !== undefined)
        throw new AppError(
          'VALIDATION',
          `附件 ${foreign} 不属于这条督查记录，请刷新后重试。 Attachment ${foreign} does not belong to this inspection; reload and try again.`,
        );
      for (const attachmentId of new Set(removeAttachmentIds)) await detachFile(tx, ctx, attachmentId, place);
    }
    await attachFiles(tx, ctx, 'inspection', id, attachments, place);
    return presentInspection(tx, id);
  });
}
