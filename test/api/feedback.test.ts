import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.js';
import { feedback } from '../../src/db/schema-publish.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';
import { importAndPublish, itemNamed } from '../public/feedback-helpers.js';

/** The office's side of residents' feedback: the moderation queue, decisions, satisfaction by item and unit. */

let ctx: TestContext;
let supervisor: Client;
let admin: Client;
let reporter: Client;
let leader: Client;
let viewer: Client;
let programmeId: number;
/** The demo programme: the reporter's unit and the leader have items in it. */
let demoProgramme: number;
const ids = { canteen: 0, estate: 0, eastPart: 0, westPart: 0, kindergarten: 0 };

type Row = {
  id: number;
  itemId: number;
  comment: string | null;
  state: string;
  version: number;
  rejectReason: string | null;
};
type Page = { items: Row[]; total: number; page: number; pageSize: number };

async function rate(itemId: number, rating: number, comment: string | null = null, minutesAgo = 0): Promise<number> {
  const [row] = await ctx.database.db
    .insert(feedback)
    .values({
      programmeId,
      itemId,
      rating,
      comment,
      state: comment === null ? 'approved' : 'pending',
      clientHash: `test-${itemId}-${rating}-${minutesAgo}`,
      createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    })
    .returning();
  return row?.id ?? 0;
}

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  supervisor = await signIn(ctx.app, 'supervisor');
  admin = await signIn(ctx.app, 'admin');
  reporter = await signIn(ctx.app, 'reporter');
  leader = await signIn(ctx.app, 'leader');
  viewer = await signIn(ctx.app, 'viewer');
  // 改造西片小区 has no lead unit of its own: its ratings count for its item's lead, 测试区住建委.
  const document = buildProgrammeDocument({ jurisdiction: '明湖区', title: '明湖区2026年满意度测试', year: 2026 });
  const estate = document.categories[0]?.items[1];
  if (!estate) throw new Error('factory changed');
  estate.children = [
    buildItem({ number: '(1)', name: '改造东片小区', leadUnit: '东街街道', coUnits: [], persons: [], indicators: [] }),
    buildItem({ number: '(2)', name: '改造西片小区', leadUnit: '', coUnits: [], persons: [], indicators: [] }),
  ];
  demoProgramme =
    ((await reporter.get('/api/v1/programmes')).json() as { items: Array<{ id: number }> }).items[0]?.id ?? 0;
  const { programmeId: id, items } = await importAndPublish(supervisor, document);
  programmeId = id;
  ids.canteen = itemNamed(items, '新建社区食堂').id;
  ids.estate = itemNamed(items, '改造老旧小区').id;
  ids.eastPart = itemNamed(items, '改造东片小区').id;
  ids.westPart = itemNamed(items, '改造西片小区').id;
  ids.kindergarten = itemNamed(items, '新建幼儿园').id;
});
afterAll(() => ctx?.close());

