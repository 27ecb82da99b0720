import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_REPORTING_PLAN, WorkCalendar } from './calendar.js';
import { builtInCalendarDays } from './holidays-cn.js';
import {
  AUDIENCE_OF,
  dueReportsOf,
  firstReminderDay,
  handedInKey,
  type ItemStatusFact,
  isoWeek,
  levelReaches,
  type NoticeFact,
  periodLabel,
  planReminders,
  type ReminderFacts,
  type ReportAssignment,
} from './reminders.js';

const cal2026 = new WorkCalendar([...builtInCalendarDays(2026)]);
const plain = new WorkCalendar();
const plan = { ...DEFAULT_REPORTING_PLAN, lockedPeriods: [] as string[] };

const school: ReportAssignment = {
  itemId: 7,
  itemNumber: '3',
  itemName: '建成明湖区实验小学云溪校区',
  unitId: 40,
  unitName: '区教育局',
};

function facts(date: string, overrides: Partial<ReminderFacts> = {}, handedIn: string[] = []): ReminderFacts {
  const calendar = overrides.calendar ?? cal2026;
  const p = { ...plan, ...(overrides.plan ?? {}) };
  return {
    programmeId: 1,
    year: 2026,
    date,
    calendar,
    plan: p,
    dueReports: dueReportsOf(calendar, p, 2026, [school], new Set(handedIn)),
    items: [],
    notices: [],
    ...overrides,
  };
}

const june = (r: { period?: string }) => r.period === 'M06';

describe('blue: a report due soon', () => {
  it('reminds the reporters from remindDaysBefore working days before the due date, counting holidays', () => {
    // M06 is due Thursday 2026-06-25; 端午节 (19–21 June) is not a working day.
    const days = (calendar: WorkCalendar) =>
      ['2026-06-17', '2026-06-18', '2026-06-19', '2026-06-22'].filter((date) =>
        planReminders(facts(date, { calendar, plan: { ...plan, remindDaysBefore: 4 } })).some(june),
      );
    // With the holiday calendar the 4th working day before is Thursday the 18th (19th is a holiday: no run).
    expect(days(cal2026)).toEqual(['2026-06-18', '2026-06-22']);
    // Without it the 4th working day before is Friday the 19th.
    expect(days(plain)).toEqual(['2026-06-19', '2026-06-22']);
    expect(firstReminderDay(cal2026, '2026-06-25', 4)).toBe('2026-06-18');
  });

  it('says how many working days are left and when it is due, to the reporters only', () => {
    const [intent] = planReminders(facts('2026-06-22')).filter(june);
    expect(intent).toMatchObject({
      kind: 'report-due',
      level: 'blue',
      audience: ['reporters'],
      itemId: 7,
      unitId: 40,
      period: 'M06',
      link: '/items/7',
      key: 'report-due:p1:i7:u40:M06:before',
    });
    expect(intent?.title).toBe('2026年6月进展将于6月25日截止：3. 建成明湖区实验小学云溪校区');
    expect(intent?.body).toContain('还有 3 个工作日');
  });

  it('says 今日截止 on the due day, moved past a holiday to the next working day', () => {
    // M09 falls on 中秋节 (25 September): due Monday the 28th.
    expect(planReminders(facts('2026-09-25')).filter((i) => i.period === 'M09')).toEqual([]);
    const [due] = planReminders(facts('2026-09-28')).filter((i) => i.period === 'M09');
    expect(due?.key).toBe('report-due:p1:i7:u40:M09:due-day');
    expect(due?.title).toContain('今日截止');
    expect(due?.body).toContain('9月28日');
  });

  it('says nothing once the report is submitted or the period is locked', () => {
    expect(planReminders(facts('2026-06-25', {}, [handedInKey(7, 40, 'M06')])).filter(june)).toEqual([]);
    expect(planReminders(facts('2026-06-25', { plan: { ...plan, lockedPeriods: ['M06'] } })).filter(june)).toEqual([]);
  });

  it('plans nothing on a weekend or holiday', () => {
    expect(planReminders(facts('2026-06-20'))).toEqual([]);
    expect(planReminders(facts('2026-10-02'))).toEqual([]);
  });
});

describe('red: a report overdue', () => {
  it('widens to the unit head and the leader, once a week while it stays overdue', () => {
    const monday = planReminders(facts('2026-06-29')).filter(june);
    const tuesday = planReminders(facts('2026-06-30')).filter(june);
    const nextMonday = planReminders(facts('2026-07-06')).filter(june);
    expect(monday).toHaveLength(1);
    expect(monday[0]).toMatchObject({ kind: 'report-overdue', level: 'red', audience: AUDIENCE_OF.red });
    expect(monday[0]?.body).toContain('已逾期 2 个工作日');
    expect(tuesday[0]?.key).toBe(monday[0]?.key);
    expect(nextMonday[0]?.key).not.toBe(monday[0]?.key);
    expect(monday[0]?.key).toBe('report-overdue:p1:i7:u40:M06:red:2026-W27');
  });

  it('quarterly periods read 二季度', () => {
    const [intent] = planReminders(
      facts('2026-06-29', {
        plan: { ...plan },
        dueReports: dueReportsOf(cal2026, { frequency: 'quarterly', dueDay: 25 }, 2026, [school], new Set(['7:40:Q1'])),
      }),
    );
    expect(intent?.title).toBe('2026年二季度进展逾期未报：3. 建成明湖区实验小学云溪校区');
  });
});

