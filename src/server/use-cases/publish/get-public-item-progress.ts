import { comparePeriods, isPeriod } from '../../../core/periods.js';
import type { ItemStatus } from '../../../core/work/status.js';
import type { Db } from '../../../db/client.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import { loadStatusInputs, type StatusInputs } from '../../../db/repositories/status-inputs.repository.js';
import { evaluateStatusInputs, type ProgrammeStatus } from '../work/evaluate-programme-status.js';

/**
 * Planned versus actual per indicator of one item, as the public sees it: the
 * plan's cumulative checkpoints and the approved actual values. Unlike
 * getItemProgress (the office's chart) it carries no reasons and no
 * projection: those hold expected values, which stay internal
 * (docs/decisions/0004-public-means-published.md).
 */
export interface PublicItemProgress {
  itemId: number;
  programmeId: number;
  asOf: string;
  status: ItemStatus;
  indicators: Array<{
    indicatorId: number;
    name: string;
    unit: string;
    target: number | null;
    direction: 'increase' | 'decrease';
    planned: Array<{ period: string; value: number }>;
    actual: Array<{ period: string; value: number }>;
  }>;
}

/** Pure: the item's planned and actual series from a programme's status inputs and their evaluation. */
export function publicItemProgressOf(
  inputs: StatusInputs,
  status: ProgrammeStatus,
  itemId: number,
): PublicItemProgress | undefined {
  const entry = status.items.find((e) => e.id === itemId);
  if (!entry) return undefined;
  const indicators = inputs.indicators
    .filter((i) => i.itemId === itemId)
    .sort((a, b) => a.position - b.position || a.id - b.id);
  return {
    itemId,
    programmeId: inputs.programme.id,
    asOf: status.asOf,
    status: entry.status,
    indicators: indicators.map((indicator) => ({
      indicatorId: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      target: indicator.target,
      direction: indicator.direction,
      planned: Object.entries(indicator.checkpoints)
        .filter(([period]) => isPeriod(period))
        .sort(([a], [b]) => comparePeriods(a, b))
        .map(([period, value]) => ({ period, value })),
      actual: entry.reports.flatMap((report) => {
        const value = report.values[indicator.id];
        return value === undefined ? [] : [{ period: report.period, value }];
      }),
    })),
  };
}

/**
 * The public chart data of an item of a published programme; undefined when
 * the item does not exist, its programme is not published, or (with
 * `programmeId`) it belongs to another programme.
 */
export async function getPublicItemProgress(
  db: Db,
  itemId: number,
  asOf: string,
  programmeId?: number,
): Promise<PublicItemProgress | undefined> {
  let owner = programmeId;
  if (owner === undefined) {
    const access = await itemAccess(db, itemId);
    if (!access) return undefined;
    owner = access.programmeId;
  }
  const inputs = await loadStatusInputs(db, owner);
  if (!inputs || inputs.programme.state !== 'published') return undefined;
  if (!inputs.items.some((i) => i.id === itemId)) return undefined;
  return publicItemProgressOf(inputs, evaluateStatusInputs(inputs, asOf), itemId);
}
