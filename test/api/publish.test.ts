import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

/**
 * POST /programmes/:id/publish (docs/decisions/0004-public-means-published.md):
 * the office of the programme's jurisdiction makes it public, once, audited.
 */
let ctx: TestContext;
let admin: Client;
let supervisor: Client;
let reporter: Client;
let leader: Client;
let viewer: Client;
let minghu: number;
let counter = 0;

type Programme = { id: number; title: string; state: string; version: number };
type Entry = { action: string; entityType: string; entityId: number; before: unknown; after: unknown };

async function newProgramme(jurisdictionId = minghu): Promise<Programme> {
  const response = await admin.post('/api/v1/programmes', {
    jurisdictionId,
    year: 2027,
    title: `发布测试工程${++counter}`,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Programme;
}

const publicIds = async () =>
  ((await ctx.app.inject({ url: '/api/v1/public/programmes' })).json() as { items: Programme[] }).items.map(
    (p) => p.id,
  );

const publishEntries = async (programmeId: number) =>
  ((await admin.get(`/api/v1/history?programmeId=${programmeId}&limit=500`)).json() as { items: Entry[] }).items.filter(
    (e) => e.action === 'publish',
  );

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  [admin, supervisor, reporter, leader, viewer] = (await Promise.all(
    ['admin', 'supervisor', 'reporter', 'leader', 'viewer'].map((name) => signIn(ctx.app, name)),
  )) as [Client, Client, Client, Client, Client];
  const jurisdictions = (await admin.get('/api/v1/jurisdictions')).json() as { items: { id: number; name: string }[] };
  minghu = jurisdictions.items.find((j) => j.name === '明湖区')?.id ?? 0;
  expect(minghu).toBeGreaterThan(0);
});
afterAll(() => ctx.close());

describe('POST /programmes/:id/publish', () => {
  it('lets the supervisor publish a draft: state published, one audit entry, listed publicly at once', async () => {
    const draft = await newProgramme();
    // Read the public list first so that a cached copy exists and must be dropped on publish.
    expect(await publicIds()).not.toContain(draft.id);
    expect((await ctx.app.inject({ url: `/api/v1/public/programmes/${draft.id}/tree` })).statusCode).toBe(404);

    const response = await supervisor.post(`/api/v1/programmes/${draft.id}/publish`);
    expect(response.statusCode, response.body).toBe(200);
    const published = response.json() as Programme;
    expect(published).toMatchObject({ id: draft.id, title: draft.title, state: 'published' });
    expect(published.version).toBe(draft.version + 1);

    const entries = await publishEntries(draft.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entityType: 'programme',
      entityId: draft.id,
      before: { state: 'draft' },
      after: { state: 'published' },
    });
    expect(await publicIds()).toContain(draft.id);
    const tree = await ctx.app.inject({ url: `/api/v1/public/programmes/${draft.id}/tree` });
    expect(tree.statusCode).toBe(200);
    expect((tree.json() as { programme: Programme }).programme.title).toBe(draft.title);
  });

  it('lets the admin publish, and publishing twice changes nothing and writes no second entry', async () => {
    const draft = await newProgramme();
    expect((await admin.post(`/api/v1/programmes/${draft.id}/publish`)).statusCode).toBe(200);
    const again = await supervisor.post(`/api/v1/programmes/${draft.id}/publish`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ state: 'published', version: draft.version + 1 });
    expect(await publishEntries(draft.id)).toHaveLength(1);
  });

  it('accepts an empty JSON object as the body and refuses anything in it', async () => {
    const draft = await newProgramme();
    const extra = await supervisor.post(`/api/v1/programmes/${draft.id}/publish`, { state: 'draft' });
    expect(extra.statusCode).toBe(400);
    const empty = await supervisor.post(`/api/v1/programmes/${draft.id}/publish`, {});
    expect(empty.statusCode, empty.body).toBe(200);
    expect((empty.json() as Programme).state).toBe('published');
  });

  it('refuses readers: 403 to those who can read the programme, 404 to those who cannot', async () => {
    const draft = await newProgramme();
    // A viewer of 明湖区 reads drafts; reporters and leaders only see published lists.
    const byViewer = await viewer.post(`/api/v1/programmes/${draft.id}/publish`);
    expect(byViewer.statusCode).toBe(403);
    expect((byViewer.json() as { message: string }).message).toMatch(/^[\u4e00-\u9fff]/);
    expect((await reporter.post(`/api/v1/programmes/${draft.id}/publish`)).statusCode).toBe(404);
    expect((await leader.post(`/api/v1/programmes/${draft.id}/publish`)).statusCode).toBe(404);
    const anonymous = await ctx.app.inject({ method: 'POST', url: `/api/v1/programmes/${draft.id}/publish` });
    expect(anonymous.statusCode).toBe(401);
    expect(await publishEntries(draft.id)).toHaveLength(0);
    expect(await publicIds()).not.toContain(draft.id);

    // The demo programme is published and readable by all: they get 403, nothing changes.
    const list = (await ctx.app.inject({ url: '/api/v1/public/programmes' })).json() as { items: Programme[] };
    const demo = list.items.find((p) => p.title.startsWith('明湖区2026年'))?.id ?? 0;
    expect(demo).toBeGreaterThan(0);
    const before = (await publishEntries(demo)).length;
    for (const client of [reporter, leader, viewer])
      expect((await client.post(`/api/v1/programmes/${demo}/publish`)).statusCode).toBe(403);
    expect(await publishEntries(demo)).toHaveLength(before);
  });

  it('answers 404 to a supervisor for a programme of another jurisdiction, and for none at all', async () => {
    const far = (
      await admin.post('/api/v1/jurisdictions', { name: '远山区', level: 'district', parentId: null })
    ).json() as {
      id: number;
    };
    const programme = await newProgramme(far.id);
    const response = await supervisor.post(`/api/v1/programmes/${programme.id}/publish`);
    expect(response.statusCode).toBe(404);
    expect((response.json() as { code: string }).code).toBe('NOT_FOUND');
    expect((await admin.get(`/api/v1/programmes/${programme.id}`)).json()).toMatchObject({ state: 'draft' });
    expect((await supervisor.post('/api/v1/programmes/999999/publish')).statusCode).toBe(404);
    // The admin reaches every jurisdiction.
    expect((await admin.post(`/api/v1/programmes/${programme.id}/publish`)).statusCode).toBe(200);
  });

  it('refuses an archived programme with 409 and a message that says what to do', async () => {
    const draft = await newProgramme();
    const archived = await supervisor.patch(`/api/v1/programmes/${draft.id}`, {
      version: draft.version,
      state: 'archived',
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const response = await supervisor.post(`/api/v1/programmes/${draft.id}/publish`);
    expect(response.statusCode).toBe(409);
    expect((response.json() as { message: string }).message).toMatch(/^该清单已归档.*草稿/);
    expect(await publishEntries(draft.id)).toHaveLength(0);
    expect(await publicIds()).not.toContain(draft.id);
  });
});
