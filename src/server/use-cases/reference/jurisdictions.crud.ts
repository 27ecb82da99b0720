import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { descendantsOf } from '../../../core/jurisdictions.js';
import { canManageReferenceData, isAdmin } from '../../../core/policies.js';
import { findRow } from '../../../db/crud.js';
import { jurisdictions } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';

type Input = { name: string; level: 'city' | 'district' | 'town'; parentId: number | null };
const what = { zh: '行政区', en: 'jurisdiction' };

/** Jurisdictions: a new top-level one is the admin's; a supervisor adds those under their own. */
export const jurisdictionsCrud = defineCrud({
  table: jurisdictions,
  meta: { entityType: 'jurisdiction', what },
  present: async (_db, row) => ({
    id: row.id,
    name: row.name,
    level: row.level,
    parentId: row.parentId,
    version: row.version,
  }),
  scopeOfCreate: async (db, input: Input) => {
    if (input.parentId !== null && !(await findRow(db, jurisdictions, input.parentId)))
      throw notFound('上级行政区', 'Parent jurisdiction');
    return { jurisdictionId: input.parentId };
  },
  scopeOfRow: async (_db, row) => ({ jurisdictionId: row.id }),
  canWrite: (actor, scope) =>
    scope.jurisdictionId === null ? isAdmin(actor) : canManageReferenceData(actor, scope.jurisdictionId),
  toValues: async (_db, input) => input,
  checkPatch: async (db, patch, _scope, row, actor) => {
    if (!('parentId' in patch)) return patch;
    const parentId = patch.parentId as number | null;
    // Moving a jurisdiction is writing under its new parent too: the same rule as creating it there.
    const allowed = parentId === null ? isAdmin(actor) : canManageReferenceData(actor, parentId);
    if (!allowed) throw forbidden();
    if (parentId !== null) {
      if (!(await findRow(db, jurisdictions, parentId))) throw notFound('上级行政区', 'Parent jurisdiction');
      const all = await db.select({ id: jurisdictions.id, parentId: jurisdictions.parentId }).from(jurisdictions);
      if (descendantsOf(row.id, all).includes(parentId))
        throw new AppError(
          'VALIDATION',
          '不能把行政区移到它自己或它的下级之下。 A jurisdiction cannot move under itself or one of its own.',
        );
    }
    return patch;
  },
});
