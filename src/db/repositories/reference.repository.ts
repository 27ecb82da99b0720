import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { jurisdictions, people, units } from '../schema.js';

export function listJurisdictions(db: Db) {
  return db.select().from(jurisdictions).orderBy(asc(jurisdictions.id));
}

export function listUnits(db: Db, filter: { jurisdictionId?: number | undefined }) {
  return db
    .select()
    .from(units)
    .where(filter.jurisdictionId === undefined ? undefined : eq(units.jurisdictionId, filter.jurisdictionId))
    .orderBy(asc(units.id));
}

export function listPeople(db: Db, filter: { jurisdictionId?: number | undefined; unitId?: number | undefined }) {
  return db
    .select()
    .from(people)
    .where(
      and(
        filter.jurisdictionId === undefined ? undefined : eq(people.jurisdictionId, filter.jurisdictionId),
        filter.unitId === undefined ? undefined : eq(people.unitId, filter.unitId),
      ),
    )
    .orderBy(asc(people.id));
}
