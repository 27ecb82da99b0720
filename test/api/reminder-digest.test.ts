import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedProgrammes, reportAssignments } from '../../src/db/repositories/recipients.repository.js';
import { deliveries, reports } from '../../src/db/schema-work.js';
import { createTransports, type Transports } from '../../src/server/notify/transports.js';
import { processDeliveries } from '../../src/server/use-cases/reminders/process-deliveries.js';
import { runReminders, sentTotal } from '../../src/server/use-cases/reminders/run-reminders.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { type ReceivedPost, startRobotReceiver } from '../helpers/notify-receivers.js';

/**
 * Robots get one digest per run, not one message per reminder: the demo
 * programme (published, 2026) with a WeCom and a DingTalk robot, no SMTP.
 */

const SECRET = 'SECdigest-secret';
const ctxSystem = { actor: { kind: 'system' as const, name: 'test' }, ip: null };
const at = (local: string) => new Date(`${local}+08:00`);
const bytes = (text: string) => new TextEncoder().encode(text).length;

let ctx: TestContext;
let robots: Awaited<ReturnType<typeof startRobotReceiver>>;
let transports: Transports;
let admin: Client;
let programmeId: number;
const channelIds: Record<string, number> = {};

const run = (date: string, now: Date) =>
  runReminders(ctx.database.db, {
    date,
    now,
    transports,
    config: { MINXIN_PUBLIC_URL: 'https://minxin.example.gov.cn' },
    ctx: ctxSystem,
    timeoutMs: 1_000,
  });

const rowsOf = (channelId: number | undefined) =>
  ctx.database.db
    .select()
    .from(deliveries)
    .where(eq(deliveries.channelId, channelId ?? -1))
    .orderBy(deliveries.id);

const markdownOf = (post: ReceivedPost): string => {
  const body = post.body as { markdown: { content?: string; text?: string } };
  return body.markdown.content ?? body.markdown.text ?? '';
};

async function createChannel(body: Record<string, unknown>): Promise<number> {
  const response = await admin.post('/api/v1/channels', body);
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: number }).id;
}

async function disableChannel(id: number | undefined) {
  const current = (await admin.get('/api/v1/channels')).json() as { items: { id: number; version: number }[] };
  const version = current.items.find((c) => c.id === id)?.version;
  const response = await admin.patch(`/api/v1/channels/${id}`, { version, enabled: false });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  robots = await startRobotReceiver(SECRET);
  ctx = await createTestApp();
  transports = { postJson: createTransports({ MINXIN_MAIL_FROM: 'minxin@example.gov.cn' }).postJson };
  admin = await signIn(ctx.app, 'admin');
  const published = await publishedProgrammes(ctx.database.db);
  expect(published).toHaveLength(1);
  programmeId = published[0]?.id as number;
  channelIds.wecom = await createChannel({ kind: 'wecom', name: '督查群（企业微信）', url: `${robots.base}/wecom` });
  channelIds.dingtalk = await createChannel({
    kind: 'dingtalk',
    name: '督查群（钉钉）',
    url: `${robots.base}/dingtalk`,
    secret: SECRET,
    minLevel: 'blue',
  });
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  await robots?.close();
});

