import type { Actor } from '../../../core/actor.js';
import { contentDisposition, EXPORT_CONTENT_TYPES } from '../../../core/export/export-file.js';
import { renderBulletinDocx } from '../../../core/publish/bulletin-docx.js';
import { renderBulletinHtmlDocument, renderBulletinMarkdown } from '../../../core/publish/bulletin-render.js';
import type { BulletinRecord } from '../../../core/publish/bulletin-types.js';
import type { Db } from '../../../db/client.js';
import { presentBulletin, readableBulletin } from './bulletin-access.js';

export const BULLETIN_FORMATS = ['docx', 'md', 'html'] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

export const BULLETIN_CONTENT_TYPES: Record<BulletinFormat, string> = {
  docx: EXPORT_CONTENT_TYPES.docx,
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export interface BulletinFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  contentDisposition: string;
}

/** The bulletin's title as a file name (characters no file system accepts become "_"), with an ASCII fallback. */
export function bulletinFileName(
  record: Pick<BulletinRecord, 'id' | 'seq' | 'title'>,
  format: BulletinFormat,
): { fileName: string; contentDisposition: string } {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const base = record.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'bulletin';
  const fileName = `${base}.${format}`;
  const fallback = record.seq === null ? `bulletin-draft-${record.id}.${format}` : `bulletin-${record.seq}.${format}`;
  return { fileName, contentDisposition: contentDisposition(fileName, fallback) };
}

/** A bulletin as a file: Word in the official layout, Markdown, or a standalone HTML page. */
export async function bulletinFile(
  record: Pick<BulletinRecord, 'id' | 'seq' | 'title' | 'period' | 'cutoff' | 'body' | 'publishedAt'>,
  format: BulletinFormat,
): Promise<BulletinFile> {
  let bytes: Buffer;
  switch (format) {
    case 'docx':
      bytes = Buffer.from(await renderBulletinDocx(record));
      break;
    case 'md':
      bytes = Buffer.from(renderBulletinMarkdown(record), 'utf8');
      break;
    case 'html':
      bytes = Buffer.from(renderBulletinHtmlDocument(record), 'utf8');
      break;
  }
  return { bytes, contentType: BULLETIN_CONTENT_TYPES[format], ...bulletinFileName(record, format) };
}

/** Download a bulletin (a draft only for the office). */
export async function exportBulletin(db: Db, actor: Actor, id: number, format: BulletinFormat): Promise<BulletinFile> {
  const { row } = await readableBulletin(db, actor, id);
  return bulletinFile(presentBulletin(row), format);
}
