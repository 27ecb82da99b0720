import { isPeriod } from '../periods.js';
import {
  addDays,
  addWorkdays,
  dueDateOf,
  isWorkday,
  type ReportingPlan,
  reportingPeriods,
  type WorkCalendar,
  weekday,
  workdaysBetween,
} from './calendar.js';

/**
 * The reminder planner: from the facts of one programme at one date, the
 * reminders to send, each with a stable key. Three colours, each widening the
 * circle of who hears it:
 *
 * - blue (due soon): a report not yet submitted, from `remindDaysBefore`
 *   working days before its due date, and on the due day (今日截止) → the
 *   unit's reporters. Key per stage ('before' / 'due-day'), so one of each.
 * - yellow (behind schedule): an item evaluated lagging or at risk → the lead
 *   unit's reporters and head. Key per ISO week: a still-lagging item is
 *   reminded at most once a week.
 * - red (overdue): a report past its due date and not submitted, an item
 *   evaluated overdue, a notice a week past its reply date without a reply
 *   (its first week belongs to the escalation message) → the reporters, the
 *   unit head and the item's supervising leaders. Key per ISO week too: a
 *   leader hears of the same overdue thing at most once a week.
 *
 * Nothing is planned on a non-working day (weekends, holidays): the weekly
 * reminders come on the first working day of the week the condition holds.
 * Running the planner twice for the same facts and date yields the same keys.
 */

/** Days after a notice's reply date before its weekly red reminder starts (the escalation message comes first). */
export const NOTICE_REMINDER_AFTER_DAYS = 7;

export type ReminderLevel = 'blue' | 'yellow' | 'red';
export type Audience = 'reporters' | 'unit_head' | 'leader';
export type ReminderKind = 'report-due' | 'report-overdue' | 'item-behind' | 'item-overdue' | 'notice-overdue';

/** Who hears each colour: the circle widens from the reporter to the unit head to the supervising leader. */
export const AUDIENCE_OF: Readonly<Record<ReminderLevel, readonly Audience[]>> = {
  blue: ['reporters'],
  yellow: ['reporters', 'unit_head'],
  red: ['reporters', 'unit_head', 'leader'],
};

export const LEVEL_LABEL: Readonly<Record<ReminderLevel, string>> = {
  blue: '【蓝色提醒】',
  yellow: '【黄色预警】',
  red: '【红色督办】',
};

const LEVEL_RANK: Readonly<Record<ReminderLevel, number>> = { blue: 1, yellow: 2, red: 3 };

/** Whether a reminder of `level` goes to a channel that takes `minLevel` and above. */
export function levelReaches(level: ReminderLevel, minLevel: string): boolean {
  const min = LEVEL_RANK[minLevel as ReminderLevel] ?? 1;
  return LEVEL_RANK[level] >= min;
}

/** A unit that must report on an item every period. */
export interface ReportAssignment {
  itemId: number;
  itemNumber: string;
  itemName: string;
  unitId: number;
  unitName: string;
}

/** One report a unit owes for a period, and whether it has been handed in (submitted or approved). */
export interface DueReport extends ReportAssignment {
  period: string;
  dueDate: string;
  submitted: boolean;
}

export type ItemStatus = 'not_started' | 'on_track' | 'at_risk' | 'lagging' | 'done' | 'overdue';

export interface ItemStatusFact {
  itemId: number;
  number: string;
  name: string;
  status: ItemStatus;
  reasons: readonly string[];
  leadUnitId: number | null;
}

export interface NoticeFact {
  id: number;
  seq: number;
  itemId: number;
  itemNumber: string;
  itemName: string;
  unitId: number;
  unitName: string;
  replyDue: string;
  state: 'open' | 'replied' | 'closed' | 'escalated';
}

export interface ReminderFacts {
  programmeId: number;
  year: number;
  date: string;
  calendar: WorkCalendar;
  plan: Pick<ReportingPlan, 'remindDaysBefore' | 'lockedPeriods'>;
  dueReports: readonly DueReport[];
  items: readonly ItemStatusFact[];
  notices: readonly NoticeFact[];
}

