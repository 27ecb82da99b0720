import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { type CalendarDay, WorkCalendar } from '../../core/work/calendar.js';
import type { Db } from '../client.js';
import { calendarDays } from '../schema-work.js';

export type CalendarDayRow = typeof calendarDays.$inferSelect;

/** The listed days of the years from…to (inclusive), in date order. */
export function listCalendarDays(db: Db, fromYear: number, toYear: number = fromYear): Promise<CalendarDayRow[]> {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${fromYear}-01-01`), lte(calendarDays.date, `${toYear}-12-31`)))
    .orderBy(asc(calendarDays.date));
}

/**
 * The working-day calendar for the years from…to. Load a year beyond the
 * last one you need when due dates may spill into it (a December holiday).
 */
export async function loadWorkCalendar(db: Db, fromYear: number, toYear: number = fromYear): Promise<WorkCalendar> {
  const rows = await listCalendarDays(db, fromYear, toYear);
  return new WorkCalendar(rows.map(({ date, kind, name }) => ({ date, kind, name })));
}

export async function countCalendarDaysInYear(db: Db, year: number): Promise<number> {
  const rows = await listCalendarDays(db, year);
  return rows.length;
}

export async function findCalendarDayByDate(db: Db, date: string): Promise<CalendarDayRow | undefined> {
  const [row] = await db.select().from(calendarDays).where(eq(calendarDays.date, date)).limit(1);
  return row;
}

/**
 * Insert days, or update the kind and name of a listed date. Not audited by
 * itself: the caller writes the audit entry in the same transaction.
 */
export async function upsertCalendarDays(tx: Db, days: readonly CalendarDay[]): Promise<CalendarDayRow[]> {
  if (days.length === 0) return [];
  const rows: CalendarDayRow[] = [];
  for (const day of days) {
    const [row] = await tx
      .insert(calendarDays)
      .values(day)
      .onConflictDoUpdate({ target: calendarDays.date, set: { kind: day.kind, name: day.name } })
      .returning();
    if (row) rows.push(row);
  }
  return rows;
}

/** Insert days in one statement; dates already listed are left as they are. */
export function insertCalendarDays(tx: Db, days: readonly CalendarDay[]): Promise<CalendarDayRow[]> {
  if (days.length === 0) return Promise.resolve([]);
  return tx
    .insert(calendarDays)
    .values(days.map(({ date, kind, name }) => ({ date, kind, name })))
    .onConflictDoNothing({ target: calendarDays.date })
    .returning();
}

export async function deleteCalendarDay(tx: Db, id: number): Promise<CalendarDayRow | undefined> {
  const [row] = await tx.delete(calendarDays).where(eq(calendarDays.id, id)).returning();
  return row;
}
