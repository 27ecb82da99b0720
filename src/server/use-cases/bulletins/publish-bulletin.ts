import { actorId } from '../../../core/actor.js';
import { AppError, versionConflict } from '../../../core/errors.js';
import type { BulletinBody, BulletinData, BulletinRecord } from '../../../core/publish/bulletin-types.js';
import { bulletinHash } from '../../../core/publish/hash-chain.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import {
  findBulletinProgramme,
  holdProgrammeForBulletins,
  lastPublished,
  lockBulletin,
  updateBulletinRow,
} from '../../../db/repositories/bulletins.repository.js';
import { auditSnapshot } from './audit-snapshot.js';
import { editableBulletin, missingBulletin, presentBulletin, publishedConflict } from './bulletin-access.js';

const notPublic = (): AppError =>
  new AppError(
    'CONFLICT',
    '清单尚未发布（未公开），其通报不能发布；请先发布清单。 The programme is not published (not public); publish it before its bulletins.',
  );

/**
 * Publish a draft: it becomes the next link of the programme's chain and is
 * frozen from then on (a trigger refuses any change). In one transaction that
 * holds the programme row, so two publishers take turns: seq = previous + 1,
 * prevHash = the previous bulletin's hash, hash over the record as stored.
 */
export async function publishBulletin(
  db: Db,
  ctx: RequestContext,
  id: number,
  expectedVersion: number | null,
): Promise<BulletinRecord> {
  const { row } = await editableBulletin(db, ctx.actor, id);
  if (row.state !== 'draft') throw publishedConflict();
  return db.transaction(async (tx) => {
    if (!(await holdProgrammeForBulletins(tx, row.programmeId))) throw missingBulletin();
    const programme = await findBulletinProgramme(tx, row.programmeId);
    if (programme?.state !== 'published') throw notPublic();
    const current = await lockBulletin(tx, id);
    if (!current) throw missingBulletin();
    if (current.state !== 'draft') throw publishedConflict();
    if (expectedVersion !== null && current.version !== expectedVersion)
      throw versionConflict(presentBulletin(current));

    const previous = await lastPublished(tx, current.programmeId);
    const seq = (previous?.seq ?? 0) + 1;
    const prevHash = previous?.hash ?? null;
    // Milliseconds, as the column keeps them: the hash is checked later on the stored value.
    const publishedAt = new Date().toISOString();
    const hash = bulletinHash(prevHash, {
      programmeId: current.programmeId,
      seq,
      cutoff: current.cutoff,
      title: current.title,
      body: current.body as BulletinBody,
      data: current.data as BulletinData,
      publishedAt,
    });
    const after = await updateBulletinRow(tx, id, {
      state: 'published',
      seq,
      prevHash,
      hash,
      publishedAt,
      publishedBy: actorId(ctx.actor),
    });
    await writeAudit(tx, ctx, {
      action: 'publish',
      entityType: 'bulletin',
      entityId: id,
      programmeId: current.programmeId,
      before: auditSnapshot(current),
      after: auditSnapshot(after),
    });
    return presentBulletin(after);
  });
}
