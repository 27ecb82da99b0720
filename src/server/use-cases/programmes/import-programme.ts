import { eq } from 'drizzle-orm';
import { forbidden } from '../../../core/errors.js';
import type { ImportWarning, ProgrammeDocument } from '../../../core/interchange.js';
import { canImportProgramme } from '../../../core/policies.js';
import { normalizeDocument } from '../../../core/tree.js';
import { assertDocumentValid } from '../../../core/validate-document.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import {
  findOrCreateJurisdiction,
  writeProgrammeDocument,
} from '../../../db/repositories/programme-writer.repository.js';
import { jurisdictions, programmes } from '../../../db/schema.js';

export interface ImportResult {
  id: number;
  itemCount: number;
  warnings: ImportWarning[];
}

/**
 * A `minxin.programme/v1` document becomes a new draft programme, all or
 * nothing. A supervisor may import only into their own jurisdictions; only an
 * admin may bring in a jurisdiction the system does not know yet.
 */
export async function importProgramme(db: Db, ctx: RequestContext, doc: ProgrammeDocument): Promise<ImportResult> {
  assertDocumentValid(doc);
  const normalized = normalizeDocument(doc);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.name, normalized.jurisdiction))
      .limit(1);
    if (!canImportProgramme(ctx.actor, existing?.id ?? null)) throw forbidden();
    // A district list that carries out a city programme sits under the city's jurisdiction.
    const [parent] = normalized.parent
      ? await tx
          .select({ jurisdictionId: programmes.jurisdictionId })
          .from(programmes)
          .where(eq(programmes.title, normalized.parent))
          .limit(1)
      : [];
    const jurisdictionId =
      existing?.id ??
      (await findOrCreateJurisdiction(tx, ctx, normalized.jurisdiction, parent?.jurisdictionId ?? null));
    const written = await writeProgrammeDocument(tx, ctx, normalized, jurisdictionId);
    return { id: written.programmeId, itemCount: written.itemCount, warnings: doc.warnings ?? [] };
  });
}
