import { z } from 'zod';
import { PERIOD_PATTERN } from './periods.js';

/**
 * The interchange format `minxin.programme/v1`: what the importers, the API
 * and the CLI speak. docs/interchange.md describes it for people and
 * docs/minxin.programme.v1.schema.json is generated from these schemas.
 */
export const PROGRAMME_FORMAT = 'minxin.programme/v1';

export const LIMITS = {
  title: 200,
  name: 500,
  text: 20_000,
  unitName: 100,
  personName: 50,
  categories: 200,
  itemsPerCategory: 500,
  childrenDepth: 3,
  units: 50,
  milestones: 24,
  indicators: 30,
} as const;

const trimmed = (max: number) => z.string().trim().max(max);

export const periodSchema = z
  .string()
  .regex(PERIOD_PATTERN, { message: '时段应为 Q1–Q4 或 M01–M12 (period must be Q1–Q4 or M01–M12)' });

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: '日期不存在 (no such date)',
    },
  );

export const deadlineSchema = z
  .object({
    text: trimmed(100),
    date: isoDateSchema.nullable(),
  })
  .nullable();

export const milestoneSchema = z.object({
  period: periodSchema,
  text: trimmed(LIMITS.text),
  dueDate: isoDateSchema.nullable().optional(),
});

export const directionSchema = z.enum(['increase', 'decrease']);

export const indicatorSchema = z.object({
  name: trimmed(LIMITS.name).min(1, { message: '指标名称不能为空 (indicator name is required)' }),
  unit: trimmed(20),
  target: z.number().finite().nullable(),
  direction: directionSchema.optional(),
  checkpoints: z.record(periodSchema, z.number().finite()).optional(),
});

export interface InterchangeItem {
  number: string;
  name: string;
  description?: string | undefined;
  target?: string | undefined;
  leadUnit?: string | null | undefined;
  coUnits?: string[] | undefined;
  persons?: string[] | undefined;
  leaders?: string[] | undefined;
  deadline?: z.infer<typeof deadlineSchema> | undefined;
  milestones?: z.infer<typeof milestoneSchema>[] | undefined;
  indicators?: z.infer<typeof indicatorSchema>[] | undefined;
  children?: InterchangeItem[] | undefined;
}

export const itemSchema: z.ZodType<InterchangeItem> = z.lazy(() =>
  z.object({
    number: trimmed(20),
    name: trimmed(LIMITS.name).min(1, { message: '子项名称不能为空 (item name is required)' }),
    description: trimmed(LIMITS.text).optional(),
    target: trimmed(LIMITS.text).optional(),
    leadUnit: trimmed(LIMITS.unitName).nullable().optional(),
    coUnits: z.array(trimmed(LIMITS.unitName).min(1)).max(LIMITS.units).optional(),
    persons: z
      .array(trimmed(LIMITS.personName).min(1))
      .max(LIMITS.units * 2)
      .optional(),
    leaders: z.array(trimmed(LIMITS.personName).min(1)).max(LIMITS.units).optional(),
    deadline: deadlineSchema.optional(),
    milestones: z.array(milestoneSchema).max(LIMITS.milestones).optional(),
    indicators: z.array(indicatorSchema).max(LIMITS.indicators).optional(),
    children: z.array(itemSchema).max(LIMITS.itemsPerCategory).optional(),
  }),
);

export const categorySchema = z.object({
  ordinal: z.number().int().min(0).max(10_000).nullable(),
  title: trimmed(LIMITS.title),
  items: z.array(itemSchema).max(LIMITS.itemsPerCategory),
});

export const warningSchema = z.object({
  /** The place in the source: "line 12", "row 7, column 3". */
  where: z.string().max(200),
  message: z.string().max(2000),
  /** The item it concerns in this document, when there is one: "categories[0].items[2].children[1]". */
  path: z.string().max(200).optional(),
});

export const programmeDocumentSchema = z.object({
  format: z.literal(PROGRAMME_FORMAT, {
    message: `格式标识应为 "${PROGRAMME_FORMAT}" (format must be "${PROGRAMME_FORMAT}")`,
  }),
  title: trimmed(LIMITS.title).min(1, { message: '标题不能为空 (title is required)' }),
  jurisdiction: trimmed(LIMITS.unitName).min(1, { message: '请填写所属行政区 (jurisdiction is required)' }),
  year: z.number().int().min(2000).max(2100),
  parent: trimmed(LIMITS.title).nullable().optional(),
  categories: z.array(categorySchema).max(LIMITS.categories),
  warnings: z.array(warningSchema).max(10_000).optional(),
});

export type ProgrammeDocument = z.infer<typeof programmeDocumentSchema>;
export type InterchangeCategory = z.infer<typeof categorySchema>;
export type InterchangeMilestone = z.infer<typeof milestoneSchema>;
export type InterchangeIndicator = z.infer<typeof indicatorSchema>;
export type ImportWarning = z.infer<typeof warningSchema>;

/** The depth of the deepest (1)(2)(3) nesting, to refuse absurd documents early. */
export function maxDepth(items: readonly InterchangeItem[], depth = 1): number {
  let deepest = items.length > 0 ? depth : depth - 1;
  for (const item of items) {
    if (item.children && item.children.length > 0) deepest = Math.max(deepest, maxDepth(item.children, depth + 1));
  }
  return deepest;
}
