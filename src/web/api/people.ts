import { resourceHooks } from './resource.js';
import type { Id, Person } from './types.js';

export interface PersonInput {
  jurisdictionId: Id;
  name: string;
  title: string;
  unitId: Id | null;
}

export const personHooks = resourceHooks<Person, PersonInput, Partial<PersonInput> & { version: number }>({
  key: 'people',
  path: '/people',
});

export const usePeople = (filter: { jurisdictionId?: Id | null; unitId?: Id | null } = {}, enabled = true) =>
  personHooks.useList(
    { jurisdictionId: filter.jurisdictionId ?? undefined, unitId: filter.unitId ?? undefined },
    enabled,
  );
