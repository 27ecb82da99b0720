// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Channel } from '../../api/channels.js';
import type { Delivery } from '../../api/deliveries.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, sessionOf } from '../../testing/fixtures.js';
import {
  click,
  fakeApi,
  getButton,
  getByLabel,
  type RecordedRequest,
  type Rendered,
  render,
  type,
  waitFor,
} from '../../testing/render.js';
import { ChannelsPage } from './channels-page.js';
import { DeliveriesPage } from './deliveries-page.js';

const channels: Channel[] = [
  {
    id: 1,
    jurisdictionId: 2,
    kind: 'wecom',
    name: '督查室工作群',
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    hasSecret: false,
    minLevel: 'yellow',
    enabled: true,
    version: 1,
  },
  {
    id: 2,
    jurisdictionId: null,
    kind: 'dingtalk',
    name: '区领导钉钉群',
    url: 'https://oapi.dingtalk.com/robot/send?access_token=xyz',
    hasSecret: true,
    minLevel: 'red',
    enabled: false,
    version: 4,
  },
  {
    id: 3,
    jurisdictionId: 2,
    kind: 'email',
    name: '邮件提醒',
    url: null,
    hasSecret: false,
    minLevel: 'blue',
    enabled: true,
    version: 1,
  },
];

const routes = (
  <RequireSession>
    <Routes>
      <Route path="/channels" element={<ChannelsPage />} />
      <Route path="/deliveries" element={<DeliveriesPage />} />
    </Routes>
  </RequireSession>
);

const body = () => document.body.textContent ?? '';
const rowOf = (text: string) =>
  [...document.querySelectorAll('tbody tr')].find((row) => row.textContent?.includes(text))?.textContent ?? '';
const sent = (requests: RecordedRequest[], method: string) => requests.filter((r) => r.method === method);

function api(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/session': sessionOf(adminUser),
    'GET /api/v1/jurisdictions': {
      status: 200,
      body: { items: [{ id: 2, name: '明湖区', level: 'district', parentId: null, version: 1 }] },
    },
    'GET /api/v1/channels': { status: 200, body: { items: channels } },
    ...extra,
  });
}

describe('ChannelsPage', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('lists robots and e-mail without ever showing a secret', async () => {
    api();
    view = await render(routes, { route: '/channels' });
    await waitFor(() => expect(rowOf('督查室工作群')).toContain('企业微信群机器人'));
    expect(rowOf('督查室工作群')).toContain('黄色预警及以上');
    expect(rowOf('督查室工作群')).toContain('明湖区');
    expect(rowOf('督查室工作群')).toContain('启用');
    expect(rowOf('区领导钉钉群')).toContain('钉钉群机器人');
    expect(rowOf('区领导钉钉群')).toContain('已设置');
    expect(rowOf('区领导钉钉群')).toContain('仅红色督办');
    expect(rowOf('区领导钉钉群')).toContain('全部行政区');
    expect(rowOf('区领导钉钉群')).toContain('停用');
    expect(rowOf('邮件提醒')).toContain('各收件人的邮箱');
  });

  it('sends a test message and says how it went', async () => {
    api({
      'POST /api/v1/channels/1/test': { status: 200, body: { ok: true, error: null, deliveryId: 7 } },
      'POST /api/v1/channels/2/test': {
        status: 200,
        body: { ok: false, error: '钉钉返回错误 310000：签名不匹配。', deliveryId: 8 },
      },
    });
    view = await render(routes, { route: '/channels' });
    await waitFor(() => getButton('向“督查室工作群”发送测试消息'));

    await click(getButton('向“督查室工作群”发送测试消息'));
    await waitFor(() =>
      expect(document.querySelector('[data-testid="channel-test-outcome"]')?.textContent).toContain(
        '测试消息已发送到“督查室工作群”。',
      ),
    );
    await click(getButton('向“区领导钉钉群”发送测试消息'));
    await waitFor(() =>
      expect(document.querySelector('[data-testid="channel-test-outcome"]')?.textContent).toContain(
        '测试消息发送失败：钉钉返回错误 310000：签名不匹配。',
      ),
    );
  });

  it('creates a WeCom robot, refusing an address that is not https', async () => {
    const fake = api({
      'POST /api/v1/channels': (request) => ({
        status: 201,
        body: { id: 9, hasSecret: false, version: 1, ...(request.body as object) },
      }),
    });
    view = await render(routes, { route: '/channels' });
    await waitFor(() => expect(rowOf('督查室工作群')).toContain('企业微信'));

    await click(getButton('新建渠道'));
    await waitFor(() => getByLabel('名称'));
    await type(getByLabel('名称'), '教育局工作群');
    await type(getByLabel('Webhook 地址'), 'http://example.com/hook');
    await click(getButton('保存'));
    await waitFor(() => expect(body()).toContain('请填写以 https:// 开头的完整地址'));
    expect(sent(fake.requests, 'POST')).toHaveLength(0);

    await type(getByLabel('Webhook 地址'), 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=new');
    await click(getButton('保存'));
    await waitFor(() => expect(sent(fake.requests, 'POST')).toHaveLength(1));
    expect(sent(fake.requests, 'POST')[0]?.body).toEqual({
      jurisdictionId: null,
      kind: 'wecom',
      name: '教育局工作群',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=new',
      minLevel: 'blue',
      enabled: true,
    });
  });

  it('keeps a DingTalk secret unless one is typed or it is cleared', async () => {
    const fake = api({
      'PATCH /api/v1/channels/2': (request) => ({
        status: 200,
        body: { ...channels[1], version: 5, ...(request.body as object) },
      }),
    });
    view = await render(routes, { route: '/channels' });
    await waitFor(() => getButton('编辑“区领导钉钉群”'));

    await click(getButton('编辑“区领导钉钉群”'));
    await waitFor(() => expect(getByLabel('加签密钥').getAttribute('placeholder')).toBe('已设置；留空则保持不变'));
    expect(getByLabel('加签密钥').value).toBe('');
    await click(getButton('保存'));
    await waitFor(() => expect(sent(fake.requests, 'PATCH')).toHaveLength(1));
    const first = sent(fake.requests, 'PATCH')[0]?.body as Record<string, unknown>;
    expect(first).toMatchObject({ version: 4, name: '区领导钉钉群', minLevel: 'red', enabled: false });
    expect('secret' in first).toBe(false);

    await click(getButton('编辑“区领导钉钉群”'));
    await waitFor(() => getByLabel('加签密钥'));
    await type(getByLabel('加签密钥'), 'SECnew');
    await click(getButton('保存'));
    await waitFor(() => expect(sent(fake.requests, 'PATCH')).toHaveLength(2));
    expect(sent(fake.requests, 'PATCH')[1]?.body).toMatchObject({ secret: 'SECnew' });

    await click(getButton('编辑“区领导钉钉群”'));
    const clear = await waitFor(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === '清除已设置的密钥');
      const input = label?.querySelector('input');
      if (!input) throw new Error('no clear checkbox');
      return input;
    });
    await click(clear);
    await click(getButton('保存'));
    await waitFor(() => expect(sent(fake.requests, 'PATCH')).toHaveLength(3));
    expect(sent(fake.requests, 'PATCH')[2]?.body).toMatchObject({ secret: null });
  });
});

