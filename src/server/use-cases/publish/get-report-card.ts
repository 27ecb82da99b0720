import { buildReportCard, type ReportCard } from '../../../core/publish/report-card.js';
import type { Db } from '../../../db/client.js';
import { loadPublicFacts } from '../../../db/repositories/public-facts.repository.js';
import { loadStatusInputs } from '../../../db/repositories/status-inputs.repository.js';
import { evaluateStatusInputs } from '../work/evaluate-programme-status.js';

/**
 * The report card of a programme at a date. `publicOnly`: undefined unless the
 * programme is published (what /p/ and the public API use); bulletins and the
 * CLI draft from any programme the caller was allowed to reach.
 */
export async function getReportCard(
  db: Db,
  programmeId: number,
  asOf: string,
  options: { publicOnly: boolean },
): Promise<ReportCard | undefined> {
  const [inputs, facts] = await Promise.all([loadStatusInputs(db, programmeId), loadPublicFacts(db, programmeId)]);
  if (!inputs || !facts) return undefined;
  if (options.publicOnly && facts.programme.state !== 'published') return undefined;
  const status = evaluateStatusInputs(inputs, asOf);
  const { id, title, year, jurisdictionId, jurisdictionName } = facts.programme;
  return buildReportCard({
    programme: { id, title, year, jurisdictionId, jurisdictionName },
    asOf,
    entries: status.items,
    categories: status.categories,
    items: facts.items,
    indicatorTargets: new Map(inputs.indicators.map((i) => [i.id, i.target])),
    milestones: inputs.milestones,
    units: facts.units,
    progress: facts.progress,
  });
}
