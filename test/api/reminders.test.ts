import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiToday } from '../../src/core/work/calendar.js';
import { releaseLease, tryAcquireLease } from '../../src/db/repositories/leases.repository.js';
import { deliveries } from '../../src/db/schema-work.js';
import { createTransports, type Transports } from '../../src/server/notify/transports.js';
import { REMINDER_LEASE, startScheduler } from '../../src/server/scheduler.js';
import { processDeliveries } from '../../src/server/use-cases/reminders/process-deliveries.js';
import { runReminders, sentTotal } from '../../src/server/use-cases/reminders/run-reminders.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { type ReceivedMail, startRobotReceiver, startSmtpServer } from '../helpers/notify-receivers.js';

/**
 * Reminders end to end on the demo programme (published, 2026, no reports
 * yet): an in-process SMTP server and a local HTTP server playing the WeCom
 * and DingTalk robots, one that answers 500 and one that never answers.
 */

const SECRET = 'SECdemo-signing-secret';
const ctxSystem = { actor: { kind: 'system' as const, name: 'test' }, ip: null };
/** A Shanghai local time as an instant. */
const at = (local: string) => new Date(`${local}+08:00`);

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let robots: Awaited<ReturnType<typeof startRobotReceiver>>;
let transports: Transports;
let admin: Client;
let reporter: Client;
let head: Client;
let leader: Client;
const channelIds: Record<string, number> = {};

const config = { MINXIN_PUBLIC_URL: 'https://minxin.example.gov.cn' };
const run = (date: string, now: Date, extra: { transports?: Transports; timeoutMs?: number } = {}) =>
  runReminders(ctx.database.db, { date, now, transports, config, ctx: ctxSystem, ...extra });

async function created(client: Client, url: string, body: unknown): Promise<{ id: number; version: number }> {
  const response = await client.post(url, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: number; version: number };
}

async function inbox(client: Client): Promise<{ level: string; title: string; body: string; link: string }[]> {
  const response = await client.get('/api/v1/me/inbox?limit=200');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: { level: string; title: string; body: string; link: string }[] }).items;
}

async function deliveryRows() {
  return ctx.database.db.select().from(deliveries).orderBy(deliveries.id);
}

async function setChannel(id: number | undefined, enabled: boolean) {
  const current = (await admin.get('/api/v1/channels')).json() as { items: { id: number; version: number }[] };
  const version = current.items.find((c) => c.id === id)?.version;
  const response = await admin.patch(`/api/v1/channels/${id}`, { version, enabled });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  robots = await startRobotReceiver(SECRET);
  ctx = await createTestApp({ MINXIN_SMTP_URL: smtp.url, ...config });
  transports = createTransports({ MINXIN_SMTP_URL: smtp.url, MINXIN_MAIL_FROM: '民心工程 <minxin@example.gov.cn>' });
  admin = await signIn(ctx.app, 'admin');

  const users = (await admin.get('/api/v1/users')).json() as {
    items: { id: number; username: string; version: number }[];
  };
  const byName = (name: string) => users.items.find((u) => u.username === name);
  for (const [name, email] of [
    ['reporter', 'reporter@edu.example.gov.cn'],
    ['leader', 'zhou@example.gov.cn'],
  ] as const) {
    const user = byName(name);
    const response = await admin.patch(`/api/v1/users/${user?.id}`, { version: user?.version, email });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as { email: string }).email).toBe(email);
  }

  // 区教育局 gets a head (单位负责人) with an account of their own.
  const jurisdictions = (await admin.get('/api/v1/jurisdictions')).json() as { items: { id: number; name: string }[] };
  const minghu = jurisdictions.items.find((j) => j.name === '明湖区')?.id as number;
  const units = (await admin.get(`/api/v1/units?jurisdictionId=${minghu}`)).json() as {
    items: { id: number; name: string; version: number }[];
  };
  const edu = units.items.find((u) => u.name === '区教育局');
  const person = await created(admin, '/api/v1/people', { jurisdictionId: minghu, name: '李校长', title: '局长' });
  const withHead = await admin.patch(`/api/v1/units/${edu?.id}`, { version: edu?.version, headPersonId: person.id });
  expect(withHead.statusCode, withHead.body).toBe(200);
  expect((withHead.json() as { headPersonId: number }).headPersonId).toBe(person.id);
  await created(admin, '/api/v1/users', {
    username: 'edu-head',
    password: TEST_PASSWORD,
    role: 'viewer',
    jurisdictionId: minghu,
    personId: person.id,
    email: 'head@edu.example.gov.cn',
  });

  channelIds.email = (await created(admin, '/api/v1/channels', { kind: 'email', name: '邮件提醒' })).id;
  channelIds.wecom = (
    await created(admin, '/api/v1/channels', { kind: 'wecom', name: '督查群（企业微信）', url: `${robots.base}/wecom` })
  ).id;
  channelIds.dingtalk = (
    await created(admin, '/api/v1/channels', {
      kind: 'dingtalk',
      name: '督查群（钉钉）',
      url: `${robots.base}/dingtalk`,
      secret: SECRET,
      minLevel: 'blue',
    })
  ).id;

  reporter = await signIn(ctx.app, 'reporter');
  head = await signIn(ctx.app, 'edu-head');
  leader = await signIn(ctx.app, 'leader');
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  await robots?.close();
  await smtp?.close();
});

