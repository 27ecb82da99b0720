import { forbidden, notFound } from '../../../core/errors.js';
import { canManageProgramme } from '../../../core/policies.js';
import { buildTree, treeToDocument } from '../../../core/tree.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { deleteAudited } from '../../../db/crud.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';
import { programmes } from '../../../db/schema.js';

/** Delete a programme and everything under it; the audit record keeps the whole list as it was. */
export async function deleteProgramme(db: Db, ctx: RequestContext, programmeId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await loadTreeRows(tx, programmeId);
    if (!rows) throw notFound('民心工程', 'Programme');
    if (!canManageProgramme(ctx.actor, rows.programme.jurisdictionId)) throw forbidden();
    await deleteAudited(tx, ctx, programmes, programmeId, {
      entityType: 'programme',
      what: { zh: '民心工程', en: 'programme' },
      context: () => ({ programmeId }),
      beforeSnapshot: { programme: rows.programme, document: treeToDocument(buildTree(rows)) },
    });
  });
}
