import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { startRobotReceiver } from '../helpers/notify-receivers.js';

const SECRET = 'SECchannel-test';
let ctx: TestContext;
let robots: Awaited<ReturnType<typeof startRobotReceiver>>;
let admin: Client;
let supervisor: Client;
let minghu: number;

interface ChannelOut {
  id: number;
  jurisdictionId: number | null;
  kind: string;
  url: string | null;
  hasSecret: boolean;
  minLevel: string;
  version: number;
}

beforeAll(async () => {
  robots = await startRobotReceiver(SECRET);
  ctx = await createTestApp();
  admin = await signIn(ctx.app, 'admin');
  supervisor = await signIn(ctx.app, 'supervisor');
  const jurisdictions = (await admin.get('/api/v1/jurisdictions')).json() as { items: { id: number; name: string }[] };
  minghu = jurisdictions.items.find((j) => j.name === '明湖区')?.id as number;
});
afterAll(async () => {
  await ctx?.close();
  await robots?.close();
});

describe('reminder channels', () => {
  it('keeps the DingTalk secret write-only', async () => {
    const created = await supervisor.post('/api/v1/channels', {
      jurisdictionId: minghu,
      kind: 'dingtalk',
      name: '督查群',
      url: `${robots.base}/dingtalk`,
      secret: SECRET,
      minLevel: 'yellow',
    });
    expect(created.statusCode, created.body).toBe(201);
    const channel = created.json() as ChannelOut;
    expect(channel).toMatchObject({ kind: 'dingtalk', hasSecret: true, minLevel: 'yellow', jurisdictionId: minghu });
    expect(created.body).not.toContain(SECRET);
    const listed = await supervisor.get('/api/v1/channels');
    expect(listed.body).not.toContain(SECRET);
    expect((listed.json() as { items: ChannelOut[] }).items.map((c) => c.id)).toContain(channel.id);
    const history = await admin.get(`/api/v1/history?entityType=channel&entityId=${channel.id}`);
    expect(history.statusCode).toBe(200);
    expect(history.body).not.toContain(SECRET);

    const tested = await supervisor.post(`/api/v1/channels/${channel.id}/test`);
    expect(tested.statusCode, tested.body).toBe(200);
    expect(tested.json()).toMatchObject({ ok: true, error: null });
    const post = robots.posts.at(-1);
    expect(post?.signed).toBe(true);
    expect(post?.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '测试消息：督查群' } });

    const cleared = await supervisor.patch(`/api/v1/channels/${channel.id}`, {
      version: channel.version,
      secret: null,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((cleared.json() as ChannelOut).hasSecret).toBe(false);
    const unsigned = await supervisor.post(`/api/v1/channels/${channel.id}/test`);
    expect(unsigned.json()).toMatchObject({ ok: false });
    expect((unsigned.json() as { error: string }).error).toContain('310000');

    const log = (await supervisor.get('/api/v1/deliveries')).json() as { items: { id: number; state: string }[] };
    expect(log.items.slice(0, 2).map((d) => d.state)).toEqual(['dead', 'sent']);
    expect((await supervisor.delete(`/api/v1/channels/${channel.id}`)).statusCode).toBe(204);
  });

  it('reports a robot that answers 500 without failing the request', async () => {
    const channel = (
      await admin.post('/api/v1/channels', { kind: 'wecom', name: '坏机器人', url: `${robots.base}/fail` })
    ).json() as ChannelOut;
    const tested = await admin.post(`/api/v1/channels/${channel.id}/test`);
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toMatchObject({ ok: false });
    expect((tested.json() as { error: string }).error).toMatch(/^发送失败：HTTP 500/);
  });

  it('refuses bad webhooks and shapes that do not fit the kind, in Chinese first', async () => {
    const bad = [
      { kind: 'wecom', name: 'a', url: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x' },
      { kind: 'wecom', name: 'a', url: 'ftp://example.com/x' },
      { kind: 'wecom', name: 'a' },
      { kind: 'wecom', name: 'a', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', secret: 'x' },
      { kind: 'email', name: 'a', url: 'https://example.com/x' },
      { kind: 'sms', name: 'a' },
    ];
    for (const body of bad) {
      const response = await admin.post('/api/v1/channels', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect((response.json() as { message: string }).message).toMatch(/^[\u4e00-\u9fa5]/);
    }
    const ok = await admin.post('/api/v1/channels', {
      kind: 'wecom',
      name: '企业微信',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('lets a supervisor manage only the channels of its jurisdiction', async () => {
    const everywhere = await supervisor.post('/api/v1/channels', { kind: 'email', name: '全部' });
    expect(everywhere.statusCode).toBe(403);
    const global = (await admin.post('/api/v1/channels', { kind: 'email', name: '全局邮件' })).json() as ChannelOut;
    const seen = (await supervisor.get('/api/v1/channels')).json() as { items: ChannelOut[] };
    expect(seen.items.map((c) => c.id)).not.toContain(global.id);
    expect(seen.items.every((c) => c.jurisdictionId === minghu)).toBe(true);
    expect((await supervisor.patch(`/api/v1/channels/${global.id}`, { version: 1, name: 'x' })).statusCode).toBe(403);
    const reporter = await signIn(ctx.app, 'reporter');
    expect((await reporter.get('/api/v1/channels')).statusCode).toBe(403);
    expect((await reporter.get('/api/v1/deliveries')).statusCode).toBe(403);
  });

  it('cannot test an e-mail channel without SMTP', async () => {
    const channel = (await admin.post('/api/v1/channels', { kind: 'email', name: '邮件' })).json() as ChannelOut;
    const tested = await admin.post(`/api/v1/channels/${channel.id}/test`);
    expect(tested.statusCode).toBe(400);
    expect((tested.json() as { message: string }).message).toContain('SMTP');
  });
});

describe('users and units for reminders', () => {
  it('validates a user’s e-mail and a unit head of the same jurisdiction', async () => {
    const users = (await admin.get('/api/v1/users')).json() as {
      items: { id: number; username: string; version: number }[];
    };
    const reporter = users.items.find((u) => u.username === 'reporter');
    const wrong = await admin.patch(`/api/v1/users/${reporter?.id}`, {
      version: reporter?.version,
      email: 'not-an-address',
    });
    expect(wrong.statusCode).toBe(400);
    expect((wrong.json() as { message: string }).message).toContain('邮箱格式不正确');
    const far = (
      await admin.post('/api/v1/jurisdictions', { name: '远山区', level: 'district', parentId: null })
    ).json() as {
      id: number;
    };
    const stranger = (await admin.post('/api/v1/people', { jurisdictionId: far.id, name: '外区人员' })).json() as {
      id: number;
    };
    const units = (await admin.get(`/api/v1/units?jurisdictionId=${minghu}`)).json() as {
      items: { id: number; version: number; headPersonId: number | null }[];
    };
    const unit = units.items[0];
    expect(unit?.headPersonId).toBeDefined();
    const refused = await admin.patch(`/api/v1/units/${unit?.id}`, {
      version: unit?.version,
      headPersonId: stranger.id,
    });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as { message: string }).message).toMatch(/^单位负责人须是本行政区的人员/);
  });
});
