import { z } from 'zod';
import type { ItemNode } from '../../core/tree.js';
import {
  indicatorOut,
  itemLeaderOut,
  itemOut,
  itemPersonOut,
  itemUnitOut,
  milestoneOut,
  programmeOut,
} from './programmes.js';

/** An item as the tree shows it: the item's own fields plus what hangs off it. */
const itemNodeBase = itemOut.omit({ programmeId: true }).extend({
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
  /** In a district programme: the city item this one serves. */
  cityItem: z.object({ id: z.number(), number: z.string(), name: z.string(), programmeId: z.number() }).nullable(),
  children: z.array(itemNodeSchema),
});
