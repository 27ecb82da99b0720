import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterchangeItem } from '../../src/core/interchange.js';
import type { ItemNode, ProgrammeTree } from '../../src/core/tree.js';
import { replaceReportValues } from '../../src/db/repositories/reports.repository.js';
import { auditLog } from '../../src/db/schema.js';
import { reports } from '../../src/db/schema-work.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';

/**
 * 测试市's programme and the task lists of two of its districts, 南河区 and
 * 北岭区, as of 2026-07-15: 南河区 is ahead on the old-housing item, 北岭区
 * behind (二季度末应达30个，实报10个).
 */

let ctx: TestContext;
let admin: Client;
let cityId: number;
let nanheId: number;
let beilingId: number;
const city: Record<string, ItemNode> = {};
const nanhe: Record<string, ItemNode> = {};
const beiling: Record<string, ItemNode> = {};
const CITY_TITLE = '测试市2026年民心工程';
const AS_OF = '2026-07-15';

const item = (overrides: Partial<InterchangeItem>): InterchangeItem =>
  buildItem({ coUnits: [], persons: [], leaders: [], milestones: [], indicators: [], ...overrides });
const count = (name: string, unit: string, target: number, q2: number) => ({
  name,
  unit,
  target,
  direction: 'increase' as const,
  checkpoints: { Q2: q2, Q4: target },
});

async function importDoc(doc: ReturnType<typeof buildProgrammeDocument>): Promise<number> {
  const response = await admin.post('/api/v1/programmes/import', doc);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: number }).id;
}

function at(items: Record<string, ItemNode>, name: string): ItemNode {
  const node = items[name];
  if (!node) throw new Error(`no item ${name}`);
  return node;
}

async function itemsOf(programmeId: number, into: Record<string, ItemNode>): Promise<void> {
  const tree = (await admin.get(`/api/v1/programmes/${programmeId}/tree`)).json() as ProgrammeTree;
  const walk = (nodes: ItemNode[]) => {
    for (const node of nodes) {
      into[node.name.replace(/\s+/g, '')] = node;
      walk(node.children);
    }
  };
  for (const category of tree.categories) walk(category.items);
}

async function approvedReport(programmeId: number, node: ItemNode, period: string, value: number): Promise<void> {
  const db = ctx.database.db;
  const lead = node.units.find((u) => u.role === 'lead');
  const indicator = node.indicators[0];
  if (!lead || !indicator) throw new Error(`${node.name} has no lead unit or indicator`);
  const [row] = await db
    .insert(reports)
    .values({
      programmeId,
      itemId: node.id,
      unitId: lead.unitId,
      period,
      state: 'approved',
      submittedAt: '2026-06-20T10:00:00+08:00',
      reviewedAt: '2026-06-22T10:00:00+08:00',
    })
    .returning();
  if (!row) throw new Error('report not inserted');
  await replaceReportValues(db, row.id, [{ indicatorId: indicator.id, value }]);
}