describe('blue reminders before a report is due', () => {
  it('reaches the reporter in the inbox, by e-mail and in both robot groups; a second run sends nothing', async () => {
    // M01 is due Monday 26 January; Thursday the 22nd is two working days before.
    const first = await run('2026-01-22', at('2026-01-22T15:00:00'));
    expect(first.planned).toBeGreaterThan(0);
    expect(first.sent.inbox).toBeGreaterThan(0);
    expect(first.failed + first.dead + first.deferred).toBe(0);

    const mine = await inbox(reporter);
    const blue = mine.filter((m) => m.level === 'blue');
    expect(blue.length).toBeGreaterThan(0);
    const school = blue.find((m) => m.title.includes('建成明湖区实验小学云溪校区'));
    expect(school?.title).toBe('2026年1月进展将于1月26日截止：1. 建成明湖区实验小学云溪校区');
    expect(school?.body).toContain('还有 2 个工作日');
    expect(school?.link).toMatch(/^\/items\/\d+$/);
    // Blue stays with the reporters: the unit head and the leader hear nothing yet.
    expect((await inbox(head)).filter((m) => m.level === 'blue')).toEqual([]);
    expect((await inbox(leader)).filter((m) => m.level === 'blue')).toEqual([]);

    const toReporter = smtp.mails.filter((m: ReceivedMail) => m.to.includes('reporter@edu.example.gov.cn'));
    expect(toReporter.length).toBe(blue.length);
    expect(first.sent.email).toBe(smtp.mails.length);
    const mail = toReporter.find((m) => m.subject.includes('建成明湖区实验小学云溪校区'));
    expect(mail?.subject).toBe('【蓝色提醒】2026年1月进展将于1月26日截止：1. 建成明湖区实验小学云溪校区');
    expect(mail?.from).toBe('minxin@example.gov.cn');
    expect(mail?.text).toContain('https://minxin.example.gov.cn/items/');

    const wecom = robots.posts.filter((p) => p.path === '/wecom');
    const dingtalk = robots.posts.filter((p) => p.path === '/dingtalk');
    // One delivery per reminder and robot, sent as a digest of few messages.
    expect(first.sent.wecom).toBe(first.planned);
    expect(first.sent.dingtalk).toBe(first.planned);
    expect(wecom.length).toBe(first.robotMessages.wecom);
    expect(dingtalk.length).toBe(first.robotMessages.dingtalk);
    expect(wecom.length).toBeLessThan(first.planned / 3);
    expect(dingtalk.length).toBeLessThan(wecom.length);
    expect(wecom[0]?.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: expect.stringMatching(/^### 【民心工程提醒】\d+条/) },
    });
    expect(dingtalk[0]?.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: expect.stringMatching(/^【民心工程提醒】/), text: expect.stringContaining('查看详情') },
    });
    expect(dingtalk.every((p) => p.signed)).toBe(true);

    const before = { mails: smtp.mails.length, posts: robots.posts.length };
    const second = await run('2026-01-22', at('2026-01-22T16:00:00'));
    expect(sentTotal(second)).toBe(0);
    expect(second.queued).toBe(0);
    expect(second.planned).toBe(first.planned);
    expect({ mails: smtp.mails.length, posts: robots.posts.length }).toEqual(before);
  }, 60_000);

  it('writes one audit entry per programme and run that added something', async () => {
    const history = await admin.get('/api/v1/history?entityType=reminder_run&limit=50');
    expect(history.statusCode, history.body).toBe(200);
    const entries = (history.json() as { items: { action: string; after: { date: string; inboxMessages: number } }[] })
      .items;
    expect(entries.filter((e) => e.after.date === '2026-01-22')).toHaveLength(1);
    expect(entries[0]?.after.inboxMessages).toBeGreaterThan(0);
  });
});

