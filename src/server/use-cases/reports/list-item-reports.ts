import type { Actor } from '../../../core/actor.js';
import { canReadReport } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { listReports } from '../../../db/repositories/reports.repository.js';
import type { ReportSummaryOut } from '../../schemas/reports.js';
import { presentSummary } from './present-report.js';
import { factsOf, loadReadableItem } from './report-access.js';

/** The reports on an item the actor may read (the item itself readable, else 404), optionally of one period. */
export async function listItemReports(
  db: Db,
  actor: Actor,
  itemId: number,
  query: { period?: string | undefined; limit: number; offset: number },
): Promise<{ items: ReportSummaryOut[]; total: number }> {
  const item = await loadReadableItem(db, actor, itemId);
  const rows = (await listReports(db, { itemId, period: query.period })).filter((row) =>
    canReadReport(actor, factsOf(item, row)),
  );
  return { items: rows.slice(query.offset, query.offset + query.limit).map(presentSummary), total: rows.length };
}
