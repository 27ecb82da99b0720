import { draftBulletin } from '../../../core/publish/bulletin-draft.js';
import type { BulletinBody, BulletinRecord } from '../../../core/publish/bulletin-types.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { loadBulletinData } from '../publish/draft-bulletin-data.js';
import { editableBulletin, missingBulletin, presentBulletin, publishedConflict } from './bulletin-access.js';
import { changeDraft } from './change-draft.js';

/**
 * Draw a draft's facts again at its cut-off (reports approved since count)
 * and draft its text anew, in the same genre: the office's edits are replaced.
 */
export async function refreshBulletin(
  db: Db,
  ctx: RequestContext,
  id: number,
  expectedVersion: number | null,
): Promise<BulletinRecord> {
  const { row } = await editableBulletin(db, ctx.actor, id);
  if (row.state !== 'draft') throw publishedConflict();
  const data = await loadBulletinData(db, row.programmeId, row.cutoff);
  if (!data) throw missingBulletin();
  const draft = draftBulletin(data, { genre: (row.body as BulletinBody).genre });
  return db.transaction(async (tx) =>
    presentBulletin(
      await changeDraft(tx, ctx, {
        id,
        expectedVersion,
        action: 'refresh',
        patch: () => ({ data, title: draft.title, period: draft.period, body: draft.body }),
      }),
    ),
  );
}
