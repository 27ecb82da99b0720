import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeDocument } from '../../src/core/interchange.js';
import { normalizeDocument } from '../../src/core/tree.js';
import { demoProgramme } from '../../src/db/demo/demo-programme.js';
import { auditLog, items } from '../../src/db/schema.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';

let ctx: TestContext;
let admin: Client;
let supervisor: Client;

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  admin = await signIn(ctx.app, 'admin');
  supervisor = await signIn(ctx.app, 'supervisor');
});
afterAll(() => ctx.close());

async function importDoc(client: Client, doc: ProgrammeDocument): Promise<number> {
  const response = await client.post('/api/v1/programmes/import', doc);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: number }).id;
}

describe('import and export in minxin.programme/v1', () => {
  it('exports what was imported, identically, and again after a second round', async () => {
    const doc = buildProgrammeDocument();
    const id = await importDoc(admin, doc);
    const exported = (await admin.get(`/api/v1/programmes/${id}/export`)).json() as ProgrammeDocument;
    expect(exported).toEqual(normalizeDocument(doc));

    const again = await importDoc(admin, { ...exported, title: `${exported.title}（副本）` });
    const second = (await admin.get(`/api/v1/programmes/${again}/export`)).json() as ProgrammeDocument;
    expect({ ...second, title: exported.title }).toEqual(exported);
  });

  it('round-trips the whole demo programme with its parts, indicators and milestones', async () => {
    const id = await importDoc(admin, { ...demoProgramme, title: '明湖区演示副本' });
    const exported = (await admin.get(`/api/v1/programmes/${id}/export`)).json() as ProgrammeDocument;
    expect(exported).toEqual(normalizeDocument({ ...demoProgramme, title: '明湖区演示副本' }));
  });

  it('keeps a category without a number and a deadline without a date', async () => {
    const doc = buildProgrammeDocument({
      categories: [
        {
          ordinal: null,
          title: '',
          items: [buildItem({ deadline: { text: '年底前', date: null } }), buildItem({ number: '2', deadline: null })],
        },
      ],
    });
    const id = await importDoc(admin, doc);
    const exported = (await admin.get(`/api/v1/programmes/${id}/export`)).json() as ProgrammeDocument;
    expect(exported.categories[0]?.ordinal).toBeNull();
    expect(exported.categories[0]?.items[0]?.deadline).toEqual({ text: '年底前', date: null });
    expect(exported.categories[0]?.items[1]?.deadline).toBeNull();
  });

  it('reuses the units and people a jurisdiction already has', async () => {
    const before = (await admin.get('/api/v1/units')).json() as { items: unknown[] };
    await importDoc(admin, buildProgrammeDocument({ title: '测试区2030年民心工程（修订）' }));
    const after = (await admin.get('/api/v1/units')).json() as { items: unknown[] };
    expect(after.items.length).toBe(before.items.length);
  });

  it('refuses a document with errors, saying where, and writes nothing', async () => {
    const count = async () => ((await admin.get('/api/v1/programmes')).json() as { items: unknown[] }).items.length;
    const before = await count();
    const bad = buildProgrammeDocument({
      categories: [{ ordinal: 1, title: 'x', items: [buildItem({ leadUnit: '甲局', coUnits: ['甲局'] })] }],
    });
    const response = await admin.post('/api/v1/programmes/import', bad);
    expect(response.statusCode).toBe(400);
    const body = response.json() as { code: string; message: string; details: { problems: { path: string }[] } };
    expect(body.code).toBe('VALIDATION');
    expect(body.message).toMatch(/^[\u4e00-\u9fa5]/);
    expect(body.details.problems[0]?.path).toBe('categories[0].items[0].coUnits');

    const wrongPeriod = buildProgrammeDocument();
    (wrongPeriod.categories[0]?.items[0]?.milestones ?? [])[0] = { period: 'Q5', text: 'x' };
    const schemaError = await admin.post('/api/v1/programmes/import', wrongPeriod);
    expect(schemaError.statusCode).toBe(400);
    expect((schemaError.json() as { details: { path: string }[] }).details[0]?.path).toContain('milestones');
    expect(await count()).toBe(before);
  });

  it('lets a supervisor import only into their own jurisdiction', async () => {
    const elsewhere = await supervisor.post(
      '/api/v1/programmes/import',
      buildProgrammeDocument({ jurisdiction: '别处区', title: '别处' }),
    );
    expect(elsewhere.statusCode).toBe(403);
    const own = await supervisor.post(
      '/api/v1/programmes/import',
      buildProgrammeDocument({ jurisdiction: '明湖区', title: '明湖区补充清单' }),
    );
    expect(own.statusCode).toBe(201);
  });

  it('links a district list to the city programme it carries out', async () => {
    const cityId = await importDoc(
      admin,
      buildProgrammeDocument({ jurisdiction: '测试市', title: '测试市2030年20项民心工程' }),
    );
    const districtId = await importDoc(
      admin,
      buildProgrammeDocument({
        jurisdiction: '新设区',
        title: '测试市2030年20项民心工程涉及新设区任务清单',
        parent: '测试市2030年20项民心工程',
      }),
    );
    const district = (await admin.get(`/api/v1/programmes/${districtId}`)).json() as {
      parentId: number;
      parentTitle: string;
      jurisdictionId: number;
    };
    expect(district.parentId).toBe(cityId);
    const jurisdiction = (await admin.get(`/api/v1/jurisdictions/${district.jurisdictionId}`)).json() as {
      level: string;
      parentId: number;
    };
    const city = (await admin.get(`/api/v1/programmes/${cityId}`)).json() as { jurisdictionId: number };
    expect(jurisdiction).toMatchObject({ level: 'district', parentId: city.jurisdictionId });
  });
});

