import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let supervisor: Client;
let admin: Client;

type Entry = {
  action: string;
  entityType: string;
  entityId: number;
  actorName: string;
  at: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};
const history = async (client: Client, query: string) =>
  ((await client.get(`/api/v1/history?${query}`)).json() as { items: Entry[] }).items;

beforeAll(async () => {
  ctx = await createTestApp();
  supervisor = await signIn(ctx.app, 'supervisor');
  admin = await signIn(ctx.app, 'admin');
});
afterAll(() => ctx.close());

async function firstItem(): Promise<{ id: number; version: number; name: string }> {
  const tree = (await supervisor.get('/api/v1/programmes/1/tree')).json() as {
    categories: { items: { id: number; version: number; name: string }[] }[];
  };
  return tree.categories[0]?.items[0] as { id: number; version: number; name: string };
}

describe('the audit trail', () => {
  it('records who changed what, with before and after, and shows it in the item history', async () => {
    const item = await firstItem();
    const updated = await supervisor.patch(`/api/v1/items/${item.id}`, {
      version: item.version,
      name: '新名称',
      deadline: { text: '11月底', date: '2026-11-30' },
    });
    expect(updated.statusCode).toBe(200);
    const milestone = await supervisor.post(`/api/v1/items/${item.id}/milestones`, {
      period: 'M05',
      text: '五月底前完成招标',
    });
    expect(milestone.statusCode).toBe(201);

    const entries = (await supervisor.get(`/api/v1/items/${item.id}/history`)).json() as { items: Entry[] };
    const [latest, previous] = entries.items;
    expect(latest).toMatchObject({ action: 'create', entityType: 'milestone', actorName: 'supervisor' });
    expect(previous).toMatchObject({
      action: 'update',
      entityType: 'item',
      entityId: item.id,
      actorName: 'supervisor',
    });
    expect(previous?.before).toMatchObject({ name: item.name, version: item.version });
    expect(previous?.after).toMatchObject({
      name: '新名称',
      deadlineText: '11月底',
      deadlineDate: '2026-11-30',
      version: item.version + 1,
    });
    expect(Date.parse(previous?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('writes one entry per create, update and delete, and none for a refused change', async () => {
    const count = async () => (await history(admin, 'limit=500')).length;
    const before = await count();
    const unit = (await supervisor.post('/api/v1/units', { jurisdictionId: 1, name: '区审计局' })).json() as {
      id: number;
      version: number;
    };
    await supervisor.patch(`/api/v1/units/${unit.id}`, { version: unit.version, name: '区审计局（更名）' });
    expect((await supervisor.post('/api/v1/units', { jurisdictionId: 1, name: '区审计局（更名）' })).statusCode).toBe(
      409,
    );
    expect(
      (await supervisor.patch(`/api/v1/units/${unit.id}`, { version: unit.version, name: '过期' })).statusCode,
    ).toBe(409);
    await supervisor.delete(`/api/v1/units/${unit.id}`);
    expect(await count()).toBe(before + 3);
    const trail = await history(admin, `entityType=unit&entityId=${unit.id}`);
    expect(trail.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(trail[0]?.before).toMatchObject({ name: '区审计局（更名）' });
  });

  it('cannot be edited or deleted, not even by SQL', async () => {
    await expect(ctx.database.db.execute(sql`update audit_log set actor_name = 'forged'`)).rejects.toThrow();
    await expect(ctx.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const entries = await history(admin, 'limit=5');
    expect(entries.every((e) => e.actorName !== 'forged')).toBe(true);
  });

  it('has no route that writes to it', async () => {
    const writes = ctx.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((line) => line.includes('history') && /(POST|PUT|PATCH|DELETE)/.test(line));
    expect(writes).toEqual([]);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const response = await admin.request({ method, url: '/api/v1/history', payload: {} });
      expect(response.statusCode).toBe(404);
    }
  });

  it('keeps reporters to the history of their own items', async () => {
    const reporter = await signIn(ctx.app, 'reporter');
    expect((await reporter.get('/api/v1/history?programmeId=1')).statusCode).toBe(403);
    expect((await reporter.get('/api/v1/history')).statusCode).toBe(403);
    const tree = (await reporter.get('/api/v1/programmes/1/tree')).json() as {
      categories: { items: { id: number }[] }[];
    };
    const own = tree.categories[0]?.items[0]?.id as number;
    expect((await reporter.get(`/api/v1/items/${own}/history`)).statusCode).toBe(200);
  });
});
