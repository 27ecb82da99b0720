import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canReadItem } from '../../../core/policies.js';
import { buildTree, filterTree, type ItemNode, itemFactsInTree } from '../../../core/tree.js';
import type { Db } from '../../../db/client.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import { type CityItemSummary, cityItemOf } from '../../../db/repositories/districts.repository.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';

export interface ItemDetail extends ItemNode {
  programmeId: number;
  categoryTitle: string;
  /** In a district programme: the city item this one serves. */
  cityItem: CityItemSummary | null;
}

const missing = () => notFound('子项', 'Item');

function findNode(items: readonly ItemNode[], id: number): ItemNode | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const found = findNode(item.children, id);
    if (found) return found;
  }
  return undefined;
}

/** One item with its units, people, milestones, indicators and the parts the actor may see. */
export async function getItem(db: Db, actor: Actor, itemId: number): Promise<ItemDetail> {
  const access = await itemAccess(db, itemId);
  if (!access || !canReadItem(actor, access)) throw missing();
  const rows = await loadTreeRows(db, access.programmeId);
  if (!rows) throw missing();
  const tree = filterTree(buildTree(rows), (item, parent) =>
    canReadItem(actor, itemFactsInTree(access.jurisdictionId, item, parent)),
  );
  const category = tree.categories.find((c) => c.id === access.categoryId);
  const node = category ? findNode(category.items, itemId) : undefined;
  if (!category || !node) throw missing();
  return {
    ...node,
    programmeId: access.programmeId,
    categoryTitle: category.title,
    cityItem: await cityItemOf(db, itemId),
  };
}
