import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { type App, buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

/**
 * Trees and sessions are cached per process until the next change. Two apps
 * stand for two server processes: on PostgreSQL each has its own pool, as
 * separate processes would.
 */
let ctx: TestContext;
let second: { app: App; database: Database };

beforeAll(async () => {
  ctx = await createTestApp();
  const database = ctx.db.url ? await openDatabase({ url: ctx.db.url, poolSize: 2 }) : ctx.database;
  const app = await buildApp({ database, config: testConfig(), serveWeb: false });
  await app.ready();
  second = { app, database };
});
afterAll(async () => {
  await second.app.close();
  if (second.database !== ctx.database) await second.database.close();
  await ctx.close();
});

type Tree = {
  categories: { items: { id: number; name: string; version: number; units: { name: string; unitId: number }[] }[] }[];
};
const firstItem = async (client: Client) => {
  const response = await client.get('/api/v1/programmes/1/tree');
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return (response.json() as Tree).categories[0]?.items[0] as Tree['categories'][0]['items'][0];
};

describe('caches across server processes', () => {
  it('shows a change made through another process at once', async () => {
    const here = await signIn(ctx.app, 'supervisor');
    const there = await signIn(second.app, 'supervisor');
    const before = await firstItem(here);
    expect(await firstItem(here)).toEqual(before);

    const renamed = await there.patch(`/api/v1/items/${before.id}`, {
      version: before.version,
      name: '另一进程改的名称',
    });
    expect(renamed.statusCode).toBe(200);
    expect((await firstItem(here)).name).toBe('另一进程改的名称');

    const unit = before.units[0] as { unitId: number; name: string };
    const current = (await there.get(`/api/v1/units/${unit.unitId}`)).json() as { version: number };
    await there.patch(`/api/v1/units/${unit.unitId}`, { version: current.version, name: `${unit.name}（新）` });
    expect((await firstItem(here)).units[0]?.name).toBe(`${unit.name}（新）`);
  });

  it('never serves one role the tree cached for another', async () => {
    const admin = await signIn(ctx.app, 'admin');
    const reporter = await signIn(ctx.app, 'reporter');
    const all = (await admin.get('/api/v1/programmes/1/tree')).json() as Tree;
    const own = (await reporter.get('/api/v1/programmes/1/tree')).json() as Tree;
    const count = (t: Tree) => t.categories.reduce((n, c) => n + c.items.length, 0);
    expect(count(own)).toBeLessThan(count(all));
    expect(count((await admin.get('/api/v1/programmes/1/tree')).json() as Tree)).toBe(count(all));
  });

  it('ends a session signed out, or an account disabled, through the other process', async () => {
    const here = await signIn(ctx.app, 'viewer');
    expect((await here.get('/api/v1/session')).statusCode).toBe(200);
    const sameSessionThere = (url: string) =>
      second.app.inject({ method: 'DELETE', url, headers: { cookie: here.cookie, 'x-csrf-token': here.csrfToken } });
    expect((await sameSessionThere('/api/v1/session')).statusCode).toBe(204);
    expect((await here.get('/api/v1/session')).statusCode).toBe(401);

    const leader = await signIn(ctx.app, 'leader');
    expect((await leader.get('/api/v1/programmes')).statusCode).toBe(200);
    const admin = await signIn(second.app, 'admin');
    const users = (await admin.get('/api/v1/users')).json() as {
      items: { id: number; username: string; version: number }[];
    };
    const account = users.items.find((u) => u.username === 'leader') as { id: number; version: number };
    expect(
      (await admin.patch(`/api/v1/users/${account.id}`, { version: account.version, disabled: true })).statusCode,
    ).toBe(200);
    expect((await leader.get('/api/v1/programmes')).statusCode).toBe(401);
  });
});
