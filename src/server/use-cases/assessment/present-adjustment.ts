import type { Actor } from '../../../core/actor.js';
import type { EntityMeta } from '../../../db/crud.js';
import type { scoreAdjustments } from '../../../db/schema-work.js';

export const ADJUSTMENT_META: EntityMeta<typeof scoreAdjustments> = {
  entityType: 'score_adjustment',
  what: { zh: '考核调整', en: 'Score adjustment' },
  context: (row) => ({ programmeId: row.programmeId }),
};

export interface PresentedAdjustment {
  id: number;
  programmeId: number;
  unitId: number;
  points: number;
  reason: string;
  by: string;
  at: string;
  version: number;
}

export function presentAdjustment(row: typeof scoreAdjustments.$inferSelect, by: Actor): PresentedAdjustment {
  return {
    id: row.id,
    programmeId: row.programmeId,
    unitId: row.unitId,
    points: row.points,
    reason: row.reason,
    by: by.kind === 'user' ? by.displayName || by.username : `system:${by.name}`,
    at: row.createdAt,
    version: row.version,
  };
}
