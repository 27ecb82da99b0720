import { z } from 'zod';
import { isIsoDate } from '../../core/work/calendar.js';
import { idField, idQuery, versionField } from './common.js';

/** Schemas of supervision notices (督办单) and on-site inspections (实地督查). */

const date = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD，且是真实存在的日期 (a real date as YYYY-MM-DD)' });
const text = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `${zh}不能为空 (${en} is required)` })
    .max(max, { message: `${zh}最多 ${max} 字 (${en}: at most ${max} characters)` });
const optionalText = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${zh}最多 ${max} 字 (${en}: at most ${max} characters)` });

/** A file uploaded through POST /files, named by its SHA-256. */
export const fileRef = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: '文件标识应为 64 位十六进制 SHA-256 (a hex SHA-256)' }),
  fileName: text(255, '文件名', 'file name'),
});
const fileRefs = z.array(fileRef).max(20, { message: '每次最多附 20 个文件 (at most 20 files)' });

const noticeState = z
  .enum(['open', 'replied', 'closed', 'escalated'])
  .describe('open 待回复; replied 已回复; closed 已关闭; escalated 已升级督办');

export const noticeCreate = z.strictObject({
  unitId: idField.describe('The item’s lead unit or a co-unit (of its parent item for a part)'),
  reason: text(2000, '督办事由', 'reason'),
  requiredAction: text(2000, '工作要求', 'required action'),
  replyDue: date.describe('反馈时限: today or later'),
});

export const noticeReply = z.strictObject({
  version: versionField,
  reply: text(5000, '回复内容', 'reply'),
  attachments: fileRefs.optional(),
});

export const noticeClose = z.strictObject({
  version: versionField,
  note: optionalText(2000, '说明', 'note').optional().describe('Required when the unit has not replied'),
});

export const noticeEscalate = z.strictObject({
  version: versionField,
  note: text(2000, '升级说明', 'note'),
});

export const noticeQuery = z.object({
  state: noticeState.optional(),
  unitId: idQuery.optional(),
  itemId: idQuery.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const fileOut = z.object({
  id: z.number(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  url: z.string().describe('GET it to download the file'),
  thumbnailUrl: z.string().nullable().describe('A small WebP for images; null otherwise'),
});

export const noticeOut = z.object({
  id: z.number(),
  programmeId: z.number(),
  itemId: z.number(),
  itemNumber: z.string(),
  itemName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  seq: z.number(),
  number: z.string().describe('督办〔2026〕第3号'),
  reason: z.string(),
  requiredAction: z.string(),
  replyDue: z.string(),
  state: noticeState,
  overdue: z.boolean().describe('The reply date has passed without a reply'),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedBy: z.number().nullable(),
  closeNote: z.string().nullable(),
  closedAt: z.string().nullable(),
  escalationLevel: z.number().describe('0 none; 1 unit head; 2 supervising leader'),
  escalatedAt: z.string().nullable(),
  escalationNote: z.string().nullable().describe('why it was escalated last (升级原因)'),
  issuedBy: z.number().nullable(),
  createdAt: z.string(),
  version: z.number(),
  attachments: z.array(fileOut),
});
export const noticeList = z.object({ items: z.array(noticeOut), total: z.number() });

// On-site inspections

export const inspectionCreate = z.strictObject({
  date,
  inspectors: text(500, '督查人员', 'inspectors'),
  findings: optionalText(5000, '发现问题', 'findings').default(''),
  followUp: optionalText(5000, '整改跟进', 'follow-up').default(''),
  attachments: fileRefs.optional(),
});

export const inspectionUpdate = z.strictObject({
  version: versionField,
  date: date.optional(),
  inspectors: text(500, '督查人员', 'inspectors').optional(),
  findings: optionalText(5000, '发现问题', 'findings').optional(),
  followUp: optionalText(5000, '整改跟进', 'follow-up').optional(),
  attachments: fileRefs.optional().describe('Files to add; those already attached stay'),
  removeAttachmentIds: z.array(idField).max(50).optional().describe('Attachments to remove'),
});

export const inspectionOut = z.object({
  id: z.number(),
  programmeId: z.number(),
  itemId: z.number(),
  itemNumber: z.string(),
  itemName: z.string(),
  date: z.string(),
  inspectors: z.string(),
  findings: z.string(),
  followUp: z.string(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  version: z.number(),
  photos: z.array(fileOut).describe('Every attached file; images have a thumbnail'),
});
export const inspectionList = z.object({ items: z.array(inspectionOut), total: z.number() });
export const inspectionQuery = z.object({
  itemId: idQuery.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