describe('robot digests', () => {
  it('sends the reminders of a run to each robot as one message; a second run sends nothing', async () => {
    // Every unit but four has handed in its January report: four blue reminders on the 22nd.
    const assignments = await reportAssignments(ctx.database.db, programmeId);
    expect(assignments.length).toBeGreaterThan(10);
    await ctx.database.db.insert(reports).values(
      assignments.slice(4).map((a) => ({
        programmeId,
        itemId: a.itemId,
        unitId: a.unitId,
        period: 'M01',
        state: 'submitted' as const,
      })),
    );

    const first = await run('2026-01-22', at('2026-01-22T15:00:00'));
    expect(first.planned).toBe(4);
    expect(first.sent.wecom).toBe(4);
    expect(first.sent.dingtalk).toBe(4);
    expect(first.robotMessages).toEqual({ wecom: 1, dingtalk: 1 });
    const wecom = robots.posts.filter((p) => p.path === '/wecom');
    const dingtalk = robots.posts.filter((p) => p.path === '/dingtalk');
    expect(wecom).toHaveLength(1);
    expect(dingtalk).toHaveLength(1);
    expect(dingtalk[0]?.signed).toBe(true);
    expect((dingtalk[0]?.body as { markdown: { title: string } }).markdown.title).toBe('【民心工程提醒】4条');

    for (const [path, id] of [
      ['/wecom', channelIds.wecom],
      ['/dingtalk', channelIds.dingtalk],
    ] as const) {
      const rows = await rowsOf(id);
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.state === 'sent' && r.attempts === 1 && r.programmeId === programmeId)).toBe(true);
      const text = markdownOf(robots.posts.find((p) => p.path === path) as ReceivedPost);
      expect(text.startsWith('### 【民心工程提醒】4条\n【蓝色提醒】4条\n\n**1. 【蓝色提醒】')).toBe(true);
      for (const row of rows) expect(text).toContain(row.subject);
      for (const [i, a] of assignments.slice(0, 4).entries()) {
        expect(text).toContain(`**${i + 1}. `);
        expect(text).toContain(a.itemName);
      }
    }

    const posts = robots.posts.length;
    const second = await run('2026-01-22', at('2026-01-22T16:00:00'));
    expect(second.planned).toBe(4);
    expect(sentTotal(second)).toBe(0);
    expect(second.queued).toBe(0);
    expect(robots.posts.length).toBe(posts);
  }, 60_000);

  it('splits a digest over the WeCom size limit into as few messages as fit', async () => {
    // The reports go back to draft: every unit owes its January report again.
    await ctx.database.db
      .update(reports)
      .set({ state: 'draft' })
      .where(and(eq(reports.programmeId, programmeId), inArray(reports.period, ['M01'])));
    const posts = robots.posts.length;
    const result = await run('2026-01-22', at('2026-01-22T17:00:00'));
    const fresh = robots.posts.slice(posts);
    const wecom = fresh.filter((p) => p.path === '/wecom').map(markdownOf);
    const dingtalk = fresh.filter((p) => p.path === '/dingtalk').map(markdownOf);
    const newRows = (await rowsOf(channelIds.wecom)).slice(4);
    const n = newRows.length;
    expect(n).toBe(result.planned - 4);
    expect(result.sent.wecom).toBe(n);
    expect(newRows.every((r) => r.state === 'sent')).toBe(true);

    // All of them, each once, numbered 1…n across the messages.
    const blocks = wecom.flatMap((text) => text.split('\n\n').filter((b) => b.startsWith('**')));
    expect(blocks.map((b) => Number(/^\*\*(\d+)\. /.exec(b)?.[1]))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    for (const row of newRows) {
      const shown = `${row.subject}**\n> ${row.body.split('\n')[0]}`;
      expect(blocks.filter((b) => b.includes(shown))).toHaveLength(1);
    }

    // Each message within 4096 bytes, and no fewer messages would do: the next one's first block did not fit.
    const total = wecom.reduce((sum, text) => sum + bytes(text), 0);
    expect(wecom.length).toBeGreaterThanOrEqual(Math.ceil(total / 4096));
    expect(wecom.length).toBeGreaterThan(1);
    expect(result.robotMessages.wecom).toBe(wecom.length);
    for (const [i, text] of wecom.entries()) {
      expect(bytes(text)).toBeLessThanOrEqual(4096);
      expect(text.startsWith(`### 【民心工程提醒】${n}条（第${i + 1}/${wecom.length}部分）`)).toBe(true);
      const next = wecom[i + 1]?.split('\n\n').find((b) => b.startsWith('**'));
      if (next) expect(bytes(text) + 2 + bytes(next)).toBeGreaterThan(4096 - 8);
    }
    // DingTalk takes up to 20000 bytes a message: fewer messages for the same reminders.
    expect(dingtalk.length).toBe(result.robotMessages.dingtalk);
    expect(dingtalk.length).toBeLessThan(wecom.length);
    for (const text of dingtalk) expect(bytes(text)).toBeLessThanOrEqual(20_000);
  }, 60_000);

  it('fails all reminders of a digest together when the robot answers 500, and retries them together', async () => {
    await disableChannel(channelIds.wecom);
    await disableChannel(channelIds.dingtalk);
    const failing = await createChannel({ kind: 'wecom', name: '坏机器人', url: `${robots.base}/fail` });
    let now = at('2026-01-26T10:00:00');
    const result = await run('2026-01-26', now);
    const rows = await rowsOf(failing);
    expect(rows.length).toBe(result.planned);
    expect(rows.length).toBeGreaterThan(10);
    expect(result.failed).toBe(rows.length);
    // The first message failed; the rest of the digest was not tried against a failing robot.
    expect(robots.posts.filter((p) => p.path === '/fail')).toHaveLength(1);
    expect(
      rows.every(
        (r) =>
          r.state === 'failed' &&
          r.attempts === 1 &&
          r.lastError === 'HTTP 500' &&
          Date.parse(r.nextAttemptAt) === now.getTime() + 60_000,
      ),
    ).toBe(true);

    now = new Date(now.getTime() + 60_000);
    const retry = await processDeliveries(ctx.database.db, now, transports, { timeoutMs: 1_000 });
    expect(retry.failed).toBe(rows.length);
    expect(robots.posts.filter((p) => p.path === '/fail')).toHaveLength(2);
    const after = await rowsOf(failing);
    expect(
      after.every(
        (r) => r.state === 'failed' && r.attempts === 2 && Date.parse(r.nextAttemptAt) === now.getTime() + 5 * 60_000,
      ),
    ).toBe(true);

    // Run again that night: nothing new, and the retries due meanwhile wait for the end of the
    // programme's quiet hours (22:00–08:00) instead of going into a digest.
    const again = await run('2026-01-26', at('2026-01-26T23:00:00'));
    expect(again.queued).toBe(0);
    expect(sentTotal(again) + again.failed).toBe(0);
    expect(again.deferred).toBe(rows.length);
    expect(robots.posts.filter((p) => p.path === '/fail')).toHaveLength(2);
    const deferred = await rowsOf(failing);
    expect(
      deferred.every(
        (r) =>
          r.programmeId === programmeId &&
          r.attempts === 2 &&
          Date.parse(r.nextAttemptAt) === at('2026-01-27T08:00:00').getTime(),
      ),
    ).toBe(true);
  }, 60_000);
});
