import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { blobs } from '../schema-work.js';

/** Uploaded file contents, stored once by their SHA-256 (content-addressed). */

export interface NewBlob {
  sha256: string;
  size: number;
  mime: string;
  content: Uint8Array;
  thumbnail: Uint8Array | null;
}

export interface BlobInfo {
  sha256: string;
  size: number;
  mime: string;
  hasThumbnail: boolean;
}

const infoColumns = {
  sha256: blobs.sha256,
  size: blobs.size,
  mime: blobs.mime,
  hasThumbnail: sql<boolean>`(${blobs.thumbnail} is not null)`,
};

/** Store a blob; the same content uploaded again is kept once. Returns true when it was new. */
export async function putBlob(db: Db, blob: NewBlob): Promise<boolean> {
  const rows = await db
    .insert(blobs)
    .values({
      sha256: blob.sha256,
      size: blob.size,
      mime: blob.mime,
      content: Buffer.from(blob.content.buffer, blob.content.byteOffset, blob.content.byteLength),
      thumbnail: blob.thumbnail
        ? Buffer.from(blob.thumbnail.buffer, blob.thumbnail.byteOffset, blob.thumbnail.byteLength)
        : null,
    })
    .onConflictDoNothing({ target: blobs.sha256 })
    .returning({ sha256: blobs.sha256 });
  return rows.length > 0;
}

/** What is known of these blobs (without their bytes); missing ones are left out. */
export async function findBlobs(db: Db, sha256s: readonly string[]): Promise<Map<string, BlobInfo>> {
  if (sha256s.length === 0) return new Map();
  const rows = await db
    .select(infoColumns)
    .from(blobs)
    .where(inArray(blobs.sha256, [...new Set(sha256s)]));
  return new Map(rows.map((row) => [row.sha256, { ...row, hasThumbnail: Boolean(row.hasThumbnail) }]));
}

export async function findBlob(db: Db, sha256: string): Promise<BlobInfo | undefined> {
  return (await findBlobs(db, [sha256])).get(sha256);
}

/** The stored bytes of a blob. */
export async function blobContent(db: Db, sha256: string): Promise<Uint8Array | undefined> {
  const [row] = await db.select({ content: blobs.content }).from(blobs).where(eq(blobs.sha256, sha256)).limit(1);
  return row?.content;
}

/** The WebP thumbnail of an image blob; null when it has none. */
export async function blobThumbnail(db: Db, sha256: string): Promise<Uint8Array | null | undefined> {
  const [row] = await db.select({ thumbnail: blobs.thumbnail }).from(blobs).where(eq(blobs.sha256, sha256)).limit(1);
  return row ? row.thumbnail : undefined;
}
