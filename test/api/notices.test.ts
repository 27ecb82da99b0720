import { and, desc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocxBack } from '../../src/core/export/testing/read-back.js';
import { addDays, shanghaiToday } from '../../src/core/work/calendar.js';
import { auditLog } from '../../src/db/schema.js';
import { inboxMessages } from '../../src/db/schema-work.js';
import { escalateOverdueNotices } from '../../src/server/use-cases/notices/escalate-overdue-notices.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let admin: Client;
let supervisor: Client;
let reporter: Client;
let leader: Client;
let viewer: Client;
/** A reporter of 区民政局, the unit of the other item. */
let otherReporter: Client;

const today = shanghaiToday();
const later = addDays(today, 30);
const f = {
  programme: 0,
  year: 0,
  /** 建成明湖区实验小学云溪校区, led by 区教育局 (the reporter's unit), supervised by 周文清 (the leader). */
  ownItem: 0,
  ownItemNumber: '',
  eduUnit: 0,
  /** 建设社区嵌入式养老服务设施, led by 区民政局. */
  otherItem: 0,
  otherUnit: 0,
  users: {} as Record<string, number>,
};

interface Notice {
  id: number;
  escalationNote: string | null;
  seq: number;
  number: string;
  itemId: number;
  itemNumber: string;
  itemName: string;
  unitId: number;
  unitName: string;
  replyDue: string;
  state: string;
  overdue: boolean;
  reply: string | null;
  repliedBy: number | null;
  closeNote: string | null;
  escalationLevel: number;
  version: number;
  attachments: { id: number; fileName: string; mime: string; url: string; thumbnailUrl: string | null }[];
}

const body = (overrides: Record<string, unknown> = {}) => ({
  unitId: f.eduUnit,
  reason: '二季度末应完成内部装饰装修60%，实报35%，进度滞后。',
  requiredAction: '倒排工期，加派施工力量，每周报送一次进度。',
  replyDue: later,
  ...overrides,
});

async function issue(overrides: Record<string, unknown> = {}, itemId = f.ownItem): Promise<Notice> {
  const response = await supervisor.post(`/api/v1/items/${itemId}/notices`, body(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Notice;
}

const inboxOf = (username: string) =>
  ctx.database.db
    .select()
    .from(inboxMessages)
    .where(eq(inboxMessages.userId, f.users[username] as number))
    .orderBy(desc(inboxMessages.id));

const auditOf = (noticeId: number) =>
  ctx.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'notice'), eq(auditLog.entityId, noticeId)))
    .orderBy(auditLog.id);

