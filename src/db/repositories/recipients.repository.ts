import { and, asc, eq, inArray } from 'drizzle-orm';
import type { NoticeFact, ReportAssignment } from '../../core/work/reminders.js';
import { handedInKey } from '../../core/work/reminders.js';
import type { Db } from '../client.js';
import { items, itemUnits, programmes, units, users } from '../schema.js';
import { notices, reports } from '../schema-work.js';

/**
 * What the reminder run reads: the published programmes, who owes which
 * report, what has been handed in, which notices wait for a reply. Who hears
 * a reminder (reporters, unit heads, leaders) is in inbox.repository.ts.
 */

export interface PublishedProgramme {
  id: number;
  jurisdictionId: number;
  year: number;
  title: string;
}

export async function publishedProgrammes(db: Db): Promise<PublishedProgramme[]> {
  return db
    .select({
      id: programmes.id,
      jurisdictionId: programmes.jurisdictionId,
      year: programmes.year,
      title: programmes.title,
    })
    .from(programmes)
    .where(eq(programmes.state, 'published'))
    .orderBy(asc(programmes.id));
}

/** Every unit named on an item or part of the programme reports on it each period (lead and co-units alike). */
export async function reportAssignments(db: Db, programmeId: number): Promise<ReportAssignment[]> {
  return db
    .select({
      itemId: items.id,
      itemNumber: items.number,
      itemName: items.name,
      unitId: units.id,
      unitName: units.name,
    })
    .from(itemUnits)
    .innerJoin(items, eq(items.id, itemUnits.itemId))
    .innerJoin(units, eq(units.id, itemUnits.unitId))
    .where(eq(items.programmeId, programmeId))
    .orderBy(asc(items.categoryId), asc(items.position), asc(items.id), asc(itemUnits.position));
}

/** Keys (item:unit:period) of the reports submitted or approved in the programme. */
export async function handedInReports(db: Db, programmeId: number): Promise<Set<string>> {
  const rows = await db
    .select({ itemId: reports.itemId, unitId: reports.unitId, period: reports.period })
    .from(reports)
    .where(and(eq(reports.programmeId, programmeId), inArray(reports.state, ['submitted', 'approved'])));
  return new Set(rows.map((r) => handedInKey(r.itemId, r.unitId, r.period)));
}

/** Notices of the programme still waiting for the unit's reply. */
export async function unansweredNotices(db: Db, programmeId: number): Promise<NoticeFact[]> {
  return db
    .select({
      id: notices.id,
      seq: notices.seq,
      itemId: notices.itemId,
      itemNumber: items.number,
      itemName: items.name,
      unitId: notices.unitId,
      unitName: units.name,
      replyDue: notices.replyDue,
      state: notices.state,
    })
    .from(notices)
    .innerJoin(items, eq(items.id, notices.itemId))
    .innerJoin(units, eq(units.id, notices.unitId))
    .where(and(eq(notices.programmeId, programmeId), inArray(notices.state, ['open', 'escalated'])))
    .orderBy(asc(notices.seq));
}

export async function findUserById(
  db: Db,
  id: number,
): Promise<{ id: number; email: string | null; disabled: boolean } | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}
