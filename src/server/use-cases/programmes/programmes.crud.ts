import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canManageProgramme, canReadProgramme } from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { findProgrammeView } from '../../../db/repositories/tree.repository.js';
import { jurisdictions, programmes } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';

type Input = { jurisdictionId: number; year: number; title: string; parentId: number | null };

/** The parent's title; the actor must be able to read the parent, or it does not exist for them. */
async function parentTitle(db: Db, actor: Actor, parentId: number | null | undefined): Promise<string | null> {
  if (parentId === null || parentId === undefined) return null;
  const parent = await findRow(db, programmes, parentId);
  const access = parent ? await programmeAccess(db, actor, parentId) : undefined;
  if (!parent || !access || !canReadProgramme(actor, access)) throw notFound('上级民心工程', 'Parent programme');
  return parent.title;
}

export const programmesCrud = defineCrud({
  table: programmes,
  meta: {
    entityType: 'programme',
    what: { zh: '民心工程', en: 'programme' },
    context: (row) => ({ programmeId: row.id }),
  },
  present: async (db, row) => {
    const view = await findProgrammeView(db, row.id);
    if (!view) throw notFound('民心工程', 'Programme');
    return view;
  },
  scopeOfCreate: async (db, input: Input) => {
    if (!(await findRow(db, jurisdictions, input.jurisdictionId))) throw notFound('行政区', 'Jurisdiction');
    return { jurisdictionId: input.jurisdictionId };
  },
  scopeOfRow: async (_db, row) => ({ jurisdictionId: row.jurisdictionId }),
  canWrite: (actor, scope) => canManageProgramme(actor, scope.jurisdictionId),
  toValues: async (db, input, _scope, _parentId, actor) => ({
    ...input,
    parentTitle: await parentTitle(db, actor, input.parentId),
    state: 'draft' as const,
  }),
  checkPatch: async (db, patch, _scope, _row, actor) =>
    'parentId' in patch
      ? { ...patch, parentTitle: await parentTitle(db, actor, patch.parentId as number | null) }
      : patch,
});
