import { addDays, type CalendarDay } from './calendar.js';

/**
 * China's statutory holidays and make-up working days (调休), as published by
 * the General Office of the State Council:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025年发布）
 * Kept as data; the office edits the calendar in the application when a
 * notice changes or a new year is announced.
 */

function holiday(name: string, from: string, to: string = from): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) days.push({ date, kind: 'holiday', name });
  return days;
}

function workday(name: string, date: string): CalendarDay {
  return { date, kind: 'workday', name: `${name}调休上班` };
}

const DAYS_2025: CalendarDay[] = [
  ...holiday('元旦', '2025-01-01'),
  workday('春节', '2025-01-26'),
  ...holiday('春节', '2025-01-28', '2025-02-04'),
  workday('春节', '2025-02-08'),
  ...holiday('清明节', '2025-04-04', '2025-04-06'),
  workday('劳动节', '2025-04-27'),
  ...holiday('劳动节', '2025-05-01', '2025-05-05'),
  ...holiday('端午节', '2025-05-31', '2025-06-02'),
  workday('国庆节、中秋节', '2025-09-28'),
  ...holiday('国庆节、中秋节', '2025-10-01', '2025-10-08'),
  workday('国庆节、中秋节', '2025-10-11'),
];

const DAYS_2026: CalendarDay[] = [
  ...holiday('元旦', '2026-01-01', '2026-01-03'),
  workday('元旦', '2026-01-04'),
  workday('春节', '2026-02-14'),
  ...holiday('春节', '2026-02-15', '2026-02-23'),
  workday('春节', '2026-02-28'),
  ...holiday('清明节', '2026-04-04', '2026-04-06'),
  ...holiday('劳动节', '2026-05-01', '2026-05-05'),
  workday('劳动节', '2026-05-09'),
  ...holiday('端午节', '2026-06-19', '2026-06-21'),
  workday('国庆节', '2026-09-20'),
  ...holiday('中秋节', '2026-09-25', '2026-09-27'),
  ...holiday('国庆节', '2026-10-01', '2026-10-07'),
  workday('国庆节', '2026-10-10'),
];

/** Built-in calendar days by year. */
export const CHINA_HOLIDAYS: Readonly<Record<number, readonly CalendarDay[]>> = {
  2025: DAYS_2025,
  2026: DAYS_2026,
};

/** The built-in days of a year; empty for a year not yet announced. */
export function builtInCalendarDays(year: number): readonly CalendarDay[] {
  return CHINA_HOLIDAYS[year] ?? [];
}
