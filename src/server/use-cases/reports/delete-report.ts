import { AppError, forbidden } from '../../../core/errors.js';
import { canWriteReport } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { deleteAudited } from '../../../db/crud.js';
import { detachAll } from '../../../db/repositories/attachments.repository.js';
import { lockReport, REPORT_AUDIT } from '../../../db/repositories/reports.repository.js';
import { reports } from '../../../db/schema-work.js';
import { loadReadableReport, STATE_ZH } from './report-access.js';

/** Delete a draft (its unit, or the office); a report once submitted stays on record. */
export async function deleteReport(db: Db, ctx: RequestContext, id: number): Promise<void> {
  const { row, item } = await loadReadableReport(db, ctx.actor, id);
  if (!canWriteReport(ctx.actor, item, row.unitId)) throw forbidden();
  const place = { programmeId: row.programmeId, itemId: row.itemId };
  await db.transaction(async (tx) => {
    const current = await lockReport(tx, id);
    if (current && current.state !== 'draft') {
      throw new AppError(
        'CONFLICT',
        `只能删除草稿；该报告当前状态为“${STATE_ZH[current.state]}”，已留档不能删除。 Only drafts can be deleted; this report is ${current.state}.`,
        { state: current.state },
      );
    }
    await detachAll(tx, ctx, 'report', id, place);
    await deleteAudited(tx, ctx, reports, id, { ...REPORT_AUDIT, context: () => place });
  });
}
