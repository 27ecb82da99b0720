import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

/**
 * Locking a period while a report of it is being submitted: one of the two
 * must lose. A locked period never holds a report still awaiting review.
 * (Meaningful on PostgreSQL, where the two run at once; PGlite runs them in turn.)
 */
let ctx: TestContext;
let reporter: Client;
let supervisor: Client;
let programmeId: number;
let itemId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  reporter = await signIn(ctx.app, 'reporter');
  supervisor = await signIn(ctx.app, 'supervisor');
  const work = (await reporter.get('/api/v1/me/work?date=2026-11-22')).json() as {
    items: { itemId: number; programmeId: number; role: string }[];
  };
  const lead = work.items.find((i) => i.role === 'lead');
  if (!lead) throw new Error('the demo reporter leads no item');
  itemId = lead.itemId;
  programmeId = lead.programmeId;
});

afterAll(async () => ctx?.close());

describe('a lock racing a submission', () => {
  it('never leaves a submitted report in a locked period', async () => {
    for (const period of ['M03', 'M04', 'M05', 'M06', 'M07']) {
      const created = await reporter.post(`/api/v1/items/${itemId}/reports`, { period, progress: `${period}进展` });
      expect(created.statusCode, created.body).toBe(201);
      const report = created.json() as { id: number; version: number };
      const [submit, lock] = await Promise.all([
        reporter.post(`/api/v1/reports/${report.id}/submit`, { version: report.version }),
        supervisor.post(`/api/v1/programmes/${programmeId}/periods/${period}/lock`, {}),
      ]);
      expect([submit.statusCode, lock.statusCode].sort(), period).toContain(200);
      const state = ((await reporter.get(`/api/v1/reports/${report.id}`)).json() as { state: string }).state;
      const plan = (await supervisor.get(`/api/v1/programmes/${programmeId}/reporting-plan`)).json() as {
        lockedPeriods: string[];
      };
      const locked = plan.lockedPeriods.includes(period);
      expect(locked && state === 'submitted', `${period}: locked with a report awaiting review`).toBe(false);
      expect(locked === (lock.statusCode === 200), period).toBe(true);
      expect(state === 'submitted', period).toBe(submit.statusCode === 200);
    }
  });
});
