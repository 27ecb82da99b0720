import { z } from 'zod';
import { MAX_ADJUSTMENT, MIN_REASON_LENGTH } from '../../core/work/assessment.js';
import { idField } from './common.js';
import { isoDate } from './work.js';

/** Schemas of the assessment (考核) of a programme's units. */

export const asOfQuery = z.object({
  date: isoDate
    .optional()
    .describe('统计截至日期 YYYY-MM-DD；默认今天（北京时间） (as of; default today in Asia/Shanghai)'),
});

const ruleKey = z.enum(['reportsOnTime', 'milestonesMet', 'itemsDone', 'noticesAnswered']);

export const adjustmentOut = z.object({
  id: z.number(),
  unitId: z.number(),
  points: z.number(),
  reason: z.string(),
  by: z.string().describe('调整人 (who adjusted)'),
  at: z.string(),
});

export const ruleScoreOut = z.object({
  rule: ruleKey,
  label: z.string(),
  weight: z.number(),
  numerator: z.number(),
  denominator: z.number(),
  rate: z.number(),
  points: z.number(),
  explanation: z.string().describe('如 “按时报送 22/24 期（91.7%），得 27.5 分”'),
  misses: z.array(z.string()).describe('失分事项 (what lost points)'),
});

export const unitAssessmentOut = z.object({
  unitId: z.number(),
  unitName: z.string(),
  rules: z.array(ruleScoreOut),
  adjustments: z.array(adjustmentOut.omit({ unitId: true })),
  base: z.number(),
  total: z.number(),
  rank: z.number(),
});

export const assessmentOut = z.object({
  programmeId: z.number(),
  title: z.string(),
  jurisdictionName: z.string(),
  year: z.number(),
  asOf: z.string(),
  scope: z.enum(['all', 'own-unit']).describe('all: every unit; own-unit: a reporter sees only its own unit'),
  weights: z.object({
    reportsOnTime: z.number(),
    milestonesMet: z.number(),
    itemsDone: z.number(),
    noticesAnswered: z.number(),
  }),
  units: z.array(unitAssessmentOut),
});

export const adjustmentCreate = z.strictObject({
  unitId: idField,
  points: z
    .number()
    .min(-MAX_ADJUSTMENT, { message: `调整分值不能低于 -${MAX_ADJUSTMENT} (at least -${MAX_ADJUSTMENT})` })
    .max(MAX_ADJUSTMENT, { message: `调整分值不能高于 +${MAX_ADJUSTMENT} (at most +${MAX_ADJUSTMENT})` })
    .refine((n) => n !== 0, { message: '调整分值不能为 0 (points must not be 0)' }),
  reason: z
    .string()
    .trim()
    .min(MIN_REASON_LENGTH, {
      message: `请写明调整理由，至少 ${MIN_REASON_LENGTH} 个字 (a reason of at least ${MIN_REASON_LENGTH} characters)`,
    })
    .max(500, { message: '调整理由最多 500 字 (reason: at most 500 characters)' }),
});

export const adjustmentCreated = adjustmentOut.extend({ programmeId: z.number(), version: z.number() });

// The bytes are a Buffer, which Fastify sends as it is.
export const xlsxResponse = {
  description: '考核排名表 (the ranking table as an Excel workbook)',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.unknown().meta({ type: 'string', format: 'binary' }),
    },
  },
};
