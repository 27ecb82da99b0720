import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulletinRecord } from '../../src/core/publish/bulletin-types.js';
import { pinBusinessDate } from '../../src/core/work/calendar.js';
import { auditLog } from '../../src/db/schema.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

/**
 * The office's bulletins (进展情况通报): draft at a cut-off, edit, publish into
 * the hash chain (frozen by a trigger), download, verify; and what a programme
 * with bulletins does when someone deletes it. Runs on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL.
 */

let ctx: TestContext;
let admin: Client;
let supervisor: Client;
let viewer: Client;
let reporter: Client;
let demo: number;
let minghu: number;
let counter = 0;

type Chain = { ok: boolean; count: number; brokenAt?: number; reason?: string };
type Summary = Omit<BulletinRecord, 'body' | 'data'>;

async function draft(client: Client, programmeId: number, cutoff: string, genre?: string): Promise<BulletinRecord> {
  const response = await client.post(`/api/v1/programmes/${programmeId}/bulletins`, {
    cutoff,
    ...(genre ? { genre } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as BulletinRecord;
}

async function publish(id: number): Promise<BulletinRecord> {
  const response = await supervisor.post(`/api/v1/bulletins/${id}/publish`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as BulletinRecord;
}

const verify = async (programmeId: number): Promise<Chain> => {
  const response = await viewer.get(`/api/v1/programmes/${programmeId}/bulletins/verify`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Chain;
};

/** A published programme of 明湖区 with one category and one item, for races and deletions. */
async function freshProgramme(publishIt = true): Promise<number> {
  const made = await admin.post('/api/v1/programmes', {
    jurisdictionId: minghu,
    year: 2026,
    title: `通报测试工程${++counter}`,
  });
  expect(made.statusCode, made.body).toBe(201);
  const id = (made.json() as { id: number }).id;
  const category = await admin.post(`/api/v1/programmes/${id}/categories`, { title: '民生保障' });
  const categoryId = (category.json() as { id: number }).id;
  const item = await admin.post(`/api/v1/categories/${categoryId}/items`, { name: '新建社区食堂', target: '新建3处' });
  expect(item.statusCode, item.body).toBe(201);
  if (publishIt) expect((await admin.post(`/api/v1/programmes/${id}/publish`)).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  // The cut-off rule depends on today: pin it so the test reads the same any day.
  pinBusinessDate('2026-11-23');
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  [admin, supervisor, viewer, reporter] = (await Promise.all(
    ['admin', 'supervisor', 'viewer', 'reporter'].map((name) => signIn(ctx.app, name)),
  )) as [Client, Client, Client, Client];
  const programmes = (await supervisor.get('/api/v1/programmes')).json() as {
    items: Array<{ id: number; title: string; jurisdictionId: number }>;
  };
  const found = programmes.items.find((p) => p.title.startsWith('明湖区2026年'));
  demo = found?.id ?? 0;
  minghu = found?.jurisdictionId ?? 0;
  expect(demo).toBeGreaterThan(0);
});
afterAll(async () => {
  pinBusinessDate(null);
  await ctx?.close();
});

describe('drafting a bulletin', () => {
  it('drafts from the facts at the cut-off, in the genre, and audits it', async () => {
    const b = await draft(supervisor, demo, '2026-06-30');
    expect(b.state).toBe('draft');
    expect(b.seq).toBeNull();
    expect(b.hash).toBeNull();
    expect(b.period).toBe('上半年');
    expect(b.title).toContain('上半年');
    expect(b.body.lede).toMatch(/^截至(2026年)?6月底，/);
    expect(b.data.card.asOf).toBe('2026-06-30');
    expect(b.body.sections.length).toBe(b.data.card.categories.length);
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityType, 'bulletin'));
    expect(entries.some((e) => e.entityId === b.id && e.action === 'create' && e.programmeId === demo)).toBe(true);
  });

  it('refuses a cut-off that is not a real day, outside the programme’s year, or after today', async () => {
    for (const [cutoff, words] of [
      ['2026-02-30', '真实存在的日期'],
      ['2025-12-31', '2026年内'],
      ['2026-11-24', '不能晚于今天'],
    ] as const) {
      const response = await supervisor.post(`/api/v1/programmes/${demo}/bulletins`, { cutoff });
      expect(response.statusCode, cutoff).toBe(400);
      expect((response.json() as { message: string }).message, cutoff).toContain(words);
    }
  });

  it('shows drafts to the office only', async () => {
    const b = await draft(supervisor, demo, '2026-03-31');
    const ids = async (client: Client) =>
      ((await client.get(`/api/v1/programmes/${demo}/bulletins`)).json() as { items: Summary[] }).items.map(
        (s) => s.id,
      );
    expect(await ids(supervisor)).toContain(b.id);
    expect(await ids(viewer)).not.toContain(b.id);
    expect(await ids(reporter)).not.toContain(b.id);
    expect((await viewer.get(`/api/v1/bulletins/${b.id}`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/v1/bulletins/${b.id}/export.md`)).statusCode).toBe(404);
  });
});

describe('editing a draft', () => {
  it('saves the office’s text with the version it saw, and refuses a stale one with the current record', async () => {
    const b = await draft(supervisor, demo, '2026-06-30');
    const body = { ...b.body, lede: '截至6月底，编辑过的导语。' };
    const saved = await supervisor.patch(`/api/v1/bulletins/${b.id}`, { version: 1, title: '编辑过的标题', body });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = saved.json() as BulletinRecord;
    expect(after).toMatchObject({ version: 2, title: '编辑过的标题' });
    expect(after.body.lede).toBe('截至6月底，编辑过的导语。');

    const stale = await supervisor.patch(`/api/v1/bulletins/${b.id}`, { version: 1, title: '又一个标题' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { details: { current: BulletinRecord } }).details.current.title).toBe('编辑过的标题');

    const md = await supervisor.get(`/api/v1/bulletins/${b.id}/export.md`);
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain('编辑过的导语');
    expect(md.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('编辑过的标题.md')}`);
  });

  it('refuses bodies of the wrong shape or beyond the limits', async () => {
    const b = await draft(supervisor, demo, '2026-06-30');
    const section = b.body.sections[0];
    if (!section) throw new Error('no section drafted');
    const long = { ...b.body, sections: [{ ...section, paragraphs: [{ itemId: null, text: '长'.repeat(5001) }] }] };
    const many = {
      ...b.body,
      sections: [{ ...section, paragraphs: Array.from({ length: 201 }, () => ({ itemId: null, text: '段落' })) }],
    };
    const unknownField = { ...b.body, extra: 'x' };
    for (const body of [long, many, unknownField, { ...b.body, genre: 'county' }]) {
      const response = await supervisor.patch(`/api/v1/bulletins/${b.id}`, { version: 1, body });
      expect(response.statusCode).toBe(400);
    }
    expect(((await supervisor.get(`/api/v1/bulletins/${b.id}`)).json() as BulletinRecord).version).toBe(1);
  });

  it('draws the facts again on refresh and drafts the text anew', async () => {
    const b = await draft(supervisor, demo, '2026-09-30', 'city');
    await supervisor.patch(`/api/v1/bulletins/${b.id}`, { version: 1, body: { ...b.body, lede: '手改的导语' } });
    const refreshed = await supervisor.post(`/api/v1/bulletins/${b.id}/refresh`, { version: 2 });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const after = refreshed.json() as BulletinRecord;
    expect(after.version).toBe(3);
    expect(after.body.genre).toBe('city');
    expect(after.body.lede).not.toBe('手改的导语');
    expect(after.period).toBe('前三季度');
  });

  it('downloads a draft as Word, Markdown and HTML', async () => {
    const b = await draft(supervisor, demo, '2026-06-30');
    const docx = await supervisor.get(`/api/v1/bulletins/${b.id}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toMatch(
      /^attachment; filename="bulletin-draft-\d+\.docx"; filename\*=UTF-8''/,
    );
    const html = await supervisor.get(`/api/v1/bulletins/${b.id}/export.html`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<article');
    expect(html.body).toContain(b.title);
  });
});

describe('publishing', () => {
  let first: BulletinRecord;
  let second: BulletinRecord;

  it('numbers, chains and freezes a bulletin, audited', async () => {
    const b = await draft(supervisor, demo, '2026-03-31');
    first = await publish(b.id);
    expect(first.state).toBe('published');
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBeNull();
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.publishedAt).not.toBeNull();
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, b.id));
    expect(entries.some((e) => e.entityType === 'bulletin' && e.action === 'publish')).toBe(true);
  });

  it('refuses to edit, refresh, delete or publish again a published bulletin', async () => {
    const patch = await supervisor.patch(`/api/v1/bulletins/${first.id}`, { version: first.version, title: '改' });
    expect(patch.statusCode).toBe(409);
    expect((patch.json() as { message: string }).message).toMatch(/^已发布的通报不能修改，如需更正请发布新一期通报/);
    expect((await supervisor.post(`/api/v1/bulletins/${first.id}/refresh`)).statusCode).toBe(409);
    expect((await supervisor.delete(`/api/v1/bulletins/${first.id}`)).statusCode).toBe(409);
    expect((await supervisor.post(`/api/v1/bulletins/${first.id}/publish`)).statusCode).toBe(409);
  });

  it('lets the database itself refuse a change to a published row', async () => {
    const db = ctx.database.db;
    await expect(db.execute(sql`update bulletins set title = '悄悄改' where id = ${first.id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from bulletins where id = ${first.id}`)).rejects.toThrow();
    const stored = (await viewer.get(`/api/v1/bulletins/${first.id}`)).json() as BulletinRecord;
    expect(stored.title).toBe(first.title);
  });

  it('links the next bulletin to the previous one', async () => {
    second = await publish((await draft(supervisor, demo, '2026-06-30')).id);
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(await verify(demo)).toEqual({ ok: true, count: 2 });
    const list = (await reporter.get(`/api/v1/programmes/${demo}/bulletins`)).json() as { items: Summary[] };
    expect(list.items.map((s) => s.seq)).toEqual([2, 1]);
  });

  it('names the first broken link when a published row is changed around the trigger', async () => {
    const db = ctx.database.db;
    await db.execute(sql`alter table bulletins disable trigger bulletins_published_frozen`);
    try {
      await db.execute(sql`update bulletins set title = ${`${first.title}（改）`} where id = ${first.id}`);
      const broken = await verify(demo);
      expect(broken).toMatchObject({ ok: false, count: 2, brokenAt: 1 });
      expect(broken.reason).toMatch(/^第1期/);

      await db.execute(sql`update bulletins set title = ${first.title} where id = ${first.id}`);
      await db.execute(
        sql`update bulletins set body = jsonb_set(body, '{lede}', '"改过的导语"') where id = ${second.id}`,
      );
      expect(await verify(demo)).toMatchObject({ ok: false, brokenAt: 2 });
      await db.execute(sql`update bulletins set body = ${JSON.stringify(second.body)}::jsonb where id = ${second.id}`);
    } finally {
      await db.execute(sql`alter table bulletins enable trigger bulletins_published_frozen`);
    }
    expect(await verify(demo)).toEqual({ ok: true, count: 2 });
  });

  it('gives publishers racing on one programme consecutive numbers and an intact chain', async () => {
    const programme = await freshProgramme();
    const drafts = await Promise.all(
      ['2026-03-31', '2026-06-30', '2026-09-30'].map((d) => draft(supervisor, programme, d)),
    );
    const published = await Promise.all(drafts.map((d) => supervisor.post(`/api/v1/bulletins/${d.id}/publish`)));
    for (const response of published) expect(response.statusCode, response.body).toBe(200);
    const bySeq = published.map((r) => r.json() as BulletinRecord).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    expect(bySeq.map((b) => b.seq)).toEqual([1, 2, 3]);
    expect(bySeq[1]?.prevHash).toBe(bySeq[0]?.hash);
    expect(bySeq[2]?.prevHash).toBe(bySeq[1]?.hash);
    expect(await verify(programme)).toEqual({ ok: true, count: 3 });
  });

  it('publishes nothing for a programme that is not public', async () => {
    const programme = await freshProgramme(false);
    const b = await draft(supervisor, programme, '2026-06-30');
    const response = await supervisor.post(`/api/v1/bulletins/${b.id}/publish`);
    expect(response.statusCode).toBe(409);
    expect((response.json() as { message: string }).message).toContain('请先发布清单');
  });

  it('checks the version when one is sent', async () => {
    const b = await draft(supervisor, demo, '2026-06-30');
    await supervisor.patch(`/api/v1/bulletins/${b.id}`, { version: 1, title: '新标题' });
    expect((await supervisor.post(`/api/v1/bulletins/${b.id}/publish`, { version: 1 })).statusCode).toBe(409);
    expect(((await supervisor.get(`/api/v1/bulletins/${b.id}`)).json() as BulletinRecord).state).toBe('draft');
    expect((await supervisor.delete(`/api/v1/bulletins/${b.id}`)).statusCode).toBe(204);
    expect((await supervisor.get(`/api/v1/bulletins/${b.id}`)).statusCode).toBe(404);
  });
});

describe('deleting a programme with bulletins', () => {
  it('takes its drafts with it', async () => {
    const programme = await freshProgramme();
    const b = await draft(supervisor, programme, '2026-06-30');
    const response = await supervisor.delete(`/api/v1/programmes/${programme}`);
    expect(response.statusCode, response.body).toBe(204);
    expect((await supervisor.get(`/api/v1/bulletins/${b.id}`)).statusCode).toBe(404);
  });

  it('refuses while it has published bulletins: they are a public record', async () => {
    const programme = await freshProgramme();
    await publish((await draft(supervisor, programme, '2026-06-30')).id);
    const pending = await draft(supervisor, programme, '2026-09-30');
    const response = await supervisor.delete(`/api/v1/programmes/${programme}`);
    expect(response.statusCode).toBe(409);
    expect((response.json() as { message: string }).message).toMatch(/^该清单已发布过进展情况通报.*归档/);
    expect((await supervisor.get(`/api/v1/programmes/${programme}`)).statusCode).toBe(200);
    expect((await supervisor.get(`/api/v1/bulletins/${pending.id}`)).statusCode).toBe(200);
  });
});
