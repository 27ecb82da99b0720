import { actorId } from '../../../core/actor.js';
import { AppError } from '../../../core/errors.js';
import type { BulletinMatch } from '../../../core/import/bulletin/types.js';
import { type RequestContext, writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { withDatabaseErrors } from '../../../db/errors.js';
import { holdProgrammePeriods } from '../../../db/repositories/reporting-plan.repository.js';
import { findReportFor, REPORT_AUDIT, replaceReportValues } from '../../../db/repositories/reports.repository.js';
import { reports } from '../../../db/schema-work.js';
import type { BulletinApplyInput, BulletinApplyOut } from '../../schemas/bulletin-import.js';
import { LIMITS } from '../../schemas/reports.js';
import { requireOpenPeriod } from '../reports/report-access.js';
import { authorizeBulletinImport, bulletinText, type ImportItem, readAndMatch } from './bulletin-source.js';

/**
 * Write the accepted matches of a bulletin as approved reports of each
 * item's lead unit for the period: progress is the paragraph, values those
 * read, claimed done when the bulletin says so. All or nothing, in one
 * transaction: a report already there for an item, unit and period, or a
 * locked period, refuses the whole import (409). Each report is audited as
 * `import-bulletin`.
 */
export async function applyBulletinImport(
  db: Db,
  ctx: RequestContext,
  programmeId: number,
  input: BulletinApplyInput,
): Promise<BulletinApplyOut> {
  await authorizeBulletinImport(db, ctx.actor, programmeId);
  const text = bulletinText(input);
  const matched = await readAndMatch(db, programmeId, text);
  const byItem = new Map(matched.result.matches.map((m) => [m.itemId, m]));
  const chosen: Array<{ match: BulletinMatch; item: ImportItem; unitId: number }> = [];
  for (const itemId of new Set(input.accept)) {
    const match = byItem.get(itemId);
    const item = matched.items.get(itemId);
    if (!match || !item) {
      throw new AppError(
        'VALIDATION',
        `子项 ${itemId} 不在本次通报识别出的匹配中：通报或清单可能已改动，请重新预览后再导入。 ` +
          `Item ${itemId} is not among the matches of this bulletin; preview again.`,
        { itemId },
      );
    }
    if (!item.leadUnit) {
      throw new AppError(
        'VALIDATION',
        `子项“${item.name}”没有牵头单位，无法生成报告；请先在清单中指定牵头单位。 The item has no lead unit.`,
        { itemId },
      );
    }
    chosen.push({ match, item, unitId: item.leadUnit.id });
  }

  const period = input.period;
  const written = await db.transaction(async (tx) => {
    // A concurrent lock of the period waits for this import, or this import sees the period locked.
    await holdProgrammePeriods(tx, programmeId, 'report');
    await requireOpenPeriod(tx, programmeId, matched.year, period);
    const taken: string[] = [];
    for (const { item, unitId } of chosen) {
      const existing = await findReportFor(tx, item.id, unitId, period);
      if (existing) taken.push(`${item.number ? `${item.number} ` : ''}${item.name}（报告编号 ${existing.id}）`);
    }
    if (taken.length > 0) throw alreadyReported(period, taken);

    const now = new Date().toISOString();
    const ids: number[] = [];
    let values = 0;
    for (const { match, item, unitId } of chosen) {
      const [row] = await withDatabaseErrors(REPORT_AUDIT.what, () =>
        tx
          .insert(reports)
          .values({
            programmeId,
            itemId: item.id,
            unitId,
            period,
            state: 'approved',
            progress: match.paragraph.text.slice(0, LIMITS.progress),
            claimedStatus: match.claimedDone ? 'done' : 'in_progress',
            reviewedAt: now,
            reviewedBy: actorId(ctx.actor),
          })
          .returning(),
      );
      if (!row) throw new Error('report not inserted');
      const reportValues = match.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value }));
      if (reportValues.length > 0) await replaceReportValues(tx, row.id, reportValues);
      await writeAudit(tx, ctx, {
        action: 'import-bulletin',
        entityType: REPORT_AUDIT.entityType,
        entityId: row.id,
        programmeId,
        itemId: item.id,
        after: {
          ...row,
          values: reportValues,
          source: { paragraph: match.paragraph.position + 1, evidence: match.evidence },
        },
      });
      ids.push(row.id);
      values += reportValues.length;
    }
    return { ids, values };
  });
  return {
    period,
    created: written.ids.length,
    values: written.values,
    done: chosen.filter((c) => c.match.claimedDone).length,
    reportIds: written.ids,
  };
}

function alreadyReported(period: string, taken: readonly string[]): AppError {
  return new AppError(
    'CONFLICT',
    `以下子项的牵头单位本期（${period}）已有报告，本次导入未写入任何内容：${taken.join('；')}。请取消勾选这些子项或改选报送期后再导入。 ` +
      `A report for ${period} already exists for ${taken.length} of the items; nothing was imported. Untick them or choose another period.`,
    { period, items: taken },
  );
}
