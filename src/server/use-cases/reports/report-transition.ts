import type { AppError } from '../../../core/errors.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import {
  findReport,
  type NewReport,
  type ReportRow,
  transitionReport,
} from '../../../db/repositories/reports.repository.js';
import type { ReportOut } from '../../schemas/reports.js';
import { presentRecord, presentReport } from './present-report.js';
import { type LoadedReport, loadReadableReport, reportNotFound } from './report-access.js';

/**
 * The shape every workflow step shares: load the report the actor may read
 * (else 404), authorize the step by its named policy (else 403), then in one
 * transaction lock the row, check the version (409 with the current record)
 * and the state, write and audit.
 */
export async function runTransition(
  db: Db,
  ctx: RequestContext,
  id: number,
  version: number,
  step: {
    action: string;
    authorize: (loaded: LoadedReport) => void;
    /** Checks inside the transaction before the write (a locked period…). */
    before?: (loaded: LoadedReport, tx: Db) => Promise<void>;
    from: readonly ReportRow['state'][];
    wrongState: (state: ReportRow['state']) => AppError;
    patch: (current: ReportRow) => Partial<NewReport>;
  },
): Promise<ReportOut> {
  const loaded = await loadReadableReport(db, ctx.actor, id);
  step.authorize(loaded);
  await db.transaction(async (tx) => {
    await step.before?.(loaded, tx);
    const done = await transitionReport(tx, ctx, id, version, {
      action: step.action,
      present: presentRecord,
      check: (current) => {
        if (!step.from.includes(current.state)) throw step.wrongState(current.state);
      },
      patch: step.patch(loaded.row),
    });
    if (!done) throw reportNotFound();
  });
  const row = await findReport(db, id);
  if (!row) throw reportNotFound();
  return presentReport(db, ctx.actor, row, loaded.item);
}
