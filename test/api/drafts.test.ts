import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LEADER, DEMO_REPORTER_UNIT } from '../../src/db/demo/demo-programme.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';

/**
 * A draft list is the office's work in progress: the units and leaders named
 * in it see it only once it is published (decision of issue 4).
 */
let ctx: TestContext;
let office: Client;
let programmeId: number;
let itemId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  office = await signIn(ctx.app, 'supervisor');
  const document = buildProgrammeDocument({
    jurisdiction: '明湖区',
    title: '明湖区2030年民心工程（征求意见稿）',
    categories: [
      {
        ordinal: 1,
        title: '教育',
        items: [
          buildItem({ name: '新建草稿幼儿园', leadUnit: DEMO_REPORTER_UNIT, coUnits: [], leaders: [DEMO_LEADER] }),
        ],
      },
    ],
  });
  const created = await office.post('/api/v1/programmes/import', document);
  expect(created.statusCode).toBe(201);
  programmeId = (created.json() as { id: number }).id;
  const tree = (await office.get(`/api/v1/programmes/${programmeId}/tree`)).json() as {
    categories: { items: { id: number }[] }[];
  };
  itemId = tree.categories[0]?.items[0]?.id as number;
});

afterAll(async () => ctx?.close());

describe('a draft naming the reporter’s unit and the leader', () => {
  it('is hidden from them until it is published', async () => {
    for (const who of ['reporter', 'leader']) {
      const client = await signIn(ctx.app, who);
      expect((await client.get(`/api/v1/programmes/${programmeId}`)).statusCode, who).toBe(404);
      expect((await client.get(`/api/v1/items/${itemId}`)).statusCode, who).toBe(404);
      const list = (await client.get('/api/v1/programmes')).json() as { items: { id: number }[] };
      expect(
        list.items.map((p) => p.id),
        who,
      ).not.toContain(programmeId);
    }
    const current = (await office.get(`/api/v1/programmes/${programmeId}`)).json() as { version: number };
    const published = await office.patch(`/api/v1/programmes/${programmeId}`, {
      version: current.version,
      state: 'published',
    });
    expect(published.statusCode).toBe(200);
    for (const who of ['reporter', 'leader']) {
      const client = await signIn(ctx.app, who);
      expect((await client.get(`/api/v1/programmes/${programmeId}`)).statusCode, who).toBe(200);
      expect((await client.get(`/api/v1/items/${itemId}`)).statusCode, who).toBe(200);
    }
  });
});