describe('the moderation queue', () => {
  it('lists pending comments oldest first, leaves out bare ratings, and pages', async () => {
    const newer = await rate(ids.canteen, 4, '希望增加早餐', 5);
    const older = await rate(ids.kindergarten, 2, '接送时段交通拥堵', 50);
    await rate(ids.canteen, 5);
    const response = await supervisor.get(`/api/v1/feedback?programmeId=${programmeId}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as Page & { items: Array<Row & { itemName: string; rating: number }> };
    expect(page.items.map((r) => r.id)).toEqual([older, newer]);
    expect(page.items[0]).toMatchObject({
      itemName: '新建幼儿园',
      rating: 2,
      comment: '接送时段交通拥堵',
      state: 'pending',
    });
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(JSON.stringify(page)).not.toContain('clientHash');
    expect(JSON.stringify(page)).not.toContain('test-');

    const second = (
      await supervisor.get(`/api/v1/feedback?programmeId=${programmeId}&pageSize=1&page=2`)
    ).json() as Page;
    expect(second.items.map((r) => r.id)).toEqual([newer]);
    const approved = (
      await supervisor.get(`/api/v1/feedback?programmeId=${programmeId}&state=approved`)
    ).json() as Page;
    expect(approved.items).toEqual([]);
  });

  it('needs a programme, and a state it knows', async () => {
    expect((await supervisor.get('/api/v1/feedback')).statusCode).toBe(400);
    expect((await supervisor.get(`/api/v1/feedback?programmeId=${programmeId}&state=hidden`)).statusCode).toBe(400);
  });

  it('is for the office: others who may read the programme are refused, the rest see nothing', async () => {
    const refused = async (client: Client, id: number, status: number) => {
      const response = await client.get(`/api/v1/feedback?programmeId=${id}`);
      expect(response.statusCode).toBe(status);
      expect((response.json() as { message: string }).message).toMatch(
        status === 403 ? /^您没有执行此操作的权限/ : /^民心工程清单不存在/,
      );
    };
    await refused(viewer, programmeId, 403);
    // The demo programme has items of the reporter's unit and the leader's: they read it, but do not moderate.
    await refused(reporter, demoProgramme, 403);
    await refused(leader, demoProgramme, 403);
    // This programme has none of theirs.
    await refused(reporter, programmeId, 404);
    await refused(leader, programmeId, 404);
    expect((await admin.get(`/api/v1/feedback?programmeId=${programmeId}`)).statusCode).toBe(200);
    expect((await supervisor.get('/api/v1/feedback?programmeId=999999')).statusCode).toBe(404);
  });
});

describe('moderating a comment', () => {
  it('approves with the version seen, records who and when, and audits the decision', async () => {
    const id = await rate(ids.canteen, 5, '饭菜很好');
    const response = await supervisor.patch(`/api/v1/feedback/${id}`, { state: 'approved', version: 1 });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Row & { moderatedAt: string | null; moderatorName: string | null };
    expect(body).toMatchObject({ id, state: 'approved', version: 2, rejectReason: null });
    expect(body.moderatedAt).not.toBeNull();
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'feedback'), eq(auditLog.entityId, id), eq(auditLog.action, 'approve')));
    expect(audit).toMatchObject({ actorName: 'supervisor', programmeId, itemId: ids.canteen });
    expect(audit?.before).toMatchObject({ state: 'pending', version: 1 });
    expect(audit?.after).toMatchObject({ state: 'approved', version: 2 });
  });

  it('rejects only with a reason, and keeps the reason', async () => {
    const id = await rate(ids.kindergarten, 1, '广告推销');
    const bare = await supervisor.patch(`/api/v1/feedback/${id}`, { state: 'rejected', version: 1 });
    expect(bare.statusCode).toBe(400);
    expect((bare.json() as { message: string }).message).toMatch(/^不予公开留言时须写明原因/);
    const blank = await supervisor.patch(`/api/v1/feedback/${id}`, { state: 'rejected', reason: '   ', version: 1 });
    expect(blank.statusCode).toBe(400);
    const response = await supervisor.patch(`/api/v1/feedback/${id}`, {
      state: 'rejected',
      reason: '广告内容',
      version: 1,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ state: 'rejected', rejectReason: '广告内容', version: 2 });
    const [audit] = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'feedback'), eq(auditLog.entityId, id), eq(auditLog.action, 'reject')));
    expect(audit?.after).toMatchObject({ state: 'rejected', rejectReason: '广告内容' });
    // Changed later: approving clears the reason.
    const again = await supervisor.patch(`/api/v1/feedback/${id}`, { state: 'approved', version: 2 });
    expect(again.json()).toMatchObject({ state: 'approved', rejectReason: null, version: 3 });
  });

  it('answers 409 to a stale version (with the current record), a repeated decision, and a bare rating', async () => {
    const id = await rate(ids.canteen, 3, '一般般');
    expect((await supervisor.patch(`/api/v1/feedback/${id}`, { state: 'approved', version: 1 })).statusCode).toBe(200);
    const stale = await supervisor.patch(`/api/v1/feedback/${id}`, { state: 'rejected', reason: '重复', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { details: { current: Row } }).details.current).toMatchObject({ id, version: 2 });
    const repeated = await supervisor.patch(`/api/v1/feedback/${id}`, { state: 'approved', version: 2 });
    expect(repeated.statusCode).toBe(409);
    const bareRating = await rate(ids.canteen, 4);
    expect(
      (await supervisor.patch(`/api/v1/feedback/${bareRating}`, { state: 'rejected', reason: '无', version: 1 }))
        .statusCode,
    ).toBe(409);
    expect((await supervisor.patch('/api/v1/feedback/999999', { state: 'approved', version: 1 })).statusCode).toBe(404);
  });

  it('is refused to those who may read the programme but not moderate it', async () => {
    const id = await rate(ids.canteen, 2, '排队太久');
    for (const client of [reporter, viewer, leader]) {
      const response = await client.patch(`/api/v1/feedback/${id}`, { state: 'approved', version: 1 });
      expect([403, 404]).toContain(response.statusCode);
    }
    expect((await viewer.patch(`/api/v1/feedback/${id}`, { state: 'approved', version: 1 })).statusCode).toBe(403);
    const [row] = await ctx.database.db.select().from(feedback).where(eq(feedback.id, id));
    expect(row?.state).toBe('pending');
  });
});

describe('satisfaction', () => {
  type Satisfaction = {
    overall: { average: number | null; count: number };
    items: Array<{
      itemId: number;
      name: string;
      leadUnitName: string | null;
      average: number | null;
      count: number;
      distribution: number[];
      pendingComments: number;
    }>;
    units: Array<{ name: string; average: number | null; count: number; itemCount: number }>;
  };

  it('gives per item the mean, count, 1–5 distribution and waiting comments, and per lead unit the pooled mean', async () => {
    await ctx.database.db.delete(feedback).where(eq(feedback.programmeId, programmeId));
    // 新建社区食堂 (测试区民政局): 5, 4, 4 and a pending comment.
    await rate(ids.canteen, 5);
    await rate(ids.canteen, 4);
    await rate(ids.canteen, 4, '价格可以再低些');
    // 改造老旧小区 and its parts (测试区住建委 leads the item and, by default, 西片): 2 on the item, 3 and 5 on 西片.
    await rate(ids.estate, 2);
    await rate(ids.westPart, 3);
    const rejected = await rate(ids.westPart, 5, '无关内容');
    await ctx.database.db.update(feedback).set({ state: 'rejected' }).where(eq(feedback.id, rejected));
    // 东片 (东街街道): 1.
    await rate(ids.eastPart, 1);

    const response = await supervisor.get(`/api/v1/programmes/${programmeId}/satisfaction`);
    expect(response.statusCode, response.body).toBe(200);
    const s = response.json() as Satisfaction;
    expect(s.items.map((i) => i.name)).toEqual([
      '新建社区食堂',
      '改造老旧小区',
      '改造东片小区',
      '改造西片小区',
      '新建幼儿园',
    ]);
    const item = (name: string) => s.items.find((i) => i.name === name);
    expect(item('新建社区食堂')).toMatchObject({
      leadUnitName: '测试区民政局',
      average: 4.33,
      count: 3,
      distribution: [0, 0, 0, 2, 1],
      pendingComments: 1,
    });
    expect(item('改造西片小区')).toMatchObject({
      leadUnitName: '测试区住建委',
      average: 4,
      count: 2,
      distribution: [0, 0, 1, 0, 1],
      pendingComments: 0,
    });
    expect(item('新建幼儿园')).toMatchObject({ average: null, count: 0, distribution: [0, 0, 0, 0, 0] });

    const unit = (name: string) => s.units.find((u) => u.name === name);
    expect(unit('测试区民政局')).toEqual({
      unitId: expect.any(Number),
      name: '测试区民政局',
      average: 4.33,
      count: 3,
      itemCount: 1,
    });
    // (2 + 3 + 5) / 3 over the item and its part without a lead of its own.
    expect(unit('测试区住建委')).toMatchObject({ average: 3.33, count: 3, itemCount: 2 });
    expect(unit('东街街道')).toMatchObject({ average: 1, count: 1, itemCount: 1 });
    expect(unit('测试区教育局')).toMatchObject({ average: null, count: 0, itemCount: 1 });
    expect(s.overall).toEqual({ average: Math.round((24 / 7) * 100) / 100, count: 7 });
  });

  it('is for the office, leaders and viewers; not for reporters', async () => {
    const status = async (client: Client, id: number) =>
      (await client.get(`/api/v1/programmes/${id}/satisfaction`)).statusCode;
    for (const client of [admin, supervisor, viewer]) expect(await status(client, programmeId)).toBe(200);
    expect(await status(leader, demoProgramme)).toBe(200);
    expect(await status(reporter, demoProgramme)).toBe(403);
    expect(await status(leader, programmeId)).toBe(404);
    expect(await status(supervisor, 999_999)).toBe(404);
  });
});
