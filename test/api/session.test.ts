import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema.js';
import { type App, buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { startsWithChinese } from '../helpers/routes.js';

const MAX_FAILURES = 3;
let ctx: TestContext;
let admin: Client;
let minghu: number;
let counter = 0;

beforeAll(async () => {
  // Many sign-ins from one address: the rate limit has its own test below.
  ctx = await createTestApp({ MINXIN_LOGIN_MAX_FAILURES: MAX_FAILURES, MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
  admin = await signIn(ctx.app, 'admin');
  const { items } = (await admin.get('/api/v1/jurisdictions')).json() as { items: { id: number; name: string }[] };
  minghu = items.find((j) => j.name === '明湖区')?.id as number;
});
afterAll(() => ctx?.close());

const attempt = (app: App, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

/** The session cookie as the browser receives it: its value and its attributes, lower-cased. */
function sessionCookie(response: LightMyRequestResponse): { value: string; attributes: string[] } {
  const header = response.headers['set-cookie'];
  const raw = (Array.isArray(header) ? header : [header ?? '']).find((c) => c.startsWith('minxin_session='));
  if (!raw) throw new Error(`no minxin_session cookie in ${JSON.stringify(header)}`);
  const [pair = '', ...attributes] = raw.split(';').map((part) => part.trim());
  return { value: pair.slice('minxin_session='.length), attributes: attributes.map((a) => a.toLowerCase()) };
}

function expectError(response: LightMyRequestResponse, status: number, code: string): { message: string } {
  expect(response.statusCode, response.body).toBe(status);
  const body = response.json() as { code: string; message: string };
  expect(body.code).toBe(code);
  expect(startsWithChinese(body.message), body.message).toBe(true);
  return body;
}

/** A new viewer account (password TEST_PASSWORD), so lockouts and password changes touch no demo account. */
async function newUser(): Promise<{ id: number; username: string; version: number }> {
  const username = `person${++counter}`;
  const response = await admin.post('/api/v1/users', {
    username,
    password: TEST_PASSWORD,
    role: 'viewer',
    jurisdictionId: minghu,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; username: string; version: number };
}

describe('signing in', () => {
  it('answers with the user, a CSRF token and an HttpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const response = await attempt(ctx.app, 'viewer', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json() as { user: { username: string; role: string }; csrfToken: string };
    expect(body.user).toMatchObject({ username: 'viewer', role: 'viewer' });
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    const cookie = sessionCookie(response);
    expect(cookie.value.length).toBeGreaterThanOrEqual(32);
    expect(cookie.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    // Plain HTTP in the default configuration: a Secure cookie would never come back.
    expect(cookie.attributes).not.toContain('secure');
  });

  it('marks the cookie Secure when MINXIN_SECURE_COOKIES is on', async () => {
    const secure = await createTestApp({ MINXIN_SECURE_COOKIES: 'on' });
    try {
      const response = await attempt(secure.app, 'viewer', TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
      expect(sessionCookie(response).attributes).toEqual(
        expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']),
      );
    } finally {
      await secure.close();
    }
  });

  it('refuses a wrong password and an unknown user with the same Chinese message', async () => {
    const user = await newUser();
    const wrong = expectError(await attempt(ctx.app, user.username, 'Wrong-pass-1999'), 401, 'UNAUTHENTICATED');
    const unknown = expectError(await attempt(ctx.app, 'nobody-here', 'Wrong-pass-1999'), 401, 'UNAUTHENTICATED');
    expect(unknown).toEqual(wrong);
  });

  it(`locks an account after ${MAX_FAILURES} failures, even against the right password, until an admin unlocks it`, async () => {
    const user = await newUser();
    for (let i = 1; i < MAX_FAILURES; i++)
      expectError(await attempt(ctx.app, user.username, 'Wrong-pass-1999'), 401, 'UNAUTHENTICATED');
    expectError(await attempt(ctx.app, user.username, 'Wrong-pass-1999'), 423, 'LOCKED');
    expectError(await attempt(ctx.app, user.username, TEST_PASSWORD), 423, 'LOCKED');

    const locked = (await admin.get(`/api/v1/users/${user.id}`)).json() as {
      version: number;
      lockedUntil: string | null;
    };
    expect(locked.lockedUntil).not.toBeNull();
    const unlocked = await admin.patch(`/api/v1/users/${user.id}`, { version: locked.version, unlock: true });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect((unlocked.json() as { lockedUntil: string | null }).lockedUntil).toBeNull();
    expect((await attempt(ctx.app, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an unknown or disabled name exactly like an account: the same status and body at every attempt', async () => {
    const user = await newUser();
    const disabled = await newUser();
    const off = await admin.patch(`/api/v1/users/${disabled.id}`, { version: disabled.version, disabled: true });
    expect(off.statusCode, off.body).toBe(200);
    // Failures live in the database: a second process counts toward the same lock.
    const second = await buildApp({
      database: ctx.database,
      config: testConfig({ MINXIN_LOGIN_MAX_FAILURES: MAX_FAILURES, MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 }),
      serveWeb: false,
    });
    try {
      await second.ready();
      const names = { known: user.username, disabled: disabled.username, unknown: `nobody${++counter}` };
      const seen: Record<keyof typeof names, string[]> = { known: [], disabled: [], unknown: [] };
      const round = async (password: string, i: number) => {
        for (const kind of ['known', 'disabled', 'unknown'] as const) {
          // Every other attempt in capitals, on the other process: a name counts however it is typed, wherever.
          const typed = i % 2 ? names[kind].toUpperCase() : names[kind];
          const response = await attempt(i % 2 ? second : ctx.app, typed, password);
          seen[kind].push(`${response.statusCode} ${response.body}`);
        }
      };
      // Up to the threshold with wrong passwords, then the right one: the lock refuses it too.
      for (let i = 0; i < MAX_FAILURES; i++) await round('Wrong-pass-1999', i);
      await round(TEST_PASSWORD, MAX_FAILURES);
      expect(seen.unknown).toEqual(seen.known);
      expect(seen.disabled).toEqual(seen.known);
      expect(seen.known.map((line) => Number(line.slice(0, 3)))).toEqual([
        ...Array<number>(MAX_FAILURES - 1).fill(401),
        423,
        423,
      ]);
      const last = JSON.parse((seen.unknown.at(-1) ?? '').slice(4)) as { message: string; details: unknown };
      expect(last.message).toMatch(/^账号或密码错误次数过多，请 15 分钟后再试或联系管理员。/);
      expect(last.details).toEqual({ retryAfterMinutes: 15 });

      // The lock time passes for both (moved back rather than waited for): both count from zero again.
      await ctx.database.db.execute(sql`update users set locked_until = now() - interval '1 second'`);
      await ctx.database.db.execute(sql`update sign_in_throttle set locked_until = now() - interval '1 second'`);
      const after: Record<string, number[]> = { known: [], unknown: [] };
      for (let i = 0; i < MAX_FAILURES; i++) {
        after.known?.push((await attempt(ctx.app, names.known, 'Wrong-pass-1999')).statusCode);
        after.unknown?.push((await attempt(ctx.app, names.unknown, 'Wrong-pass-1999')).statusCode);
      }
      expect(after.unknown).toEqual(after.known);
      expect(after.known).toEqual([...Array<number>(MAX_FAILURES - 1).fill(401), 423]);
    } finally {
      await second.close();
    }
  });

  it('limits sign-in attempts per minute with 429 RATE_LIMITED, right password or not', async () => {
    const limited = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 3 });
    try {
      for (let i = 0; i < 3; i++)
        expect((await attempt(limited.app, 'nobody-here', 'Wrong-pass-1999')).statusCode).toBe(401);
      expectError(await attempt(limited.app, 'nobody-here', 'Wrong-pass-1999'), 429, 'RATE_LIMITED');
      const refused = await attempt(limited.app, 'viewer', TEST_PASSWORD);
      expectError(refused, 429, 'RATE_LIMITED');
      // The person is told how long to wait.
      const body = refused.json() as { message: string; details: { retryAfterSeconds: number } };
      expect(body.message).toMatch(/请 \d+ 秒后再试/);
      expect(body.details.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('using a session', () => {
  const newUnit = () => ({ jurisdictionId: minghu, name: `新单位${++counter}` });

  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one', async () => {
    const write = (headers: Record<string, string>) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: newUnit(),
        headers: { cookie: admin.cookie, ...headers },
      });
    expectError(await write({}), 403, 'CSRF');
    expectError(await write({ 'x-csrf-token': 'not-the-token' }), 403, 'CSRF');
    expectError(await write({ 'x-csrf-token': `${admin.csrfToken.slice(0, -1)}x` }), 403, 'CSRF');
    expect((await write({ 'x-csrf-token': admin.csrfToken })).statusCode).toBe(201);
  });

  it('tells who is signed in, and signing out ends the session for that cookie', async () => {
    const viewer = await signIn(ctx.app, 'viewer');
    const me = await viewer.get('/api/v1/session');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: 'viewer', role: 'viewer' }, csrfToken: viewer.csrfToken });

    const out = await viewer.delete('/api/v1/session');
    expect(out.statusCode).toBe(204);
    expect(sessionCookie(out).value).toBe('');
    expectError(await viewer.get('/api/v1/session'), 401, 'UNAUTHENTICATED');
    expectError(await viewer.get('/api/v1/programmes'), 401, 'UNAUTHENTICATED');
  });

  it('ends the session a browser brings to a successful sign-in, whoever’s it was, and no other', async () => {
    const user = await newUser();
    const otherDevice = await signIn(ctx.app, user.username);
    // The browser holds the viewer's session (planted, or someone forgot to sign out) when the user signs in.
    const before = await signIn(ctx.app, 'viewer');
    const viewerId = ((await before.get('/api/v1/session')).json() as { user: { id: number } }).user.id;
    const again = await before.post('/api/v1/session', { username: user.username, password: TEST_PASSWORD });
    expect(again.statusCode, again.body).toBe(200);
    const fresh = `minxin_session=${sessionCookie(again).value}`;
    expect(fresh).not.toBe(before.cookie);
    expectError(await before.get('/api/v1/session'), 401, 'UNAUTHENTICATED');
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: fresh } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username: user.username } });
    // Several devices are normal: the user's session elsewhere lives on.
    expect((await otherDevice.get('/api/v1/session')).statusCode).toBe(200);
    // The ended session is in the viewer's trail, in the sign-in's transaction.
    const history = (await admin.get(`/api/v1/history?entityType=user&entityId=${viewerId}`)).json() as {
      items: { action: string; actorName: string }[];
    };
    expect(history.items[0]).toMatchObject({ action: 'sign_out' });

    // The same person signing in again in the same browser: the earlier session ends too.
    const third = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: user.username, password: TEST_PASSWORD },
      headers: { cookie: fresh, 'x-csrf-token': (again.json() as { csrfToken: string }).csrfToken },
    });
    expect(third.statusCode, third.body).toBe(200);
    const stale = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: fresh } });
    expectError(stale, 401, 'UNAUTHENTICATED');
    expect((await otherDevice.get('/api/v1/session')).statusCode).toBe(200);
  });

  it('keeps the session when a sign-in with it fails, and answers a made-up cookie with one new cookie', async () => {
    const viewer = await signIn(ctx.app, 'viewer');
    const failed = await viewer.post('/api/v1/session', { username: 'viewer', password: 'Wrong-pass-1999' });
    expectError(failed, 401, 'UNAUTHENTICATED');
    expect((await viewer.get('/api/v1/session')).statusCode).toBe(200);

    const planted = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'viewer', password: TEST_PASSWORD },
      headers: { cookie: `minxin_session=${'A'.repeat(43)}` },
    });
    expect(planted.statusCode, planted.body).toBe(200);
    const header = planted.headers['set-cookie'];
    const cookies = (Array.isArray(header) ? header : [header ?? '']).filter((c) => c.startsWith('minxin_session='));
    expect(cookies).toHaveLength(1);
    const value = sessionCookie(planted).value;
    expect(value).not.toBe('A'.repeat(43));
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: `minxin_session=${value}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it('stores only a hash of the cookie in the sessions table', async () => {
    const response = await attempt(ctx.app, 'viewer', TEST_PASSWORD);
    const { value } = sessionCookie(response);
    const rows = await ctx.database.db.select().from(sessions);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(value);
  });

  it('is accepted by a second server process on the same database', async () => {
    const viewer = await signIn(ctx.app, 'viewer');
    const second = await buildApp({ database: ctx.database, config: testConfig(), serveWeb: false });
    try {
      await second.ready();
      const me = await second.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: viewer.cookie } });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ user: { username: 'viewer' } });
      const write = await second.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: newUnit(),
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      });
      expect(write.statusCode, write.body).toBe(201);
    } finally {
      await second.close();
    }
  });
});

describe('passwords', () => {
  it('refuses a short password with 400 VALIDATION in Chinese, and creates no account', async () => {
    const response = await admin.post('/api/v1/users', {
      username: 'shorty',
      password: 'abc123',
      role: 'viewer',
      jurisdictionId: minghu,
    });
    expectError(response, 400, 'VALIDATION');
    const { items } = (await admin.get('/api/v1/users')).json() as { items: { username: string }[] };
    expect(items.map((u) => u.username)).not.toContain('shorty');
  });

  it('ends the sessions of a user whose password an admin changes', async () => {
    const user = await newUser();
    const client = await signIn(ctx.app, user.username);
    expect((await client.get('/api/v1/session')).statusCode).toBe(200);

    const changed = await admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      password: 'Brand-new-2027',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expectError(await client.get('/api/v1/session'), 401, 'UNAUTHENTICATED');
    expectError(await attempt(ctx.app, user.username, TEST_PASSWORD), 401, 'UNAUTHENTICATED');
    expect((await attempt(ctx.app, user.username, 'Brand-new-2027')).statusCode).toBe(200);
  });

  it('never shows a password or its hash: not in the user list, a user, nor its audit trail', async () => {
    const created = await admin.post('/api/v1/users', {
      username: `secret${++counter}`,
      password: 'Very-secret-2026',
      role: 'admin',
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json() as { id: number; version: number };
    const changed = await admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      password: 'Other-secret-2027',
      displayName: '改名',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await attempt(ctx.app, `secret${counter}`, 'Wrong-pass-1999');

    const history = await admin.get(`/api/v1/history?entityType=user&entityId=${user.id}`);
    expect(history.statusCode).toBe(200);
    expect((history.json() as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(3);
    const shown = [
      created,
      changed,
      history,
      await admin.get('/api/v1/users'),
      await admin.get(`/api/v1/users/${user.id}`),
    ];
    for (const response of shown) {
      for (const secret of ['passwordHash', 'password_hash', '$argon2', 'Very-secret-2026', 'Other-secret-2027']) {
        expect(response.body, `${response.raw.req.url} shows ${secret}`).not.toContain(secret);
      }
    }
  });
});
