import type { Actor } from '../../../core/actor.js';
import type { Db } from '../../../db/client.js';
import { type NoticeOut, presentNotices, readableNotice } from './present-notice.js';

/** One notice, for the office, the unit it went to and those who may read its item; 404 for anyone else. */
export async function getNotice(db: Db, actor: Actor, id: number): Promise<NoticeOut> {
  const { view } = await readableNotice(db, actor, id);
  const [out] = await presentNotices(db, [view]);
  return out as NoticeOut;
}
