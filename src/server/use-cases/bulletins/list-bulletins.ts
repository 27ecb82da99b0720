import type { Actor } from '../../../core/actor.js';
import { canEditBulletins } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { listBulletinSummaries } from '../../../db/repositories/bulletins.repository.js';
import { type BulletinSummary, presentSummary, readableProgramme } from './bulletin-access.js';

/** A programme's bulletins: drafts first (the office only), then the published ones, newest first. */
export async function listBulletins(db: Db, actor: Actor, programmeId: number): Promise<{ items: BulletinSummary[] }> {
  const { programme } = await readableProgramme(db, actor, programmeId);
  const publishedOnly = !canEditBulletins(actor, programme.jurisdictionId);
  const rows = await listBulletinSummaries(db, programmeId, { publishedOnly });
  return { items: rows.map(presentSummary) };
}
