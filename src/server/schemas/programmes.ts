import { z } from 'zod';
import { deadlineSchema, directionSchema, isoDateSchema, periodSchema } from '../../core/interchange.js';
import { idField, idQuery, nameField, versionField } from './common.js';

export const programmeStateSchema = z.enum(['draft', 'published', 'archived']);

export const programmeOut = z.object({
  id: z.number(),
  title: z.string(),
  year: z.number(),
  state: programmeStateSchema,
  jurisdictionId: z.number(),
  jurisdictionName: z.string(),
  parentId: z.number().nullable(),
  parentTitle: z.string().nullable(),
  version: z.number(),
  itemCount: z.number(),
});
export const programmeList = z.object({ items: z.array(programmeOut) });
export const programmeQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  state: programmeStateSchema.optional(),
  jurisdictionId: idQuery.optional(),
});
export const yearField = z.number().int().min(2000, { message: '年份应在 2000–2100 之间 (year 2000–2100)' }).max(2100);
export const programmeCreate = z.strictObject({
  jurisdictionId: idField,
  year: yearField,
  title: nameField(200, '标题', 'title'),
  parentId: idField.nullable().default(null),
});
export const programmeUpdate = z.strictObject({
  version: versionField,
  title: nameField(200, '标题', 'title').optional(),
  year: yearField.optional(),
  state: programmeStateSchema.optional(),
  parentId: idField.nullable().optional(),
});

export const categoryOut = z.object({
  id: z.number(),
  programmeId: z.number(),
  ordinal: z.number().nullable(),
  title: z.string(),
  position: z.number(),
  version: z.number(),
});
export const categoryCreate = z.strictObject({
  ordinal: z.number().int().min(0).max(10_000).nullable().default(null),
  title: z.string().trim().max(200).default(''),
  position: z.number().int().min(0).max(100_000).optional(),
});
// Written out rather than `.partial()`: a partial keeps the create schema's defaults and would reset omitted fields.
export const categoryUpdate = z.strictObject({
  version: versionField,
  ordinal: z.number().int().min(0).max(10_000).nullable().optional(),
  title: z.string().trim().max(200).optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});

const itemFields = {
  number: z.string().trim().max(20).default(''),
  name: nameField(500, '子项名称', 'item name'),
  description: z.string().trim().max(20_000).default(''),
  target: z.string().trim().max(20_000).default(''),
  deadline: deadlineSchema.default(null),
};
export const itemCreate = z.strictObject({
  ...itemFields,
  parentItemId: idField.nullable().default(null),
  position: z.number().int().min(0).max(100_000).optional(),
});
export const itemUpdate = z.strictObject({
  version: versionField,
  number: itemFields.number.optional(),
  name: itemFields.name.optional(),
  description: z.string().trim().max(20_000).optional(),
  target: z.string().trim().max(20_000).optional(),
  deadline: deadlineSchema.optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});
export const itemOut = z.object({
  id: z.number(),
  programmeId: z.number(),
  categoryId: z.number(),
  parentItemId: z.number().nullable(),
  position: z.number(),
  number: z.string(),
  name: z.string(),
  description: z.string(),
  target: z.string(),
  deadline: z.object({ text: z.string(), date: z.string().nullable() }).nullable(),
  version: z.number(),
});

export const itemUnitOut = z.object({
  id: z.number(),
  itemId: z.number(),
  unitId: z.number(),
  name: z.string(),
  role: z.enum(['lead', 'co']),
  position: z.number(),
  version: z.number(),
});
export const itemUnitCreate = z.strictObject({
  unitId: idField,
  role: z.enum(['lead', 'co']),
  position: z.number().int().min(0).max(1000).optional(),
});
export const itemUnitUpdate = z.strictObject({
  version: versionField,
  role: z.enum(['lead', 'co']).optional(),
  position: z.number().int().min(0).max(1000).optional(),
});

export const itemPersonOut = z.object({
  id: z.number(),
  itemId: z.number(),
  personId: z.number(),
  name: z.string(),
  unitId: z.number().nullable(),
  position: z.number(),
  version: z.number(),
});
export const itemPersonCreate = z.strictObject({
  personId: idField,
  unitId: idField.nullable().default(null),
  position: z.number().int().min(0).max(1000).optional(),
});

export const itemLeaderOut = z.object({
  id: z.number(),
  itemId: z.number(),
  personId: z.number(),
  name: z.string(),
  position: z.number(),
  version: z.number(),
});
export const itemLeaderCreate = z.strictObject({
  personId: idField,
  position: z.number().int().min(0).max(1000).optional(),
});

export const milestoneOut = z.object({
  id: z.number(),
  itemId: z.number(),
  period: z.string(),
  text: z.string(),
  dueDate: z.string().nullable(),
  position: z.number(),
  version: z.number(),
});
export const milestoneCreate = z.strictObject({
  period: periodSchema,
  text: z.string().trim().max(20_000).default(''),
  dueDate: isoDateSchema.nullable().default(null),
  position: z.number().int().min(0).max(1000).optional(),
});
export const milestoneUpdate = z.strictObject({
  version: versionField,
  period: periodSchema.optional(),
  text: z.string().trim().max(20_000).optional(),
  dueDate: isoDateSchema.nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});

const checkpointsSchema = z.record(periodSchema, z.number().finite());
export const indicatorOut = z.object({
  id: z.number(),
  itemId: z.number(),
  name: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  direction: directionSchema,
  checkpoints: z.record(z.string(), z.number()),
  position: z.number(),
  version: z.number(),
});
export const indicatorCreate = z.strictObject({
  name: nameField(500, '指标名称', 'indicator name'),
  unit: z.string().trim().max(20).default(''),
  target: z.number().finite().nullable().default(null),
  direction: directionSchema.default('increase'),
  checkpoints: checkpointsSchema.default({}),
  position: z.number().int().min(0).max(1000).optional(),
});
export const indicatorUpdate = z.strictObject({
  version: versionField,
  name: nameField(500, '指标名称', 'indicator name').optional(),
  unit: z.string().trim().max(20).optional(),
  target: z.number().finite().nullable().optional(),
  direction: directionSchema.optional(),
  checkpoints: checkpointsSchema.optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
