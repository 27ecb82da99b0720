import { AppError, notFound } from '../../../core/errors.js';
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
  checkPatch: async (_db, patch, _scope, row) => {
    if (patch.parentId === row.id)
      throw new AppError('VALIDATION', '行政区不能以自己为上级。 A jurisdiction cannot be its own parent.');
    return patch;
  },
});
