import type { Actor } from '../../../core/actor.js';
import { canReadSatisfaction } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { loadSatisfactionFacts, type SatisfactionItem } from '../../../db/repositories/feedback.repository.js';
import type { SatisfactionOut } from '../../schemas/feedback.js';
import { programmeForFeedback } from './programme-for-feedback.js';

const mean = (sum: number, count: number): number | null =>
  count === 0 ? null : Math.round((sum / count) * 100) / 100;

/** Items in the list's order: by category, then item, each part right after its item. */
function inListOrder(items: SatisfactionItem[]): SatisfactionItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const key = (i: SatisfactionItem) => {
    const top = (i.parentItemId !== null ? byId.get(i.parentItemId) : undefined) ?? i;
    return [i.categoryPosition, top.position, top.id, top === i ? 0 : 1, i.position, i.id];
  };
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let n = 0; n < ka.length; n++) if (ka[n] !== kb[n]) return (ka[n] ?? 0) - (kb[n] ?? 0);
    return 0;
  });
}

/**
 * Residents' satisfaction with a programme: per item the mean rating, the count,
 * how many gave 1…5 and the comments waiting for moderation; per lead unit the
 * mean and count over the items it leads (a part without a lead unit of its
 * own counts for its item's). Every rating counts, as on the public page;
 * moderation decides only whether a comment is shown.
 */
export async function getSatisfaction(db: Db, actor: Actor, programmeId: number): Promise<SatisfactionOut> {
  await programmeForFeedback(db, actor, programmeId, canReadSatisfaction);
  const facts = await loadSatisfactionFacts(db, programmeId);

  const ownLead = new Map<number, { unitId: number; name: string; position: number }>();
  for (const lead of facts.leads) {
    const seen = ownLead.get(lead.itemId);
    if (!seen || lead.position < seen.position) ownLead.set(lead.itemId, lead);
  }
  const parentOf = new Map(facts.items.map((i) => [i.id, i.parentItemId]));
  const leadOf = (itemId: number) => {
    const parent = parentOf.get(itemId);
    return ownLead.get(itemId) ?? (parent != null ? ownLead.get(parent) : undefined);
  };
  const distributions = new Map<number, number[]>();
  for (const r of facts.ratings) {
    const d = distributions.get(r.itemId) ?? [0, 0, 0, 0, 0];
    d[r.rating - 1] = (d[r.rating - 1] ?? 0) + Number(r.n);
    distributions.set(r.itemId, d);
  }
  const pending = new Map(facts.pending.map((p) => [p.itemId, Number(p.n)]));

  const units = new Map<number, { unitId: number; name: string; sum: number; count: number; itemCount: number }>();
  let overallSum = 0;
  let overallCount = 0;
  const items = inListOrder(facts.items).map((item) => {
    const distribution = distributions.get(item.id) ?? [0, 0, 0, 0, 0];
    const count = distribution.reduce((a, b) => a + b, 0);
    const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
    overallSum += sum;
    overallCount += count;
    const lead = leadOf(item.id);
    if (lead) {
      const unit = units.get(lead.unitId) ?? { unitId: lead.unitId, name: lead.name, sum: 0, count: 0, itemCount: 0 };
      unit.sum += sum;
      unit.count += count;
      unit.itemCount += 1;
      units.set(lead.unitId, unit);
    }
    return {
      itemId: item.id,
      number: item.number,
      name: item.name,
      parentItemId: item.parentItemId,
      leadUnitId: lead?.unitId ?? null,
      leadUnitName: lead?.name ?? null,
      average: mean(sum, count),
      count,
      distribution,
      pendingComments: pending.get(item.id) ?? 0,
    };
  });
  return {
    programmeId,
    overall: { average: mean(overallSum, overallCount), count: overallCount },
    items,
    units: [...units.values()].map((u) => ({
      unitId: u.unitId,
      name: u.name,
      average: mean(u.sum, u.count),
      count: u.count,
      itemCount: u.itemCount,
    })),
  };
}
