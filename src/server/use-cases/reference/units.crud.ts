import { notFound } from '../../../core/errors.js';
import { canManageReferenceData } from '../../../core/policies.js';
import { findRow } from '../../../db/crud.js';
import { jurisdictions, units } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';

type Input = { jurisdictionId: number; name: string };

export const unitsCrud = defineCrud({
  table: units,
  meta: { entityType: 'unit', what: { zh: '责任单位', en: 'unit' } },
  present: async (_db, row) => ({
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    name: row.name,
    version: row.version,
  }),
  scopeOfCreate: async (db, input: Input) => {
    if (!(await findRow(db, jurisdictions, input.jurisdictionId))) throw notFound('行政区', 'Jurisdiction');
    return { jurisdictionId: input.jurisdictionId };
  },
  scopeOfRow: async (_db, row) => ({ jurisdictionId: row.jurisdictionId }),
  canWrite: (actor, scope) => canManageReferenceData(actor, scope.jurisdictionId),
  toValues: async (_db, input) => input,
});
