import { z } from 'zod';
import type { ItemNode } from '../../core/tree.js';
import { indicatorOut, itemLeaderOut, itemPersonOut, itemUnitOut, milestoneOut, programmeOut } from './programmes.js';

const itemNodeBase = z.object({
  id: z.number(),
  categoryId: z.number(),
  parentItemId: z.number().nullable(),
  position: z.number(),
  number: z.string(),
  name: z.string(),
  description: z.string(),
  target: z.string(),
  deadline: z.object({ text: z.string(), date: z.string().nullable() }).nullable(),
  version: z.number(),
  units: z.array(itemUnitOut),
  persons: z.array(itemPersonOut),
  leaders: z.array(itemLeaderOut),
  milestones: z.array(milestoneOut),
  indicators: z.array(indicatorOut),
});

export const itemNodeSchema: z.ZodType<ItemNode> = itemNodeBase.extend({
  get children() {
    return z.array(itemNodeSchema);
  },
});
z.globalRegistry.add(itemNodeSchema, { id: 'ItemNode' });

export const categoryNodeSchema = z.object({
  id: z.number(),
  ordinal: z.number().nullable(),
  title: z.string(),
  position: z.number(),
  version: z.number(),
  items: z.array(itemNodeSchema),
});

export const treeSchema = z.object({ programme: programmeOut, categories: z.array(categoryNodeSchema) });

export const itemDetailSchema = itemNodeBase.extend({
  programmeId: z.number(),
  categoryTitle: z.string(),
  children: z.array(itemNodeSchema),
});