describe('building a programme by hand', () => {
  it('creates a programme, a category, an item with a part, units, people, milestones and indicators, and shows them in the tree', async () => {
    const jurisdictions = (await supervisor.get('/api/v1/jurisdictions')).json() as {
      items: { id: number; name: string }[];
    };
    const jurisdictionId = jurisdictions.items.find((j) => j.name === '明湖区')?.id as number;
    const programme = await supervisor.post('/api/v1/programmes', {
      jurisdictionId,
      year: 2027,
      title: '明湖区2027年民心工程',
    });
    expect(programme.statusCode, programme.body).toBe(201);
    const programmeId = (programme.json() as { id: number }).id;

    const category = await supervisor.post(`/api/v1/programmes/${programmeId}/categories`, {
      ordinal: 2,
      title: '就业',
    });
    expect(category.statusCode).toBe(201);
    const categoryId = (category.json() as { id: number }).id;

    const item = await supervisor.post(`/api/v1/categories/${categoryId}/items`, {
      number: '1',
      name: '新增就业岗位',
      deadline: { text: '12月底', date: '2027-12-31' },
    });
    expect(item.statusCode).toBe(201);
    const itemId = (item.json() as { id: number }).id;
    const part = await supervisor.post(`/api/v1/categories/${categoryId}/items`, {
      number: '(1)',
      name: '公益岗位',
      parentItemId: itemId,
    });
    expect(part.statusCode).toBe(201);

    const unit = (await supervisor.post('/api/v1/units', { jurisdictionId, name: '区就业服务中心' })).json() as {
      id: number;
    };
    const person = (
      await supervisor.post('/api/v1/people', { jurisdictionId, name: '赵六', unitId: unit.id })
    ).json() as { id: number };
    expect((await supervisor.post(`/api/v1/items/${itemId}/units`, { unitId: unit.id, role: 'lead' })).statusCode).toBe(
      201,
    );
    const secondLead = await supervisor.post(`/api/v1/items/${itemId}/units`, { unitId: unit.id, role: 'lead' });
    expect(secondLead.statusCode).toBe(400);
    expect(
      (await supervisor.post(`/api/v1/items/${itemId}/persons`, { personId: person.id, unitId: unit.id })).statusCode,
    ).toBe(201);
    expect((await supervisor.post(`/api/v1/items/${itemId}/leaders`, { personId: person.id })).statusCode).toBe(201);
    const milestone = await supervisor.post(`/api/v1/items/${itemId}/milestones`, {
      period: 'Q2',
      text: '新增岗位500个',
    });
    expect(milestone.json()).toMatchObject({ period: 'Q2', dueDate: '2027-06-30' });
    const indicator = await supervisor.post(`/api/v1/items/${itemId}/indicators`, {
      name: '新增就业',
      unit: '人',
      target: 2000,
      checkpoints: { Q2: 1000, Q4: 2000 },
    });
    expect(indicator.json()).toMatchObject({ direction: 'increase', checkpoints: { Q2: 1000, Q4: 2000 } });

    const tree = (await supervisor.get(`/api/v1/programmes/${programmeId}/tree`)).json() as {
      categories: {
        ordinal: number;
        items: {
          name: string;
          units: { name: string; role: string }[];
          persons: { name: string }[];
          milestones: unknown[];
          indicators: unknown[];
          children: { name: string }[];
        }[];
      }[];
    };
    const node = tree.categories[0]?.items[0];
    expect(tree.categories[0]?.ordinal).toBe(2);
    expect(node?.units).toMatchObject([{ name: '区就业服务中心', role: 'lead' }]);
    expect(node?.persons).toMatchObject([{ name: '赵六' }]);
    expect(node?.milestones).toHaveLength(1);
    expect(node?.indicators).toHaveLength(1);
    expect(node?.children.map((c) => c.name)).toEqual(['公益岗位']);

    const detail = (await supervisor.get(`/api/v1/items/${itemId}`)).json() as {
      categoryTitle: string;
      programmeId: number;
    };
    expect(detail).toMatchObject({ categoryTitle: '就业', programmeId });
  });

  it('answers a stale update with 409 and the current record, and applies a fresh one', async () => {
    const list = (await supervisor.get('/api/v1/programmes')).json() as { items: { id: number; version: number }[] };
    const programme = list.items[0] as { id: number; version: number };
    const first = await supervisor.patch(`/api/v1/programmes/${programme.id}`, {
      version: programme.version,
      title: '明湖区2026年20项民心工程（修订）',
    });
    expect(first.statusCode).toBe(200);
    expect((first.json() as { version: number }).version).toBe(programme.version + 1);
    const stale = await supervisor.patch(`/api/v1/programmes/${programme.id}`, {
      version: programme.version,
      title: '过期的修改',
    });
    expect(stale.statusCode).toBe(409);
    const body = stale.json() as {
      code: string;
      message: string;
      details: { current: { title: string; version: number } };
    };
    expect(body.code).toBe('CONFLICT');
    expect(body.message).toMatch(/^该记录已被他人修改/);
    expect(body.details.current).toMatchObject({
      title: '明湖区2026年20项民心工程（修订）',
      version: programme.version + 1,
    });
  });

  it('rejects invalid input with a 4xx JSON error in Chinese first and writes nothing', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/api/v1/programmes', { jurisdictionId: 1, year: 1800, title: 'x' }],
      ['POST', '/api/v1/programmes', { jurisdictionId: 1, year: 2026, title: '' }],
      ['POST', '/api/v1/programmes', { jurisdictionId: 99999, year: 2026, title: '不存在的行政区' }],
      ['PATCH', '/api/v1/programmes/1', { title: '缺少版本号' }],
      ['POST', '/api/v1/units', { jurisdictionId: 1, name: 'x'.repeat(101) }],
    ];
    for (const [method, url, payload] of cases) {
      const response = await admin.request({ method: method as 'POST', url, payload: payload as object });
      expect(response.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      const body = response.json() as { code: string; message: string; details: unknown };
      expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message']);
      expect(body.message).toMatch(/^[\u4e00-\u9fa5]/);
    }
    const notJson = await admin.request({
      method: 'POST',
      url: '/api/v1/units',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(notJson.statusCode).toBe(400);
    const duplicate = await admin.post('/api/v1/units', { jurisdictionId: 1, name: '区教育局' });
    expect(duplicate.statusCode).toBe(409);
    expect((duplicate.json() as { code: string }).code).toBe('DUPLICATE');
  });

  it('deletes a programme with everything under it but refuses to delete a unit still in use', async () => {
    const id = await importDoc(admin, buildProgrammeDocument({ title: '将被删除的清单' }));
    const units = (await admin.get('/api/v1/units')).json() as { items: { id: number; name: string }[] };
    const used = units.items.find((u) => u.name === '测试区民政局') as { id: number };
    const refused = await admin.delete(`/api/v1/units/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as { code: string }).code).toBe('IN_USE');

    expect((await admin.delete(`/api/v1/programmes/${id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/programmes/${id}/tree`)).statusCode).toBe(404);
    const history = (await admin.get(`/api/v1/history?programmeId=${id}`)).json() as {
      items: { action: string; before: { document: ProgrammeDocument } }[];
    };
    expect(history.items[0]?.action).toBe('delete');
    expect(history.items[0]?.before.document.title).toBe('将被删除的清单');
  });
});

describe('ids past the integer range', () => {
  it('are refused by the route’s schema, saying what an id is, before anything reaches the database', async () => {
    const [item] = await ctx.database.db.select({ id: items.id }).from(items).limit(1);
    const itemId = item?.id as number;
    const auditBefore = await ctx.database.db.$count(auditLog);
    for (const big of [2_147_483_648, 99_999_999_999]) {
      const cases: [string, string, object | undefined][] = [
        ['POST', '/api/v1/jurisdictions', { name: '超界镇', level: 'town', parentId: big }],
        ['POST', '/api/v1/units', { jurisdictionId: big, name: '超界单位' }],
        ['POST', '/api/v1/units', { jurisdictionId: 1, name: '超界单位', headPersonId: big }],
        ['GET', `/api/v1/units?jurisdictionId=${big}`, undefined],
        ['GET', `/api/v1/people?unitId=${big}`, undefined],
        ['POST', `/api/v1/items/${itemId}/persons`, { personId: big }],
        ['POST', `/api/v1/items/${itemId}/persons`, { personId: 1, unitId: big }],
        ['POST', `/api/v1/items/${itemId}/units`, { unitId: big, role: 'co' }],
        ['POST', `/api/v1/items/${big}/units`, { unitId: 1, role: 'co' }],
        ['GET', `/api/v1/history?entityId=${big}`, undefined],
      ];
      for (const [method, url, payload] of cases) {
        const response = await admin.request({ method: method as 'POST', url, ...(payload ? { payload } : {}) });
        const where = `${method} ${url} ${JSON.stringify(payload ?? {})}`;
        expect(response.statusCode, `${where}: ${response.body}`).toBe(400);
        const body = response.json() as { code: string; message: string; details: unknown };
        expect(body.code, where).toBe('VALIDATION');
        expect(body.message, where).toContain('编号应为 1 到 2147483647 之间的整数');
        // The schema's answer, not the database's data exception mapped to 400.
        expect(JSON.stringify(body.details), where).not.toContain('sqlState');
      }
    }
    expect(await ctx.database.db.$count(auditLog)).toBe(auditBefore);
  });
});

describe('partial edits', () => {
  it('change only the fields sent: a category keeps its number, a jurisdiction its parent', async () => {
    const category = (
      await supervisor.post('/api/v1/programmes/1/categories', { ordinal: 12, title: '文体' })
    ).json() as { id: number; version: number };
    const renamed = (
      await supervisor.patch(`/api/v1/categories/${category.id}`, { version: category.version, title: '文化体育' })
    ).json();
    expect(renamed).toMatchObject({ ordinal: 12, title: '文化体育' });
    const renumbered = (
      await supervisor.patch(`/api/v1/categories/${category.id}`, { version: category.version + 1, ordinal: 13 })
    ).json();
    expect(renumbered).toMatchObject({ ordinal: 13, title: '文化体育' });

    const town = (
      await supervisor.post('/api/v1/jurisdictions', { name: '荷风镇', level: 'town', parentId: 1 })
    ).json() as { id: number; version: number };
    const edited = await supervisor.patch(`/api/v1/jurisdictions/${town.id}`, {
      version: town.version,
      name: '荷风街道',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: '荷风街道', parentId: 1, level: 'town' });
  });

  it('does not reveal a parent programme the actor cannot read', async () => {
    const hidden = await importDoc(admin, buildProgrammeDocument({ jurisdiction: '远方区', title: '远方区清单' }));
    const response = await supervisor.post('/api/v1/programmes', {
      jurisdictionId: 1,
      year: 2031,
      title: '明湖区2031',
      parentId: hidden,
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('远方区清单');
  });
});

describe('a new programme', () => {
  it('shows an empty category to those who manage it, so the first item can be added', async () => {
    const programme = (
      await supervisor.post('/api/v1/programmes', { jurisdictionId: 1, year: 2032, title: '明湖区2032年民心工程' })
    ).json() as { id: number };
    await supervisor.post(`/api/v1/programmes/${programme.id}/categories`, { ordinal: 1, title: '便民服务' });
    const tree = (await supervisor.get(`/api/v1/programmes/${programme.id}/tree`)).json() as {
      categories: { title: string; items: unknown[] }[];
    };
    expect(tree.categories).toEqual([expect.objectContaining({ title: '便民服务', items: [] })]);
  });
});
