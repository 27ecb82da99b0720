import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/cli/add-user.js';
import { passwordProblems } from '../../src/core/password.js';
import { type App, buildApp } from '../../src/server/app.js';
import { type Config, testConfig } from '../../src/server/config.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../../test/helpers/app.js';
import { countOf, figure, routesOf, rows, tally, urlOf, WRITE_METHODS } from './lib.js';

/**
 * Sessions, CSRF, sign-in throttling and lockout, password rules (issue 6,
 * item 5), in process on a fresh database with the demo accounts.
 */

let ctx: TestContext;
let admin: Client;
let minghu = 0;
let counter = 0;
/** Other apps on the same database, with the configuration a test needs. */
const extraApps: App[] = [];

async function appWith(overrides: Partial<Config>): Promise<App> {
  const app = await buildApp({ database: ctx.database, config: testConfig(overrides), serveWeb: false });
  await app.ready();
  extraApps.push(app);
  return app;
}

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 10_000, MINXIN_LOGIN_MAX_FAILURES: 100 });
  admin = await signIn(ctx.app, 'admin');
  const { items } = (await admin.get('/api/v1/jurisdictions')).json() as { items: { id: number; name: string }[] };
  minghu = items.find((j) => j.name === '明湖区')?.id ?? 0;
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  await ctx?.close();
});

const attempt = (app: App, username: string, password: string, more: { remoteAddress?: string } = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, ...more });

function cookieOf(response: LightMyRequestResponse, name = 'minxin_session'): { value: string; attributes: string[] } {
  const header = response.headers['set-cookie'];
  const raw = (Array.isArray(header) ? header : [header ?? '']).find((c) => c.startsWith(`${name}=`));
  if (!raw) throw new Error(`no ${name} cookie in ${JSON.stringify(header)}`);
  const [pair = '', ...attributes] = raw.split(';').map((part) => part.trim());
  return { value: pair.slice(name.length + 1), attributes: attributes.map((a) => a.toLowerCase()) };
}

