import { z } from 'zod';
import { ITEM_STATUSES } from '../../core/work/status.js';
import { idField, versionField } from './common.js';

/** Schemas of the city's view across districts and of linking district items to city items. */

const status = z.enum(ITEM_STATUSES);

export const cityItemSummary = z.object({
  id: z.number(),
  number: z.string(),
  name: z.string(),
  programmeId: z.number(),
});

export const cityItemLinkBody = z.strictObject({
  cityItemId: idField.nullable().describe('上级市级工程中的子项；null 取消关联 (the city item served; null unlinks)'),
  version: versionField,
});

export const cityItemLinkOut = z.object({
  id: z.number(),
  programmeId: z.number(),
  cityItemId: z.number().nullable(),
  cityItem: cityItemSummary.nullable(),
  version: z.number(),
});

export const cityLinkBody = z
  .strictObject({
    dryRun: z.boolean().default(false).describe('只预览匹配结果，不写入 (preview the matches; write nothing)'),
  })
  .nullish();

export const cityLinkResultOut = z.object({
  linked: z.array(
    z.object({
      itemId: z.number(),
      number: z.string(),
      name: z.string(),
      cityItemId: z.number(),
      cityNumber: z.string(),
      cityName: z.string(),
      rule: z.enum(['name', 'number']).describe('name: 名称相同; number: 同名大项内序号相同'),
    }),
  ),
  unmatched: z.array(z.object({ itemId: z.number(), number: z.string(), name: z.string() })),
  alreadyLinked: z.number(),
  dryRun: z.boolean(),
});

const counts = z.object({
  not_started: z.number(),
  on_track: z.number(),
  at_risk: z.number(),
  lagging: z.number(),
  done: z.number(),
  overdue: z.number(),
});

export const districtRollupOut = z.object({
  programmeId: z.number(),
  title: z.string(),
  asOf: z.string(),
  cityItems: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      name: z.string(),
      categoryTitle: z.string(),
      status: status.nullable().describe('各区子项中最差的状态；无区承接时为 null'),
      districts: z.array(
        z.object({
          jurisdictionName: z.string(),
          programmeId: z.number(),
          items: z.array(
            z.object({
              itemId: z.number(),
              number: z.string(),
              name: z.string(),
              status,
              reasons: z.array(z.string()),
              leadUnit: z.string().nullable(),
            }),
          ),
        }),
      ),
      indicators: z.array(
        z.object({
          unit: z.string().describe('计量单位（规范化后相同才合计）'),
          city: z.array(z.object({ name: z.string(), target: z.number().nullable() })),
          targetSum: z.number().nullable(),
          actualSum: z.number().nullable(),
          missingTargets: z.number(),
          missingActuals: z.number(),
          contributions: z.array(
            z.object({
              jurisdictionName: z.string(),
              itemId: z.number(),
              indicatorName: z.string(),
              target: z.number().nullable(),
              actual: z.number().nullable(),
            }),
          ),
        }),
      ),
      lagging: z.array(z.string()).describe('滞后或逾期的区'),
    }),
  ),
  districts: z.array(
    z.object({
      jurisdictionName: z.string(),
      programmeId: z.number(),
      programmeTitle: z.string(),
      counts,
      done: z.number(),
      total: z.number(),
      linked: z.number(),
      lagging: z.number(),
    }),
  ),
});
