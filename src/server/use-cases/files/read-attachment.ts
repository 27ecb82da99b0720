import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canReadItem } from '../../../core/policies.js';
import { canReadNotice, canReadReport } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import {
  type AttachmentView,
  attachmentOwnerFacts,
  findAttachment,
} from '../../../db/repositories/attachments.repository.js';
import { blobContent, blobThumbnail } from '../../../db/repositories/blobs.repository.js';
import { findReport } from '../../../db/repositories/reports.repository.js';
import { factsOf, loadReportItem } from '../reports/report-access.js';

const missing = () => notFound('附件', 'Attachment');

/** Whoever may read the owner may read its files: a report (canReadReport), an inspection's item, a notice. */
async function canReadOwner(db: Db, actor: Actor, attachment: AttachmentView): Promise<boolean> {
  const owner = await attachmentOwnerFacts(db, attachment);
  if (!owner) return false;
  if (owner.ownerType === 'report') {
    const report = await findReport(db, owner.reportId);
    const item = report ? await loadReportItem(db, report.itemId) : undefined;
    return report !== undefined && item !== undefined && canReadReport(actor, factsOf(item, report));
  }
  const item = await itemAccess(db, owner.itemId);
  if (!item) return false;
  return owner.ownerType === 'inspection' ? canReadItem(actor, item) : canReadNotice(actor, item, owner.unitId);
}

export interface AttachmentFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

/** An attachment's file, or its WebP thumbnail, for an actor who may read its owner (else 404). */
export async function readAttachment(
  db: Db,
  actor: Actor,
  id: number,
  what: 'file' | 'thumbnail',
): Promise<AttachmentFile> {
  const attachment = await findAttachment(db, id);
  if (!attachment || !(await canReadOwner(db, actor, attachment))) throw missing();
  if (what === 'thumbnail') {
    const thumbnail = await blobThumbnail(db, attachment.sha256);
    if (!thumbnail) throw notFound('缩略图（仅图片附件有缩略图）', 'Thumbnail (images only)');
    return { fileName: `${attachment.fileName.replace(/\.[^.]*$/, '')}.webp`, mime: 'image/webp', bytes: thumbnail };
  }
  const bytes = await blobContent(db, attachment.sha256);
  if (!bytes) throw missing();
  return { fileName: attachment.fileName, mime: attachment.mime, bytes };
}