/** A new viewer account with TEST_PASSWORD (lockouts and password changes touch no demo account). */
async function newUser(): Promise<{ id: number; username: string; version: number }> {
  const username = `sec${++counter}`;
  const response = await admin.post('/api/v1/users', {
    username,
    password: TEST_PASSWORD,
    role: 'viewer',
    jurisdictionId: minghu,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; username: string; version: number };
}

const sessionRow = async (token: string) =>
  rows(ctx.database.db, sql`select id from sessions where id = ${createHash('sha256').update(token).digest('hex')}`);

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, ends with the browser, and carries 256 random bits', async () => {
    const response = await attempt(ctx.app, 'viewer', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const { value, attributes } = cookieOf(response);
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    // Plain HTTP by default: a Secure cookie would never come back.
    expect(attributes).not.toContain('secure');
    expect(
      attributes.some((a) => a.startsWith('domain=') || a.startsWith('expires=') || a.startsWith('max-age=')),
    ).toBe(false);
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is Secure with MINXIN_SECURE_COOKIES=on, and over HTTPS forwarded by a trusted proxy (auto)', async () => {
    const on = await appWith({ MINXIN_SECURE_COOKIES: 'on', MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
    expect(cookieOf(await attempt(on, 'viewer', TEST_PASSWORD)).attributes).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']),
    );
    const proxied = await appWith({ MINXIN_TRUST_PROXY: 'on', MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
    const https = await proxied.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'viewer', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(cookieOf(https).attributes).toContain('secure');
    // Without trust in a proxy, a client cannot claim HTTPS (nor anything else) with a header.
    const direct = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'viewer', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(cookieOf(direct).attributes).not.toContain('secure');
    // The public site's reading-choice cookie follows the same rule.
    const prefs = await on.inject({ url: '/p/prefs?set=elder&back=/p/' });
    expect(cookieOf(prefs, 'minxin_prefs').attributes).toEqual(expect.arrayContaining(['secure', 'httponly']));
  });

  it('is new at every sign-in, never the one the browser brought, and a made-up one is refused', async () => {
    const first = await signIn(ctx.app, 'viewer');
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'viewer', password: TEST_PASSWORD },
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken },
    });
    expect(again.statusCode).toBe(200);
    const second = cookieOf(again).value;
    expect(`minxin_session=${second}`).not.toBe(first.cookie);
    expect((again.json() as { csrfToken: string }).csrfToken).not.toBe(first.csrfToken);
    // The session the browser brought ended with the sign-in: the old cookie is refused, the new one works.
    expect((await first.get('/api/v1/session')).statusCode).toBe(401);
    const fresh = await ctx.app.inject({ url: '/api/v1/session', headers: { cookie: `minxin_session=${second}` } });
    expect(fresh.statusCode).toBe(200);
    // A session id chosen by someone else (fixation) is never accepted: only ids the server made exist.
    const planted = await ctx.app.inject({
      url: '/api/v1/session',
      headers: { cookie: `minxin_session=${'A'.repeat(43)}` },
    });
    expect(planted.statusCode).toBe(401);
    expect(cookieOf(planted).value).toBe('');
  });

  it('is ended on the server by signing out: the old cookie and token no longer work, in any process', async () => {
    const viewer = await signIn(ctx.app, 'viewer');
    const token = viewer.cookie.slice('minxin_session='.length);
    expect(await sessionRow(token)).toHaveLength(1);
    expect((await viewer.delete('/api/v1/session')).statusCode).toBe(204);
    expect(await sessionRow(token)).toHaveLength(0);
    expect((await viewer.get('/api/v1/session')).statusCode).toBe(401);
    expect((await viewer.post('/api/v1/me/inbox/read-all', {})).statusCode).toBe(401);
    const other = await appWith({});
    const replay = await other.inject({ url: '/api/v1/programmes', headers: { cookie: viewer.cookie } });
    expect(replay.statusCode).toBe(401);
  });

  it('ends after the idle time (an expired row is refused even before the sweep deletes it)', async () => {
    const viewer = await signIn(ctx.app, 'viewer');
    const id = createHash('sha256').update(viewer.cookie.slice('minxin_session='.length)).digest('hex');
    await ctx.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where id = ${id}`);
    // A write anywhere ticks the change stamp, so no process keeps the session from its cache.
    await admin.post('/api/v1/units', { jurisdictionId: minghu, name: `过期测试${++counter}` });
    expect((await viewer.get('/api/v1/session')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses every cookie-authenticated write without the session’s x-csrf-token, and changes nothing', async () => {
    const writes = routesOf(ctx.app).filter((r) => WRITE_METHODS.has(r.method));
    const victim = await signIn(ctx.app, 'admin');
    const attacker = await signIn(ctx.app, 'supervisor');
    const forgeries: Record<string, Record<string, string>> = {
      'no token': {},
      'wrong token': { 'x-csrf-token': `${victim.csrfToken.slice(0, -2)}xx` },
      'another session’s token': { 'x-csrf-token': attacker.csrfToken },
      'empty token': { 'x-csrf-token': '' },
    };
    const auditBefore = await countOf(ctx.database.db, 'audit_log');
    const statuses: number[] = [];
    const failures: string[] = [];
    for (const route of writes) {
      for (const [name, headers] of Object.entries(forgeries)) {
        // A form a hostile page could post: no JSON preflight needed.
        const response = await ctx.app.inject({
          method: route.method as 'POST',
          url: urlOf(route.path),
          headers: { cookie: victim.cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
          payload: 'name=forged&version=1',
        });
        statuses.push(response.statusCode);
        const code = (response.json() as { code?: string }).code;
        if (response.statusCode !== 403 || code !== 'CSRF')
          failures.push(`${route.method} ${route.path} (${name}): ${response.statusCode} ${code}`);
      }
    }
    figure(
      `CSRF: ${writes.length} write routes × ${Object.keys(forgeries).length} forgeries = ${statuses.length} requests → ${JSON.stringify(tally(statuses))}`,
    );
    expect(failures).toEqual([]);
    expect(writes.length).toBeGreaterThan(60);
    expect(await countOf(ctx.database.db, 'audit_log')).toBe(auditBefore);
    // The victim's session still works with its own token.
    const honest = await victim.post('/api/v1/units', { jurisdictionId: minghu, name: `真单位${++counter}` });
    expect(honest.statusCode, honest.body).toBe(201);
  });
});

describe('signing in: throttling, lockout, no user enumeration', () => {
  it('limits attempts per client address; a forged X-Forwarded-For does not reset the count', async () => {
    // No lockout within reach: this is the per-address limit alone (a name of its own, as names lock too).
    const limited = await appWith({ MINXIN_LOGIN_RATE_PER_MINUTE: 5, MINXIN_LOGIN_MAX_FAILURES: 100 });
    const nobody = `nobody${++counter}`;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await limited.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: nobody, password: 'Wrong-pass-1999' },
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const right = await attempt(limited, 'viewer', TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect((right.json() as { code: string; message: string }).message).toMatch(/^登录尝试过于频繁/);
    // Another address has its own budget.
    expect((await attempt(limited, 'viewer', TEST_PASSWORD, { remoteAddress: '192.0.2.9' })).statusCode).toBe(200);
  });

  it('behind a trusted proxy, counts each forwarded client address separately', async () => {
    const proxied = await appWith({
      MINXIN_LOGIN_RATE_PER_MINUTE: 3,
      MINXIN_TRUST_PROXY: 'on',
      MINXIN_LOGIN_MAX_FAILURES: 100,
    });
    const nobody = `nobody${++counter}`;
    const from = (address: string) =>
      proxied.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: nobody, password: 'Wrong-pass-1999' },
        headers: { 'x-forwarded-for': address },
      });
    const one: number[] = [];
    for (let i = 0; i < 4; i++) one.push((await from('203.0.113.1')).statusCode);
    expect(one).toEqual([401, 401, 401, 429]);
    expect((await from('203.0.113.2')).statusCode).toBe(401);
  });

  it('locks an account after MINXIN_LOGIN_MAX_FAILURES, then lets it in after the lock time or an admin’s unlock', async () => {
    const strict = await appWith({ MINXIN_LOGIN_MAX_FAILURES: 3, MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
    const user = await newUser();
    const lockOut = async () => {
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) codes.push((await attempt(strict, user.username, 'Wrong-pass-1999')).statusCode);
      expect(codes).toEqual([401, 401, 423]);
      const right = await attempt(strict, user.username, TEST_PASSWORD);
      expect(right.statusCode).toBe(423);
      expect((right.json() as { message: string }).message).toMatch(
        /^账号或密码错误次数过多，请 \d+ 分钟后再试或联系管理员。/,
      );
      // No session came with the refusal.
      expect(right.headers['set-cookie']).toBeUndefined();
    };
    await lockOut();
    // The lock time passes (moved back rather than waited for).
    await ctx.database.db.execute(
      sql`update users set locked_until = now() - interval '1 second' where id = ${user.id}`,
    );
    expect((await attempt(strict, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    await lockOut();
    const current = (await admin.get(`/api/v1/users/${user.id}`)).json() as { version: number };
    const unlocked = await admin.patch(`/api/v1/users/${user.id}`, { version: current.version, unlock: true });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect((await attempt(strict, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const history = (await admin.get(`/api/v1/history?entityType=user&entityId=${user.id}`)).json() as {
      items: { action: string }[];
    };
    expect(history.items.filter((e) => e.action === 'lock')).toHaveLength(2);
  });

  it('answers an unknown user, a disabled one and a wrong password alike, in the same time class', async () => {
    const user = await newUser();
    const disabled = await newUser();
    await admin.patch(`/api/v1/users/${disabled.id}`, { version: disabled.version, disabled: true });
    const cases = { unknown: 'nobody-at-all', disabled: disabled.username, 'wrong password': user.username };
    const bodies = new Map<string, string>();
    const times: Record<string, number[]> = { unknown: [], disabled: [], 'wrong password': [] };
    for (let round = 0; round < 9; round++) {
      for (const [name, username] of Object.entries(cases)) {
        const started = performance.now();
        const response = await attempt(ctx.app, username, 'Wrong-pass-1999');
        times[name]?.push(performance.now() - started);
        expect(response.statusCode, name).toBe(401);
        bodies.set(name, response.body);
      }
    }
    expect(new Set(bodies.values()).size).toBe(1);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    figure(
      `sign-in refusal medians (ms): ${JSON.stringify(medians, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
    );
    const known = medians['wrong password'] ?? 0;
    for (const name of ['unknown', 'disabled']) {
      const ratio = (medians[name] ?? 0) / known;
      // The same argon2 work is spent either way: not a difference anyone can measure over a network.
      expect(ratio, `${name} vs wrong password`).toBeGreaterThan(1 / 3);
      expect(ratio, `${name} vs wrong password`).toBeLessThan(3);
    }
  });

  it('locks an unknown or disabled name like an account: the same answers through the threshold and after, in the same time class', async () => {
    const strict = await appWith({ MINXIN_LOGIN_MAX_FAILURES: 3, MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
    const user = await newUser();
    const disabled = await newUser();
    await admin.patch(`/api/v1/users/${disabled.id}`, { version: disabled.version, disabled: true });
    const cases = { account: user.username, disabled: disabled.username, unknown: `ghost${++counter}` };
    const answers: Record<string, string[]> = { account: [], disabled: [], unknown: [] };
    const lockedTimes: Record<string, number[]> = { account: [], disabled: [], unknown: [] };
    // 3 wrong passwords lock; then 17 more tries each (the right password among them) while locked.
    for (let i = 0; i < 20; i++) {
      for (const [name, username] of Object.entries(cases)) {
        const started = performance.now();
        const response = await attempt(strict, username, i === 5 ? TEST_PASSWORD : 'Wrong-pass-1999');
        if (i >= 3) lockedTimes[name]?.push(performance.now() - started);
        answers[name]?.push(`${response.statusCode} ${response.body}`);
        expect(response.headers['set-cookie'], name).toBeUndefined();
      }
    }
    expect(answers.unknown).toEqual(answers.account);
    expect(answers.disabled).toEqual(answers.account);
    expect(answers.account?.map((a) => a.slice(0, 3))).toEqual(['401', '401', ...Array<string>(18).fill('423')]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const medians = Object.fromEntries(Object.entries(lockedTimes).map(([k, v]) => [k, median(v)]));
    figure(
      `locked sign-in refusal medians (ms): ${JSON.stringify(medians, (_k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`,
    );
    for (const name of ['unknown', 'disabled']) {
      // A refusal under lock is a look-up or two either way: within 3× of each other, or within 2 ms (noise).
      const [them, account] = [medians[name] ?? 0, medians.account ?? 0];
      const close = Math.abs(them - account) < 2 || (them < account * 3 && account < them * 3);
      expect(close, `${name} ${them} ms vs account ${account} ms, locked`).toBe(true);
    }
    // The lock time passes for every name alike (moved back rather than waited for): the count starts again.
    await ctx.database.db.execute(
      sql`update users set locked_until = now() - interval '1 second' where id = ${user.id}`,
    );
    await ctx.database.db.execute(sql`update sign_in_throttle set locked_until = now() - interval '1 second'`);
    const after: Record<string, number[]> = { account: [], unknown: [] };
    for (let i = 0; i < 3; i++) {
      after.account?.push((await attempt(strict, cases.account, 'Wrong-pass-1999')).statusCode);
      after.unknown?.push((await attempt(strict, cases.unknown, 'Wrong-pass-1999')).statusCode);
    }
    expect(after.unknown).toEqual(after.account);
    expect(after.account).toEqual([401, 401, 423]);
  });

  it('counts a wrong current password when changing it toward the lockout: a session is no guessing oracle', async () => {
    const strict = await appWith({ MINXIN_LOGIN_MAX_FAILURES: 3, MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
    const user = await newUser();
    const session = await signIn(strict, user.username);
    const guess = (currentPassword: string) =>
      session.request({
        method: 'PUT',
        url: '/api/v1/me/password',
        payload: { currentPassword, newPassword: 'Taken-over-2031' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await guess(`Guess-number-${i}x`)).statusCode);
    expect(codes).toEqual([400, 400, 400, 423]);
    // Locked: even the right one is refused, here and at sign-in.
    expect((await guess(TEST_PASSWORD)).statusCode).toBe(423);
    expect((await attempt(strict, user.username, TEST_PASSWORD)).statusCode).toBe(423);
  });
});

describe('password rules (src/core/password.ts) at every edge that sets one', () => {
  const bad = (username: string) => ({
    'too short': 'Ab3456789',
    'too long': `Ab1${'x'.repeat(126)}`,
    'letters only': 'Abcdefghijkl',
    'digits only': '123456789012',
    'contains the username': `${username}-2026x`,
  });

  it('are what the rules say', () => {
    for (const [name, password] of Object.entries(bad('zhangsan'))) {
      expect(passwordProblems(password, 'zhangsan'), name).not.toEqual([]);
    }
    expect(passwordProblems(TEST_PASSWORD, 'zhangsan')).toEqual([]);
  });

  it('refuses a weak password when an admin creates an account, or changes one, and when a user changes theirs', async () => {
    let refused = 0;
    for (const [name, password] of Object.entries(bad('weakling'))) {
      const created = await admin.post('/api/v1/users', {
        username: 'weakling',
        password,
        role: 'viewer',
        jurisdictionId: minghu,
      });
      expect(created.statusCode, name).toBe(400);
      // The schema refuses the too-long one before the rules do; either way it names the password.
      expect((created.json() as { message: string }).message, name).toMatch(
        /^(密码不符合要求|请求内容不符合要求：\/password)/,
      );
      refused++;
    }
    const { items } = (await admin.get('/api/v1/users')).json() as { items: { username: string }[] };
    expect(items.map((u) => u.username)).not.toContain('weakling');

    const user = await newUser();
    const other = await signIn(ctx.app, user.username);
    const self = await signIn(ctx.app, user.username);
    for (const [name, password] of Object.entries(bad(user.username))) {
      const byAdmin = await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, password });
      expect(byAdmin.statusCode, `admin: ${name}`).toBe(400);
      const bySelf = await self.request({
        method: 'PUT',
        url: '/api/v1/me/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: password },
      });
      expect(bySelf.statusCode, `self: ${name}`).toBe(400);
      refused += 2;
    }
    const wrongCurrent = await self.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'Wrong-pass-1999', newPassword: 'Fresh-pass-2031' },
    });
    expect(wrongCurrent.statusCode).toBe(400);
    // Nothing changed: the old password still opens, the other session still lives.
    expect((await attempt(ctx.app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await other.get('/api/v1/session')).statusCode).toBe(200);

    const changed = await self.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Fresh-pass-2031' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await self.get('/api/v1/session')).statusCode).toBe(200);
    expect((await other.get('/api/v1/session')).statusCode).toBe(401);
    expect((await attempt(ctx.app, user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await attempt(ctx.app, user.username, 'Fresh-pass-2031')).statusCode).toBe(200);

    // `minxin user add` goes through the same rules.
    await expect(
      addUser(ctx.database.db, {
        username: 'cli-weak',
        role: 'admin',
        password: 'short1',
        displayName: '',
        jurisdictionId: null,
        unitId: null,
        personId: null,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    refused++;
    figure(`passwords: ${refused} weak passwords refused (create, admin change, own change, CLI)`);
  });
});
