import { resourceHooks } from './resource.js';
import type { Id, Unit } from './types.js';

export interface UnitInput {
  jurisdictionId: Id;
  name: string;
  headPersonId: Id | null;
}

export const unitHooks = resourceHooks<Unit, UnitInput, { version: number; name?: string; headPersonId?: Id | null }>({
  key: 'units',
  path: '/units',
});

export const useUnits = (jurisdictionId?: Id | null, enabled = true) =>
  unitHooks.useList({ jurisdictionId: jurisdictionId ?? undefined }, enabled);
