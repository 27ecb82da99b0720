import { AppError, notFound } from '../../../core/errors.js';
import { canManageReferenceData } from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { jurisdictions, people, units } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';

type Input = { jurisdictionId: number; name: string; title: string; unitId: number | null };

async function checkUnit(db: Db, unitId: number | null | undefined, jurisdictionId: number): Promise<void> {
  if (unitId === null || unitId === undefined) return;
  const unit = await findRow(db, units, unitId);
  if (!unit) throw notFound('责任单位', 'Unit');
  if (unit.jurisdictionId !== jurisdictionId)
    throw new AppError('VALIDATION', '该单位不属于此人员所在行政区。 The unit belongs to another jurisdiction.');
}

export const peopleCrud = defineCrud({
  table: people,
  meta: { entityType: 'person', what: { zh: '人员', en: 'person' } },
  present: async (_db, row) => ({
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    name: row.name,
    title: row.title,
    unitId: row.unitId,
    version: row.version,
  }),
  scopeOfCreate: async (db, input: Input) => {
    if (!(await findRow(db, jurisdictions, input.jurisdictionId))) throw notFound('行政区', 'Jurisdiction');
    return { jurisdictionId: input.jurisdictionId };
  },
  scopeOfRow: async (_db, row) => ({ jurisdictionId: row.jurisdictionId }),
  canWrite: (actor, scope) => canManageReferenceData(actor, scope.jurisdictionId),
  toValues: async (db, input) => {
    await checkUnit(db, input.unitId, input.jurisdictionId);
    return input;
  },
  checkPatch: async (db, patch, scope) => {
    await checkUnit(db, patch.unitId as number | null | undefined, scope.jurisdictionId);
    return patch;
  },
});
