import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { actorId } from '../../core/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import type { RequestContext } from '../audit.js';
import type { Db } from '../client.js';
import { deleteAudited, type EntityMeta, insertAudited } from '../crud.js';
import { attachments, blobs, inspections, notices, reports } from '../schema-work.js';

/**
 * Files attached to a report, an inspection or a notice reply. The bytes live
 * once in `blobs`; an attachment names a blob under the file name its uploader
 * gave. Every attach and detach is audited in the caller's transaction.
 */

export type AttachmentOwner = 'report' | 'inspection' | 'notice';

export interface AttachmentView {
  id: number;
  ownerType: AttachmentOwner;
  ownerId: number;
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  hasThumbnail: boolean;
  uploadedBy: number | null;
  createdAt: string;
}

export interface FileRef {
  sha256: string;
  fileName: string;
}

/** Where an attachment's owner sits, for the history of its programme and item. */
export interface AuditPlace {
  programmeId?: number | null;
  itemId?: number | null;
}

const WHAT = { zh: '附件', en: 'Attachment' };

const meta = (place: AuditPlace): EntityMeta<typeof attachments> => ({
  entityType: 'attachment',
  what: WHAT,
  context: () => place,
});

const viewColumns = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  sha256: attachments.blobSha256,
  fileName: attachments.fileName,
  mime: blobs.mime,
  size: blobs.size,
  hasThumbnail: sql<boolean>`(${blobs.thumbnail} is not null)`,
  uploadedBy: attachments.uploadedBy,
  createdAt: attachments.createdAt,
};

const toView = (row: AttachmentView): AttachmentView => ({ ...row, hasThumbnail: Boolean(row.hasThumbnail) });

/**
 * Attach uploaded files to an owner. Each file must have been uploaded
 * (its blob exists); a file already attached to the owner under the same
 * name is not attached twice.
 */
export async function attachFiles(
  tx: Db,
  ctx: RequestContext,
  ownerType: AttachmentOwner,
  ownerId: number,
  files: readonly FileRef[],
  place: AuditPlace = {},
): Promise<AttachmentView[]> {
  if (files.length === 0) return [];
  const shas = [...new Set(files.map((f) => f.sha256))];
  const found = await tx.select({ sha256: blobs.sha256 }).from(blobs).where(inArray(blobs.sha256, shas));
  const known = new Set(found.map((r) => r.sha256));
  const missing = files.find((f) => !known.has(f.sha256));
  if (missing) {
    throw new AppError(
      'VALIDATION',
      `附件“${missing.fileName}”尚未上传或已失效，请重新上传后再保存。 The file "${missing.fileName}" has not been uploaded; upload it again and save.`,
      { sha256: missing.sha256 },
    );
  }
  const existing = await listAttachments(tx, ownerType, [ownerId]);
  const have = new Set(existing.map((a) => `${a.sha256}\n${a.fileName}`));
  const added: number[] = [];
  for (const file of files) {
    const key = `${file.sha256}\n${file.fileName}`;
    if (have.has(key)) continue;
    have.add(key);
    const row = await insertAudited(
      tx,
      ctx,
      attachments,
      { ownerType, ownerId, blobSha256: file.sha256, fileName: file.fileName, uploadedBy: actorId(ctx.actor) },
      meta(place),
    );
    added.push(row.id);
  }
  const all = await listAttachments(tx, ownerType, [ownerId]);
  return all.filter((a) => added.includes(a.id));
}

/** The attachments of these owners, oldest first. */
export async function listAttachments(
  db: Db,
  ownerType: AttachmentOwner,
  ownerIds: readonly number[],
): Promise<AttachmentView[]> {
  if (ownerIds.length === 0) return [];
  const rows = await db
    .select(viewColumns)
    .from(attachments)
    .innerJoin(blobs, eq(blobs.sha256, attachments.blobSha256))
    .where(and(eq(attachments.ownerType, ownerType), inArray(attachments.ownerId, [...new Set(ownerIds)])))
    .orderBy(asc(attachments.id));
  return rows.map(toView);
}

export async function findAttachment(db: Db, id: number): Promise<AttachmentView | undefined> {
  const [row] = await db
    .select(viewColumns)
    .from(attachments)
    .innerJoin(blobs, eq(blobs.sha256, attachments.blobSha256))
    .where(eq(attachments.id, id))
    .limit(1);
  return row ? toView(row) : undefined;
}

/** Remove one attachment (the blob stays: another owner may name it). */
export async function detachFile(
  tx: Db,
  ctx: RequestContext,
  attachmentId: number,
  place: AuditPlace = {},
): Promise<void> {
  await deleteAudited(tx, ctx, attachments, attachmentId, meta(place));
}

/** Remove all attachments of an owner (when the owner itself is deleted). */
export async function detachAll(
  tx: Db,
  ctx: RequestContext,
  ownerType: AttachmentOwner,
  ownerId: number,
  place: AuditPlace = {},
): Promise<void> {
  for (const attachment of await listAttachments(tx, ownerType, [ownerId])) {
    await detachFile(tx, ctx, attachment.id, place);
  }
}

/** What the owner of an attachment is, for deciding who may read it. */
export type OwnerFacts =
  | { ownerType: 'report'; reportId: number }
  | { ownerType: 'inspection'; itemId: number }
  | { ownerType: 'notice'; itemId: number; unitId: number };

export async function attachmentOwnerFacts(db: Db, attachment: AttachmentView): Promise<OwnerFacts | undefined> {
  switch (attachment.ownerType) {
    case 'report': {
      const [row] = await db.select({ id: reports.id }).from(reports).where(eq(reports.id, attachment.ownerId));
      return row ? { ownerType: 'report', reportId: row.id } : undefined;
    }
    case 'inspection': {
      const [row] = await db
        .select({ itemId: inspections.itemId })
        .from(inspections)
        .where(eq(inspections.id, attachment.ownerId));
      return row ? { ownerType: 'inspection', itemId: row.itemId } : undefined;
    }
    case 'notice': {
      const [row] = await db
        .select({ itemId: notices.itemId, unitId: notices.unitId })
        .from(notices)
        .where(eq(notices.id, attachment.ownerId));
      return row ? { ownerType: 'notice', ...row } : undefined;
    }
    default:
      throw notFound(WHAT.zh, WHAT.en);
  }
}
