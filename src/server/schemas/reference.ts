import { z } from 'zod';
import { idField, idQuery, nameField, versionField } from './common.js';

export const jurisdictionLevelSchema = z.enum(['city', 'district', 'town']);

export const jurisdictionOut = z.object({
  id: z.number(),
  name: z.string(),
  level: jurisdictionLevelSchema,
  parentId: z.number().nullable(),
  version: z.number(),
});
export const jurisdictionCreate = z.strictObject({
  name: nameField(100, '行政区名称', 'name'),
  level: jurisdictionLevelSchema,
  parentId: idField.nullable().default(null),
});
// Written out rather than `.partial()`: a partial keeps the create schema's defaults and would reset omitted fields.
export const jurisdictionUpdate = z.strictObject({
  version: versionField,
  name: nameField(100, '行政区名称', 'name').optional(),
  level: jurisdictionLevelSchema.optional(),
  parentId: idField.nullable().optional(),
});

export const unitOut = z.object({
  id: z.number(),
  jurisdictionId: z.number(),
  name: z.string(),
  /** The unit's head (单位负责人), a person of the same jurisdiction: reminders escalate to them. */
  headPersonId: z.number().nullable(),
  version: z.number(),
});
export const unitCreate = z.strictObject({
  jurisdictionId: idField,
  name: nameField(100, '单位名称', 'unit name'),
  headPersonId: idField.nullable().default(null),
});
export const unitUpdate = z.strictObject({
  version: versionField,
  name: nameField(100, '单位名称', 'unit name').optional(),
  headPersonId: idField.nullable().optional(),
});
export const unitQuery = z.object({ jurisdictionId: idQuery.optional() });

export const personOut = z.object({
  id: z.number(),
  jurisdictionId: z.number(),
  name: z.string(),
  title: z.string(),
  unitId: z.number().nullable(),
  version: z.number(),
});
export const personCreate = z.strictObject({
  jurisdictionId: idField,
  name: nameField(50, '姓名', 'name'),
  title: z.string().trim().max(100).default(''),
  unitId: idField.nullable().default(null),
});
export const personUpdate = z.strictObject({
  version: versionField,
  name: nameField(50, '姓名', 'name').optional(),
  title: z.string().trim().max(100).optional(),
  unitId: idField.nullable().optional(),
});
export const personQuery = z.object({
  jurisdictionId: idQuery.optional(),
  unitId: idQuery.optional(),
});
