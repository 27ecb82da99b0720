import { and, eq, isNull } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/errors.js';
import { canManageProgramme } from '../../../core/policies.js';
import { deadlineOf } from '../../../core/tree.js';
import { findRow } from '../../../db/crud.js';
import { nextPosition } from '../../../db/repositories/positions.repository.js';
import { items } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';
import { categoryScope, itemScope } from './scopes.js';

type Deadline = { text: string; date: string | null } | null;
type Input = {
  number: string;
  name: string;
  description: string;
  target: string;
  deadline: Deadline;
  parentItemId: number | null;
  position?: number | undefined;
};

const deadlineColumns = (deadline: Deadline) => ({
  deadlineText: deadline ? deadline.text : null,
  deadlineDate: deadline ? deadline.date : null,
});

export const itemsCrud = defineCrud({
  table: items,
  meta: { entityType: 'item', what: { zh: '子项', en: 'item' }, context: (row) => ({ itemId: row.id }) },
  present: async (_db, row) => ({
    id: row.id,
    programmeId: row.programmeId,
    categoryId: row.categoryId,
    parentItemId: row.parentItemId,
    position: row.position,
    number: row.number,
    name: row.name,
    description: row.description,
    target: row.target,
    deadline: deadlineOf(row),
    version: row.version,
  }),
  scopeOfCreate: async (db, _input: Input, categoryId) => ({
    ...(await categoryScope(db, categoryId as number)),
    categoryId: categoryId as number,
  }),
  scopeOfRow: async (db, row) => ({ ...(await itemScope(db, row.id)), categoryId: row.categoryId }),
  canWrite: (actor, scope) => canManageProgramme(actor, scope.jurisdictionId),
  auditContext: (scope) => ({ programmeId: scope.programmeId }),
  toValues: async (db, input, scope) => {
    if (input.parentItemId !== null) {
      const parent = await findRow(db, items, input.parentItemId);
      if (!parent) throw notFound('上级子项', 'Parent item');
      if (parent.categoryId !== scope.categoryId)
        throw new AppError(
          'VALIDATION',
          '分项必须与其上级子项属于同一大项。 A part must be in its parent item’s category.',
        );
    }
    const siblings =
      input.parentItemId === null
        ? and(eq(items.categoryId, scope.categoryId), isNull(items.parentItemId))
        : eq(items.parentItemId, input.parentItemId);
    return {
      programmeId: scope.programmeId,
      categoryId: scope.categoryId,
      parentItemId: input.parentItemId,
      position: input.position ?? (await nextPosition(db, items, siblings)),
      number: input.number,
      name: input.name,
      description: input.description,
      target: input.target,
      ...deadlineColumns(input.deadline),
    };
  },
  checkPatch: async (_db, patch) => {
    if (!('deadline' in patch)) return patch;
    const { deadline, ...rest } = patch;
    return { ...rest, ...deadlineColumns(deadline as Deadline) };
  },
});
