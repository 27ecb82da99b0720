import type { Actor } from '../../../core/actor.js';
import type { Db } from '../../../db/client.js';
import { listInspectionViews } from '../../../db/repositories/inspections.repository.js';
import { programmeItemsFor } from '../notices/programme-items.js';
import { type InspectionOut, presentInspections } from './present-inspection.js';

/** A programme's inspections, latest visit first, of the items the reader may read. */
export async function listProgrammeInspections(
  db: Db,
  actor: Actor,
  programmeId: number,
  query: { itemId?: number | undefined; limit: number; offset: number },
): Promise<{ items: InspectionOut[]; total: number }> {
  const programme = await programmeItemsFor(db, actor, programmeId);
  const { rows, total } = await listInspectionViews(
    db,
    { programmeId, itemId: query.itemId, itemIds: programme.readableIds },
    { limit: query.limit, offset: query.offset },
  );
  return { items: await presentInspections(db, rows), total };
}
