import type { Actor } from '../../../core/actor.js';
import { AppError, forbidden } from '../../../core/errors.js';
import type { ImportOptions, ImportResult } from '../../../core/import/import-document.js';
import { IMPORT_LIMITS } from '../../../core/import/model.js';
import { canPreviewImport } from '../../../core/policies.js';
import { importPool } from '../../workers/shared-pool.js';

export type ImportSourceInput = ImportOptions & ({ fileName: string; contentBase64: string } | { text: string });

/**
 * Read an uploaded file or pasted text as a programme, for the person to check
 * and correct before it is committed. Writes nothing. The reading runs on the
 * import pool's worker threads, so a large file does not hold up other requests.
 */
export async function previewImport(actor: Actor, input: ImportSourceInput): Promise<ImportResult> {
  if (!canPreviewImport(actor)) throw forbidden();
  const options: ImportOptions = { year: input.year, jurisdiction: input.jurisdiction, title: input.title };
  if ('text' in input) return importPool().importPastedText(input.text, options);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > IMPORT_LIMITS.fileBytes)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `文件超过 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB，请拆分后再导入。 The file is too large.`,
    );
  return importPool().importFile(bytes, input.fileName, options);
}
