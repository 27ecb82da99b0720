import { AppError } from '../../../core/errors.js';
import { canManageCalendar } from '../../../core/work-policies.js';
import { findCalendarDayByDate } from '../../../db/repositories/calendar.repository.js';
import { calendarDays } from '../../../db/schema-work.js';
import { defineCrud } from '../define-crud.js';

type Input = { date: string; kind: 'holiday' | 'workday'; name: string };

const listedAlready = (date: string) =>
  new AppError(
    'DUPLICATE',
    `日历中已有${date}这一天，请修改那一天而不是重复添加。 ${date} is already in the calendar; edit that day instead.`,
  );

/** Days of the working-day calendar: holidays and make-up working days, kept by admins and supervisors. */
export const calendarDaysCrud = defineCrud({
  table: calendarDays,
  meta: { entityType: 'calendar_day', what: { zh: '日历日期', en: 'calendar day' } },
  present: async (_db, row) => ({
    id: row.id,
    date: row.date,
    kind: row.kind,
    name: row.name,
    version: row.version,
  }),
  scopeOfCreate: async () => ({}),
  scopeOfRow: async () => ({}),
  canWrite: (actor) => canManageCalendar(actor),
  toValues: async (db, input: Input) => {
    if (await findCalendarDayByDate(db, input.date)) throw listedAlready(input.date);
    return input;
  },
  checkPatch: async (db, patch, _scope, row) => {
    const date = patch.date as string | undefined;
    if (date !== undefined && date !== row.date) {
      const other = await findCalendarDayByDate(db, date);
      if (other) throw listedAlready(date);
    }
    return patch;
  },
});
