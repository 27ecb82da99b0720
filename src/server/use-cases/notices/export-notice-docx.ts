import type { Actor } from '../../../core/actor.js';
import { contentDisposition, EXPORT_CONTENT_TYPES, exportFileName } from '../../../core/export/export-file.js';
import { noticeToDocx } from '../../../core/export/notice-docx.js';
import { shanghaiToday } from '../../../core/work/calendar.js';
import type { Db } from '../../../db/client.js';
import { type NoticeOut, presentNotices, readableNotice } from './present-notice.js';

export interface NoticeFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  contentDisposition: string;
}

/** A timestamp from the database ("2026-06-28 06:03:11.5+00") as its date in Asia/Shanghai. */
export function shanghaiDateOf(timestamp: string): string {
  const iso = timestamp.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? timestamp.slice(0, 10) : shanghaiToday(date);
}

/** The notice printed as a Word document in the 督办单 layout; for whoever may read the notice. */
export async function exportNoticeDocx(db: Db, actor: Actor, id: number): Promise<NoticeFile> {
  const { view } = await readableNotice(db, actor, id);
  const [notice] = (await presentNotices(db, [view])) as [NoticeOut];
  const bytes = await noticeToDocx({
    jurisdictionName: view.jurisdictionName,
    numberText: notice.number,
    itemText: `${notice.itemNumber ? `${notice.itemNumber}. ` : ''}${notice.itemName}`,
    unitName: notice.unitName,
    reason: notice.reason,
    requiredAction: notice.requiredAction,
    replyDue: notice.replyDue,
    issuer: `${view.jurisdictionName}督查室`,
    issuedDate: shanghaiDateOf(notice.createdAt),
    reply:
      notice.reply === null
        ? null
        : { text: notice.reply, date: notice.repliedAt === null ? null : shanghaiDateOf(notice.repliedAt) },
  });
  const fileName = exportFileName(`${notice.number} ${notice.unitName}`, 'docx');
  return {
    bytes,
    contentType: EXPORT_CONTENT_TYPES.docx,
    fileName,
    contentDisposition: contentDisposition(fileName, `notice-${id}.docx`),
  };
}