describe('failing robots', () => {
  it('retries a webhook that answers 500 or never answers with back-off, then gives up', async () => {
    await setChannel(channelIds.email, false);
    await setChannel(channelIds.wecom, false);
    await setChannel(channelIds.dingtalk, false);
    channelIds.fail = (
      await created(admin, '/api/v1/channels', { kind: 'wecom', name: '坏机器人', url: `${robots.base}/fail` })
    ).id;
    channelIds.hang = (
      await created(admin, '/api/v1/channels', { kind: 'dingtalk', name: '不应答机器人', url: `${robots.base}/hang` })
    ).id;

    // The due day of M01: new (due-day) reminders.
    let now = at('2026-01-26T10:00:00');
    const result = await run('2026-01-26', now, { timeoutMs: 100 });
    expect(result.sent.inbox).toBeGreaterThan(0);
    expect(result.failed).toBeGreaterThan(0);
    const bad = (await deliveryRows()).filter(
      (d) => d.channelId === channelIds.fail || d.channelId === channelIds.hang,
    );
    expect(bad.length).toBe(result.failed);
    expect(new Set(bad.map((d) => d.state))).toEqual(new Set(['failed']));
    expect(bad.find((d) => d.channelId === channelIds.fail)?.lastError).toBe('HTTP 500');
    expect(bad.find((d) => d.channelId === channelIds.hang)?.lastError).toContain('超时');
    expect(Date.parse(bad[0]?.nextAttemptAt ?? '') - now.getTime()).toBe(60_000);

    // Nothing is due before the back-off runs out.
    expect((await processDeliveries(ctx.database.db, new Date(now.getTime() + 59_000), transports)).failed).toBe(0);
    const waits = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
    for (const [i, wait] of waits.entries()) {
      now = new Date(now.getTime() + wait);
      const round = await processDeliveries(ctx.database.db, now, transports, { timeoutMs: 100 });
      if (i < waits.length - 1) expect(round.failed).toBe(bad.length);
      else expect(round.dead).toBe(bad.length);
    }
    const after = (await deliveryRows()).filter((d) => bad.some((b) => b.id === d.id));
    expect(after.every((d) => d.state === 'dead' && d.attempts === 6)).toBe(true);

    const log = await admin.get('/api/v1/deliveries?state=dead&limit=200');
    expect(log.statusCode, log.body).toBe(200);
    expect((log.json() as { total: number }).total).toBe(bad.length);
  }, 60_000);

  it('never holds up a request while a webhook hangs', async () => {
    const dead = (await deliveryRows()).find((d) => d.channelId === channelIds.hang && d.state === 'dead');
    const supervisor = await signIn(ctx.app, 'supervisor');
    const retried = await supervisor.post(`/api/v1/deliveries/${dead?.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await supervisor.post(`/api/v1/deliveries/${dead?.id}/retry`)).statusCode).toBe(409);

    const hangingBefore = robots.hanging();
    const sending = processDeliveries(ctx.database.db, new Date(), transports, { timeoutMs: 3_000 });
    for (let i = 0; i < 100 && robots.hanging() === hangingBefore; i++) await new Promise((r) => setTimeout(r, 20));
    expect(robots.hanging()).toBe(hangingBefore + 1);
    const started = performance.now();
    const response = await reporter.get('/api/v1/me/inbox?unread=true&limit=5');
    const elapsed = performance.now() - started;
    expect(response.statusCode).toBe(200);
    expect(elapsed).toBeLessThan(1_000);
    const outcome = await sending;
    expect(outcome.failed).toBe(1);
  }, 30_000);
});

describe('red reminders and quiet hours', () => {
  it('widens an overdue report to the unit head and the leader; robots and e-mail wait for the morning', async () => {
    await setChannel(channelIds.fail, false);
    await setChannel(channelIds.hang, false);
    await setChannel(channelIds.email, true);
    await setChannel(channelIds.wecom, true);
    const mails = smtp.mails.length;
    const posts = robots.posts.length;

    // Tuesday 27 January, 23:00: M01 is a day overdue, inside quiet hours (22:00–08:00).
    const late = await run('2026-01-27', at('2026-01-27T23:00:00'));
    expect(late.sent.inbox).toBeGreaterThan(0);
    expect(late.deferred).toBe(late.queued);
    expect(late.sent.email + late.sent.wecom).toBe(0);
    expect(smtp.mails.length).toBe(mails);

    const red = (await inbox(head)).filter((m) => m.level === 'red');
    expect(red.some((m) => m.title === '2026年1月进展逾期未报：1. 建成明湖区实验小学云溪校区')).toBe(true);
    const leaderRed = (await inbox(leader)).filter((m) => m.level === 'red');
    expect(leaderRed.some((m) => m.title.includes('建成明湖区实验小学云溪校区'))).toBe(true);

    // Held until 08:00; sent when the morning comes.
    expect((await processDeliveries(ctx.database.db, at('2026-01-28T07:59:00'), transports)).sent.email).toBe(0);
    const morning = await processDeliveries(ctx.database.db, at('2026-01-28T08:00:30'), transports);
    expect(morning.sent.email).toBeGreaterThan(0);
    expect(morning.sent.wecom).toBeGreaterThan(0);
    expect(robots.posts.length).toBe(posts + morning.robotMessages.wecom);
    expect(morning.robotMessages.wecom).toBeLessThan(morning.sent.wecom);
    const headMail = smtp.mails.slice(mails).find((m) => m.to.includes('head@edu.example.gov.cn'));
    expect(headMail?.subject).toMatch(/^【红色督办】/);
  }, 60_000);

  it('queues no e-mail without an SMTP server', async () => {
    const emailBefore = (await deliveryRows()).filter((d) => d.channel === 'email').length;
    // Monday 2 February: a new week, so new red reminders.
    const result = await run('2026-02-02', at('2026-02-02T10:00:00'), {
      transports: { postJson: transports.postJson },
    });
    expect(result.queued).toBeGreaterThan(0);
    expect((await deliveryRows()).filter((d) => d.channel === 'email').length).toBe(emailBefore);
  }, 60_000);
});

describe('the reminder lease', () => {
  it('goes to one holder at a time and to another once it expires', async () => {
    const db = ctx.database.db;
    const a = await tryAcquireLease(db, 'test-lease', 'holder-a', 300);
    const b = await tryAcquireLease(db, 'test-lease', 'holder-b', 300);
    expect(a.acquired).toBe(true);
    expect(b).toEqual({ acquired: false, fence: null });
    const renewed = await tryAcquireLease(db, 'test-lease', 'holder-a', 300);
    expect(renewed).toEqual({ acquired: true, fence: a.fence });
    await new Promise((r) => setTimeout(r, 400));
    const taken = await tryAcquireLease(db, 'test-lease', 'holder-b', 60_000);
    expect(taken.acquired).toBe(true);
    expect(taken.fence).toBe((a.fence ?? 0) + 1);
    expect((await tryAcquireLease(db, 'test-lease', 'holder-a', 60_000)).acquired).toBe(false);
  });

  it('lets the scheduler run only while no other process holds the lease', async () => {
    const db = ctx.database.db;
    const warnings: unknown[] = [];
    const scheduler = startScheduler({
      db,
      config: { MINXIN_REMINDER_INTERVAL: 0, MINXIN_MAIL_FROM: 'minxin@example.gov.cn' },
      log: { info: () => undefined, warn: (object) => void warnings.push(object) },
      transports,
    });
    expect((await tryAcquireLease(db, REMINDER_LEASE, 'cli:elsewhere', 60_000)).acquired).toBe(true);
    expect(await scheduler.runOnce()).toBeNull();
    await releaseLease(db, REMINDER_LEASE, 'cli:elsewhere');
    const result = await scheduler.runOnce();
    expect(result?.date).toBe(shanghaiToday());
    // The scheduler gave the lease back: another holder takes it at once.
    expect((await tryAcquireLease(db, REMINDER_LEASE, 'cli:elsewhere', 60_000)).acquired).toBe(true);
    await releaseLease(db, REMINDER_LEASE, 'cli:elsewhere');
    await scheduler.stop();
    expect(warnings).toEqual([]);
  }, 60_000);
});
