import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/actor.js';
import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { canReadProgramme } from '../../../core/policies.js';
import { canSupervise } from '../../../core/work-policies.js';
import { type RequestContext, writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { programmes } from '../../../db/schema.js';
import { getProgrammeTree } from '../programmes/get-programme-tree.js';

const missing = () => notFound('民心工程清单', 'Programme');

/**
 * Make a programme public (docs/decisions/0004-public-means-published.md): its
 * state becomes `published`, so /p/ shows it and units report on it. Publishing
 * a published programme changes nothing; an archived one is refused.
 */
export async function publishProgramme(db: Db, ctx: RequestContext & { actor: Actor }, programmeId: number) {
  const access = await programmeAccess(db, ctx.actor, programmeId);
  if (!access || !canReadProgramme(ctx.actor, access)) throw missing();
  if (!canSupervise(ctx.actor, access.jurisdictionId)) throw forbidden();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(programmes).where(eq(programmes.id, programmeId)).for('update').limit(1);
    if (!row) throw missing();
    if (row.state === 'published') return;
    if (row.state === 'archived')
      throw new AppError(
        'CONFLICT',
        '该清单已归档，不能发布；如需公开，请先将其状态改回草稿。 This programme is archived; set it back to draft before publishing.',
      );
    const [after] = await tx
      .update(programmes)
      .set({ state: 'published', version: sql`${programmes.version} + 1`, updatedAt: sql`now()` })
      .where(eq(programmes.id, programmeId))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'publish',
      entityType: 'programme',
      entityId: programmeId,
      programmeId,
      before: { state: row.state, version: row.version },
      after: { state: after?.state, version: after?.version },
    });
  });
  return (await getProgrammeTree(db, ctx.actor, programmeId)).programme;
}