export interface ReminderIntent {
  key: string;
  kind: ReminderKind;
  level: ReminderLevel;
  audience: readonly Audience[];
  programmeId: number;
  itemId: number;
  unitId: number;
  period?: string;
  noticeId?: number;
  title: string;
  body: string;
  /** Where in the web application the reminder leads. */
  link: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** M06 of 2026 → 2026年6月; Q2 → 2026年二季度. */
export function periodLabel(year: number, period: string): string {
  if (!isPeriod(period)) return period;
  if (period.startsWith('Q')) return `${year}年${QUARTER_NAMES[Number(period.slice(1)) - 1]}季度`;
  return `${year}年${Number(period.slice(1))}月`;
}

/** 2026-06-25 → 6月25日 */
export function dateLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The ISO week of a date: 2026-01-01 → 2026-W01, 2027-01-01 → 2026-W53. */
export function isoWeek(date: string): string {
  // The Thursday of the date's week decides the year.
  const monday = addDays(date, -((weekday(date) + 6) % 7));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-01`, (4 - weekday(`${year}-01-01`) + 7) % 7);
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The reports owed for every period of the year, with their due dates and whether they are in. */
export function dueReportsOf(
  calendar: WorkCalendar,
  plan: Pick<ReportingPlan, 'frequency' | 'dueDay'>,
  year: number,
  assignments: readonly ReportAssignment[],
  handedIn: ReadonlySet<string>,
): DueReport[] {
  const periods = reportingPeriods(plan.frequency).map((period) => ({
    period,
    dueDate: dueDateOf(calendar, plan, year, period),
  }));
  return assignments.flatMap((a) =>
    periods.map(({ period, dueDate }) => ({
      ...a,
      period,
      dueDate,
      submitted: handedIn.has(handedInKey(a.itemId, a.unitId, period)),
    })),
  );
}

export const handedInKey = (itemId: number, unitId: number, period: string): string => `${itemId}:${unitId}:${period}`;

const itemRef = (number: string, name: string): string => (number ? `${number}. ${name}` : name);

/** Plan the reminders of one programme for one date. */
export function planReminders(facts: ReminderFacts): ReminderIntent[] {
  const { calendar, date, programmeId, year } = facts;
  if (!isWorkday(calendar, date)) return [];
  const week = isoWeek(date);
  const intents: ReminderIntent[] = [];
  const base = (itemId: number, unitId: number) => ({ programmeId, itemId, unitId, link: `/items/${itemId}` });

  for (const report of facts.dueReports) {
    if (report.submitted || facts.plan.lockedPeriods.includes(report.period)) continue;
    const what = itemRef(report.itemNumber, report.itemName);
    const label = periodLabel(year, report.period);
    const common = { ...base(report.itemId, report.unitId), period: report.period };
    const id = `p${programmeId}:i${report.itemId}:u${report.unitId}:${report.period}`;
    if (date === report.dueDate) {
      intents.push({
        ...common,
        key: `report-due:${id}:due-day`,
        kind: 'report-due',
        level: 'blue',
        audience: AUDIENCE_OF.blue,
        title: `${label}进展今日截止：${what}`,
        body: `${report.unitName}：“${what}”${label}进展情况今日（${dateLabel(report.dueDate)}）截止报送，请尽快填报并提交。`,
      });
    } else if (date < report.dueDate) {
      const left = workdaysBetween(calendar, date, report.dueDate);
      if (left > facts.plan.remindDaysBefore) continue;
      intents.push({
        ...common,
        key: `report-due:${id}:before`,
        kind: 'report-due',
        level: 'blue',
        audience: AUDIENCE_OF.blue,
        title: `${label}进展将于${dateLabel(report.dueDate)}截止：${what}`,
        body: `${report.unitName}：“${what}”${label}进展情况须于${dateLabel(report.dueDate)}前报送（还有 ${left} 个工作日），请及时填报并提交。`,
      });
    } else {
      const late = workdaysBetween(calendar, report.dueDate, date);
      intents.push({
        ...common,
        key: `report-overdue:${id}:red:${week}`,
        kind: 'report-overdue',
        level: 'red',
        audience: AUDIENCE_OF.red,
        title: `${label}进展逾期未报：${what}`,
        body: `${report.unitName}：“${what}”${label}进展情况应于${dateLabel(report.dueDate)}前报送，已逾期 ${late} 个工作日仍未提交，请立即填报并提交；单位负责人和分管领导已同时收到本提醒。`,
      });
    }
  }

  for (const item of facts.items) {
    if (item.leadUnitId === null) continue;
    const what = itemRef(item.number, item.name);
    const reasons = item.reasons.length > 0 ? item.reasons.join('；') : '';
    if (item.status === 'lagging' || item.status === 'at_risk') {
      const word = item.status === 'lagging' ? '进度滞后' : '存在滞后风险';
      intents.push({
        ...base(item.itemId, item.leadUnitId),
        key: `item-behind:p${programmeId}:i${item.itemId}:yellow:${week}`,
        kind: 'item-behind',
        level: 'yellow',
        audience: AUDIENCE_OF.yellow,
        title: `${word}：${what}`,
        body: `“${what}”${word}${reasons ? `：${reasons}` : ''}。请牵头单位分析原因、加快推进，并在下次报送中说明整改措施。`,
      });
    } else if (item.status === 'overdue') {
      intents.push({
        ...base(item.itemId, item.leadUnitId),
        key: `item-overdue:p${programmeId}:i${item.itemId}:red:${week}`,
        kind: 'item-overdue',
        level: 'red',
        audience: AUDIENCE_OF.red,
        title: `逾期未完成：${what}`,
        body: `“${what}”已超过完成时限仍未完成${reasons ? `：${reasons}` : ''}。请牵头单位立即说明情况并报送完成计划；分管领导已同时收到本提醒。`,
      });
    }
  }

  for (const notice of facts.notices) {
    if ((notice.state !== 'open' && notice.state !== 'escalated') || notice.replyDue >= date) continue;
    // The first week past the reply date belongs to the escalation message (escalateOverdueNotices tells
    // the unit, its head and then the leader); this weekly reminder follows from a week after, so nobody
    // gets two red messages about one notice on the day it is escalated.
    if (date < addDays(notice.replyDue, NOTICE_REMINDER_AFTER_DAYS)) continue;
    const what = itemRef(notice.itemNumber, notice.itemName);
    intents.push({
      ...base(notice.itemId, notice.unitId),
      link: `/notices/${notice.id}`,
      noticeId: notice.id,
      key: `notice-overdue:p${programmeId}:n${notice.id}:red:${week}`,
      kind: 'notice-overdue',
      level: 'red',
      audience: AUDIENCE_OF.red,
      title: `督办单逾期未回复：督办〔${year}〕第${notice.seq}号`,
      body: `${notice.unitName}：关于“${what}”的督办单（督办〔${year}〕第${notice.seq}号）应于${dateLabel(notice.replyDue)}前回复，至今未回复，请立即回复办理情况；单位负责人和分管领导已同时收到本提醒。`,
    });
  }
  return intents;
}

/** The first working day on which a blue 'before' reminder goes out for a due date. */
export function firstReminderDay(calendar: WorkCalendar, dueDate: string, remindDaysBefore: number): string {
  return remindDaysBefore <= 0 ? dueDate : addWorkdays(calendar, dueDate, -remindDaysBefore);
}
