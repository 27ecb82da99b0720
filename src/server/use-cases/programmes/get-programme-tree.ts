import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canExportProgramme, canReadItem, canReadProgramme } from '../../../core/policies.js';
import { buildTree, filterTree, itemFactsInTree, type ProgrammeTree } from '../../../core/tree.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';

const missing = () => notFound('民心工程', 'Programme');

/** The tree as this actor may see it: reporters and leaders only reach their own items. */
export async function getProgrammeTree(db: Db, actor: Actor, programmeId: number): Promise<ProgrammeTree> {
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw missing();
  const rows = await loadTreeRows(db, programmeId);
  if (!rows) throw missing();
  const tree = buildTree(rows);
  // Those who see every item see the programme whole, empty categories included.
  if (canExportProgramme(actor, access)) return tree;
  return filterTree(tree, (item, parent) => canReadItem(actor, itemFactsInTree(access.jurisdictionId, item, parent)));
}

/** The public view: published programmes only, whole. */
export async function getPublishedTree(db: Db, programmeId: number): Promise<ProgrammeTree> {
  const rows = await loadTreeRows(db, programmeId);
  if (rows?.programme.state !== 'published') throw missing();
  return buildTree(rows);
}
