import type { Actor } from '../../../core/actor.js';
import { canReadReport } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { type AttachmentView, listAttachments } from '../../../db/repositories/attachments.repository.js';
import {
  listReports,
  type ReportListRow,
  type ReportRow,
  type ReportValue,
  valuesOfReports,
} from '../../../db/repositories/reports.repository.js';
import type { ReportOut, ReportSummaryOut } from '../../schemas/reports.js';
import { factsOf, type ReportItem } from './report-access.js';

/** What of a report leaves the server (presenters list every field). */

export function presentSummary(row: ReportListRow): ReportSummaryOut {
  return {
    id: row.id,
    programmeId: row.programmeId,
    itemId: row.itemId,
    itemNumber: row.itemNumber,
    itemName: row.itemName,
    unitId: row.unitId,
    unitName: row.unitName,
    period: row.period,
    state: row.state,
    percentComplete: row.percentComplete,
    claimedStatus: row.claimedStatus,
    returnReason: row.returnReason,
    submittedAt: row.submittedAt,
    firstSubmittedAt: row.firstSubmittedAt,
    reviewedAt: row.reviewedAt,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** The record a 409 carries: the report's current fields, without names, values or files. */
export function presentRecord(row: ReportRow) {
  const { idempotencyKey: _key, ...rest } = row;
  return rest;
}

export function presentAttachment(a: AttachmentView) {
  return {
    id: a.id,
    sha256: a.sha256,
    fileName: a.fileName,
    mime: a.mime,
    size: a.size,
    url: `/api/v1/attachments/${a.id}`,
    thumbnailUrl: a.hasThumbnail ? `/api/v1/attachments/${a.id}/thumbnail` : null,
  };
}

/**
 * The consolidated value of each indicator: the lead unit's own value where
 * it states one, else the sum of the shares that do.
 */
export function consolidate(
  lead: readonly ReportValue[],
  shares: readonly (readonly ReportValue[])[],
): { indicatorId: number; value: number; source: 'lead' | 'shares' }[] {
  const result = new Map<number, { indicatorId: number; value: number; source: 'lead' | 'shares' }>();
  for (const v of lead) result.set(v.indicatorId, { indicatorId: v.indicatorId, value: v.value, source: 'lead' });
  for (const values of shares) {
    for (const v of values) {
      const current = result.get(v.indicatorId);
      if (current?.source === 'lead') continue;
      result.set(v.indicatorId, {
        indicatorId: v.indicatorId,
        value: (current?.value ?? 0) + v.value,
        source: 'shares',
      });
    }
  }
  return [...result.values()];
}

/** A report in full: values, files, and for the lead unit's report its co-units' shares and the consolidation. */
export async function presentReport(db: Db, actor: Actor, row: ReportListRow, item: ReportItem): Promise<ReportOut> {
  const isLead = item.leadUnitId !== null && row.unitId === item.leadUnitId;
  const others = isLead
    ? (await listReports(db, { itemId: row.itemId, period: row.period })).filter(
        (r) => r.id !== row.id && canReadReport(actor, factsOf(item, r)),
      )
    : [];
  const [values, files] = await Promise.all([
    valuesOfReports(db, [row.id, ...others.map((r) => r.id)]),
    listAttachments(db, 'report', [row.id]),
  ]);
  const own = values.get(row.id) ?? [];
  // Only shares a unit has put forward count; a draft or a returned share is still being worked on.
  const counted = others.filter((r) => r.state === 'submitted' || r.state === 'approved');
  return {
    ...presentSummary(row),
    progress: row.progress,
    fundsPlanned: row.fundsPlanned,
    fundsAllocated: row.fundsAllocated,
    fundsDisbursed: row.fundsDisbursed,
    problems: row.problems,
    nextSteps: row.nextSteps,
    submittedBy: row.submittedBy,
    reviewedBy: row.reviewedBy,
    createdAt: row.createdAt,
    role: item.roleOf.get(row.unitId) ?? null,
    values: own,
    attachments: files.map(presentAttachment),
    shares: isLead
      ? others.map((r) => ({
          id: r.id,
          unitId: r.unitId,
          unitName: r.unitName,
          state: r.state,
          progress: r.progress,
          percentComplete: r.percentComplete,
          values: values.get(r.id) ?? [],
        }))
      : null,
    consolidated: isLead
      ? consolidate(
          own,
          counted.map((r) => values.get(r.id) ?? []),
        )
      : null,
  };
}
