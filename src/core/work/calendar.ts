import { isPeriod, periodEndMonth } from '../periods.js';

/**
 * The working-day calendar and the reporting plan's dates. A date not listed
 * in the calendar is a working day Monday to Friday; a listed holiday is not;
 * a weekend day listed as a workday is a make-up working day (调休).
 * Dates are 'YYYY-MM-DD' strings in the business time zone (Asia/Shanghai).
 */

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** A calendar built once from its listed days, for fast look-ups. */
export class WorkCalendar {
  readonly days: ReadonlyMap<string, CalendarDay>;

  constructor(days: readonly CalendarDay[] = []) {
    this.days = new Map(days.map((day) => [day.date, day]));
  }

  /** The listed day at a date, if any. */
  dayAt(date: string): CalendarDay | undefined {
    return this.days.get(date);
  }
}

export type ReportFrequency = 'monthly' | 'quarterly';

export interface ReportingPlan {
  frequency: ReportFrequency;
  /** Reports are due on this day of the period's last month (moved to the next working day). */
  dueDay: number;
  lockedPeriods: string[];
  interpolation: 'step' | 'linear';
  onTrackRatio: number;
  laggingRatio: number;
  remindDaysBefore: number;
  quietStart: string;
  quietEnd: string;
}

/** The same values as the schema defaults of reporting_plans. */
export const DEFAULT_REPORTING_PLAN: Readonly<ReportingPlan> = Object.freeze({
  frequency: 'monthly',
  dueDay: 25,
  lockedPeriods: [],
  interpolation: 'step',
  onTrackRatio: 0.9,
  laggingRatio: 0.7,
  remindDaysBefore: 3,
  quietStart: '22:00',
  quietEnd: '08:00',
});

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return toIsoDate(date) === value;
}

/** Milliseconds of a date's UTC midnight. Hot in status evaluation: no round trip, the edges validate dates. */
function parseMs(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function parse(date: string): Date {
  return new Date(parseMs(date));
}

function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date n calendar days after (n < 0: before) a date. */
export function addDays(date: string, n: number): string {
  return toIsoDate(new Date(parseMs(date) + n * DAY_MS));
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseMs(to) - parseMs(from)) / DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekday(date: string): number {
  return parse(date).getUTCDay();
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving). */
let pinnedToday: string | null = null;

/**
 * Pin the business date (MINXIN_TODAY) for a training or demonstration
 * installation and for the browser journeys: which periods are open, what is
 * due and overdue, and the default date of status all follow it. Timestamps
 * (submitted at, audit) stay real. null unpins.
 */
export function pinBusinessDate(date: string | null): void {
  if (date !== null && !isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  pinnedToday = date;
}

/** A timestamp as PostgreSQL or PGlite returns it ("2026-06-28 06:03:11.5+00") as its date in Asia/Shanghai. */
export function shanghaiDateOf(timestamp: string): string {
  const iso = timestamp.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? timestamp.slice(0, 10) : shanghaiToday(date);
}

/** Today in Asia/Shanghai (or the pinned business date when no moment is given). */
export function shanghaiToday(now?: Date): string {
  if (now === undefined && pinnedToday !== null) return pinnedToday;
  return toIsoDate(new Date((now ?? new Date()).getTime() + 8 * 3_600_000));
}

export function isWorkday(cal: WorkCalendar, date: string): boolean {
  const listed = cal.dayAt(date);
  if (listed) return listed.kind === 'workday';
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/** The date itself when it is a working day, else the next one. */
export function nextWorkday(cal: WorkCalendar, date: string): string {
  let current = date;
  // Chinese holidays never run beyond a few weeks; the bound guards bad data.
  for (let i = 0; i < 366; i++) {
    if (isWorkday(cal, current)) return current;
    current = addDays(current, 1);
  }
  throw new RangeError(`no working day within a year after ${date}`);
}

/**
 * The working day n working days after a date (n < 0: before). With n = 0 the
 * date itself when it is a working day, else the next one.
 */
export function addWorkdays(cal: WorkCalendar, date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  if (n === 0) return nextWorkday(cal, date);
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let current = date;
  let guard = 0;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkday(cal, current)) remaining--;
    if (++guard > 366 * 10) throw new RangeError(`no working days around ${date}`);
  }
  return current;
}

/**
 * Working days after `from` up to and including `to`: 0 when equal, negative
 * when `to` is earlier (then counts the working days from `to` up to but
 * excluding `from`).
 */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  if (from === to) return 0;
  const [start, end, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  let current = start;
  while (current < end) {
    current = addDays(current, 1);
    if (isWorkday(cal, current)) count++;
  }
  if (sign < 0) {
    // Counting (to, from] flipped: make it [to, from) so the result mirrors addWorkdays.
    count += (isWorkday(cal, start) ? 1 : 0) - (isWorkday(cal, end) ? 1 : 0);
  }
  return sign * count;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

/** The periods of a year at a reporting frequency, in order. */
export function reportingPeriods(frequency: ReportFrequency): string[] {
  return frequency === 'monthly' ? [...MONTHS] : [...QUARTERS];
}

/** The first month (1–12) a period covers. */
export function periodStartMonth(period: string): number {
  const end = periodEndMonth(period);
  return period.startsWith('Q') ? end - 2 : end;
}

/** The first day of a period: Q2 of 2026 → 2026-04-01. */
export function periodStartDate(year: number, period: string): string {
  return `${year}-${String(periodStartMonth(period)).padStart(2, '0')}-01`;
}

/**
 * When reports for a period are due: the plan's due day of the period's last
 * month (clamped to the month's length), moved to the next working day.
 */
export function dueDateOf(
  cal: WorkCalendar,
  plan: Pick<ReportingPlan, 'dueDay'>,
  year: number,
  period: string,
): string {
  const month = periodEndMonth(period);
  const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Math.max(1, Math.trunc(plan.dueDay)), monthLength);
  const nominal = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return nextWorkday(cal, nominal);
}

/** Whether reports for a period may be written at a date: it has begun and is not locked. */
export function isPeriodOpen(
  plan: Pick<ReportingPlan, 'lockedPeriods'>,
  year: number,
  period: string,
  asOf: string,
): boolean {
  if (!isPeriod(period)) return false;
  if (plan.lockedPeriods.includes(period)) return false;
  return periodStartDate(year, period) <= asOf;
}

/** The plan's periods open at a date, in order. */
export function openPeriods(
  plan: Pick<ReportingPlan, 'frequency' | 'lockedPeriods'>,
  year: number,
  asOf: string,
): string[] {
  return reportingPeriods(plan.frequency).filter((period) => isPeriodOpen(plan, year, period, asOf));
}