async function uploadPng(client: Client): Promise<{ sha256: string }> {
  const png = await sharp({ create: { width: 24, height: 16, channels: 3, background: '#c00000' } })
    .png()
    .toBuffer();
  const boundary = `----minxin${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="reply.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const response = await client.request({
    method: 'POST',
    url: '/api/v1/files',
    payload: Buffer.concat([head, png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { sha256: string };
}

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 1000 });
  admin = await signIn(ctx.app, 'admin');
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
  leader = await signIn(ctx.app, 'leader');
  viewer = await signIn(ctx.app, 'viewer');

  const programmes = (await admin.get('/api/v1/programmes')).json() as { items: { id: number; year: number }[] };
  const programme = programmes.items[0] as { id: number; year: number };
  f.programme = programme.id;
  f.year = programme.year;
  const tree = (await admin.get(`/api/v1/programmes/${f.programme}/tree`)).json() as {
    categories: { items: { id: number; name: string; number: string; units: { unitId: number; role: string }[] }[] }[];
  };
  const all = tree.categories.flatMap((c) => c.items);
  const own = all.find((i) => i.name === '建成明湖区实验小学云溪校区');
  const other = all.find((i) => i.name === '建设社区嵌入式养老服务设施');
  if (!own || !other) throw new Error('demo items missing');
  f.ownItem = own.id;
  f.ownItemNumber = own.number;
  f.eduUnit = own.units.find((u) => u.role === 'lead')?.unitId as number;
  f.otherItem = other.id;
  f.otherUnit = other.units.find((u) => u.role === 'lead')?.unitId as number;

  const created = await admin.post('/api/v1/users', {
    username: 'minzheng',
    password: TEST_PASSWORD,
    role: 'reporter',
    unitId: f.otherUnit,
  });
  expect(created.statusCode, created.body).toBe(201);
  otherReporter = await signIn(ctx.app, 'minzheng');
  const users = (await admin.get('/api/v1/users')).json() as { items: { id: number; username: string }[] };
  f.users = Object.fromEntries(users.items.map((u) => [u.username, u.id]));
});
afterAll(() => ctx?.close());

describe('issuing a notice', () => {
  it('numbers notices within the programme, shows the item and unit, and tells the unit’s reporter', async () => {
    const first = await issue();
    const second = await issue({ reason: '资金拨付进度滞后。' });
    expect(second.seq).toBe(first.seq + 1);
    expect(first.number).toBe(`督办〔${f.year}〕第${first.seq}号`);
    expect(first).toMatchObject({
      itemId: f.ownItem,
      itemNumber: f.ownItemNumber,
      itemName: '建成明湖区实验小学云溪校区',
      unitId: f.eduUnit,
      unitName: '区教育局',
      state: 'open',
      overdue: false,
      escalationLevel: 0,
      version: 1,
      reply: null,
      attachments: [],
    });

    const inbox = await inboxOf('reporter');
    const message = inbox.find((m) => m.link === `/notices/${first.id}`);
    expect(message?.title).toBe(`督办单 ${first.number}：${f.ownItemNumber} 建成明湖区实验小学云溪校区`);
    expect(message?.body).toContain('二季度末应完成内部装饰装修60%');
    expect(await inboxOf('minzheng')).toEqual([]);

    const audit = await auditOf(first.id);
    expect(audit.map((a) => [a.action, a.actorName, a.itemId])).toEqual([['create', 'supervisor', f.ownItem]]);
  });

  it('gives two notices issued at the same moment consecutive numbers', async () => {
    const [a, b] = await Promise.all([
      supervisor.post(`/api/v1/items/${f.ownItem}/notices`, body({ reason: '并发一' })),
      supervisor.post(`/api/v1/items/${f.ownItem}/notices`, body({ reason: '并发二' })),
    ]);
    expect([a?.statusCode, b?.statusCode]).toEqual([201, 201]);
    const seqs = [a, b].map((r) => (r?.json() as Notice).seq).sort((x, y) => x - y);
    expect(seqs[1]).toBe((seqs[0] as number) + 1);
  });

  it('refuses a unit that does not work on the item, a past reply date, a reporter and an unknown item', async () => {
    const wrongUnit = await supervisor.post(`/api/v1/items/${f.ownItem}/notices`, body({ unitId: f.otherUnit }));
    expect(wrongUnit.statusCode).toBe(400);
    expect((wrongUnit.json() as { message: string }).message).toMatch(/^所选单位不是该子项的牵头或配合单位/);

    const past = await supervisor.post(`/api/v1/items/${f.ownItem}/notices`, body({ replyDue: addDays(today, -1) }));
    expect(past.statusCode).toBe(400);
    expect((past.json() as { message: string }).message).toMatch(/^反馈时限不能早于今天/);

    const badDate = await supervisor.post(`/api/v1/items/${f.ownItem}/notices`, body({ replyDue: '2026-02-30' }));
    expect(badDate.statusCode).toBe(400);

    expect((await reporter.post(`/api/v1/items/${f.ownItem}/notices`, body())).statusCode).toBe(403);
    expect((await supervisor.post('/api/v1/items/999999/notices', body())).statusCode).toBe(404);
  });
});

describe('the life of a notice', () => {
  it('is replied to with a photo, seen by the office, closed, and takes no reply after that', async () => {
    const notice = await issue();
    const photo = await uploadPng(reporter);
    const replied = await reporter.post(`/api/v1/notices/${notice.id}/reply`, {
      version: notice.version,
      reply: '已增加两个施工班组，7月底前完成内部装修。',
      attachments: [{ sha256: photo.sha256, fileName: '施工现场.png' }],
    });
    expect(replied.statusCode, replied.body).toBe(200);
    const afterReply = replied.json() as Notice;
    expect(afterReply).toMatchObject({
      state: 'replied',
      reply: '已增加两个施工班组，7月底前完成内部装修。',
      repliedBy: f.users.reporter,
      version: 2,
    });
    expect(afterReply.attachments).toEqual([
      expect.objectContaining({
        fileName: '施工现场.png',
        mime: 'image/png',
        url: `/api/v1/attachments/${afterReply.attachments[0]?.id}`,
      }),
    ]);

    const seen = (await supervisor.get(`/api/v1/notices/${notice.id}`)).json() as Notice;
    expect(seen.attachments.map((a) => a.fileName)).toEqual(['施工现场.png']);
    const office = await inboxOf('supervisor');
    expect(office.find((m) => m.link === `/notices/${notice.id}`)?.title).toBe(
      `督办单 ${notice.number} 已回复：区教育局`,
    );

    const again = await reporter.post(`/api/v1/notices/${notice.id}/reply`, { version: 2, reply: '补充说明' });
    expect(again.statusCode).toBe(409);

    const closed = await supervisor.post(`/api/v1/notices/${notice.id}/close`, { version: 2 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', version: 3, overdue: false });

    const late = await reporter.post(`/api/v1/notices/${notice.id}/reply`, { version: 3, reply: '再次回复' });
    expect(late.statusCode).toBe(409);
    expect((late.json() as { message: string }).message).toMatch(/^该督办单已办结关闭/);

    const audit = await auditOf(notice.id);
    expect(audit.map((a) => `${a.action} ${a.actorName}`)).toEqual([
      'create supervisor',
      'reply reporter',
      'close supervisor',
    ]);
  });

  it('refuses a stale version with the current notice', async () => {
    const notice = await issue();
    const first = await reporter.post(`/api/v1/notices/${notice.id}/reply`, { version: 1, reply: '第一份回复' });
    expect(first.statusCode).toBe(200);
    const stale = await supervisor.post(`/api/v1/notices/${notice.id}/escalate`, { version: 1, note: '回复不具体' });
    expect(stale.statusCode).toBe(409);
    const details = (stale.json() as { details: { current: Notice } }).details;
    expect(details.current).toMatchObject({ id: notice.id, version: 2, state: 'replied' });
  });

  it('keeps a notice from other units’ reporters, and lets only the unit reply', async () => {
    const notice = await issue();
    expect((await otherReporter.get(`/api/v1/notices/${notice.id}`)).statusCode).toBe(404);
    expect((await otherReporter.get(`/api/v1/notices/${notice.id}/docx`)).statusCode).toBe(404);
    const foreign = await otherReporter.post(`/api/v1/notices/${notice.id}/reply`, { version: 1, reply: '越权回复' });
    expect([403, 404]).toContain(foreign.statusCode);
    expect((await leader.get(`/api/v1/notices/${notice.id}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/v1/notices/${notice.id}`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/v1/notices/${notice.id}/reply`, { version: 1, reply: '观察员' })).statusCode).toBe(
      403,
    );
    expect(
      (await supervisor.post(`/api/v1/notices/${notice.id}/reply`, { version: 1, reply: '代答' })).statusCode,
    ).toBe(403);
    expect((await reporter.post(`/api/v1/notices/${notice.id}/reply`, { version: 1, reply: '  ' })).statusCode).toBe(
      400,
    );
  });

  it('lists a programme’s notices for each reader, with filters and pages', async () => {
    const mine = await issue({ reason: '列表测试' });
    const theirs = await issue({ unitId: f.otherUnit, reason: '民政局列表测试' }, f.otherItem);
    const ids = async (client: Client, query = '') =>
      (
        (await client.get(`/api/v1/programmes/${f.programme}/notices?limit=200${query}`)).json() as {
          items: Notice[];
        }
      ).items.map((n) => n.id);

    const office = await ids(supervisor);
    expect(office).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(office.indexOf(theirs.id)).toBeLessThan(office.indexOf(mine.id));
    const ofReporter = await ids(reporter);
    expect(ofReporter).toContain(mine.id);
    expect(ofReporter).not.toContain(theirs.id);
    expect(await ids(reporter, `&unitId=${f.otherUnit}`)).toEqual([]);
    const ofOther = await ids(otherReporter);
    expect(ofOther).toEqual([theirs.id]);
    // 周文清 supervises the school, not the care facilities.
    expect(await ids(leader)).not.toContain(theirs.id);
    expect(await ids(leader)).toContain(mine.id);

    expect(await ids(supervisor, `&unitId=${f.otherUnit}`)).toEqual([theirs.id]);
    expect(await ids(supervisor, `&itemId=${f.otherItem}`)).toEqual([theirs.id]);
    const open = await ids(supervisor, '&state=open');
    expect(open).toContain(mine.id);
    expect(await ids(supervisor, '&state=closed')).not.toContain(mine.id);

    const page = (await supervisor.get(`/api/v1/programmes/${f.programme}/notices?limit=1&offset=1`)).json() as {
      items: Notice[];
      total: number;
    };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.id).toBe(office[1]);
    expect(page.total).toBe(office.length);
  });
});

