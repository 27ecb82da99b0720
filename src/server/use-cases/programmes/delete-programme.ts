import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { canManageProgramme } from '../../../core/policies.js';
import { buildTree, treeToDocument } from '../../../core/tree.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { deleteAudited } from '../../../db/crud.js';
import { countPublished, deleteDraftsOf } from '../../../db/repositories/bulletins.repository.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';
import { programmes } from '../../../db/schema.js';

/**
 * Delete a programme and everything under it; the audit record keeps the whole
 * list as it was, and the drafts of its bulletins. A programme with published
 * bulletins stays: they are a public record (archive it instead).
 */
export async function deleteProgramme(db: Db, ctx: RequestContext, programmeId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await loadTreeRows(tx, programmeId);
    if (!rows) throw notFound('民心工程', 'Programme');
    if (!canManageProgramme(ctx.actor, rows.programme.jurisdictionId)) throw forbidden();
    if ((await countPublished(tx, programmeId)) > 0)
      throw new AppError(
        'CONFLICT',
        '该清单已发布过进展情况通报，通报是公开记录，不能随清单删除；如不再使用，请将清单归档。 This programme has published bulletins, which are a public record; archive the programme instead of deleting it.',
      );
    const drafts = await deleteDraftsOf(tx, programmeId);
    await deleteAudited(tx, ctx, programmes, programmeId, {
      entityType: 'programme',
      what: { zh: '民心工程', en: 'programme' },
      context: () => ({ programmeId }),
      beforeSnapshot: {
        programme: rows.programme,
        document: treeToDocument(buildTree(rows)),
        bulletinDrafts: drafts.map(({ data: _data, ...draft }) => draft),
      },
    });
  });
}
