import { z } from 'zod';
import { isPeriod } from '../../core/periods.js';
import { isIsoDate } from '../../core/work/calendar.js';
import { MAX_ID, versionField } from './common.js';

/** Schemas of the working-day calendar, the reporting plan and status against plan. */

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD，且是真实存在的日期 (a real date as YYYY-MM-DD)' });
const periodField = z.string().refine(isPeriod, { message: '报送期应为 Q1–Q4 或 M01–M12 (a period Q1–Q4 or M01–M12)' });
const dayKind = z.enum(['holiday', 'workday']).describe('holiday 节假日; workday 调休上班日');
const dayName = z.string().trim().max(50, { message: '名称最多 50 字 (name: at most 50 characters)' });

export const calendarDayOut = z.object({
  id: z.number(),
  date: z.string(),
  kind: dayKind,
  name: z.string(),
  version: z.number(),
});
export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarOut = z.object({ year: z.number(), days: z.array(calendarDayOut) });
export const calendarDayCreate = z.strictObject({ date: isoDate, kind: dayKind, name: dayName.default('') });
export const calendarDayUpdate = z.strictObject({
  version: versionField,
  date: isoDate.optional(),
  kind: dayKind.optional(),
  name: dayName.optional(),
});

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:MM，如 22:00 (a time as HH:MM, e.g. 22:00)' });
const weights = z.object({
  reportsOnTime: z.number().min(0),
  milestonesMet: z.number().min(0),
  itemsDone: z.number().min(0),
  noticesAnswered: z.number().min(0),
});

export const reportingPeriodOut = z.object({
  period: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  open: z.boolean(),
  locked: z.boolean(),
});
export const reportingPlanOut = z.object({
  programmeId: z.number(),
  year: z.number(),
  frequency: z.enum(['monthly', 'quarterly']),
  dueDay: z.number(),
  lockedPeriods: z.array(z.string()),
  interpolation: z.enum(['step', 'linear']),
  onTrackRatio: z.number(),
  laggingRatio: z.number(),
  remindDaysBefore: z.number(),
  quietStart: z.string(),
  quietEnd: z.string(),
  assessmentWeights: weights,
  version: z.number().describe('0 while the plan is still the defaults; send it back with PUT'),
  periods: z.array(reportingPeriodOut),
});
/** Send the fields you change and the version you saw; the merged plan is checked as a whole. */
export const reportingPlanUpdate = z.strictObject({
  version: z
    .number()
    .int()
    .min(0)
    .max(MAX_ID)
    .describe('The version you saw (0 for a plan never saved); a stale one gets 409.'),
  frequency: z.enum(['monthly', 'quarterly']).optional(),
  dueDay: z
    .number()
    .int()
    .min(1, { message: '报送日应在 1–31 之间 (due day 1–31)' })
    .max(31, { message: '报送日应在 1–31 之间 (due day 1–31)' })
    .optional(),
  lockedPeriods: z.array(periodField).max(16).optional(),
  interpolation: z.enum(['step', 'linear']).optional(),
  onTrackRatio: z.number().gt(0).max(1).optional(),
  laggingRatio: z.number().gt(0).max(1).optional(),
  remindDaysBefore: z.number().int().min(0).max(30).optional(),
  quietStart: hhmm.optional(),
  quietEnd: hhmm.optional(),
  assessmentWeights: z
    .strictObject({
      reportsOnTime: z.number().min(0),
      milestonesMet: z.number().min(0),
      itemsDone: z.number().min(0),
      noticesAnswered: z.number().min(0),
    })
    .optional(),
});
export type ReportingPlanUpdate = z.infer<typeof reportingPlanUpdate>;

export const statusQuery = z.object({
  date: isoDate.optional().describe('YYYY-MM-DD; today in Asia/Shanghai when omitted'),
});
const itemStatus = z.enum(['not_started', 'on_track', 'at_risk', 'lagging', 'done', 'overdue']);
const counts = z.object({
  not_started: z.number(),
  on_track: z.number(),
  at_risk: z.number(),
  lagging: z.number(),
  done: z.number(),
  overdue: z.number(),
});
const projection = z.object({
  yearEnd: z.string(),
  indicators: z.array(
    z.object({
      indicatorId: z.number(),
      projected: z.number().nullable(),
      target: z.number().nullable(),
      shortfall: z.boolean(),
    }),
  ),
  warning: z.string().nullable(),
});
export const itemStatusOut = z.object({
  id: z.number(),
  number: z.string(),
  name: z.string(),
  parentNumber: z.string().nullable(),
  parentId: z.number().nullable(),
  categoryId: z.number(),
  deadline: z.string().nullable(),
  status: itemStatus,
  reasons: z.array(z.string()),
  indicators: z.array(
    z.object({
      indicatorId: z.number(),
      name: z.string(),
      unit: z.string(),
      expected: z.number().nullable(),
      actual: z.number().nullable(),
      ratio: z.number().nullable(),
    }),
  ),
  projection,
});
export const programmeStatusOut = z.object({
  programmeId: z.number(),
  asOf: z.string(),
  items: z.array(itemStatusOut),
  categories: z.array(
    z.object({ id: z.number(), title: z.string(), status: itemStatus, reasons: z.array(z.string()), counts }),
  ),
  counts,
});
const periodValue = z.object({ period: z.string(), value: z.number() });
export const itemProgressOut = z.object({
  itemId: z.number(),
  asOf: z.string(),
  status: itemStatus,
  reasons: z.array(z.string()),
  indicators: z.array(
    z.object({
      indicatorId: z.number(),
      name: z.string(),
      unit: z.string(),
      target: z.number().nullable(),
      direction: z.enum(['increase', 'decrease']),
      planned: z.array(periodValue),
      actual: z.array(periodValue),
      projection: z.object({
        yearEnd: z.string(),
        projected: z.number().nullable(),
        shortfall: z.boolean(),
        warning: z.string().nullable(),
      }),
    }),
  ),
});
