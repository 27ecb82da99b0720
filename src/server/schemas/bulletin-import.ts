import { z } from 'zod';
import { idField } from './common.js';
import { periodField } from './reports.js';

/** Importing a published bulletin (paper history): request and response schemas. */

/** 200 KB of text; a bulletin is a few pages. */
export const BULLETIN_MAX_BYTES = 200 * 1024;
const tooLong = '通报文字不能超过 200 KB，请只粘贴通报正文 (the text must be at most 200 KB)';

/** Pasted text, or a .txt file as base64 (UTF-8 or GBK, decoded on the server). */
const source = {
  text: z.string().max(BULLETIN_MAX_BYTES, { message: tooLong }).optional().describe('the bulletin as pasted text'),
  fileName: z.string().trim().min(1).max(255).optional().describe('the name of an uploaded .txt file'),
  contentBase64: z
    .string()
    .max(Math.ceil((BULLETIN_MAX_BYTES * 4) / 3) + 16, { message: tooLong })
    .regex(/^[A-Za-z0-9+/=\s]*$/, { message: '文件内容须为 base64 (content must be base64)' })
    .optional()
    .describe('an uploaded .txt file (UTF-8 or GBK) as base64, instead of text'),
};

export const bulletinPreviewIn = z.strictObject({
  ...source,
  period: periodField.optional().describe('the period to write reports for; by default the cut-off’s'),
});
export type BulletinPreviewInput = z.infer<typeof bulletinPreviewIn>;

export const bulletinApplyIn = z.strictObject({
  ...source,
  period: periodField,
  accept: z.array(idField).max(2000).describe('the items whose matches become approved reports'),
});
export type BulletinApplyInput = z.infer<typeof bulletinApplyIn>;

const paragraphOut = z.object({
  category: z.string().optional(),
  text: z.string(),
  position: z.number().int().describe('0-based order in the bulletin'),
});

const matchOut = z.object({
  paragraph: paragraphOut,
  itemId: z.number(),
  itemNumber: z.string(),
  itemName: z.string(),
  categoryTitle: z.string(),
  leadUnitName: z.string(),
  evidence: z.string().describe('why this item, in words'),
  claimedDone: z.boolean(),
  values: z.array(
    z.object({
      indicatorId: z.number(),
      indicatorName: z.string(),
      unit: z.string(),
      value: z.number(),
      text: z.string().describe('the words the value was read from'),
    }),
  ),
  existingReportId: z.number().nullable().describe('a report of the lead unit already there for the period'),
});

const unmatchedOut = z.object({
  paragraph: paragraphOut,
  kind: z.enum(['none', 'tie', 'duplicate', 'no-lead-unit']),
  reason: z.string(),
  candidates: z.array(z.object({ itemId: z.number(), number: z.string(), name: z.string() })),
});

export const bulletinPreviewOut = z.object({
  script: z.enum(['hans', 'hant']),
  genre: z.enum(['district', 'city']),
  title: z.string().nullable(),
  cutoff: z
    .object({ year: z.number().optional(), month: z.number(), day: z.number().optional() })
    .nullable()
    .describe('截至…: the date the bulletin reports to'),
  period: z.string().nullable().describe('the period asked for, else the cut-off’s in the reporting plan'),
  matches: z.array(matchOut),
  unmatched: z.array(unmatchedOut),
  dropped: z.array(z.string()).describe('page furniture and what follows the byline'),
});
export type BulletinPreviewOut = z.infer<typeof bulletinPreviewOut>;

export const bulletinApplyOut = z.object({
  period: z.string(),
  created: z.number().describe('approved reports written'),
  values: z.number().describe('indicator values written'),
  done: z.number().describe('reports that claim the item done'),
  reportIds: z.array(z.number()),
});
export type BulletinApplyOut = z.infer<typeof bulletinApplyOut>;
