import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemNode, ProgrammeTree } from '../../src/core/tree.js';
import { shanghaiToday } from '../../src/core/work/calendar.js';
import { reports, reportValues } from '../../src/db/schema-work.js';
import { evaluateProgrammeStatus } from '../../src/server/use-cases/work/evaluate-programme-status.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let supervisor: Client;
let reporter: Client;
let demo: number;
let tree: ProgrammeTree;
let units: Map<string, number>;

type StatusItem = {
  id: number;
  number: string;
  name: string;
  parentNumber: string | null;
  status: string;
  reasons: string[];
  projection: { yearEnd: string; warning: string | null; indicators: Array<{ projected: number | null }> };
  indicators: Array<{ expected: number | null; actual: number | null; ratio: number | null }>;
};
type Status = {
  asOf: string;
  items: StatusItem[];
  categories: Array<{ id: number; status: string; reasons: string[] }>;
  counts: { not_started: number; on_track: number; at_risk: number; lagging: number; done: number; overdue: number };
};

const flatten = (items: readonly ItemNode[]): ItemNode[] => items.flatMap((i) => [i, ...flatten(i.children)]);
const allItems = (t: ProgrammeTree) => t.categories.flatMap((c) => flatten(c.items));
const itemNamed = (prefix: string) => {
  const item = allItems(tree).find((i) => i.name.startsWith(prefix));
  if (!item) throw new Error(`demo has no ${prefix}`);
  return item;
};

