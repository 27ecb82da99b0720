import { AppError, notFound } from '../../../core/errors.js';
import { canManageReferenceData } from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { jurisdictions, people, units } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';

type Input = { jurisdictionId: number; name: string; headPersonId?: number | null };

/** The unit's head must be a person of the unit's own jurisdiction. */
async function checkHead(db: Db, headPersonId: number | null | undefined, jurisdictionId: number): Promise<void> {
  if (headPersonId === null || headPersonId === undefined) return;
  const person = await findRow(db, people, headPersonId);
  if (!person) throw notFound('人员', 'Person');
  if (person.jurisdictionId !== jurisdictionId)
    throw new AppError(
      'VALIDATION',
      '单位负责人须是本行政区的人员，请先在本行政区添加该人员。 The unit head must be a person of the same jurisdiction.',
    );
}

export const unitsCrud = defineCrud({
  table: units,
  meta: { entityType: 'unit', what: { zh: '责任单位', en: 'unit' } },
  present: async (_db, row) => ({
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    name: row.name,
    headPersonId: row.headPersonId,
    version: row.version,
  }),
  scopeOfCreate: async (db, input: Input) => {
    if (!(await findRow(db, jurisdictions, input.jurisdictionId))) throw notFound('行政区', 'Jurisdiction');
    return { jurisdictionId: input.jurisdictionId };
  },
  scopeOfRow: async (_db, row) => ({ jurisdictionId: row.jurisdictionId }),
  canWrite: (actor, scope) => canManageReferenceData(actor, scope.jurisdictionId),
  toValues: async (db, input) => {
    await checkHead(db, input.headPersonId, input.jurisdictionId);
    return input;
  },
  checkPatch: async (db, patch, scope) => {
    await checkHead(db, patch.headPersonId as number | null | undefined, scope.jurisdictionId);
    return patch;
  },
});
