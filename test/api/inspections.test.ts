import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let admin: Client;
let supervisor: Client;
let reporter: Client;
let leader: Client;
let viewer: Client;

const f = { programme: 0, ownItem: 0, otherItem: 0 };

interface Photo {
  id: number;
  fileName: string;
  mime: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
}
interface Inspection {
  id: number;
  programmeId: number;
  itemId: number;
  itemName: string;
  date: string;
  inspectors: string;
  findings: string;
  followUp: string;
  version: number;
  photos: Photo[];
}

async function uploadPng(client: Client, color: string): Promise<{ sha256: string; size: number }> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .png()
    .toBuffer();
  const boundary = `----minxin${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const response = await client.request({
    method: 'POST',
    url: '/api/v1/files',
    payload: Buffer.concat([head, png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { sha256: string; size: number };
}

const visit = (overrides: Record<string, unknown> = {}) => ({
  date: '2026-06-18',
  inspectors: '王督查、李干事',
  findings: '主体结构已封顶，室内装修尚未开始。',
  followUp: '要求7月上旬进场装修，督查室两周后复查。',
  ...overrides,
});

async function record(itemId: number, overrides: Record<string, unknown> = {}): Promise<Inspection> {
  const response = await supervisor.post(`/api/v1/items/${itemId}/inspections`, visit(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Inspection;
}

const listOf = async (client: Client, url: string) => {
  const response = await client.get(url);
  return { status: response.statusCode, ...(response.json() as { items: Inspection[]; total: number }) };
};

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 1000 });
  admin = await signIn(ctx.app, 'admin');
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
  leader = await signIn(ctx.app, 'leader');
  viewer = await signIn(ctx.app, 'viewer');
  const programmes = (await admin.get('/api/v1/programmes')).json() as { items: { id: number }[] };
  f.programme = (programmes.items[0] as { id: number }).id;
  const tree = (await admin.get(`/api/v1/programmes/${f.programme}/tree`)).json() as {
    categories: { items: { id: number; name: string }[] }[];
  };
  const all = tree.categories.flatMap((c) => c.items);
  f.ownItem = all.find((i) => i.name === '建成明湖区实验小学云溪校区')?.id as number;
  f.otherItem = all.find((i) => i.name === '建设社区嵌入式养老服务设施')?.id as number;
});
afterAll(() => ctx?.close());

describe('on-site inspections', () => {
  it('records an inspection with a photo, shown with its thumbnail to whoever may read the item', async () => {
    const photo = await uploadPng(supervisor, '#2a6fdb');
    const created = await record(f.ownItem, { attachments: [{ sha256: photo.sha256, fileName: '现场照片.png' }] });
    expect(created).toMatchObject({
      programmeId: f.programme,
      itemId: f.ownItem,
      itemName: '建成明湖区实验小学云溪校区',
      date: '2026-06-18',
      inspectors: '王督查、李干事',
      followUp: '要求7月上旬进场装修，督查室两周后复查。',
      version: 1,
    });
    const [shown] = created.photos;
    expect(created.photos).toHaveLength(1);
    expect(shown).toMatchObject({ fileName: '现场照片.png', mime: 'image/png', size: photo.size });
    expect(shown?.thumbnailUrl).toBe(`/api/v1/attachments/${shown?.id}/thumbnail`);

    const thumbnail = await reporter.get(shown?.thumbnailUrl as string);
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toContain('image/webp');
    const { width } = await sharp(thumbnail.rawPayload).metadata();
    expect(width).toBeGreaterThan(0);

    for (const client of [reporter, leader, viewer, supervisor]) {
      const list = await listOf(client, `/api/v1/items/${f.ownItem}/inspections`);
      expect(list.status).toBe(200);
      expect(list.items.map((i) => i.id)).toContain(created.id);
      expect(list.items.find((i) => i.id === created.id)?.photos[0]?.fileName).toBe('现场照片.png');
    }
  });

  it('lets only the office record, change and delete inspections', async () => {
    expect((await reporter.post(`/api/v1/items/${f.ownItem}/inspections`, visit())).statusCode).toBe(403);
    expect((await leader.post(`/api/v1/items/${f.ownItem}/inspections`, visit())).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/items/${f.ownItem}/inspections`, visit())).statusCode).toBe(403);
    const created = await record(f.ownItem);
    expect((await reporter.patch(`/api/v1/inspections/${created.id}`, { version: 1, findings: '改' })).statusCode).toBe(
      403,
    );
    expect((await reporter.delete(`/api/v1/inspections/${created.id}`)).statusCode).toBe(403);
    expect((await supervisor.post('/api/v1/items/999999/inspections', visit())).statusCode).toBe(404);
  });

  it('refuses a file that was never uploaded and an impossible date', async () => {
    const missing = await supervisor.post(
      `/api/v1/items/${f.ownItem}/inspections`,
      visit({ attachments: [{ sha256: 'a'.repeat(64), fileName: '不存在.png' }] }),
    );
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { message: string }).message).toMatch(/^附件“不存在.png”尚未上传/);
    const badDate = await supervisor.post(`/api/v1/items/${f.ownItem}/inspections`, visit({ date: '2026-13-01' }));
    expect(badDate.statusCode).toBe(400);
    const noInspectors = await supervisor.post(`/api/v1/items/${f.ownItem}/inspections`, visit({ inspectors: ' ' }));
    expect(noInspectors.statusCode).toBe(400);
  });

  it('updates an inspection with its version, adds and removes photos, and deletes it; each change audited', async () => {
    const first = await uploadPng(supervisor, '#00a000');
    const created = await record(f.ownItem, { attachments: [{ sha256: first.sha256, fileName: '整改前.png' }] });
    const second = await uploadPng(supervisor, '#a0a000');

    const updated = await supervisor.patch(`/api/v1/inspections/${created.id}`, {
      version: 1,
      followUp: '7月10日复查：已进场装修。',
      attachments: [{ sha256: second.sha256, fileName: '整改后.png' }],
      removeAttachmentIds: [created.photos[0]?.id],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const after = updated.json() as Inspection;
    expect(after).toMatchObject({ version: 2, followUp: '7月10日复查：已进场装修。', findings: created.findings });
    expect(after.photos.map((p) => p.fileName)).toEqual(['整改后.png']);

    const stale = await supervisor.patch(`/api/v1/inspections/${created.id}`, { version: 1, findings: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { details: { current: Inspection } }).details.current).toMatchObject({
      id: created.id,
      version: 2,
    });

    const foreign = await supervisor.patch(`/api/v1/inspections/${created.id}`, {
      version: 2,
      removeAttachmentIds: [999999],
    });
    expect(foreign.statusCode).toBe(400);

    expect((await supervisor.delete(`/api/v1/inspections/${created.id}`)).statusCode).toBe(204);
    const list = await listOf(supervisor, `/api/v1/items/${f.ownItem}/inspections`);
    expect(list.items.map((i) => i.id)).not.toContain(created.id);
    expect((await supervisor.delete(`/api/v1/inspections/${created.id}`)).statusCode).toBe(404);

    const audit = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'inspection'), eq(auditLog.entityId, created.id)))
      .orderBy(auditLog.id);
    expect(audit.map((a) => `${a.action} ${a.actorName} ${a.itemId}`)).toEqual([
      `create supervisor ${f.ownItem}`,
      `update supervisor ${f.ownItem}`,
      `delete supervisor ${f.ownItem}`,
    ]);
    const history = (await supervisor.get(`/api/v1/items/${f.ownItem}/history?limit=500`)).json() as {
      items: { entityType: string; entityId: number; action: string }[];
    };
    expect(history.items.some((h) => h.entityType === 'inspection' && h.entityId === created.id)).toBe(true);
  });

  it('lists a programme’s inspections of the items each reader may read, latest visit first', async () => {
    const early = await record(f.ownItem, { date: '2026-03-02' });
    const late = await record(f.ownItem, { date: '2026-09-20' });
    const other = await record(f.otherItem, { date: '2026-05-11', inspectors: '赵督查' });

    const office = await listOf(supervisor, `/api/v1/programmes/${f.programme}/inspections?limit=200`);
    const ids = office.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([early.id, late.id, other.id]));
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(other.id));
    expect(ids.indexOf(other.id)).toBeLessThan(ids.indexOf(early.id));
    expect(office.total).toBe(ids.length);

    const ofReporter = (await listOf(reporter, `/api/v1/programmes/${f.programme}/inspections`)).items.map((i) => i.id);
    expect(ofReporter).toEqual(expect.arrayContaining([early.id, late.id]));
    expect(ofReporter).not.toContain(other.id);

    const filtered = await listOf(supervisor, `/api/v1/programmes/${f.programme}/inspections?itemId=${f.otherItem}`);
    expect(filtered.items.map((i) => i.id)).toEqual([other.id]);
    expect((await reporter.get(`/api/v1/items/${f.otherItem}/inspections`)).statusCode).toBe(404);
    expect((await reporter.get('/api/v1/programmes/999999/inspections')).statusCode).toBe(404);
  });
});
