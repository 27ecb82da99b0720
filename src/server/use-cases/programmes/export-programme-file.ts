import type { Actor } from '../../../core/actor.js';
import {
  contentDisposition,
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  exportBytes,
  exportFileName,
} from '../../../core/export/export-file.js';
import type { ProgrammeDocument } from '../../../core/interchange.js';
import type { Db } from '../../../db/client.js';
import { exportProgramme } from './export-programme.js';

export interface ExportedFile {
  format: ExportFormat;
  /** The whole programme, for a caller that sends JSON itself. */
  document: ProgrammeDocument;
  /** The file's bytes in the format (JSON pretty-printed). */
  bytes: Buffer;
  contentType: string;
  /** "<title>.<ext>", and the header that offers it for download. */
  fileName: string;
  contentDisposition: string;
}

/** The whole programme as a file in one of the export formats; the same rule as the JSON export decides who may. */
export async function exportProgrammeFile(
  db: Db,
  actor: Actor,
  programmeId: number,
  format: ExportFormat,
): Promise<ExportedFile> {
  const document = await exportProgramme(db, actor, programmeId);
  const fileName = exportFileName(document.title, format);
  return {
    format,
    document,
    bytes: await exportBytes(document, format),
    contentType: EXPORT_CONTENT_TYPES[format],
    fileName,
    contentDisposition: contentDisposition(fileName, `programme-${programmeId}.${format}`),
  };
}
