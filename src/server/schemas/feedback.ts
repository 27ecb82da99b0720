import { z } from 'zod';
import { idQuery, versionField } from './common.js';

/** Residents' feedback: the public form's fields, and the office's moderation and satisfaction views. */

export const COMMENT_MAX = 500;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A comment as stored: line breaks as \n, control and direction-override characters removed, trimmed. */
export function cleanComment(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

const text = (max: number) => z.string().max(max).optional().default('');

/**
 * The public form as posted (application/x-www-form-urlencoded, all strings).
 * Messages say what to do, Chinese first; the page shows them next to the field.
 */
export const feedbackForm = z.object({
  rating: z
    .string({ error: '请选择满意程度（1 至 5 分中的一项）。 Choose a rating from 1 to 5.' })
    .regex(/^[1-5]$/, { error: '请选择满意程度（1 至 5 分中的一项）。 Choose a rating from 1 to 5.' })
    .transform(Number),
  comment: z
    .string()
    .max(COMMENT_MAX * 8, { error: `留言最多 ${COMMENT_MAX} 字，请删减后再提交。 At most ${COMMENT_MAX} characters.` })
    .optional()
    .default('')
    .transform(cleanComment)
    .refine((s) => [...s].length <= COMMENT_MAX, {
      error: `留言最多 ${COMMENT_MAX} 字，请删减后再提交。 At most ${COMMENT_MAX} characters.`,
    }),
  answer: text(50),
  token: text(300),
  /** The honeypot: people never see it, so anything in it came from a bot. */
  website: text(2000),
});
export type FeedbackFormInput = z.input<typeof feedbackForm>;

export const feedbackState = z
  .enum(['pending', 'approved', 'rejected'])
  .describe('pending 待审核; approved 已公开; rejected 未通过');

export const feedbackQuery = z.object({
  programmeId: idQuery,
  state: feedbackState.default('pending'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const feedbackOut = z.object({
  id: z.number(),
  programmeId: z.number(),
  itemId: z.number(),
  itemNumber: z.string(),
  itemName: z.string(),
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  state: feedbackState,
  createdAt: z.string(),
  moderatedAt: z.string().nullable(),
  moderatedBy: z.number().nullable(),
  moderatorName: z.string().nullable(),
  rejectReason: z.string().nullable(),
  version: z.number(),
});
export type FeedbackOut = z.infer<typeof feedbackOut>;

export const feedbackList = z.object({
  items: z.array(feedbackOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const feedbackModerate = z.strictObject({
  state: z.enum(['approved', 'rejected']).describe('approved 公开留言; rejected 不予公开（须写明原因）'),
  reason: z
    .string()
    .trim()
    .max(500, { error: '原因最多 500 字 (reason: at most 500 characters)' })
    .optional()
    .describe('Required to reject: why the comment is not shown'),
  version: versionField,
});
export type FeedbackModerate = z.infer<typeof feedbackModerate>;

const ratingSummary = {
  /** Mean rating, two decimals; null without ratings. */
  average: z.number().nullable(),
  count: z.number(),
};

export const satisfactionOut = z.object({
  programmeId: z.number(),
  overall: z.object(ratingSummary),
  items: z.array(
    z.object({
      itemId: z.number(),
      number: z.string(),
      name: z.string(),
      parentItemId: z.number().nullable(),
      leadUnitId: z.number().nullable(),
      leadUnitName: z.string().nullable(),
      ...ratingSummary,
      distribution: z.array(z.number()).length(5).describe('How many ratings of 1, 2, 3, 4 and 5'),
      pendingComments: z.number(),
    }),
  ),
  units: z.array(
    z.object({
      unitId: z.number(),
      name: z.string(),
      ...ratingSummary,
      itemCount: z.number().describe('Items it leads'),
    }),
  ),
});
export type SatisfactionOut = z.infer<typeof satisfactionOut>;
