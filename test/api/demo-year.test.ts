import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ItemStatus, SEVERITY } from '../../src/core/work/status.js';
import { auditLog, settings } from '../../src/db/schema.js';
import { reports } from '../../src/db/schema-work.js';
import { seedDemoYear } from '../../src/server/use-cases/demo/seed-demo-year.js';
import { seedCalendar } from '../../src/server/use-cases/work/seed-calendar.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

/** The living demo: a new user sees a year of work, with something behind plan and something to do. */
let ctx: TestContext;
let office: Client;
let programmeId: number;
const TODAY = '2026-11-22';

interface StatusItem {
  id: number;
  parentNumber: string | null;
  number: string;
  name: string;
  status: string;
  reasons: string[];
}

beforeAll(async () => {
  ctx = await createTestApp();
  await seedCalendar(ctx.database.db);
  const [demo] = await ctx.database.db.select().from(settings).where(eq(settings.key, 'demo'));
  programmeId = (demo?.value as { programmeId: number }).programmeId;
  const written = await seedDemoYear(ctx.database.db, programmeId, TODAY);
  expect(written.reports).toBeGreaterThan(150);
  office = await signIn(ctx.app, 'supervisor');
});

afterAll(async () => ctx?.close());

describe('the demo year', () => {
  it('shows most items on track or done, and a few behind plan with their reasons', async () => {
    const response = await office.get(`/api/v1/programmes/${programmeId}/status?date=${TODAY}`);
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: StatusItem[] };
    const by = (status: string) => items.filter((i) => i.status === status);
    expect(by('lagging').length + by('overdue').length).toBeGreaterThanOrEqual(2);
    expect(by('on_track').length + by('done').length).toBeGreaterThan(items.length / 2);
    for (const item of [...by('lagging'), ...by('at_risk'), ...by('overdue')]) {
      expect(item.reasons.length, item.name).toBeGreaterThan(0);
    }
    // The demo reports on parts only: a parent nobody reports on is exactly its parts.
    for (const parent of items.filter((i) => items.some((p) => p.parentNumber === i.number))) {
      const parts = items.filter((p) => p.parentNumber === parent.number).map((p) => SEVERITY[p.status as ItemStatus]);
      expect(SEVERITY[parent.status as ItemStatus], parent.name).toBe(Math.max(...parts));
    }
  });

  it('gives the demo reporter a returned report to fix, on an item of their own that lags', async () => {
    const reporter = await signIn(ctx.app, 'reporter');
    const work = await reporter.get(`/api/v1/me/work?date=${TODAY}`);
    expect(work.statusCode).toBe(200);
    expect(JSON.stringify(work.json())).toContain('returned');
    const status = (await reporter.get(`/api/v1/programmes/${programmeId}/status?date=${TODAY}`)).json() as {
      items: StatusItem[];
    };
    expect(status.items.some((i) => i.status === 'lagging')).toBe(true);
  });

  it('has notices at each stage, inspections and an assessment with an adjustment', async () => {
    const notices = (await office.get(`/api/v1/programmes/${programmeId}/notices`)).json() as {
      items: { state: string }[];
    };
    expect(notices.items.map((n) => n.state).sort()).toEqual(['closed', 'open', 'replied']);
    const inspections = (await office.get(`/api/v1/programmes/${programmeId}/inspections`)).json() as {
      items: unknown[];
    };
    expect(inspections.items).toHaveLength(3);
    const assessment = await office.get(`/api/v1/programmes/${programmeId}/assessment?date=${TODAY}`);
    expect(assessment.statusCode).toBe(200);
    expect(JSON.stringify(assessment.json())).toContain('典型发言');
  });

  it('keeps its record: every report it wrote has its audit entry', async () => {
    const db = ctx.database.db;
    const [written] = await db.select({ n: count() }).from(reports).where(eq(reports.programmeId, programmeId));
    const [audited] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'report'), eq(auditLog.programmeId, programmeId)));
    expect(written?.n).toBeGreaterThan(0);
    expect(audited?.n).toBe(written?.n);
  });
});
