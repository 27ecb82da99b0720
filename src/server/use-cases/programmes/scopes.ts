import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canManageProgramme } from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { categoryAccess } from '../../../db/repositories/access.repository.js';
import { items, programmes } from '../../../db/schema.js';

/** Where a record of a programme's structure sits: what the write policy and the history need. */
export interface StructureScope {
  jurisdictionId: number;
  programmeId: number;
  year: number;
  itemId: number | null;
}

export async function programmeScope(db: Db, programmeId: number): Promise<StructureScope> {
  const programme = await findRow(db, programmes, programmeId);
  if (!programme) throw notFound('民心工程', 'Programme');
  return { jurisdictionId: programme.jurisdictionId, programmeId, year: programme.year, itemId: null };
}

export async function categoryScope(db: Db, categoryId: number): Promise<StructureScope> {
  const category = await categoryAccess(db, categoryId);
  if (!category) throw notFound('大项', 'Category');
  return programmeScope(db, category.programmeId);
}

export async function itemScope(db: Db, itemId: number): Promise<StructureScope> {
  const item = await findRow(db, items, itemId);
  if (!item) throw notFound('子项', 'Item');
  return { ...(await programmeScope(db, item.programmeId)), itemId };
}

/** Records that hang off an item: written by whoever manages the programme, shown in the item's history. */
export const itemWriteRule = {
  scopeOfRow: (db: Db, row: { itemId: number }) => itemScope(db, row.itemId),
  canWrite: (actor: Actor, scope: StructureScope) => canManageProgramme(actor, scope.jurisdictionId),
  auditContext: (scope: StructureScope) => ({ programmeId: scope.programmeId, itemId: scope.itemId }),
};
