import type { Actor } from '../../../core/actor.js';
import { canReadNotice } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { listNoticeViews, type NoticeState } from '../../../db/repositories/notices.repository.js';
import { type NoticeOut, presentNotices } from './present-notice.js';
import { programmeItemsFor } from './programme-items.js';

export interface NoticeQuery {
  state?: NoticeState | undefined;
  unitId?: number | undefined;
  itemId?: number | undefined;
  limit: number;
  offset: number;
}

/**
 * A programme's notices, newest first, as the reader may see them: a reporter
 * only those sent to their unit, a leader those on the items they supervise.
 */
export async function listNotices(
  db: Db,
  actor: Actor,
  programmeId: number,
  query: NoticeQuery,
): Promise<{ items: NoticeOut[]; total: number }> {
  const programme = await programmeItemsFor(db, actor, programmeId);
  const ownUnit = actor.kind === 'user' && actor.role === 'reporter' ? actor.unitId : undefined;
  if (ownUnit === null || (ownUnit !== undefined && query.unitId !== undefined && query.unitId !== ownUnit))
    return { items: [], total: 0 };
  const { rows, total } = await listNoticeViews(
    db,
    {
      programmeId,
      state: query.state,
      itemId: query.itemId,
      unitId: ownUnit ?? query.unitId,
      itemIds: programme.readableIds,
    },
    { limit: query.limit, offset: query.offset },
  );
  // The query above already narrows to what the reader may see; the named policy has the last word.
  const visible = rows.filter((row) => {
    const facts = programme.facts.get(row.itemId);
    return facts !== undefined && canReadNotice(actor, facts, row.unitId);
  });
  return { items: await presentNotices(db, visible), total };
}