describe('yellow and red: items behind plan, notices unanswered', () => {
  const item = (status: ItemStatusFact['status']): ItemStatusFact => ({
    itemId: 9,
    number: '5',
    name: '改造老旧小区',
    status,
    reasons: ['二季度末应达 10000 人，实报 7200 人（72%）'],
    leadUnitId: 41,
  });

  it('a lagging or at-risk item: yellow to the lead unit and its head, with the reasons', () => {
    for (const status of ['lagging', 'at_risk'] as const) {
      const intents = planReminders(facts('2026-06-10', { dueReports: [], items: [item(status)] }));
      expect(intents).toHaveLength(1);
      expect(intents[0]).toMatchObject({ level: 'yellow', audience: ['reporters', 'unit_head'], unitId: 41 });
      expect(intents[0]?.body).toContain('实报 7200 人（72%）');
      expect(intents[0]?.key).toBe('item-behind:p1:i9:yellow:2026-W24');
    }
  });

  it('an overdue item: red to the leader too; on-track and done items: nothing', () => {
    const [red] = planReminders(facts('2026-06-10', { dueReports: [], items: [item('overdue')] }));
    expect(red).toMatchObject({ kind: 'item-overdue', level: 'red', audience: ['reporters', 'unit_head', 'leader'] });
    for (const status of ['on_track', 'done', 'not_started'] as const)
      expect(planReminders(facts('2026-06-10', { dueReports: [], items: [item(status)] }))).toEqual([]);
  });

  /** Notice 督办〔2026〕第2号 of 区住建委 on item 5, its reply due on Friday 5 June, not answered. */
  const notice: NoticeFact = {
    id: 3,
    seq: 2,
    itemId: 9,
    itemNumber: '5',
    itemName: '改造老旧小区',
    unitId: 41,
    unitName: '区住建委',
    replyDue: '2026-06-05',
    state: 'open',
  };

  it('a notice past its reply date without a reply: red; a replied one: nothing', () => {
    const [red] = planReminders(facts('2026-06-12', { dueReports: [], notices: [notice] }));
    expect(red).toMatchObject({ kind: 'notice-overdue', level: 'red', noticeId: 3, link: '/notices/3' });
    expect(red?.title).toBe('督办单逾期未回复：督办〔2026〕第2号');
    expect(planReminders(facts('2026-06-05', { dueReports: [], notices: [notice] }))).toEqual([]);
    expect(planReminders(facts('2026-06-12', { dueReports: [], notices: [{ ...notice, state: 'replied' }] }))).toEqual(
      [],
    );
  });

  it('leaves a late notice’s first week to its escalation message: no second red message that day', () => {
    // Escalated on the first run past the reply date (Monday 8 June); the weekly reminder starts on the 12th.
    for (const date of ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11'])
      expect(planReminders(facts(date, { dueReports: [], notices: [notice] })), date).toEqual([]);
    for (const date of ['2026-06-12', '2026-06-15', '2026-06-22'])
      expect(
        planReminders(facts(date, { dueReports: [], notices: [{ ...notice, state: 'escalated' }] })).map((i) => i.kind),
        date,
      ).toEqual(['notice-overdue']);
  });
});

describe('keys and labels', () => {
  it('are the same for the same facts and date, and unique within a run', () => {
    const date = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(date, fc.subarray(['M01', 'M02', 'M03', 'M04', 'M05', 'M06']), (d, done) => {
        const handed = done.map((p) => handedInKey(7, 40, p));
        const first = planReminders(facts(d, {}, handed)).map((i) => i.key);
        const second = planReminders(facts(d, {}, handed)).map((i) => i.key);
        expect(second).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
      }),
      { numRuns: 80 },
    );
  });

  it('ISO weeks: the Thursday decides the year', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2026-06-29')).toBe('2026-W27');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
  });

  it('periods in Chinese, levels ranked for channels', () => {
    expect(periodLabel(2026, 'M06')).toBe('2026年6月');
    expect(periodLabel(2026, 'Q4')).toBe('2026年四季度');
    expect(levelReaches('yellow', 'blue')).toBe(true);
    expect(levelReaches('yellow', 'red')).toBe(false);
    expect(levelReaches('red', 'red')).toBe(true);
  });
});
