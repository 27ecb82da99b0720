import { versionConflict } from '../../../core/errors.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import {
  type BulletinRow,
  lockBulletin,
  type NewBulletinRow,
  updateBulletinRow,
} from '../../../db/repositories/bulletins.repository.js';
import { auditSnapshot } from './audit-snapshot.js';
import { missingBulletin, presentBulletin, publishedConflict } from './bulletin-access.js';

/**
 * Change a draft in the caller's transaction: lock it, refuse a published
 * one (409) and a stale version (409 with the current record), write, audit.
 */
export async function changeDraft(
  tx: Db,
  ctx: RequestContext,
  options: {
    id: number;
    expectedVersion: number | null;
    action: string;
    patch: (current: BulletinRow) => Partial<Omit<NewBulletinRow, 'id' | 'version' | 'programmeId'>>;
  },
): Promise<BulletinRow> {
  const before = await lockBulletin(tx, options.id);
  if (!before) throw missingBulletin();
  if (before.state !== 'draft') throw publishedConflict();
  if (options.expectedVersion !== null && before.version !== options.expectedVersion)
    throw versionConflict(presentBulletin(before));
  const after = await updateBulletinRow(tx, options.id, options.patch(before));
  await writeAudit(tx, ctx, {
    action: options.action,
    entityType: 'bulletin',
    entityId: options.id,
    programmeId: after.programmeId,
    before: auditSnapshot(before),
    after: auditSnapshot(after),
  });
  return after;
}