async function statusAt(client: Client, date: string): Promise<Status> {
  const response = await client.get(`/api/v1/programmes/${demo}/status?date=${date}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Status;
}

async function approve(
  itemId: number,
  unit: string,
  period: string,
  values: Record<number, number>,
  state = 'approved',
) {
  const [row] = await ctx.database.db
    .insert(reports)
    .values({
      programmeId: demo,
      itemId,
      unitId: units.get(unit) ?? 0,
      period,
      state: state as 'approved',
      claimedStatus: 'in_progress',
      reviewedAt: '2026-07-01T10:00:00+08:00',
    })
    .returning();
  if (!row) throw new Error('report not inserted');
  const entries = Object.entries(values).map(([indicatorId, value]) => ({
    reportId: row.id,
    indicatorId: Number(indicatorId),
    value,
  }));
  if (entries.length > 0) await ctx.database.db.insert(reportValues).values(entries);
  return row.id;
}

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
  const list = (await supervisor.get('/api/v1/programmes')).json() as { items: Array<{ id: number; title: string }> };
  demo = list.items.find((p) => p.title.startsWith('明湖区2026年'))?.id ?? 0;
  tree = (await supervisor.get(`/api/v1/programmes/${demo}/tree`)).json() as ProgrammeTree;
  const unitList = (await supervisor.get('/api/v1/units')).json() as { items: Array<{ id: number; name: string }> };
  units = new Map(unitList.items.map((u) => [u.name, u.id]));
});
afterAll(() => ctx.close());

describe('GET /programmes/:id/status', () => {
  it('gives every item and part a status, with reasons for the bad ones', async () => {
    const status = await statusAt(supervisor, '2026-02-01');
    expect(status.asOf).toBe('2026-02-01');
    expect(status.items.map((i) => i.id).sort()).toEqual(
      allItems(tree)
        .map((i) => i.id)
        .sort(),
    );
    expect(status.items.every((i) => i.status === 'not_started')).toBe(true);
    const part = status.items.find((i) => i.number === '(1)');
    expect(part?.parentNumber).toBe('3');
    expect(status.categories.length).toBe(tree.categories.length);
    expect(status.counts.not_started).toBe(status.items.length);
  });

  it('finds nothing reported in July lagging, with the reason in words', async () => {
    const status = await statusAt(supervisor, '2026-07-10');
    const screening = status.items.find((i) => i.name.startsWith('开展儿童青少年近视'));
    expect(screening?.status).toBe('lagging');
    expect(screening?.reasons[0]).toBe('二季度末应达35000人次，尚未报送进展（应报未报）');
    for (const item of status.items)
      if (['at_risk', 'lagging', 'overdue'].includes(item.status))
        expect(item.reasons.length, item.name).toBeGreaterThan(0);
    const lagging = status.categories.find((c) => c.status === 'lagging');
    expect(lagging?.reasons[0]).toMatch(/^\d+个项目中\d+个滞后：/);
  });

  it('takes the co-units’ sum until the lead unit reports, and ignores drafts', async () => {
    const screening = itemNamed('开展儿童青少年近视');
    const indicatorId = screening.indicators[0]?.id ?? 0;
    await approve(screening.id, '区教育局', 'M06', { [indicatorId]: 33000 });
    let entry = (await statusAt(supervisor, '2026-07-10')).items.find((i) => i.id === screening.id);
    expect(entry?.status).toBe('on_track');
    expect(entry?.indicators[0]).toMatchObject({ expected: 35000, actual: 33000 });

    await approve(screening.id, '区卫健委', 'M06', { [indicatorId]: 99999 }, 'submitted');
    await approve(screening.id, '区卫健委', 'M05', { [indicatorId]: 10000 });
    await approve(screening.id, '区卫健委', 'M07', { [indicatorId]: 25200 });
    entry = (await statusAt(supervisor, '2026-07-10')).items.find((i) => i.id === screening.id);
    expect(entry?.status).toBe('at_risk');
    expect(entry?.reasons[0]).toBe('二季度末应达35000人次，实报25200人次（72%）');
    expect(entry?.projection.yearEnd).toBe('2026-12-31');
    expect(entry?.projection.warning).toMatch(/^按目前进度，年底预计完成\d+人次，低于目标82000人次$/);
  });

  it('shows a reporter only the items of its unit', async () => {
    const mine = await statusAt(reporter, '2026-07-10');
    const reporterTree = (await reporter.get(`/api/v1/programmes/${demo}/tree`)).json() as ProgrammeTree;
    expect(mine.items.map((i) => i.id).sort()).toEqual(
      allItems(reporterTree)
        .map((i) => i.id)
        .sort(),
    );
    expect(mine.items.length).toBeLessThan(allItems(tree).length);
    expect(mine.counts.not_started + mine.counts.lagging + mine.counts.at_risk + mine.counts.on_track).toBe(
      mine.items.length,
    );
  });

  it('defaults to today in Shanghai and refuses a bad date', async () => {
    const response = await supervisor.get(`/api/v1/programmes/${demo}/status`);
    expect((response.json() as Status).asOf).toBe(shanghaiToday());
    expect((await supervisor.get(`/api/v1/programmes/${demo}/status?date=2026-13-01`)).statusCode).toBe(400);
    expect((await supervisor.get('/api/v1/programmes/999999/status')).statusCode).toBe(404);
  });

  it('exports the unfiltered evaluation with each item’s units and leaders for other tools', async () => {
    const status = await evaluateProgrammeStatus(ctx.database.db, demo, '2026-07-10');
    const screening = status?.items.find((i) => i.name.startsWith('开展儿童青少年近视'));
    expect(screening?.leadUnitId).toBe(units.get('区卫健委'));
    expect(screening?.unitIds).toContain(units.get('区教育局'));
    expect(screening?.leaderPersonIds.length).toBe(1);
    expect(await evaluateProgrammeStatus(ctx.database.db, 999999, '2026-07-10')).toBeUndefined();
  });
});

describe('GET /items/:id/progress', () => {
  it('gives planned and actual series per indicator', async () => {
    const screening = itemNamed('开展儿童青少年近视');
    const response = await supervisor.get(`/api/v1/items/${screening.id}/progress?date=2026-07-10`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as {
      status: string;
      indicators: Array<{ planned: unknown[]; actual: unknown[]; target: number; projection: { shortfall: boolean } }>;
    };
    expect(body.status).toBe('at_risk');
    expect(body.indicators[0]?.target).toBe(82000);
    expect(body.indicators[0]?.planned).toEqual([
      { period: 'Q1', value: 0 },
      { period: 'Q2', value: 35000 },
      { period: 'Q3', value: 35000 },
      { period: 'Q4', value: 82000 },
    ]);
    // M05 and M07 from the lead unit, M06 from the co-unit (the lead's M06 is not approved).
    expect(body.indicators[0]?.actual).toEqual([
      { period: 'M05', value: 10000 },
      { period: 'M06', value: 33000 },
      { period: 'M07', value: 25200 },
    ]);
    expect(body.indicators[0]?.projection.shortfall).toBe(true);
  });
});
