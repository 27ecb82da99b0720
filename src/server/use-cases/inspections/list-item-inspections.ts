import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canReadItem } from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import { listInspectionViews } from '../../../db/repositories/inspections.repository.js';
import { type InspectionOut, presentInspections } from './present-inspection.js';

/** An item's inspections, latest visit first, for whoever may read the item. */
export async function listItemInspections(
  db: Db,
  actor: Actor,
  itemId: number,
  page: { limit: number; offset: number },
): Promise<{ items: InspectionOut[]; total: number }> {
  const item = await itemAccess(db, itemId);
  if (!item || !canReadItem(actor, item)) throw notFound('子项', 'Item');
  const { rows, total } = await listInspectionViews(db, { itemId }, page);
  return { items: await presentInspections(db, rows), total };
}