describe('escalation', () => {
  it('goes up a level by hand, at most twice, and reaches the unit head and then the leader', async () => {
    const notice = await issue();
    const one = await supervisor.post(`/api/v1/notices/${notice.id}/escalate`, { version: 1, note: '逾期未见成效' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      state: 'escalated',
      escalationLevel: 1,
      version: 2,
      escalationNote: '逾期未见成效',
    });
    const two = await supervisor.post(`/api/v1/notices/${notice.id}/escalate`, { version: 2, note: '报分管区领导' });
    expect(two.json()).toMatchObject({ state: 'escalated', escalationLevel: 2, version: 3 });
    const three = await supervisor.post(`/api/v1/notices/${notice.id}/escalate`, { version: 3, note: '再升级' });
    expect(three.statusCode).toBe(409);
    expect((three.json() as { message: string }).message).toMatch(/^该督办单已升级到最高级别/);

    const leaderInbox = await inboxOf('leader');
    const red = leaderInbox.find((m) => m.dedupeKey === `notice:${notice.id}:level:2`);
    expect(red?.level).toBe('red');
    expect(red?.body).toContain('报分管区领导');
    expect((await inboxOf('reporter')).some((m) => m.dedupeKey === `notice:${notice.id}:level:1`)).toBe(true);
    expect((await auditOf(notice.id)).map((a) => a.action)).toEqual(['create', 'escalate', 'escalate']);
    expect((await auditOf(notice.id))[1]?.after).toMatchObject({ escalationLevel: 1, note: '逾期未见成效' });

    // An escalated notice still takes a reply.
    const replied = await reporter.post(`/api/v1/notices/${notice.id}/reply`, { version: 3, reply: '已整改到位' });
    expect(replied.json()).toMatchObject({ state: 'replied', escalationLevel: 2 });
  });

  it('closes an unanswered notice only with a note saying why', async () => {
    const notice = await issue();
    const bare = await supervisor.post(`/api/v1/notices/${notice.id}/close`, { version: 1 });
    expect(bare.statusCode).toBe(400);
    expect((bare.json() as { message: string }).message).toMatch(/^承办单位尚未回复/);
    const withNote = await supervisor.post(`/api/v1/notices/${notice.id}/close`, {
      version: 1,
      note: '经现场核实已整改',
    });
    expect(withNote.json()).toMatchObject({ state: 'closed', closeNote: '经现场核实已整改' });
    const twice = await supervisor.post(`/api/v1/notices/${notice.id}/close`, { version: 2, note: '再关' });
    expect(twice.statusCode).toBe(409);
    expect((await reporter.post(`/api/v1/notices/${notice.id}/close`, { version: 2 })).statusCode).toBe(403);
  });

  it('escalates overdue notices by date, once per level, and audits each change', async () => {
    const due = await issue({ replyDue: today });
    const answered = await issue({ replyDue: today });
    await reporter.post(`/api/v1/notices/${answered.id}/reply`, { version: 1, reply: '已按要求完成' });
    const system = { actor: { kind: 'system' as const, name: 'scheduler' } };
    const level = async (id: number) => (await supervisor.get(`/api/v1/notices/${id}`)).json() as Notice;

    expect(await escalateOverdueNotices(ctx.database.db, system, today)).toBe(0);
    expect((await level(due.id)).escalationLevel).toBe(0);

    const tomorrow = addDays(today, 1);
    expect(await escalateOverdueNotices(ctx.database.db, system, tomorrow)).toBe(1);
    expect(await escalateOverdueNotices(ctx.database.db, system, tomorrow)).toBe(0);
    expect(await level(due.id)).toMatchObject({ state: 'escalated', escalationLevel: 1 });
    expect((await level(due.id)).escalationNote).toContain('自动升级');
    expect(await level(answered.id)).toMatchObject({ state: 'replied', escalationLevel: 0 });

    // Five working days after the reply date (at most about two calendar weeks, holidays included).
    const muchLater = addDays(today, 25);
    expect(await escalateOverdueNotices(ctx.database.db, system, muchLater)).toBe(1);
    expect(await escalateOverdueNotices(ctx.database.db, system, muchLater)).toBe(0);
    expect(await level(due.id)).toMatchObject({ state: 'escalated', escalationLevel: 2 });

    const audit = await auditOf(due.id);
    expect(audit.map((a) => `${a.action} ${a.actorName}`)).toEqual([
      'create supervisor',
      'escalate system:scheduler',
      'escalate system:scheduler',
    ]);
    const reds = (await inboxOf('reporter')).filter((m) => m.dedupeKey.startsWith(`notice:${due.id}:level:`));
    expect(reds.map((m) => m.level)).toEqual(['red', 'red']);
  });
});

