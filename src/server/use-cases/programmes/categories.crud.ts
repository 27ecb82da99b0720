import { eq } from 'drizzle-orm';
import { canManageProgramme } from '../../../core/policies.js';
import { nextPosition } from '../../../db/repositories/positions.repository.js';
import { categories } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';
import { canReadStructure, categoryScope, programmeScope } from './scopes.js';

type Input = { ordinal: number | null; title: string; position?: number | undefined };

export const categoriesCrud = defineCrud({
  table: categories,
  meta: { entityType: 'category', what: { zh: '大项', en: 'category' } },
  present: async (_db, row) => ({
    id: row.id,
    programmeId: row.programmeId,
    ordinal: row.ordinal,
    title: row.title,
    position: row.position,
    version: row.version,
  }),
  scopeOfCreate: (db, _input: Input, programmeId) => programmeScope(db, programmeId as number),
  scopeOfRow: (db, row) => categoryScope(db, row.id),
  canRead: canReadStructure,
  canWrite: (actor, scope) => canManageProgramme(actor, scope.jurisdictionId),
  auditContext: (scope) => ({ programmeId: scope.programmeId }),
  toValues: async (db, input, scope) => ({
    programmeId: scope.programmeId,
    ordinal: input.ordinal,
    title: input.title,
    position: input.position ?? (await nextPosition(db, categories, eq(categories.programmeId, scope.programmeId))),
  }),
});
