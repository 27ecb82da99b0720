// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InboxMessage } from '../../api/inbox.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, waitFor as poll, type Rendered, render } from '../../testing/render.js';
import { InboxPage } from './inbox-page.js';

const waitFor = <T,>(check: () => T) => poll(check, 10_000);

const messages: InboxMessage[] = [
  {
    id: 3,
    level: 'red',
    title: '3 改造老旧小区 5月进展逾期未报',
    body: '截止日期2026-05-25已过，请尽快报送。',
    link: '/items/11/reports/M05',
    createdAt: '2026-06-22T01:00:00Z',
    readAt: null,
  },
  {
    id: 2,
    level: 'yellow',
    title: '7 新增学位 进度滞后',
    body: '二季度末应达10000人，实报7200人（72%）',
    link: null,
    createdAt: '2026-06-20T01:00:00Z',
    readAt: null,
  },
  {
    id: 1,
    level: 'blue',
    title: '6月进展即将截止',
    body: '',
    link: 'https://example.com/phish',
    createdAt: '2026-06-18T01:00:00Z',
    readAt: '2026-06-18T02:00:00Z',
  },
];

describe('inbox', { timeout: 40_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('lists messages with their colour in words, and marks one or all read', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/me/inbox': { status: 200, body: { items: messages, total: 3, unread: 2 } },
      'POST /api/v1/me/inbox/3/read': { status: 200, body: { ...messages[0], readAt: '2026-06-22T02:00:00Z' } },
      'POST /api/v1/me/inbox/read-all': { status: 200, body: { marked: 1, unread: 0 } },
    });
    view = await render(
      <RequireSession>
        <Routes>
          <Route path="/inbox" element={<InboxPage />} />
        </Routes>
      </RequireSession>,
      { route: '/inbox' },
    );
    await waitFor(() => expect(document.querySelectorAll('[data-testid="inbox-message"]')).toHaveLength(3));
    expect([...document.querySelectorAll('[data-testid="inbox-level"]')].map((e) => e.textContent)).toEqual([
      '红色督办',
      '黄色预警',
      '蓝色提醒',
    ]);
    expect(document.body.textContent).toContain('二季度末应达10000人，实报7200人（72%）');
    expect(document.body.textContent).toContain('共 3 条，未读 2 条');
    // Only links inside the application are offered.
    const links = [...document.querySelectorAll('[data-testid="inbox-message"] a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/items/11/reports/M05']);
    // A read message has no "mark read" button.
    expect(() => getButton('将“6月进展即将截止”标为已读')).toThrow();

    await click(getButton('将“3 改造老旧小区 5月进展逾期未报”标为已读'));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/me/inbox/3/read'))).toBe(true));
    await click(getButton('全部标为已读'));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/me/inbox/read-all'))).toBe(true));
  });
});
