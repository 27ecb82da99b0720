import { resourceHooks } from './resource.js';
import type { Id, Jurisdiction, JurisdictionLevel } from './types.js';

export interface JurisdictionInput {
  name: string;
  level: JurisdictionLevel;
  parentId: Id | null;
}

export const jurisdictionHooks = resourceHooks<
  Jurisdiction,
  JurisdictionInput,
  Partial<JurisdictionInput> & { version: number }
>({
  key: 'jurisdictions',
  path: '/jurisdictions',
  alsoInvalidates: [['programmes']],
});

export const useJurisdictions = (enabled = true) => jurisdictionHooks.useList({}, enabled);
