import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canReadItem, canReadProgramme, type ItemFacts } from '../../../core/policies.js';
import { buildTree, type ItemNode, itemFactsInTree } from '../../../core/tree.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';

/** What a list across a programme (notices, inspections) needs to know about its items for one reader. */
export interface ProgrammeItems {
  jurisdictionId: number;
  year: number;
  /** The policy facts of every item and part. */
  facts: ReadonlyMap<number, ItemFacts>;
  /** The items the reader may read; undefined when that is every item. */
  readableIds: number[] | undefined;
}

/**
 * The items of a programme as a reader sees them; 404 when the programme is
 * not theirs to read.
 */
export async function programmeItemsFor(db: Db, actor: Actor, programmeId: number): Promise<ProgrammeItems> {
  const missing = () => notFound('民心工程', 'Programme');
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw missing();
  const rows = await loadTreeRows(db, programmeId);
  if (!rows) throw missing();
  const facts = new Map<number, ItemFacts>();
  const walk = (nodes: readonly ItemNode[], parent: ItemNode | null) => {
    for (const node of nodes) {
      facts.set(node.id, itemFactsInTree(access.jurisdictionId, node, parent));
      walk(node.children, node);
    }
  };
  for (const category of buildTree(rows).categories) walk(category.items, null);
  const readable = [...facts].filter(([, f]) => canReadItem(actor, f)).map(([id]) => id);
  return {
    jurisdictionId: access.jurisdictionId,
    year: rows.programme.year,
    facts,
    readableIds: readable.length === facts.size ? undefined : readable,
  };
}
