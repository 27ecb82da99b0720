import { z } from 'zod';
import { PERIOD_PATTERN } from '../../core/periods.js';
import { idField, idQuery, versionField } from './common.js';

/** Progress reports, evidence files and "my work": request and response schemas. */

export const LIMITS = { progress: 5000, problems: 2000, nextSteps: 2000, reason: 1000, values: 200, files: 30 };

const text = (max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${zh}最多 ${max} 字 (${en}: at most ${max} characters)` });

const funds = (zh: string, en: string) =>
  z
    .number()
    .min(0, { message: `${zh}不能为负数 (${en} must not be negative)` })
    .max(100_000_000, { message: `${zh}数值过大，请以万元填写 (${en} is too large; enter 万元)` })
    .nullable()
    .optional()
    .describe(`${zh}（万元） ${en} in 10 000 yuan`);

export const periodField = z
  .string()
  .regex(PERIOD_PATTERN, { message: '报送期须为 Q1–Q4 或 M01–M12 (period must be Q1–Q4 or M01–M12)' })
  .describe('Q1–Q4 or M01–M12 of the programme year');

export const reportValueIn = z.strictObject({
  indicatorId: idField,
  value: z.number().describe('cumulative actual value since the start of the year'),
});

export const fileRefIn = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256 须为 64 位十六进制 (64 hex digits)' }),
  fileName: z.string().trim().min(1).max(200),
});

const reportFields = {
  progress: text(LIMITS.progress, '进展情况', 'progress').optional(),
  percentComplete: z
    .number()
    .min(0, { message: '完成百分比须在 0–100 之间 (0–100)' })
    .max(100, { message: '完成百分比须在 0–100 之间 (0–100)' })
    .nullable()
    .optional(),
  claimedStatus: z.enum(['not_started', 'in_progress', 'done', 'blocked']).optional(),
  fundsPlanned: funds('计划投资', 'planned investment'),
  fundsAllocated: funds('已拨付资金', 'funds allocated'),
  fundsDisbursed: funds('已支出资金', 'funds disbursed'),
  problems: text(LIMITS.problems, '存在问题', 'problems').optional(),
  nextSteps: text(LIMITS.nextSteps, '下步计划', 'next steps').optional(),
  values: z.array(reportValueIn).max(LIMITS.values).optional().describe('replaces all values when given'),
  attachments: z.array(fileRefIn).max(LIMITS.files).optional().describe('replaces all attachments when given'),
};

export const reportCreate = z.strictObject({
  period: periodField,
  unitId: idField.optional().describe("the reporting unit; defaults to the reporter's unit"),
  submit: z
    .boolean()
    .optional()
    .describe('true: submit it for review in the same step (one Idempotency-Key then covers the whole submission)'),
  ...reportFields,
});
export type ReportCreateInput = z.infer<typeof reportCreate>;

export const reportUpdate = z.strictObject({ version: versionField, ...reportFields });
export type ReportUpdateInput = z.infer<typeof reportUpdate>;
export type ReportFieldsInput = Omit<ReportUpdateInput, 'version'>;

export const versionBody = z.strictObject({ version: versionField });
export const reasonBody = z.strictObject({
  version: versionField,
  reason: z
    .string()
    .trim()
    .min(1, { message: '请填写原因 (a reason is required)' })
    .max(LIMITS.reason, { message: `原因最多 ${LIMITS.reason} 字 (at most ${LIMITS.reason} characters)` }),
});

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(100, { message: 'Idempotency-Key 最多 100 个字符 (at most 100 characters)' })
    .optional(),
});

const stateEnum = z.enum(['draft', 'submitted', 'approved', 'returned']);

export const attachmentOut = z.object({
  id: z.number(),
  sha256: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
});

export const reportValueOut = z.object({ indicatorId: z.number(), value: z.number() });

export const reportSummaryOut = z.object({
  id: z.number(),
  programmeId: z.number(),
  itemId: z.number(),
  itemNumber: z.string(),
  itemName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  period: z.string(),
  state: stateEnum,
  percentComplete: z.number().nullable(),
  claimedStatus: z.enum(['not_started', 'in_progress', 'done', 'blocked']),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** When it was first put forward for the period (a resubmission after a return keeps it). */
  firstSubmittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});

export const reportOut = reportSummaryOut.extend({
  progress: z.string(),
  fundsPlanned: z.number().nullable(),
  fundsAllocated: z.number().nullable(),
  fundsDisbursed: z.number().nullable(),
  problems: z.string(),
  nextSteps: z.string(),
  submittedBy: z.number().nullable(),
  reviewedBy: z.number().nullable(),
  createdAt: z.string(),
  /** The reporting unit's role on the item. */
  role: z.enum(['lead', 'co']).nullable(),
  values: z.array(reportValueOut),
  attachments: z.array(attachmentOut),
  shares: z
    .array(
      z.object({
        id: z.number(),
        unitId: z.number(),
        unitName: z.string(),
        state: stateEnum,
        progress: z.string(),
        percentComplete: z.number().nullable(),
        values: z.array(reportValueOut),
      }),
    )
    .nullable()
    .describe("the lead unit's report only: the co-units' reports for the same item and period"),
  consolidated: z
    .array(z.object({ indicatorId: z.number(), value: z.number(), source: z.enum(['lead', 'shares']) }))
    .nullable()
    .describe("the lead's value of each indicator, or the sum of the submitted and approved shares"),
});
export type ReportOut = z.infer<typeof reportOut>;
export type ReportSummaryOut = z.infer<typeof reportSummaryOut>;

export const reportPage = z.object({ items: z.array(reportSummaryOut), total: z.number() });

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

export const itemReportsQuery = z.object({ period: periodField.optional(), ...pageQuery });
export const programmeReportsQuery = z.object({
  state: stateEnum.optional(),
  period: periodField.optional(),
  unitId: idQuery.optional(),
  ...pageQuery,
});

export const periodParams = z.object({
  id: idQuery,
  period: periodField,
});
export const lockOut = z.object({
  programmeId: z.number(),
  period: z.string(),
  locked: z.boolean(),
  lockedPeriods: z.array(z.string()),
});

export const uploadOut = z.object({
  sha256: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  hasThumbnail: z.boolean(),
});

export const myWorkQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式须为 YYYY-MM-DD (date must be YYYY-MM-DD)' })
    .optional(),
});

export const myWorkOut = z.object({
  asOf: z.string(),
  unitId: z.number().nullable(),
  items: z.array(
    z.object({
      programmeId: z.number(),
      programmeTitle: z.string(),
      itemId: z.number(),
      number: z.string(),
      name: z.string(),
      parentItemId: z.number().nullable(),
      role: z.enum(['lead', 'co']),
      periods: z.array(
        z.object({
          period: z.string(),
          dueDate: z.string(),
          report: z
            .object({ id: z.number(), state: stateEnum, returnReason: z.string().nullable(), version: z.number() })
            .nullable(),
          dueSoon: z.boolean(),
          overdue: z.boolean(),
          needsAction: z.boolean(),
        }),
      ),
    }),
  ),
});
export type MyWorkOut = z.infer<typeof myWorkOut>;
