import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCalendarDays } from '../../src/db/repositories/calendar.repository.js';
import { seedCalendar } from '../../src/server/use-cases/work/seed-calendar.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let supervisor: Client;
let reporter: Client;

type Day = { id: number; date: string; kind: string; name: string; version: number };

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
});
afterAll(() => ctx.close());

describe('the working-day calendar', () => {
  it('seeds 2025 and 2026 once, and never again over the office’s edits', async () => {
    expect(await seedCalendar(ctx.database.db)).toEqual([2025, 2026]);
    const before = await listCalendarDays(ctx.database.db, 2025, 2026);
    // 2025: 28 holidays and 5 make-up days; 2026: 33 and 6.
    expect(before.length).toBe(72);
    expect(await seedCalendar(ctx.database.db)).toEqual([]);
    expect((await listCalendarDays(ctx.database.db, 2025, 2026)).length).toBe(before.length);
  });

  it('lists a year’s holidays and make-up days to any signed-in user', async () => {
    const response = await reporter.get('/api/v1/calendar?year=2026');
    expect(response.statusCode).toBe(200);
    const body = response.json() as { year: number; days: Day[] };
    expect(body.year).toBe(2026);
    expect(body.days.find((d) => d.date === '2026-02-14')).toMatchObject({ kind: 'workday', name: '春节调休上班' });
    expect(body.days.filter((d) => d.name === '国庆节')).toHaveLength(7);
    expect((await reporter.get('/api/v1/calendar?year=abc')).statusCode).toBe(400);
  });

  it('lets the office add, change and remove a day, audited and versioned', async () => {
    const created = await supervisor.post('/api/v1/calendar/days', {
      date: '2027-01-01',
      kind: 'holiday',
      name: '元旦',
    });
    expect(created.statusCode, created.body).toBe(201);
    const day = created.json() as Day;
    expect(day).toMatchObject({ date: '2027-01-01', kind: 'holiday', name: '元旦', version: 1 });

    const twice = await supervisor.post('/api/v1/calendar/days', { date: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/^日历中已有2027-01-01/);

    const renamed = await supervisor.patch(`/api/v1/calendar/days/${day.id}`, { version: 1, name: '元旦节' });
    expect(renamed.statusCode).toBe(200);
    expect((renamed.json() as Day).version).toBe(2);
    const stale = await supervisor.patch(`/api/v1/calendar/days/${day.id}`, { version: 1, name: '又改' });
    expect(stale.statusCode).toBe(409);

    const history = await (await signIn(ctx.app, 'admin')).get(
      `/api/v1/history?entityType=calendar_day&entityId=${day.id}`,
    );
    expect(history.statusCode).toBe(200);
    expect((history.json() as { items: Array<{ action: string }> }).items.map((e) => e.action).sort()).toEqual([
      'create',
      'update',
    ]);

    expect((await supervisor.delete(`/api/v1/calendar/days/${day.id}`)).statusCode).toBe(204);
    const year = (await supervisor.get('/api/v1/calendar?year=2027')).json() as { days: Day[] };
    expect(year.days).toEqual([]);
  });

  it('refuses a bad date and refuses writers other than the office', async () => {
    const bad = await supervisor.post('/api/v1/calendar/days', { date: '2027-02-30', kind: 'holiday', name: '' });
    expect(bad.statusCode).toBe(400);
    const forbidden = await reporter.post('/api/v1/calendar/days', {
      date: '2027-05-01',
      kind: 'holiday',
      name: '劳动节',
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().message).toMatch(/^您没有/);
  });
});
