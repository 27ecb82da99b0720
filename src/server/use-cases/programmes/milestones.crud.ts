import { eq } from 'drizzle-orm';
import { periodEndDate } from '../../../core/periods.js';
import { nextPosition } from '../../../db/repositories/positions.repository.js';
import { indicators, milestones } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';
import { itemScope, itemWriteRule } from './scopes.js';

type MilestoneInput = { period: string; text: string; dueDate: string | null; position?: number | undefined };

export const milestonesCrud = defineCrud({
  table: milestones,
  meta: { entityType: 'milestone', what: { zh: '阶段性目标', en: 'milestone' } },
  present: async (_db, row) => ({
    id: row.id,
    itemId: row.itemId,
    period: row.period,
    text: row.text,
    dueDate: row.dueDate,
    position: row.position,
    version: row.version,
  }),
  scopeOfCreate: (db, _input: MilestoneInput, itemId) => itemScope(db, itemId as number),
  ...itemWriteRule,
  toValues: async (db, input, scope) => {
    const itemId = scope.itemId as number;
    return {
      itemId,
      period: input.period,
      text: input.text,
      // No date given: the period's end in the programme's year.
      dueDate: input.dueDate ?? periodEndDate(scope.year, input.period),
      position: input.position ?? (await nextPosition(db, milestones, eq(milestones.itemId, itemId))),
    };
  },
});

type IndicatorInput = {
  name: string;
  unit: string;
  target: number | null;
  direction: 'increase' | 'decrease';
  checkpoints: Record<string, number>;
  position?: number | undefined;
};

export const indicatorsCrud = defineCrud({
  table: indicators,
  meta: { entityType: 'indicator', what: { zh: '量化指标', en: 'indicator' } },
  present: async (_db, row) => ({
    id: row.id,
    itemId: row.itemId,
    name: row.name,
    unit: row.unit,
    target: row.target,
    direction: row.direction,
    checkpoints: row.checkpoints,
    position: row.position,
    version: row.version,
  }),
  scopeOfCreate: (db, _input: IndicatorInput, itemId) => itemScope(db, itemId as number),
  ...itemWriteRule,
  toValues: async (db, input, scope) => {
    const itemId = scope.itemId as number;
    return {
      itemId,
      name: input.name,
      unit: input.unit,
      target: input.target,
      direction: input.direction,
      checkpoints: input.checkpoints,
      position: input.position ?? (await nextPosition(db, indicators, eq(indicators.itemId, itemId))),
    };
  },
});
