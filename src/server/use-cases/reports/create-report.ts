import { type Actor, actorId } from '../../../core/actor.js';
import { AppError, forbidden } from '../../../core/errors.js';
import { canManageProgramme } from '../../../core/policies.js';
import { canWriteReport } from '../../../core/work-policies.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { insertAudited } from '../../../db/crud.js';
import {
  findReport,
  findReportByKey,
  findReportFor,
  REPORT_AUDIT,
  replaceReportValues,
  transitionReport,
} from '../../../db/repositories/reports.repository.js';
import { reports } from '../../../db/schema-work.js';
import type { ReportCreateInput, ReportOut } from '../../schemas/reports.js';
import { presentRecord, presentReport } from './present-report.js';
import { loadReadableItem, loadReportItem, reportNotFound, requireOpenPeriod } from './report-access.js';
import { checkReportInput, columnsOf, setReportFiles } from './report-input.js';
import { holdOpenPeriod, submissionPatch } from './submit-report.js';

/**
 * A new draft report of a unit on an item for a period. One per item, unit
 * and period; an Idempotency-Key makes a repeated request return the first
 * result instead of creating another. With `submit: true` the report is also
 * submitted in the same transaction (audited as create, then submit), so one
 * key covers the whole submission: a retry after a lost answer never leaves a
 * draft behind nor makes a second report.
 */
export async function createReport(
  db: Db,
  ctx: RequestContext,
  itemId: number,
  input: ReportCreateInput,
  idempotencyKey?: string,
): Promise<{ report: ReportOut; created: boolean }> {
  const { actor } = ctx;
  const item = await loadReadableItem(db, actor, itemId);
  const unitId = input.unitId ?? (actor.kind === 'user' && actor.role === 'reporter' ? actor.unitId : null);
  if (unitId === null) {
    throw new AppError(
      'VALIDATION',
      '请指定填报单位（unitId）：督查室代为填报时须写明是哪个单位的报告。 Name the reporting unit (unitId) when reporting on its behalf.',
    );
  }
  if (!canWriteReport(actor, item, unitId)) throw forbidden();
  if (!item.reportingUnitIds.includes(unitId)) {
    // Only the item's own units (and a part's parent's) report on it; a unit of one of its parts reports on that part.
    if (!canManageProgramme(actor, item.jurisdictionId)) throw forbidden();
    throw new AppError(
      'VALIDATION',
      '该单位不是本子项的牵头或配合单位，不能为本子项填报；请选择本子项的责任单位。 This unit is neither lead nor co-unit of the item.',
      { unitId },
    );
  }

  const key = idempotencyKey === undefined ? null : `${actorKeyOf(actor)}:${idempotencyKey}`;
  if (key) {
    const replay = await replayOf(db, actor, key, itemId);
    if (replay) return { report: replay, created: false };
  }
  await requireOpenPeriod(db, item.programmeId, item.year, input.period);
  const existing = await findReportFor(db, itemId, unitId, input.period);
  if (existing) throw duplicate(existing.id, input.period);
  await checkReportInput(db, itemId, input);

  try {
    const id = await db.transaction(async (tx) => {
      if (input.submit) await holdOpenPeriod(tx, item.programmeId, item.year, input.period);
      const row = await insertAudited(
        tx,
        ctx,
        reports,
        {
          programmeId: item.programmeId,
          itemId,
          unitId,
          period: input.period,
          state: 'draft',
          idempotencyKey: key,
          ...columnsOf(input),
        },
        { ...REPORT_AUDIT, context: () => ({ programmeId: item.programmeId, itemId }) },
      );
      if (input.values && input.values.length > 0) {
        await replaceReportValues(tx, row.id, input.values);
        await writeAudit(tx, ctx, {
          action: 'update-values',
          entityType: REPORT_AUDIT.entityType,
          entityId: row.id,
          programmeId: item.programmeId,
          itemId,
          after: { values: input.values },
        });
      }
      if (input.attachments) await setReportFiles(tx, ctx, row, input.attachments);
      if (input.submit) {
        // The same audited step as POST /reports/:id/submit; canWriteReport above is its policy too.
        await transitionReport(tx, ctx, row.id, row.version, {
          action: 'submit',
          present: presentRecord,
          check: () => {},
          patch: submissionPatch(actor, row),
        });
      }
      return row.id;
    });
    return { report: await presentNew(db, actor, id), created: true };
  } catch (error) {
    // A concurrent twin got there first: the same key replays it, the same period points at it.
    if (error instanceof AppError && error.code === 'DUPLICATE') {
      if (key) {
        const replay = await replayOf(db, actor, key, itemId);
        if (replay) return { report: replay, created: false };
      }
      const twin = await findReportFor(db, itemId, unitId, input.period);
      if (twin) throw duplicate(twin.id, input.period);
    }
    throw error;
  }
}

const actorKeyOf = (actor: Actor): string => (actor.kind === 'user' ? `u${actorId(actor)}` : `s:${actor.name}`);

function duplicate(id: number, period: string): AppError {
  return new AppError(
    'CONFLICT',
    `该单位本期（${period}）已有一份报告（编号 ${id}），请打开该报告修改，不要重复新建。 ` +
      `This unit already has a report for ${period} (id ${id}); open and edit it instead.`,
    { existingId: id },
  );
}

async function presentNew(db: Db, actor: Actor, id: number): Promise<ReportOut> {
  const row = await findReport(db, id);
  const item = row ? await loadReportItem(db, row.itemId) : undefined;
  if (!row || !item) throw reportNotFound();
  return presentReport(db, actor, row, item);
}

/** The report a key already made, when the same caller repeats the request on the same item. */
async function replayOf(db: Db, actor: Actor, key: string, itemId: number): Promise<ReportOut | undefined> {
  const earlier = await findReportByKey(db, key);
  if (!earlier) return undefined;
  if (earlier.itemId !== itemId) {
    throw new AppError(
      'CONFLICT',
      '该 Idempotency-Key 已用于另一子项的报告，请为新的请求使用新的键。 This Idempotency-Key was used for a report on another item; use a new key.',
      { existingId: earlier.id },
    );
  }
  return presentNew(db, actor, earlier.id);
}
