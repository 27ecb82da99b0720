import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCalendar } from '../../src/server/use-cases/work/seed-calendar.js';
import { setPeriodLocked } from '../../src/server/use-cases/work/set-period-locked.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let supervisor: Client;
let reporter: Client;
let demo: number;

type Plan = {
  version: number;
  frequency: string;
  dueDay: number;
  lockedPeriods: string[];
  periods: Array<{ period: string; startDate: string; dueDate: string; open: boolean; locked: boolean }>;
};

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  await seedCalendar(ctx.database.db);
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
  const list = (await supervisor.get('/api/v1/programmes')).json() as { items: Array<{ id: number; title: string }> };
  demo = list.items.find((p) => p.title.startsWith('明湖区2026年'))?.id ?? 0;
});
afterAll(() => ctx.close());

describe('the reporting plan', () => {
  it('starts from the defaults, with due dates moved past holidays', async () => {
    const response = await reporter.get(`/api/v1/programmes/${demo}/reporting-plan`);
    expect(response.statusCode).toBe(200);
    const plan = response.json() as Plan;
    expect(plan).toMatchObject({ version: 0, frequency: 'monthly', dueDay: 25, lockedPeriods: [] });
    expect(plan.periods).toHaveLength(12);
    // 2026-04-25 is a Saturday; 2026-10-25 a Sunday.
    expect(plan.periods[3]).toMatchObject({ period: 'M04', startDate: '2026-04-01', dueDate: '2026-04-27' });
    expect(plan.periods[9]?.dueDate).toBe('2026-10-26');
  });

  it('is changed by the office with the version it saw, and checked whole', async () => {
    const put = (body: object) =>
      supervisor.request({ method: 'PUT', url: `/api/v1/programmes/${demo}/reporting-plan`, payload: body });
    const saved = await put({ version: 0, frequency: 'quarterly', dueDay: 1, lockedPeriods: ['Q1'] });
    expect(saved.statusCode, saved.body).toBe(200);
    const plan = saved.json() as Plan;
    expect(plan.version).toBe(2);
    // Day 1 of each quarter's last month; 2026-03-01 is a Sunday.
    expect(plan.periods.map((p) => p.dueDate)).toEqual(['2026-03-02', '2026-06-01', '2026-09-01', '2026-12-01']);
    expect(plan.periods[0]).toMatchObject({ locked: true, open: false });

    expect((await put({ version: 0, dueDay: 5 })).statusCode).toBe(409);
    const badRatios = await put({ version: 2, onTrackRatio: 0.6, laggingRatio: 0.7 });
    expect(badRatios.statusCode).toBe(400);
    expect(badRatios.json().message).toMatch(/^阈值须满足/);
    const badWeights = await put({
      version: 2,
      assessmentWeights: { reportsOnTime: 50, milestonesMet: 30, itemsDone: 30, noticesAnswered: 10 },
    });
    expect(badWeights.statusCode).toBe(400);
    expect(badWeights.json().message).toContain('120');
    expect((await put({ version: 2, dueDay: 32 })).statusCode).toBe(400);
    expect((await put({ version: 2, quietStart: '25:00' })).statusCode).toBe(400);
    expect((await put({ version: 2, lockedPeriods: ['Q5'] })).statusCode).toBe(400);
    const refused = await reporter.request({
      method: 'PUT',
      url: `/api/v1/programmes/${demo}/reporting-plan`,
      payload: { version: 2, dueDay: 3 },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('locks and unlocks a period for the review screen, audited', async () => {
    const system = { actor: { kind: 'system' as const, name: 'test' }, ip: null };
    const locked = await ctx.database.db.transaction((tx) => setPeriodLocked(tx, system, demo, 'Q2', true));
    expect(locked.lockedPeriods).toEqual(['Q1', 'Q2']);
    const again = await ctx.database.db.transaction((tx) => setPeriodLocked(tx, system, demo, 'Q2', true));
    expect(again.version).toBe(locked.version);
    const unlocked = await ctx.database.db.transaction((tx) => setPeriodLocked(tx, system, demo, 'Q1', false));
    expect(unlocked.lockedPeriods).toEqual(['Q2']);
    const history = await (await signIn(ctx.app, 'admin')).get(`/api/v1/history?programmeId=${demo}`);
    const actions = (history.json() as { items: Array<{ action: string }> }).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['lock-period', 'unlock-period']));
  });
});
