import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestContext } from '../../test/helpers/app.js';
import { startsWithChinese } from '../../test/helpers/routes.js';
import { bodyFor, figure, type Route, routesOf, rows, tally, urlOf, WRITE_METHODS } from './lib.js';
import { buildUnitWorld, MARK, type UnitWorld } from './unit-world.js';

/**
 * Who reaches what (issue 6, item 5): the role × route matrix covers every
 * route; no route but the public ones answers without a session; a reporter
 * of unit A, guessing ids, reads nothing of unit B's and changes nothing but
 * its own unit's records; and all of that only ever appends to the audit trail.
 *
 * SECURITY_FULL=1 also runs the matrix itself (test/api/authorization.test.ts).
 */
if (process.env.SECURITY_FULL === '1') await import('../../test/api/authorization.test.js');

let ctx: TestContext;
let admin: Client;
let reporterA: Client;
let world: UnitWorld;
let auditBefore: Record<string, unknown>[] = [];

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
  admin = await signIn(ctx.app, 'admin');
  world = await buildUnitWorld(ctx, admin);
  reporterA = await signIn(ctx.app, 'reporter');
  auditBefore = await rows(ctx.database.db, sql`select * from audit_log order by id`);
});
afterAll(() => ctx?.close());

const call = (client: Client | null, route: Route, id: number | string, body?: unknown) =>
  (client ? client.request : ctx.app.inject.bind(ctx.app))({
    method: route.method as 'GET',
    url: urlOf(route.path, id),
    ...(body === undefined ? {} : { payload: body as object }),
  });

/** Whether a response shows one of B's private texts, in its body or a header (a file name). */
const leaks = (response: LightMyRequestResponse): boolean =>
  response.body.includes(MARK) ||
  JSON.stringify(response.headers).includes(encodeURIComponent(MARK)) ||
  JSON.stringify(response.headers).includes(MARK);

describe('the role × route matrix', () => {
  it('test/api/authorization.test.ts has a row for every /api/v1 route the app serves', () => {
    const source = readFileSync(new URL('../../test/api/authorization.test.ts', import.meta.url), 'utf8');
    const rowsInTable = [...source.matchAll(/method: '(GET|POST|PUT|PATCH|DELETE)', route: '([^']+)'/g)];
    const inTable = new Set(rowsInTable.map((m) => `${m[1]} ${m[2]}`));
    const served = routesOf(ctx.app).map((r) => `${r.method} ${r.path}`);
    figure(
      `matrix: ${served.length} routes served, ${inTable.size} in the matrix (${rowsInTable.length} rows × 6 callers)`,
    );
    expect(served.filter((r) => !inTable.has(r))).toEqual([]);
    expect([...inTable].filter((r) => !served.includes(r))).toEqual([]);
  });

  it('answers 401 on every route but the public ones to a caller without a session, or with a made-up one', async () => {
    const open = new Set<string>();
    const statuses: number[] = [];
    const forged = `minxin_session=${'x'.repeat(43)}`;
    const isPublic = (route: Route) => route.method === 'GET' && /^\/(health|public\/)/.test(route.path);
    for (const route of routesOf(ctx.app).filter((r) => !isPublic(r))) {
      for (const cookie of [undefined, forged]) {
        const response = await ctx.app.inject({
          method: route.method as 'GET',
          url: urlOf(route.path),
          headers: { ...(cookie ? { cookie } : {}), 'x-csrf-token': 'x'.repeat(43) },
          ...(WRITE_METHODS.has(route.method) ? { payload: (bodyFor(ctx.app, route) ?? {}) as object } : {}),
        });
        statuses.push(response.statusCode);
        const body = response.json() as { code?: string; message?: string };
        // A malformed query is refused before anyone is asked who they are: nothing is read either way.
        const refused =
          response.statusCode === 401 ? 'UNAUTHENTICATED' : response.statusCode === 400 ? 'VALIDATION' : '';
        if (refused && body.code === refused && startsWithChinese(body.message ?? '')) continue;
        open.add(`${route.method} ${route.path}: ${response.statusCode}`);
      }
    }
    figure(
      `anonymous: ${statuses.length} calls (every non-public route, no cookie and a made-up one) → ${JSON.stringify(tally(statuses))}`,
    );
    expect([...open]).toEqual([]);
  });
});

