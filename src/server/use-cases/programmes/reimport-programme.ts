import { AppError, forbidden, notFound } from '../../../core/errors.js';
import type { ProgrammeDocument } from '../../../core/interchange.js';
import { canManageProgramme } from '../../../core/policies.js';
import { diffProgrammes, type ProgrammeDiff } from '../../../core/programme-diff.js';
import { buildTree, normalizeDocument, type ProgrammeTree, treeToDocument } from '../../../core/tree.js';
import { assertDocumentValid } from '../../../core/validate-document.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { reviseProgramme } from '../../../db/repositories/programme-reviser.repository.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';

async function managedTree(db: Db, ctx: RequestContext, programmeId: number): Promise<ProgrammeTree> {
  const rows = await loadTreeRows(db, programmeId);
  if (!rows) throw notFound('民心工程', 'Programme');
  if (!canManageProgramme(ctx.actor, rows.programme.jurisdictionId)) throw forbidden();
  return buildTree(rows);
}

function checkRevision(tree: ProgrammeTree, doc: ProgrammeDocument): ProgrammeDocument {
  assertDocumentValid(doc);
  if (doc.jurisdiction !== tree.programme.jurisdictionName)
    throw new AppError(
      'VALIDATION',
      `修订清单属于“${doc.jurisdiction}”，而此民心工程属于“${tree.programme.jurisdictionName}”；请导入为新的民心工程。 The revised list belongs to another jurisdiction; import it as a new programme.`,
    );
  return normalizeDocument(doc);
}

/** What importing a revised list would change: added, removed and changed items. Writes nothing. */
export async function previewReimport(
  db: Db,
  ctx: RequestContext,
  programmeId: number,
  doc: ProgrammeDocument,
): Promise<ProgrammeDiff> {
  const tree = await managedTree(db, ctx, programmeId);
  return diffProgrammes(treeToDocument(tree), checkRevision(tree, doc));
}

/** Apply a revised list in one transaction, keeping unchanged items (and what is attached to them) as they are. */
export async function reimportProgramme(
  db: Db,
  ctx: RequestContext,
  programmeId: number,
  doc: ProgrammeDocument,
): Promise<ProgrammeDiff> {
  return db.transaction(async (tx) => {
    const tree = await managedTree(tx, ctx, programmeId);
    return reviseProgramme(tx, ctx, tree, checkRevision(tree, doc));
  });
}
