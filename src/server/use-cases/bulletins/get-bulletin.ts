import type { Actor } from '../../../core/actor.js';
import type { BulletinRecord } from '../../../core/publish/bulletin-types.js';
import type { Db } from '../../../db/client.js';
import { presentBulletin, readableBulletin } from './bulletin-access.js';

/** One bulletin with its text and facts; a draft only for the office. */
export async function getBulletin(db: Db, actor: Actor, id: number): Promise<BulletinRecord> {
  const { row } = await readableBulletin(db, actor, id);
  return presentBulletin(row);
}
