import type { Actor } from '../../../core/actor.js';
import { forbidden, notFound } from '../../../core/errors.js';
import type { ProgrammeDocument } from '../../../core/interchange.js';
import { canExportProgramme, canReadProgramme } from '../../../core/policies.js';
import { buildTree, treeToDocument } from '../../../core/tree.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';

/** The whole programme in `minxin.programme/v1`; a reporter's filtered view would be a misleading list. */
export async function exportProgramme(db: Db, actor: Actor, programmeId: number): Promise<ProgrammeDocument> {
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw notFound('民心工程', 'Programme');
  if (!canExportProgramme(actor, access)) throw forbidden();
  const rows = await loadTreeRows(db, programmeId);
  if (!rows) throw notFound('民心工程', 'Programme');
  return treeToDocument(buildTree(rows));
}
