import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmes } from '../../src/db/schema.js';
import { reports } from '../../src/db/schema-work.js';
import { seedDemo } from '../../src/server/use-cases/demo/seed-demo.js';
import { seedDemoYear } from '../../src/server/use-cases/demo/seed-demo-year.js';
import { seedCalendar } from '../../src/server/use-cases/work/seed-calendar.js';
import { createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../helpers/app.js';

/**
 * A demo started in another year than the one the demo programme is written
 * for (2026) loads it moved to that year, with that year's work up to the
 * date: a new user in June 2027 sees a year under way, not 2026 long over.
 */
let ctx: TestContext;
let programmeId = 0;
const TODAY = '2027-06-20';

interface StatusItem {
  status: string;
}

beforeAll(async () => {
  ctx = await createTestApp({}, { demo: false });
  await seedCalendar(ctx.database.db);
  const demo = await seedDemo(ctx.database.db, TEST_PASSWORD, { year: 2027 });
  if (!demo) throw new Error('the demo was not loaded');
  programmeId = demo.programmeId;
  const written = await seedDemoYear(ctx.database.db, programmeId, TODAY);
  expect(written.reports).toBeGreaterThan(30);
}, 120_000);
afterAll(async () => ctx?.close());

describe('the demo in 2027', () => {
  it('is the 2027 programme, published, with reports of 2027 only up to the date', async () => {
    const [programme] = await ctx.database.db.select().from(programmes).where(eq(programmes.id, programmeId));
    expect(programme).toMatchObject({ title: '明湖区2027年20项民心工程', year: 2027, state: 'published' });
    const rows = await ctx.database.db.select().from(reports).where(eq(reports.programmeId, programmeId));
    expect(rows.length).toBeGreaterThan(30);
    // Nothing reported for a period that has not begun by 20 June.
    for (const row of rows)
      expect(['M07', 'M08', 'M09', 'M10', 'M11', 'M12', 'Q3', 'Q4'], row.period).not.toContain(row.period);
  });

  it('looks like a year under way: most items on track or done, few overdue', async () => {
    const office = await signIn(ctx.app, 'supervisor');
    const response = await office.get(`/api/v1/programmes/${programmeId}/status?date=${TODAY}`);
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as { items: StatusItem[] };
    const by = (status: string) => items.filter((i) => i.status === status).length;
    expect(by('on_track') + by('done')).toBeGreaterThan(items.length / 2);
    expect(by('overdue')).toBeLessThan(items.length / 4);
  });
});