const deliveries: Delivery[] = [
  {
    id: 31,
    channel: 'wecom',
    channelId: 1,
    recipient: '督查室工作群',
    level: 'red',
    subject: '【红色督办】1 增加学前教育学位：6月报告逾期未报',
    state: 'dead',
    attempts: 6,
    nextAttemptAt: '2026-07-01T02:00:00Z',
    lastError: 'HTTP 500：服务器错误',
    sentAt: null,
    createdAt: '2026-06-26T01:00:00Z',
  },
  {
    id: 32,
    channel: 'email',
    channelId: 3,
    recipient: 'reporter@minhu.example',
    level: 'blue',
    subject: '【蓝色提醒】6月报告将于6月25日截止',
    state: 'sent',
    attempts: 1,
    nextAttemptAt: '2026-06-22T01:00:00Z',
    lastError: null,
    sentAt: '2026-06-22T01:00:05Z',
    createdAt: '2026-06-22T01:00:00Z',
  },
];

describe('DeliveriesPage', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows attempts and the last error, and retries an abandoned delivery', async () => {
    const fake = api({
      'GET /api/v1/deliveries': { status: 200, body: { items: deliveries, total: 2 } },
      'POST /api/v1/deliveries/31/retry': {
        status: 200,
        body: { ...deliveries[0], state: 'pending', attempts: 0 },
      },
    });
    view = await render(routes, { route: '/deliveries' });
    await waitFor(() => expect(rowOf('逾期未报')).toContain('已放弃'));
    expect(rowOf('逾期未报')).toContain('红色督办');
    expect(rowOf('逾期未报')).toContain('企业微信');
    expect(rowOf('逾期未报')).toContain('HTTP 500：服务器错误');
    expect(rowOf('逾期未报')).toContain('6');
    expect(rowOf('将于6月25日截止')).toContain('已发送');
    expect(body()).toContain('共 2 条');
    expect(fake.requests.find((r) => r.url.startsWith('/api/v1/deliveries'))?.url).toBe('/api/v1/deliveries?limit=200');
    // Only failed or abandoned deliveries can be retried.
    expect(() => getButton('重试：【蓝色提醒】6月报告将于6月25日截止')).toThrow();

    await click(getButton('重试：【红色督办】1 增加学前教育学位：6月报告逾期未报'));
    await waitFor(() => expect(sent(fake.requests, 'POST').map((r) => r.url)).toEqual(['/api/v1/deliveries/31/retry']));
    await waitFor(() => expect(body()).toContain('已重新排队，稍后发送'));
  });
});
