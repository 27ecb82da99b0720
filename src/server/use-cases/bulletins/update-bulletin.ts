import type { BulletinBody, BulletinRecord } from '../../../core/publish/bulletin-types.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { editableBulletin, presentBulletin, publishedConflict } from './bulletin-access.js';
import { changeDraft } from './change-draft.js';

export interface UpdateBulletinInput {
  version: number;
  title?: string | undefined;
  body?: BulletinBody | undefined;
}

/** The office edits a draft's title and text; a published bulletin is frozen (409). */
export async function updateBulletin(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: UpdateBulletinInput,
): Promise<BulletinRecord> {
  const { row } = await editableBulletin(db, ctx.actor, id);
  if (row.state !== 'draft') throw publishedConflict();
  return db.transaction(async (tx) =>
    presentBulletin(
      await changeDraft(tx, ctx, {
        id,
        expectedVersion: input.version,
        action: 'update',
        patch: () => ({
          ...(input.title === undefined ? {} : { title: input.title }),
          ...(input.body === undefined ? {} : { body: input.body }),
        }),
      }),
    ),
  );
}
