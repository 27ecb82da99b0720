import type { Actor } from '../../../core/actor.js';
import type { Db } from '../../../db/client.js';
import type { ReportOut } from '../../schemas/reports.js';
import { presentReport } from './present-report.js';
import { loadReadableReport } from './report-access.js';

/** One report with its values, files, and for the lead unit's report the co-units' shares (canReadReport, else 404). */
export async function getReport(db: Db, actor: Actor, id: number): Promise<ReportOut> {
  const { row, item } = await loadReadableReport(db, actor, id);
  return presentReport(db, actor, row, item);
}
