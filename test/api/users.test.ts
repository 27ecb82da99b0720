import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await signIn(ctx.app, 'admin');
});
afterAll(() => ctx.close());

type User = { id: number; username: string; version: number; role: string };

describe('managing accounts', () => {
  it('requires what each role is attached to', async () => {
    const reporter = await admin.post('/api/v1/users', {
      username: 'no-unit',
      password: 'long-enough-2026',
      role: 'reporter',
    });
    expect(reporter.statusCode).toBe(400);
    expect((reporter.json() as { message: string }).message).toMatch(/^填报账号须指定所属单位/);
    const supervisor = await admin.post('/api/v1/users', {
      username: 'no-place',
      password: 'long-enough-2026',
      role: 'supervisor',
    });
    expect(supervisor.statusCode).toBe(400);
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const response = await admin.post('/api/v1/users', {
      username: 'extra',
      password: 'long-enough-2026',
      role: 'viewer',
      isSuperuser: true,
    });
    expect(response.statusCode).toBe(400);
  });

  it('keeps an admin from deleting, disabling or demoting themselves', async () => {
    const me = (await admin.get('/api/v1/session')).json() as { user: { id: number } };
    const self = (await admin.get(`/api/v1/users/${me.user.id}`)).json() as User;
    expect((await admin.delete(`/api/v1/users/${self.id}`)).statusCode).toBe(400);
    expect((await admin.patch(`/api/v1/users/${self.id}`, { version: self.version, disabled: true })).statusCode).toBe(
      400,
    );
    expect((await admin.patch(`/api/v1/users/${self.id}`, { version: self.version, role: 'viewer' })).statusCode).toBe(
      400,
    );
  });

  it('ends the sessions of a disabled account at once', async () => {
    const created = (
      await admin.post('/api/v1/users', { username: 'temp', password: 'long-enough-2026', role: 'viewer' })
    ).json() as User;
    const temp = await signIn(ctx.app, 'temp', 'long-enough-2026');
    expect((await temp.get('/api/v1/programmes')).statusCode).toBe(200);
    expect(
      (await admin.patch(`/api/v1/users/${created.id}`, { version: created.version, disabled: true })).statusCode,
    ).toBe(200);
    expect((await temp.get('/api/v1/programmes')).statusCode).toBe(401);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'temp', password: 'long-enough-2026' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('lets a user change their own password, keeping this session and ending the others', async () => {
    await admin.post('/api/v1/users', { username: 'changer', password: 'first-password-1', role: 'viewer' });
    const here = await signIn(ctx.app, 'changer', 'first-password-1');
    const elsewhere = await signIn(ctx.app, 'changer', 'first-password-1');
    const wrong = await here.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'nope', newPassword: 'second-password-2' },
    });
    expect(wrong.statusCode).toBe(400);
    const changed = await here.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      payload: { currentPassword: 'first-password-1', newPassword: 'second-password-2' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await here.get('/api/v1/session')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/session')).statusCode).toBe(401);
    await signIn(ctx.app, 'changer', 'second-password-2');
  });
});