/** The ids to try on a route: B's records of the kind the route names, and their neighbours. */
function candidates(route: Route): { id: number; ofB: boolean }[] {
  const segments = route.path.split('/').filter(Boolean);
  const kind = segments[0] === 'public' ? segments[1] : segments[0];
  const own: Record<string, number[]> = { programmes: [world.programme], categories: [world.category] };
  const exact = (kind && (world.ofB[kind] ?? own[kind])) || [1, 2, 3];
  const ids = new Set(exact.flatMap((id) => [id - 2, id - 1, id, id + 1, id + 2]).filter((id) => id > 0));
  const ofB = new Set(kind && world.ofB[kind] ? world.ofB[kind] : []);
  return [...ids].map((id) => ({ id, ofB: ofB.has(id) }));
}

/** Every row of every table that holds records (not sessions, the audit trail or file bytes), keyed by table and id. */
async function snapshot(): Promise<Map<string, Record<string, unknown>>> {
  const tables = await rows<{ name: string }>(
    ctx.database.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('audit_log', 'sessions', 'change_clock', 'leases', 'blobs', 'server_secrets', 'settings')`,
  );
  const out = new Map<string, Record<string, unknown>>();
  for (const { name } of tables) {
    for (const row of await rows(ctx.database.db, sql.raw(`select * from "${name}"`))) {
      out.set(`${name}:${row.id ?? JSON.stringify(row)}`, row);
    }
  }
  return out;
}

describe('unit scoping: a reporter of unit A guessing ids', () => {
  it('reads none of unit B’s records: 403/404 on each, and B’s texts in no answer', async () => {
    const gets = routesOf(ctx.app).filter((r) => r.method === 'GET' && r.path.includes(':id'));
    const problems: string[] = [];
    const statuses: number[] = [];
    let exact = 0;
    for (const route of gets) {
      for (const { id, ofB } of candidates(route)) {
        const response = await call(reporterA, route, id);
        statuses.push(response.statusCode);
        if (leaks(response)) problems.push(`GET ${urlOf(route.path, id)} shows B’s text (${response.statusCode})`);
        if (ofB && !route.path.startsWith('/public/') && route.path !== '/units/:id') {
          exact++;
          if (![403, 404].includes(response.statusCode))
            problems.push(`GET ${urlOf(route.path, id)}: ${response.statusCode}, expected 404`);
        }
      }
    }
    figure(
      `unit scoping, reads: ${gets.length} GET routes with :id, ${statuses.length} calls (${exact} on B’s own ids) → ${JSON.stringify(tally(statuses))}`,
    );
    expect(problems).toEqual([]);
    expect(exact).toBeGreaterThanOrEqual(20);
  });

  it('finds none of them through lists, filters and the history either', async () => {
    const lists = routesOf(ctx.app).filter((r) => r.method === 'GET' && !r.path.includes(':id'));
    const filters = ['', `programmeId=${world.programme}`, `unitId=${world.unitB}`, `itemId=${world.itemB}`];
    // The trail is asked about each of B's records by name.
    const byEntity = Object.entries(world.ofB).flatMap(([kind, ids]) =>
      ids.map((id) => `entityType=${kind.replace(/s$/, '').replace('-', '_')}&entityId=${id}`),
    );
    const readable = [world.itemA, world.shared].flatMap((item) =>
      ['/items/:id/reports', '/items/:id/history', '/items/:id/inspections', '/items/:id/progress'].map((path) => ({
        method: 'GET',
        path: path.replace(':id', String(item)),
      })),
    );
    const problems: string[] = [];
    let calls = 0;
    for (const route of [...lists, ...readable, { method: 'GET', path: `/programmes/${world.programme}/reports` }]) {
      for (const query of route.path === '/history' ? [...filters, ...byEntity] : filters) {
        const response = await reporterA.get(`/api/v1${route.path}${query ? `?${query}` : ''}`);
        calls++;
        if (leaks(response)) problems.push(`GET ${route.path}?${query} shows B’s text (${response.statusCode})`);
      }
    }
    figure(
      `unit scoping, lists: ${calls} calls (${lists.length} list routes and A’s own items, with B’s ids as filters)`,
    );
    expect(problems).toEqual([]);
  });

  it('keeps drafts, their evidence and unmoderated comments out of the history for a viewer too', async () => {
    const viewer = await signIn(ctx.app, 'viewer');
    const privateTexts = [`${MARK}草稿进展`, `${MARK}配合草稿进展`, `${MARK}现场`, `${MARK}居民留言`];
    const urls = [
      `/api/v1/items/${world.itemB}/history`,
      `/api/v1/items/${world.shared}/history`,
      `/api/v1/history?programmeId=${world.programme}&limit=500`,
    ];
    for (const url of urls) {
      const response = await viewer.get(url);
      expect(response.statusCode, url).toBe(200);
      // The viewer does see what was submitted: the trail is not simply empty.
      expect(response.body, url).toContain(world.itemB === Number(url.split('/')[4]) ? `${MARK}已报进展` : '"action"');
      for (const text of privateTexts) expect(response.body.includes(text), `${url} shows ${text}`).toBe(false);
    }
  });

  it('writes nothing of B’s: 403/404 on each of B’s ids, and no row but A’s own changes', async () => {
    const writes = routesOf(ctx.app).filter((r) => WRITE_METHODS.has(r.method) && r.path.includes(':id'));
    const before = await snapshot();
    const problems: string[] = [];
    const statuses: number[] = [];
    let exact = 0;
    for (const route of writes) {
      const body = bodyFor(ctx.app, route);
      for (const { id, ofB } of candidates(route)) {
        const response = await call(reporterA, route, id, body);
        statuses.push(response.statusCode);
        if (response.statusCode >= 500)
          problems.push(`${route.method} ${urlOf(route.path, id)}: ${response.statusCode}`);
        if (ofB) {
          exact++;
          if (![403, 404].includes(response.statusCode))
            problems.push(
              `${route.method} ${urlOf(route.path, id)}: ${response.statusCode} ${response.body.slice(0, 120)}`,
            );
        }
      }
    }
    // Writing as B's unit through A's own item is refused too.
    const asB = await reporterA.post(`/api/v1/items/${world.shared}/reports`, { period: 'M05', unitId: world.unitB });
    if (![403, 404].includes(asB.statusCode)) problems.push(`report for unit B on the shared item: ${asB.statusCode}`);

    const after = await snapshot();
    const reportsOfA = new Set(
      [...before.values(), ...after.values()]
        .filter((r) => r.unit_id === world.unitA && 'period' in r)
        .map((r) => r.id),
    );
    const mayChange = (key: string, row: Record<string, unknown>) => {
      const table = key.split(':')[0];
      if (table === 'reports' || table === 'notices') return row.unit_id === world.unitA;
      if (table === 'report_values') return reportsOfA.has(row.report_id);
      if (table === 'attachments') return row.owner_type === 'report' && reportsOfA.has(row.owner_id);
      if (table === 'inbox_messages') return row.user_id === world.userA;
      return false;
    };
    const changed: string[] = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(key);
      const is = after.get(key);
      if (JSON.stringify(was) === JSON.stringify(is)) continue;
      if (!mayChange(key, (is ?? was) as Record<string, unknown>))
        changed.push(`${key}: ${was ? (is ? 'changed' : 'deleted') : 'added'}`);
    }
    figure(
      `unit scoping, writes: ${writes.length} write routes with :id, ${statuses.length} calls (${exact} on B’s own ids) → ${JSON.stringify(tally(statuses))}; ${before.size} rows compared, ${changed.length} changed outside unit A`,
    );
    expect(problems).toEqual([]);
    expect(changed).toEqual([]);
    expect(exact).toBeGreaterThan(30);
  });
});

describe('the audit trail', () => {
  it('was only appended to by every request above: each earlier entry is as it was', async () => {
    const after = await rows(ctx.database.db, sql`select * from audit_log order by id`);
    const byId = new Map(after.map((row) => [String(row.id), JSON.stringify(row)]));
    const altered = auditBefore.filter((row) => byId.get(String(row.id)) !== JSON.stringify(row));
    figure(
      `audit trail: ${auditBefore.length} entries before the sweeps, ${after.length} after, ${altered.length} altered`,
    );
    expect(altered).toEqual([]);
    expect(after.length).toBeGreaterThanOrEqual(auditBefore.length);
  });
});
