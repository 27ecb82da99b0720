import { z } from 'zod';
import type { CardItem } from '../../core/publish/report-card.js';
import { ITEM_STATUSES } from '../../core/work/status.js';
import { isoDate } from './work.js';

/**
 * The public JSON API's schemas (no sign-in, published programmes only). They
 * list every field that leaves the server: the report card's public fields
 * (docs/decisions/0004-public-means-published.md), never reasons, expected
 * values, internal notes or people.
 */

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export const publicDateQuery = z.object({
  date: isoDate
    .refine(
      (date) => {
        const year = Number(date.slice(0, 4));
        return year >= MIN_YEAR && year <= MAX_YEAR;
      },
      {
        message: `日期须在 ${MIN_YEAR}—${MAX_YEAR} 年之间，请改用这一范围内的日期 (the date must fall in ${MIN_YEAR}–${MAX_YEAR})`,
      },
    )
    .optional()
    .describe('截至日期 YYYY-MM-DD（2000—2100 年）；默认今天（北京时间） (as of; default today in Asia/Shanghai)'),
});

const itemStatus = z.enum(ITEM_STATUSES);

const cardIndicatorOut = z.object({
  indicatorId: z.number(),
  name: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable().describe('approved actual value, null before any'),
  rate: z.number().nullable().describe('actual ÷ target (uncapped), null without both'),
});

const cardMilestoneOut = z.object({ period: z.string(), text: z.string(), dueDate: z.string().nullable() });

const cardItemBase = z.object({
  id: z.number(),
  number: z.string(),
  name: z.string(),
  commitment: z.string().describe('the commitment as the list words it (target, else description)'),
  status: itemStatus,
  statusLabel: z.string().describe('已完成 / 正常推进 / 有滞后风险 / 滞后 / 超期未完成 / 未启动'),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
  leadUnit: z.string().nullable(),
  coUnits: z.array(z.string()),
  progress: z.string().nullable().describe('latest approved progress text with a period begun by the date'),
  progressPeriod: z.string().nullable(),
  percent: z.number().describe('the progress bar, 0–100 (100 only when done)'),
  indicators: z.array(cardIndicatorOut),
  milestones: z.array(cardMilestoneOut),
});

export const cardItemOut: z.ZodType<CardItem> = cardItemBase.extend({
  get parts() {
    return z.array(cardItemOut);
  },
});
z.globalRegistry.add(cardItemOut, { id: 'CardItem' });

export const reportCardOut = z.object({
  programme: z.object({
    id: z.number(),
    title: z.string(),
    year: z.number(),
    jurisdictionId: z.number(),
    jurisdictionName: z.string(),
  }),
  asOf: z.string(),
  headline: z
    .object({ done: z.number(), rest: z.number(), total: z.number(), percent: z.number() })
    .describe('over top-level items (子项): X个子项已完成，其余Y个子项正在加快推进'),
  categories: z.array(
    z.object({
      id: z.number(),
      ordinal: z.number().nullable(),
      title: z.string(),
      percent: z.number(),
      done: z.number(),
      total: z.number(),
      items: z.array(cardItemOut),
    }),
  ),
});

const periodValue = z.object({ period: z.string(), value: z.number() });

/**
 * Planned versus actual of one item (src/server/use-cases/publish/get-public-item-progress.ts):
 * the plan's cumulative checkpoints and approved actual values; no reasons, no projection.
 */
export const publicItemProgressOut = z.object({
  itemId: z.number(),
  programmeId: z.number(),
  asOf: z.string(),
  status: itemStatus,
  indicators: z.array(
    z.object({
      indicatorId: z.number(),
      name: z.string(),
      unit: z.string(),
      target: z.number().nullable(),
      direction: z.enum(['increase', 'decrease']),
      planned: z.array(periodValue).describe('cumulative checkpoints of the plan'),
      actual: z.array(periodValue).describe('approved actual values by period'),
    }),
  ),
});

export const notModified = z.null().describe('304: the body has not changed since the ETag in If-None-Match');
