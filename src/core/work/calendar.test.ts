import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkdays,
  DEFAULT_REPORTING_PLAN,
  dueDateOf,
  isPeriodOpen,
  isWorkday,
  nextWorkday,
  openPeriods,
  periodStartDate,
  pinBusinessDate,
  reportingPeriods,
  shanghaiDateOf,
  shanghaiToday,
  WorkCalendar,
  workdaysBetween,
} from './calendar.js';
import { builtInCalendarDays } from './holidays-cn.js';

const cn = new WorkCalendar([...builtInCalendarDays(2025), ...builtInCalendarDays(2026)]);
const plain = new WorkCalendar();
const dateIn2026 = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2026-01-01', n));

describe('working days', () => {
  it('treats weekends as rest days unless listed as make-up working days (调休)', () => {
    expect(isWorkday(plain, '2026-01-03')).toBe(false); // Saturday
    expect(isWorkday(plain, '2026-01-05')).toBe(true); // Monday
    expect(isWorkday(cn, '2026-01-01')).toBe(false); // 元旦, Thursday
    expect(isWorkday(cn, '2026-01-04')).toBe(true); // Sunday, 调休
    expect(isWorkday(cn, '2026-02-14')).toBe(true); // Saturday, 调休
    expect(isWorkday(cn, '2026-02-16')).toBe(false); // Monday in 春节
    expect(isWorkday(cn, '2025-09-28')).toBe(true); // Sunday, 调休
    expect(isWorkday(cn, '2025-10-08')).toBe(false);
  });

  it('moves to the next working day over a holiday', () => {
    expect(nextWorkday(cn, '2026-10-01')).toBe('2026-10-08');
    expect(nextWorkday(cn, '2026-02-15')).toBe('2026-02-24');
    expect(nextWorkday(cn, '2026-03-02')).toBe('2026-03-02');
    expect(nextWorkday(cn, '2025-05-01')).toBe('2025-05-06');
  });

  it('adds and counts working days across 春节', () => {
    expect(addWorkdays(cn, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkdays(cn, '2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkdays(cn, '2026-02-24', -1)).toBe('2026-02-14');
    expect(workdaysBetween(cn, '2026-02-13', '2026-02-24')).toBe(2);
    expect(workdaysBetween(cn, '2026-02-24', '2026-02-13')).toBe(-2);
  });

  it('addWorkdays and workdaysBetween agree (property)', () => {
    fc.assert(
      fc.property(dateIn2026, fc.integer({ min: -40, max: 40 }), (date, n) => {
        const start = nextWorkday(cn, date);
        const end = addWorkdays(cn, start, n);
        expect(isWorkday(cn, end)).toBe(true);
        expect(workdaysBetween(cn, start, end)).toBe(n);
        expect(addWorkdays(cn, end, -n)).toBe(start);
      }),
    );
  });

  it('nextWorkday is a working day on or after the date, and idempotent (property)', () => {
    fc.assert(
      fc.property(dateIn2026, (date) => {
        const next = nextWorkday(cn, date);
        expect(next >= date).toBe(true);
        expect(isWorkday(cn, next)).toBe(true);
        expect(nextWorkday(cn, next)).toBe(next);
        for (let d = date; d < next; d = addDays(d, 1)) expect(isWorkday(cn, d)).toBe(false);
      }),
    );
  });

  it('knows today in Shanghai across the UTC date line', () => {
    expect(shanghaiToday(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04-01');
    expect(shanghaiToday(new Date('2026-03-31T15:59:00Z'))).toBe('2026-03-31');
  });
});

describe('reporting plan dates', () => {
  it('lists the periods of a frequency', () => {
    expect(reportingPeriods('quarterly')).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(reportingPeriods('monthly')).toHaveLength(12);
    expect(reportingPeriods('monthly')[8]).toBe('M09');
  });

  it('puts the due date on the due day of the last month, moved past holidays', () => {
    expect(dueDateOf(cn, { dueDay: 25 }, 2026, 'Q1')).toBe('2026-03-25');
    // 2026-04-25 is a Saturday → Monday 27th.
    expect(dueDateOf(cn, { dueDay: 25 }, 2026, 'M04')).toBe('2026-04-27');
    // 2026-10-01 is 国庆 → first working day after is 10-08.
    expect(dueDateOf(cn, { dueDay: 1 }, 2026, 'M10')).toBe('2026-10-08');
    // Day 31 in February is clamped to the 28th (Saturday, 调休 working day).
    expect(dueDateOf(cn, { dueDay: 31 }, 2026, 'M02')).toBe('2026-02-28');
    expect(dueDateOf(cn, { dueDay: 31 }, 2026, 'Q2')).toBe('2026-06-30');
  });

  it('opens periods once they begin, unless locked', () => {
    const plan = { ...DEFAULT_REPORTING_PLAN, frequency: 'quarterly' as const, lockedPeriods: ['Q1'] };
    expect(periodStartDate(2026, 'Q2')).toBe('2026-04-01');
    expect(openPeriods(plan, 2026, '2026-03-31')).toEqual([]);
    expect(openPeriods(plan, 2026, '2026-04-01')).toEqual(['Q2']);
    expect(openPeriods({ ...plan, lockedPeriods: [] }, 2026, '2026-12-31')).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(isPeriodOpen(plan, 2026, 'Q1', '2026-06-01')).toBe(false);
    expect(isPeriodOpen(plan, 2026, 'bogus', '2026-06-01')).toBe(false);
  });

  it('due dates are working days within the period’s last month or just after (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom(...reportingPeriods('monthly')),
        (dueDay, period) => {
          const due = dueDateOf(cn, { dueDay }, 2026, period);
          expect(isWorkday(cn, due)).toBe(true);
          expect(due >= `2026-${period.slice(1)}-01`).toBe(true);
          expect(workdaysBetween(cn, `2026-${period.slice(1)}-01`, due)).toBeLessThanOrEqual(31);
        },
      ),
    );
  });
});

describe('built-in China holidays', () => {
  it('lists 2025 and 2026 with their make-up days', () => {
    const days2026 = builtInCalendarDays(2026);
    expect(days2026.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(days2026.filter((d) => d.name === '春节').length).toBe(9);
    expect(builtInCalendarDays(2025).filter((d) => d.name === '国庆节、中秋节').length).toBe(8);
    expect(builtInCalendarDays(2027)).toEqual([]);
    // Every listed make-up working day falls on a weekend, every holiday date is unique.
    for (const day of [...builtInCalendarDays(2025), ...days2026])
      if (day.kind === 'workday') expect([0, 6]).toContain(new Date(`${day.date}T00:00:00Z`).getUTCDay());
    const all = [...builtInCalendarDays(2025), ...days2026].map((d) => d.date);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('the business date', () => {
  afterEach(() => pinBusinessDate(null));

  it('is today in Asia/Shanghai, or the pinned date of a training installation', () => {
    expect(shanghaiToday(new Date('2026-06-30T16:30:00Z'))).toBe('2026-07-01');
    pinBusinessDate('2026-11-22');
    expect(shanghaiToday()).toBe('2026-11-22');
    // A given moment is converted as it is: timestamps stay real.
    expect(shanghaiToday(new Date('2027-01-05T02:00:00Z'))).toBe('2027-01-05');
    pinBusinessDate(null);
    expect(shanghaiToday()).toBe(shanghaiToday(new Date()));
    expect(() => pinBusinessDate('2026-13-01')).toThrow(RangeError);
  });
});

describe('shanghaiDateOf', () => {
  it('reads the timestamps PostgreSQL and PGlite return', () => {
    expect(shanghaiDateOf('2026-03-25 16:30:00.123+00')).toBe('2026-03-26');
    expect(shanghaiDateOf('2026-03-25T09:00:00+08:00')).toBe('2026-03-25');
  });
});
