import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { deleteBulletinRow, lockBulletin } from '../../../db/repositories/bulletins.repository.js';
import { auditSnapshot } from './audit-snapshot.js';
import { editableBulletin, missingBulletin, publishedConflict } from './bulletin-access.js';

/** The office deletes a draft; a published bulletin is a public record and stays (409). */
export async function deleteBulletin(db: Db, ctx: RequestContext, id: number): Promise<void> {
  const { row } = await editableBulletin(db, ctx.actor, id);
  if (row.state !== 'draft') throw publishedConflict();
  await db.transaction(async (tx) => {
    const current = await lockBulletin(tx, id);
    if (!current) throw missingBulletin();
    if (current.state !== 'draft') throw publishedConflict();
    await deleteBulletinRow(tx, id);
    await writeAudit(tx, ctx, {
      action: 'delete',
      entityType: 'bulletin',
      entityId: id,
      programmeId: current.programmeId,
      before: auditSnapshot(current),
    });
  });
}
