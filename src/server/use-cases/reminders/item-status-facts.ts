import type { ItemStatusFact } from '../../../core/work/reminders.js';
import type { Db } from '../../../db/client.js';
import { evaluateProgrammeStatus } from '../work/evaluate-programme-status.js';

const CALLS_FOR_REMINDER = new Set(['at_risk', 'lagging', 'overdue']);

/**
 * The items and parts of a programme whose status against plan calls for a
 * reminder (at risk, lagging, overdue). An item with parts is judged on its
 * own plan only: a lagging part is reminded about itself, not again through
 * the item it rolls up into.
 */
export async function itemStatusFacts(db: Db, programmeId: number, date: string): Promise<ItemStatusFact[]> {
  const status = await evaluateProgrammeStatus(db, programmeId, date);
  if (!status) return [];
  const hasParts = new Set(status.items.flatMap((item) => (item.parentId === null ? [] : [item.parentId])));
  return status.items.flatMap((item) => {
    const judged = hasParts.has(item.id) ? item.own : item;
    if (!CALLS_FOR_REMINDER.has(judged.status)) return [];
    return [
      {
        itemId: item.id,
        number: item.number,
        name: item.name,
        status: judged.status,
        reasons: judged.reasons,
        leadUnitId: item.leadUnitId,
      },
    ];
  });
}