describe('printing a notice', () => {
  it('gives a Word document in the notice layout, named by its number, with the reply once given', async () => {
    const notice = await issue();
    const before = await reporter.get(`/api/v1/notices/${notice.id}/docx`);
    expect(before.statusCode).toBe(200);
    expect(before.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const disposition = String(before.headers['content-disposition']);
    expect(disposition).toContain(`filename="notice-${notice.id}.docx"`);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(`${notice.number} 区教育局.docx`);

    const { source } = readDocxBack(before.rawPayload);
    expect(source.paragraphs.slice(0, 2).map((p) => p.text)).toEqual(['明湖区民心工程督办单', notice.number]);
    const rows = Object.fromEntries((source.tables[0]?.rows ?? []).map((r) => [r[0], r[1]]));
    const [y, m, d] = later.split('-');
    expect(rows).toEqual({
      督办事项: `${f.ownItemNumber}. 建成明湖区实验小学云溪校区`,
      承办单位: '区教育局',
      督办事由: '二季度末应完成内部装饰装修60%，实报35%，进度滞后。',
      工作要求: '倒排工期，加派施工力量，每周报送一次进度。',
      反馈时限: `${y}年${Number(m)}月${Number(d)}日前`,
      督办单位: '明湖区督查室',
      签发日期: `${today.slice(0, 4)}年${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`,
    });
    expect(source.paragraphs.map((p) => p.text)).toContain('（待承办单位回复）');

    await reporter.post(`/api/v1/notices/${notice.id}/reply`, { version: 1, reply: '已完成整改。' });
    const after = readDocxBack((await supervisor.get(`/api/v1/notices/${notice.id}/docx`)).rawPayload);
    const texts = after.source.paragraphs.map((p) => p.text);
    expect(texts).toContain('已完成整改。');
    expect(texts.some((t) => t.startsWith('回复日期：'))).toBe(true);
  });
});
