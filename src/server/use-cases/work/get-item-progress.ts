import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canReadItem } from '../../../core/policies.js';
import { shanghaiToday } from '../../../core/work/calendar.js';
import type { ItemStatus } from '../../../core/work/status.js';
import type { Db } from '../../../db/client.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import { loadStatusInputs } from '../../../db/repositories/status-inputs.repository.js';
import { publicItemProgressOf } from '../publish/get-public-item-progress.js';
import { evaluateStatusInputs } from './evaluate-programme-status.js';

export interface ItemProgress {
  itemId: number;
  asOf: string;
  status: ItemStatus;
  reasons: string[];
  indicators: Array<{
    indicatorId: number;
    name: string;
    unit: string;
    target: number | null;
    direction: 'increase' | 'decrease';
    planned: Array<{ period: string; value: number }>;
    actual: Array<{ period: string; value: number }>;
    projection: { yearEnd: string; projected: number | null; shortfall: boolean; warning: string | null };
  }>;
}

const missing = () => notFound('子项', 'Item');

/** Planned versus actual per indicator of one item, for its chart: whoever may read the item. */
export async function getItemProgress(
  db: Db,
  actor: Actor,
  itemId: number,
  asOf: string = shanghaiToday(),
): Promise<ItemProgress> {
  const access = await itemAccess(db, itemId);
  if (!access || !canReadItem(actor, access)) throw missing();
  const inputs = await loadStatusInputs(db, access.programmeId);
  if (!inputs) throw missing();
  const status = evaluateStatusInputs(inputs, asOf);
  const entry = status.items.find((e) => e.id === itemId);
  const series = publicItemProgressOf(inputs, status, itemId);
  if (!entry || !series) throw missing();
  // The public series, plus what the office alone sees: the reasons and the year-end projection.
  return {
    itemId,
    asOf,
    status: entry.status,
    reasons: entry.reasons,
    indicators: series.indicators.map((indicator) => {
      const projected = entry.projection.indicators.find((p) => p.indicatorId === indicator.indicatorId);
      return {
        ...indicator,
        projection: {
          yearEnd: entry.projection.yearEnd,
          projected: projected?.projected ?? null,
          shortfall: projected?.shortfall ?? false,
          warning: projected?.shortfall ? entry.projection.warning : null,
        },
      };
    }),
  };
}
