import { createHash } from 'node:crypto';
import { forbidden } from '../../../core/errors.js';
import { cleanFileName } from '../../../core/files/sniff.js';
import { makeThumbnail } from '../../../core/files/thumbnail.js';
import { canUploadEvidence } from '../../../core/files/upload-policy.js';
import type { RequestContext } from '../../../db/audit.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { findBlob, putBlob } from '../../../db/repositories/blobs.repository.js';
import { importPool } from '../../workers/shared-pool.js';

export interface UploadedFile {
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  hasThumbnail: boolean;
}

/**
 * Store an evidence file by its content: the type is sniffed from the bytes
 * (the name's extension must agree), images get a WebP thumbnail, and the
 * same content uploaded twice is stored once. The returned sha256 and file
 * name are what a report, an inspection or a notice reply then attaches.
 */
export async function uploadFile(
  db: Db,
  ctx: RequestContext,
  receive: () => Promise<{ bytes: Uint8Array; fileName: string }>,
): Promise<UploadedFile> {
  if (!canUploadEvidence(ctx.actor)) throw forbidden();
  // The body is read only once the caller may upload at all.
  const file = await receive();
  const fileName = cleanFileName(file.fileName);
  // A Word or Excel package is inflated in full to refuse zip bombs: on the import pool's workers.
  const sniffed = await importPool().sniffEvidence(file.bytes, fileName);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const known = await findBlob(db, sha256);
  const thumbnail = !known && sniffed.image ? await makeThumbnail(file.bytes) : null;
  const size = file.bytes.length;
  await db.transaction(async (tx) => {
    const stored = known
      ? false
      : await putBlob(tx, { sha256, size, mime: sniffed.mime, content: file.bytes, thumbnail });
    await writeAudit(tx, ctx, {
      action: 'upload',
      entityType: 'blob',
      entityId: null,
      after: { sha256, fileName, mime: sniffed.mime, size, stored },
    });
  });
  return { sha256, fileName, mime: sniffed.mime, size, hasThumbnail: known ? known.hasThumbnail : thumbnail !== null };
}
