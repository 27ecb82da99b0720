import { AppError } from '../../../core/errors.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import {
  type AttachmentView,
  attachFiles,
  detachFile,
  type FileRef,
  listAttachments,
} from '../../../db/repositories/attachments.repository.js';
import { indicatorIdsOfItem, type NewReport, type ReportRow } from '../../../db/repositories/reports.repository.js';
import type { ReportFieldsInput } from '../../schemas/reports.js';

/** Checks of a report's fields against its item, and the writes of its values and files. */

type Columns = Pick<
  NewReport,
  | 'progress'
  | 'percentComplete'
  | 'claimedStatus'
  | 'fundsPlanned'
  | 'fundsAllocated'
  | 'fundsDisbursed'
  | 'problems'
  | 'nextSteps'
>;

/** The report's own text and number columns, as a report input names them (the crash suite compares each). */
export const REPORT_COLUMN_KEYS = [
  'progress',
  'percentComplete',
  'claimedStatus',
  'fundsPlanned',
  'fundsAllocated',
  'fundsDisbursed',
  'problems',
  'nextSteps',
] as const;

/** The column values the input sets (undefined fields are left as they are). */
export function columnsOf(input: ReportFieldsInput): Partial<Columns> {
  const out: Partial<Columns> = {};
  for (const key of REPORT_COLUMN_KEYS) {
    const value = input[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Refuse what zod cannot see alone: disbursed beyond allocated, values of another item's indicators. */
export async function checkReportInput(
  db: Db,
  itemId: number,
  input: ReportFieldsInput,
  current?: Pick<ReportRow, 'fundsAllocated' | 'fundsDisbursed'>,
): Promise<void> {
  const allocated = input.fundsAllocated !== undefined ? input.fundsAllocated : (current?.fundsAllocated ?? null);
  const disbursed = input.fundsDisbursed !== undefined ? input.fundsDisbursed : (current?.fundsDisbursed ?? null);
  if (allocated !== null && disbursed !== null && disbursed > allocated) {
    throw new AppError(
      'VALIDATION',
      `已支出资金（${disbursed} 万元）不能大于已拨付资金（${allocated} 万元），请核对后修改。 ` +
        `Funds disbursed (${disbursed}) cannot exceed funds allocated (${allocated}); check both figures.`,
      { fundsAllocated: allocated, fundsDisbursed: disbursed },
    );
  }
  if (input.values && input.values.length > 0) {
    const seen = new Set<number>();
    const own = await indicatorIdsOfItem(db, itemId);
    for (const [index, v] of input.values.entries()) {
      if (!own.has(v.indicatorId)) {
        throw new AppError(
          'VALIDATION',
          `第 ${index + 1} 个指标值（指标 ${v.indicatorId}）不是本子项的量化指标，请只填写本子项的指标。 ` +
            `Value ${index + 1}: indicator ${v.indicatorId} does not belong to this item.`,
          { path: `values.${index}.indicatorId` },
        );
      }
      if (seen.has(v.indicatorId)) {
        throw new AppError(
          'VALIDATION',
          `指标 ${v.indicatorId} 填写了两次，请每个指标只填一个累计值。 Indicator ${v.indicatorId} is given twice; give one cumulative value.`,
          { path: `values.${index}.indicatorId` },
        );
      }
      seen.add(v.indicatorId);
    }
  }
}

const keyOf = (f: { sha256: string; fileName: string }) => `${f.sha256}\n${f.fileName}`;

/**
 * Make a report's attachments the given list: keep those already there,
 * attach the new ones (each must have been uploaded), detach the rest.
 */
export async function setReportFiles(
  tx: Db,
  ctx: RequestContext,
  report: Pick<ReportRow, 'id' | 'programmeId' | 'itemId'>,
  files: readonly FileRef[],
): Promise<AttachmentView[]> {
  const place = { programmeId: report.programmeId, itemId: report.itemId };
  const current = await listAttachments(tx, 'report', [report.id]);
  const wanted = new Set(files.map(keyOf));
  for (const attachment of current) {
    if (!wanted.has(keyOf(attachment))) await detachFile(tx, ctx, attachment.id, place);
  }
  await attachFiles(tx, ctx, 'report', report.id, files, place);
  return listAttachments(tx, 'report', [report.id]);
}
