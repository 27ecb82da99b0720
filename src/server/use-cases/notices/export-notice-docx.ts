import type { Actor } from '../../../core/actor.js';
import { contentDisposition, EXPORT_CONTENT_TYPES, exportFileName } from '../../../core/export/export-file.js';
import { noticeToDocx } from '../../../core/export/notice-docx.js';
import { shanghaiDateOf } from '../../../core/work/calendar.js';
import type { Db } from '../../../db/client.js';
import { type NoticeOut, presentNotices, readableNotice } from './present-notice.js';

export interface NoticeFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  contentDisposition: string;
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
