import { forbidden } from '../../../core/errors.js';
import { canWriteReport } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import {
  findReport,
  REPORT_AUDIT,
  replaceReportValues,
  transitionReport,
  valuesOfReports,
} from '../../../db/repositories/reports.repository.js';
import type { ReportOut, ReportUpdateInput } from '../../schemas/reports.js';
import { presentRecord, presentReport } from './present-report.js';
import { loadReadableReport, reportNotFound, requireUnlocked, wrongState } from './report-access.js';
import { checkReportInput, columnsOf, setReportFiles } from './report-input.js';

/** Edit a draft or returned report (its unit, or the office); values and attachments, when given, replace the old. */
export async function updateReport(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: ReportUpdateInput,
): Promise<ReportOut> {
  const { row, item } = await loadReadableReport(db, ctx.actor, id);
  if (!canWriteReport(ctx.actor, item, row.unitId)) throw forbidden();
  await requireUnlocked(db, row.programmeId, row.period);
  const { version, ...fields } = input;
  await checkReportInput(db, row.itemId, fields, row);
  await db.transaction(async (tx) => {
    const updated = await transitionReport(tx, ctx, id, version, {
      action: 'update',
      present: presentRecord,
      check: (current) => {
        if (current.state !== 'draft' && current.state !== 'returned')
          throw wrongState(current.state, '修改', 'edited', '草稿或已退回');
      },
      patch: columnsOf(fields),
    });
    if (!updated) throw reportNotFound();
    if (fields.values) {
      const before = (await valuesOfReports(tx, [id])).get(id) ?? [];
      await replaceReportValues(tx, id, fields.values);
      await writeAudit(tx, ctx, {
        action: 'update-values',
        entityType: REPORT_AUDIT.entityType,
        entityId: id,
        programmeId: row.programmeId,
        itemId: row.itemId,
        before: { values: before },
        after: { values: fields.values },
      });
    }
    if (fields.attachments) await setReportFiles(tx, ctx, row, fields.attachments);
  });
  const after = await findReport(db, id);
  if (!after) throw reportNotFound();
  return presentReport(db, ctx.actor, after, item);
}