async function rollup(client: Client, programmeId = cityId) {
  const response = await client.get(`/api/v1/programmes/${programmeId}/districts?date=${AS_OF}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    cityItems: {
      id: number;
      name: string;
      status: string | null;
      districts: {
        jurisdictionName: string;
        items: { itemId: number; status: string; reasons: string[]; leadUnit: string }[];
      }[];
      indicators: { unit: string; city: { target: number }[]; targetSum: number | null; actualSum: number | null }[];
      lagging: string[];
    }[];
    districts: {
      jurisdictionName: string;
      counts: Record<string, number>;
      done: number;
      total: number;
      linked: number;
      lagging: number;
    }[];
  };
}

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error', MINXIN_LOGIN_RATE_PER_MINUTE: 1000 });
  admin = await signIn(ctx.app, 'admin');
  cityId = await importDoc(
    buildProgrammeDocument({
      title: CITY_TITLE,
      jurisdiction: '测试市',
      year: 2026,
      categories: [
        {
          ordinal: 1,
          title: '安居工程',
          items: [
            item({
              number: '1',
              name: '老旧小区改造',
              leadUnit: '市住建委',
              indicators: [count('改造老旧小区', '个', 100, 50)],
            }),
            item({
              number: '2',
              name: '新建社区食堂',
              leadUnit: '市民政局',
              indicators: [count('社区食堂', '处', 10, 5)],
            }),
          ],
        },
        { ordinal: 2, title: '教育', items: [item({ number: '3', name: '新建幼儿园', leadUnit: '市教委' })] },
      ],
    }),
  );
  const district = (name: string, items: InterchangeItem[]) =>
    buildProgrammeDocument({
      title: `${CITY_TITLE}涉及${name}任务清单`,
      jurisdiction: name,
      year: 2026,
      parent: CITY_TITLE,
      categories: [{ ordinal: 1, title: '安居工程', items }],
    });
  nanheId = await importDoc(
    district('南河区', [
      item({
        number: '1',
        name: '老 旧小区改造',
        leadUnit: '南河区住建委',
        indicators: [count('改造小区', '个', 40, 20)],
      }),
      item({ number: '2', name: '社区食堂建设', leadUnit: '南河区民政局', indicators: [count('食堂', '处', 4, 2)] }),
      item({ number: '9', name: '区级特色项目', leadUnit: '南河区文旅局' }),
    ]),
  );
  beilingId = await importDoc(
    district('北岭区', [
      item({
        number: '5',
        name: '北岭区老旧小区提升',
        leadUnit: '北岭区住建委',
        indicators: [count('改造老旧小区', '个', 60, 30), count('加装电梯', '栋', 5, 2)],
      }),
    ]),
  );
  await itemsOf(cityId, city);
  await itemsOf(nanheId, nanhe);
  await itemsOf(beilingId, beiling);
  await approvedReport(nanheId, at(nanhe, '老旧小区改造'), 'M06', 25);
  await approvedReport(beilingId, at(beiling, '北岭区老旧小区提升'), 'M06', 10);
  await approvedReport(nanheId, at(nanhe, '社区食堂建设'), 'M06', 2);
});
afterAll(() => ctx?.close());

describe('linking district items to city items', () => {
  it('links by normalized name, then by number within the same category title, and never guesses', async () => {
    const preview = await admin.post(`/api/v1/programmes/${nanheId}/link-city-items`, { dryRun: true });
    expect(preview.json()).toMatchObject({ dryRun: true, alreadyLinked: 0 });
    expect((preview.json() as { linked: unknown[] }).linked).toHaveLength(2);
    const response = await admin.post(`/api/v1/programmes/${nanheId}/link-city-items`);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as {
      linked: { name: string; cityName: string; rule: string }[];
      unmatched: { name: string }[];
      alreadyLinked: number;
    };
    expect(result.linked.map((l) => [l.name, l.cityName, l.rule])).toEqual([
      ['老 旧小区改造', '老旧小区改造', 'name'],
      ['社区食堂建设', '新建社区食堂', 'number'],
    ]);
    expect(result.unmatched.map((u) => u.name)).toEqual(['区级特色项目']);

    const again = (await admin.post(`/api/v1/programmes/${nanheId}/link-city-items`)).json() as typeof result;
    expect(again).toMatchObject({ linked: [], alreadyLinked: 2, unmatched: [{ name: '区级特色项目' }] });

    const detail = (await admin.get(`/api/v1/items/${at(nanhe, '老旧小区改造')?.id}`)).json() as { cityItem: unknown };
    expect(detail.cityItem).toEqual({
      id: at(city, '老旧小区改造')?.id,
      number: '1',
      name: '老旧小区改造',
      programmeId: cityId,
    });
  });

  it('links by hand, audited, with the version the caller saw', async () => {
    const target = at(beiling, '北岭区老旧小区提升');
    const url = `/api/v1/items/${target.id}/city-item`;
    const linked = await admin.request({
      method: 'PUT',
      url,
      payload: { cityItemId: at(city, '老旧小区改造')?.id, version: target.version },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      cityItemId: at(city, '老旧小区改造')?.id,
      cityItem: { name: '老旧小区改造' },
    });
    const stale = await admin.request({ method: 'PUT', url, payload: { cityItemId: null, version: target.version } });
    expect(stale.statusCode).toBe(409);
    const audit = (await ctx.database.db.select().from(auditLog)).filter(
      (a) => a.entityType === 'item' && a.entityId === target.id && a.action === 'update',
    );
    expect(audit.at(-1)?.after).toMatchObject({ cityItemId: at(city, '老旧小区改造')?.id });
  });

  it('refuses a city item outside the parent programme, and an item of a programme without a parent', async () => {
    const own = at(nanhe, '区级特色项目');
    const url = `/api/v1/items/${own.id}/city-item`;
    const wrong = await admin.request({
      method: 'PUT',
      url,
      payload: { cityItemId: at(nanhe, '老旧小区改造')?.id, version: own.version },
    });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { message: string }).message).toMatch(/^所选市级子项不属于本工程承接的市级民心工程/);
    const orphan = at(city, '新建幼儿园');
    const noParent = await admin.request({
      method: 'PUT',
      url: `/api/v1/items/${orphan.id}/city-item`,
      payload: { cityItemId: at(city, '老旧小区改造')?.id, version: orphan.version },
    });
    expect(noParent.statusCode).toBe(400);
    expect((noParent.json() as { message: string }).message).toMatch(/^本工程未设置所承接的市级民心工程/);
    expect((await admin.post(`/api/v1/programmes/${cityId}/link-city-items`)).statusCode).toBe(400);
  });
});

describe('the city across its districts', () => {
  it('sums targets and actuals where the units agree, keeps other units apart, and names the lagging district', async () => {
    const view = await rollup(admin);
    const housing = view.cityItems.find((c) => c.name === '老旧小区改造');
    expect(housing?.districts.map((d) => d.jurisdictionName)).toEqual(['北岭区', '南河区']);
    const byUnit = (unit: string) => (housing?.indicators ?? []).find((i) => i.unit === unit);
    expect(byUnit('个')).toMatchObject({ city: [{ target: 100 }], targetSum: 100, actualSum: 35 });
    expect(byUnit('栋')).toMatchObject({ city: [], targetSum: 5, actualSum: null });
    expect(housing?.lagging).toEqual(['北岭区']);
    expect(housing?.status).toBe('lagging');
    const beilingItem = housing?.districts[0]?.items[0];
    expect(beilingItem).toMatchObject({ status: 'lagging', leadUnit: '北岭区住建委' });
    expect(beilingItem?.reasons.join('')).toContain('10');

    const canteen = view.cityItems.find((c) => c.name === '新建社区食堂');
    expect(canteen?.indicators).toMatchObject([{ unit: '处', targetSum: 4, actualSum: 2 }]);
    expect(canteen?.lagging).toEqual([]);
    expect(view.cityItems.find((c) => c.name === '新建幼儿园')).toMatchObject({ status: null, districts: [] });
  });

  it('gives one row per district with counts by status', async () => {
    const view = await rollup(admin);
    expect(view.districts.map((d) => [d.jurisdictionName, d.total, d.linked, d.lagging])).toEqual([
      ['北岭区', 1, 1, 1],
      // 区级特色项目 has no plan and no report: 应报未报.
      ['南河区', 3, 2, 1],
    ]);
    for (const row of view.districts) {
      expect(Object.values(row.counts).reduce((a, b) => a + b, 0)).toBe(row.total);
    }
    expect(view.districts[1]?.counts).toMatchObject({ on_track: 2, lagging: 1 });
  });

  it('shows a supervisor of the city every district, and no one outside it anything', async () => {
    const jurisdictions = (await admin.get('/api/v1/jurisdictions')).json() as {
      items: { id: number; name: string }[];
    };
    const cityJurisdiction = jurisdictions.items.find((j) => j.name === '测试市')?.id;
    const created = await admin.post('/api/v1/users', {
      username: 'city-office',
      password: TEST_PASSWORD,
      role: 'supervisor',
      jurisdictionId: cityJurisdiction,
    });
    expect(created.statusCode, created.body).toBe(201);
    const office = await signIn(ctx.app, 'city-office');
    expect((await rollup(office)).districts).toHaveLength(2);

    const minghu = await signIn(ctx.app, 'supervisor');
    expect((await minghu.get(`/api/v1/programmes/${cityId}/districts`)).statusCode).toBe(404);
  });

  it('shows a reporter of a city unit its own city item and no district it may not read', async () => {
    const unitId = at(city, '老旧小区改造')?.units[0]?.unitId;
    const user = { username: 'city-reporter', password: TEST_PASSWORD, role: 'reporter', unitId };
    expect((await admin.post('/api/v1/users', user)).statusCode).toBe(201);
    // Reporters read published programmes only.
    const programme = (await admin.get(`/api/v1/programmes/${cityId}`)).json() as { version: number };
    const published = await admin.patch(`/api/v1/programmes/${cityId}`, {
      version: programme.version,
      state: 'published',
    });
    expect(published.statusCode, published.body).toBe(200);
    const reporter = await signIn(ctx.app, 'city-reporter');
    const view = await rollup(reporter);
    expect(view.cityItems.map((c) => c.name)).toEqual(['老旧小区改造']);
    expect(view.districts).toEqual([]);
    expect(view.cityItems[0]?.districts).toEqual([]);
  });
});
