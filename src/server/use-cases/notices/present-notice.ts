import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { noticeNumberText } from '../../../core/export/notice-docx.js';
import type { ItemFacts } from '../../../core/policies.js';
import { shanghaiToday } from '../../../core/work/calendar.js';
import { canReadNotice } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import { type AttachmentView, listAttachments } from '../../../db/repositories/attachments.repository.js';
import { findNoticeView, type NoticeRow, type NoticeView } from '../../../db/repositories/notices.repository.js';

export const NOTICE = { zh: '督办单', en: 'Supervision notice' } as const;
export const missingNotice = () => notFound(NOTICE.zh, NOTICE.en);

export interface FileOut {
  id: number;
  fileName: string;
  mime: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
}

/** An attached file as clients fetch it (the routes of /attachments). */
export const presentFile = (a: AttachmentView): FileOut => ({
  id: a.id,
  fileName: a.fileName,
  mime: a.mime,
  size: a.size,
  url: `/api/v1/attachments/${a.id}`,
  thumbnailUrl: a.hasThumbnail ? `/api/v1/attachments/${a.id}/thumbnail` : null,
});

/** What of a notice leaves the server. */
export interface NoticeOut {
  id: number;
  programmeId: number;
  itemId: number;
  /** The item's number as the list prints it, a part after its parent: 2(1). */
  itemNumber: string;
  itemName: string;
  unitId: number;
  unitName: string;
  seq: number;
  /** 督办〔2026〕第3号 */
  number: string;
  reason: string;
  requiredAction: string;
  replyDue: string;
  state: NoticeRow['state'];
  /** The reply is due and neither given nor the notice closed. */
  overdue: boolean;
  reply: string | null;
  repliedAt: string | null;
  repliedBy: number | null;
  closeNote: string | null;
  closedAt: string | null;
  escalationLevel: number;
  escalatedAt: string | null;
  escalationNote: string | null;
  issuedBy: number | null;
  createdAt: string;
  version: number;
  attachments: FileOut[];
}

export const isOverdue = (notice: Pick<NoticeRow, 'state' | 'replyDue'>, today: string): boolean =>
  (notice.state === 'open' || notice.state === 'escalated') && notice.replyDue < today;

export const fullItemNumber = (view: Pick<NoticeView, 'itemNumber' | 'parentItemNumber'>): string =>
  `${view.parentItemNumber ?? ''}${view.itemNumber}`;

function presentOne(view: NoticeView, files: readonly AttachmentView[], today: string): NoticeOut {
  return {
    id: view.id,
    programmeId: view.programmeId,
    itemId: view.itemId,
    itemNumber: fullItemNumber(view),
    itemName: view.itemName,
    unitId: view.unitId,
    unitName: view.unitName,
    seq: view.seq,
    number: noticeNumberText(view.year, view.seq),
    reason: view.reason,
    requiredAction: view.requiredAction,
    replyDue: view.replyDue,
    state: view.state,
    overdue: isOverdue(view, today),
    reply: view.reply,
    repliedAt: view.repliedAt,
    repliedBy: view.repliedBy,
    closeNote: view.closeNote,
    closedAt: view.closedAt,
    escalationLevel: view.escalationLevel,
    escalatedAt: view.escalatedAt,
    escalationNote: view.escalationNote,
    issuedBy: view.issuedBy,
    createdAt: view.createdAt,
    version: view.version,
    attachments: files.map(presentFile),
  };
}

/** Present notices with the files of their replies, in one query for the files. */
export async function presentNotices(db: Db, views: readonly NoticeView[]): Promise<NoticeOut[]> {
  const files = await listAttachments(
    db,
    'notice',
    views.map((v) => v.id),
  );
  const today = shanghaiToday();
  return views.map((view) =>
    presentOne(
      view,
      files.filter((f) => f.ownerId === view.id),
      today,
    ),
  );
}

export async function presentNotice(db: Db, id: number): Promise<NoticeOut> {
  const view = await findNoticeView(db, id);
  if (!view) throw missingNotice();
  const [out] = await presentNotices(db, [view]);
  return out as NoticeOut;
}

/** A notice the actor may read, with the item's facts for the next policy; 404 otherwise. */
export async function readableNotice(db: Db, actor: Actor, id: number): Promise<{ view: NoticeView; item: ItemFacts }> {
  const view = await findNoticeView(db, id);
  if (!view) throw missingNotice();
  const item = await itemAccess(db, view.itemId);
  if (!item || !canReadNotice(actor, item, view.unitId)) throw missingNotice();
  return { view, item };
}
