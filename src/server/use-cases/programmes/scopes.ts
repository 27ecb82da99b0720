import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canExportProgramme, canManageProgramme, canReadItem, canReadProgramme } from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { categoryAccess, itemAccess, programmeAccess } from '../../../db/repositories/access.repository.js';
import { items, programmes } from '../../../db/schema.js';
import { getProgrammeTree } from './get-programme-tree.js';

/** Where a record of a programme's structure sits: what the write policy and the history need. */
export interface StructureScope {
  jurisdictionId: number;
  programmeId: number;
  year: number;
  itemId: number | null;
  /** Set when the record is a category. */
  categoryId?: number;
}

export async function programmeScope(db: Db, programmeId: number): Promise<StructureScope> {
  const programme = await findRow(db, programmes, programmeId);
  if (!programme) throw notFound('民心工程', 'Programme');
  return { jurisdictionId: programme.jurisdictionId, programmeId, year: programme.year, itemId: null };
}

export async function categoryScope(db: Db, categoryId: number): Promise<StructureScope> {
  const category = await categoryAccess(db, categoryId);
  if (!category) throw notFound('大项', 'Category');
  return { ...(await programmeScope(db, category.programmeId)), categoryId };
}

export async function itemScope(db: Db, itemId: number): Promise<StructureScope> {
  const item = await findRow(db, items, itemId);
  if (!item) throw notFound('子项', 'Item');
  return { ...(await programmeScope(db, item.programmeId)), itemId };
}

/** Reading a record of the structure: the item's read policy, or the programme's for a category. */
export async function canReadStructure(db: Db, actor: Actor, scope: StructureScope): Promise<boolean> {
  if (scope.itemId !== null) {
    const access = await itemAccess(db, scope.itemId);
    return access !== undefined && canReadItem(actor, access);
  }
  const access = await programmeAccess(db, actor, scope.programmeId);
  if (access === undefined || !canReadProgramme(actor, access)) return false;
  if (scope.categoryId === undefined || canExportProgramme(actor, access)) return true;
  // A reporter or leader sees a category only when it holds an item they see.
  const tree = await getProgrammeTree(db, actor, scope.programmeId);
  return tree.categories.some((c) => c.id === scope.categoryId);
}

/** Records that hang off an item: written by whoever manages the programme, shown in the item's history. */
export const itemWriteRule = {
  scopeOfRow: (db: Db, row: { itemId: number }) => itemScope(db, row.itemId),
  canRead: canReadStructure,
  canWrite: (actor: Actor, scope: StructureScope) => canManageProgramme(actor, scope.jurisdictionId),
  auditContext: (scope: StructureScope) => ({ programmeId: scope.programmeId, itemId: scope.itemId }),
};
