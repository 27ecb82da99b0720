import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewInboxMessage, postInbox } from '../../src/db/repositories/inbox.repository.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let reporter: Client;
let viewer: Client;
const ids: Record<string, number> = {};

interface Page {
  items: { id: number; title: string; level: string; readAt: string | null; link: string | null }[];
  total: number;
  unread: number;
}

beforeAll(async () => {
  ctx = await createTestApp();
  const admin = await signIn(ctx.app, 'admin');
  const users = (await admin.get('/api/v1/users')).json() as { items: { id: number; username: string }[] };
  for (const u of users.items) ids[u.username] = u.id;
  reporter = await signIn(ctx.app, 'reporter');
  viewer = await signIn(ctx.app, 'viewer');
  const messages = ['一', '二', '三'].map(
    (n, i): NewInboxMessage => ({
      userId: ids.reporter as number,
      level: (['blue', 'yellow', 'red'] as const)[i] ?? 'info',
      title: `提醒${n}`,
      body: `正文${n}`,
      link: i === 0 ? '/items/1' : null,
      dedupeKey: `test:${n}`,
    }),
  );
  expect(await postInbox(ctx.database.db, messages)).toBe(3);
  // The same keys again add nothing.
  expect(await postInbox(ctx.database.db, messages)).toBe(0);
  expect(
    await postInbox(ctx.database.db, [
      { userId: ids.viewer as number, level: 'info', title: '别人的消息', body: '', dedupeKey: 'test:viewer' },
    ]),
  ).toBe(1);
});
afterAll(() => ctx?.close());

describe('my inbox', () => {
  it('lists only my own messages, newest first, with counts', async () => {
    const page = (await reporter.get('/api/v1/me/inbox')).json() as Page;
    expect(page.items.map((m) => m.title)).toEqual(['提醒三', '提醒二', '提醒一']);
    expect(page).toMatchObject({ total: 3, unread: 3 });
    expect(page.items[2]).toMatchObject({ level: 'blue', link: '/items/1', readAt: null });
    const paged = (await reporter.get('/api/v1/me/inbox?limit=1&offset=1')).json() as Page;
    expect(paged.items.map((m) => m.title)).toEqual(['提醒二']);
    expect(paged.total).toBe(3);
    const others = (await viewer.get('/api/v1/me/inbox')).json() as Page;
    expect(others.items.map((m) => m.title)).toEqual(['别人的消息']);
  });

  it('marks one read, refuses another person’s message with 404, and marks all read', async () => {
    const page = (await reporter.get('/api/v1/me/inbox')).json() as Page;
    const first = page.items[0]?.id as number;
    const read = await reporter.post(`/api/v1/me/inbox/${first}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json() as { readAt: string | null }).readAt).not.toBeNull();

    const unread = (await reporter.get('/api/v1/me/inbox?unread=true')).json() as Page;
    expect(unread).toMatchObject({ total: 2, unread: 2 });
    expect(unread.items.map((m) => m.id)).not.toContain(first);

    const theirs = await viewer.post(`/api/v1/me/inbox/${first}/read`);
    expect(theirs.statusCode).toBe(404);
    expect((theirs.json() as { message: string }).message).toMatch(/^消息不存在/);
    expect((await reporter.post('/api/v1/me/inbox/99999/read')).statusCode).toBe(404);

    const all = await reporter.post('/api/v1/me/inbox/read-all');
    expect(all.json()).toEqual({ marked: 2, unread: 0 });
    expect(((await reporter.get('/api/v1/me/inbox')).json() as Page).unread).toBe(0);
    expect(((await viewer.get('/api/v1/me/inbox')).json() as Page).unread).toBe(1);
  });

  it('needs a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/me/inbox' })).statusCode).toBe(401);
  });
});
