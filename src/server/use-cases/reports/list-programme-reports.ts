import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canReadProgramme } from '../../../core/policies.js';
import { canReadReport, canReviewReports, type ReportFacts } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { countReports, listReports, type ReportState } from '../../../db/repositories/reports.repository.js';
import type { ReportSummaryOut } from '../../schemas/reports.js';
import { presentSummary } from './present-report.js';
import { factsOf, programmeReportFacts } from './report-access.js';

export interface ProgrammeReportsQuery {
  state?: ReportState | undefined;
  period?: string | undefined;
  unitId?: number | undefined;
  limit: number;
  offset: number;
}

/**
 * A programme's reports, oldest submission first: with `state=submitted`
 * the office's review queue. The office sees all; others see the reports
 * they may read (canReadReport), counted after filtering.
 */
export async function listProgrammeReports(
  db: Db,
  actor: Actor,
  programmeId: number,
  query: ProgrammeReportsQuery,
): Promise<{ items: ReportSummaryOut[]; total: number }> {
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw notFound('民心工程', 'Programme');
  const filter = { programmeId, state: query.state, period: query.period, unitId: query.unitId };
  if (canReviewReports(actor, access.jurisdictionId)) {
    const page = { limit: query.limit, offset: query.offset };
    const [rows, total] = await Promise.all([listReports(db, filter, page), countReports(db, filter)]);
    return { items: rows.map(presentSummary), total };
  }
  const facts = await programmeReportFacts(db, programmeId, access.jurisdictionId);
  const readable = (await listReports(db, filter)).filter((row) => {
    const item = facts.get(row.itemId);
    const reportFacts: ReportFacts | undefined = item ? factsOf(item, row) : undefined;
    return reportFacts !== undefined && canReadReport(actor, reportFacts);
  });
  return {
    items: readable.slice(query.offset, query.offset + query.limit).map(presentSummary),
    total: readable.length,
  };
}
