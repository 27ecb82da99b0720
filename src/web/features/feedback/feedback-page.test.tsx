// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackComment, Satisfaction } from '../../api/feedback.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, getByLabel, type Rendered, render, type, waitFor } from '../../testing/render.js';
import { FeedbackPage } from './feedback-page.js';

const supervisor = { ...adminUser, id: 2, username: 'supervisor', role: 'supervisor' as const, jurisdictionId: 2 };

const comment = (id: number, over: Partial<FeedbackComment> = {}): FeedbackComment => ({
  id,
  programmeId: 12,
  itemId: 101,
  itemNumber: '1',
  itemName: '增加学前教育学位',
  rating: 4,
  comment: `第${id}条留言`,
  state: 'pending',
  createdAt: '2024-06-01T02:00:00Z',
  moderatedAt: null,
  moderatedBy: null,
  moderatorName: null,
  rejectReason: null,
  version: 1,
  ...over,
});

const satisfaction: Satisfaction = {
  programmeId: 12,
  overall: { average: 3.75, count: 4 },
  items: [
    {
      itemId: 101,
      number: '1',
      name: '增加学前教育学位',
      parentItemId: null,
      leadUnitId: 20,
      leadUnitName: '区教育局',
      average: 4.33,
      count: 3,
      distribution: [0, 0, 0, 2, 1],
      pendingComments: 2,
    },
    {
      itemId: 104,
      number: '3',
      name: '老旧小区改造',
      parentItemId: null,
      leadUnitId: 21,
      leadUnitName: '区住建委',
      average: 2,
      count: 1,
      distribution: [0, 1, 0, 0, 0],
      pendingComments: 0,
    },
    {
      itemId: 105,
      number: '4',
      name: '新建口袋公园',
      parentItemId: null,
      leadUnitId: 21,
      leadUnitName: '区住建委',
      average: null,
      count: 0,
      distribution: [0, 0, 0, 0, 0],
      pendingComments: 0,
    },
  ],
  units: [
    { unitId: 20, name: '区教育局', average: 4.33, count: 3, itemCount: 1 },
    { unitId: 21, name: '区住建委', average: 2, count: 1, itemCount: 2 },
  ],
};

const routes = () => (
  <RequireSession>
    <Routes>
      <Route path="/feedback" element={<FeedbackPage />} />
    </Routes>
  </RequireSession>
);

const rowsText = () =>
  [...document.querySelectorAll('tbody tr.ant-table-row')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent),
  );

describe('群众评价', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows the pending comments and lets the office show one and reject another with a reason', async () => {
    let pending = [comment(7), comment(8, { rating: 1, comment: '广告推销' })];
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(supervisor),
      'GET /api/v1/programmes': { status: 200, body: { items: [programme] } },
      'GET /api/v1/feedback': () => ({
        status: 200,
        body: { items: pending, total: pending.length, page: 1, pageSize: 20 },
      }),
      'PATCH /api/v1/feedback/7': () => {
        pending = pending.filter((c) => c.id !== 7);
        return { status: 200, body: comment(7, { state: 'approved', version: 2 }) };
      },
      'PATCH /api/v1/feedback/8': () => {
        pending = pending.filter((c) => c.id !== 8);
        return { status: 200, body: comment(8, { state: 'rejected', version: 2, rejectReason: '广告内容' }) };
      },
    });
    view = await render(routes(), { route: '/feedback?programme=12' });
    await waitFor(() => expect(document.body.textContent).toContain('第7条留言'));
    expect(document.querySelector('h1')?.textContent).toBe('群众评价');
    expect(requests.find((r) => r.url.startsWith('/api/v1/feedback'))?.url).toBe(
      '/api/v1/feedback?programmeId=12&state=pending&page=1&pageSize=20',
    );
    expect(rowsText()[0]?.slice(0, 3)).toEqual(['1 增加学前教育学位', '4 分', '第7条留言']);

    await click(getButton('公开第 7 条留言'));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ state: 'approved', version: 1 });
    await waitFor(() => expect(document.body.textContent).not.toContain('第7条留言'));

    await click(getButton('不予公开第 8 条留言'));
    await waitFor(() => expect(getByLabel('原因')).toBeTruthy());
    await click(getButton('不予公开'));
    // No reason, no request.
    await waitFor(() => expect(document.body.textContent).toContain('请写明不予公开的原因'));
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    await type(getByLabel('原因'), '广告内容');
    await click(getButton('不予公开'));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PATCH')[1]?.body).toEqual({
      state: 'rejected',
      reason: '广告内容',
      version: 1,
    });
    await waitFor(() => expect(document.body.textContent).toContain('没有待处理的留言'));
  });

  it('shows satisfaction per item with its distribution and per lead unit, with a bar for the mean', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf(supervisor),
      'GET /api/v1/programmes': { status: 200, body: { items: [programme] } },
      'GET /api/v1/programmes/12/satisfaction': { status: 200, body: satisfaction },
    });
    view = await render(routes(), { route: '/feedback?programme=12&tab=satisfaction' });
    await waitFor(() => expect(document.body.textContent).toContain('全部评价：平均 3.75 分，共 4 人次'));
    const [items, units] = [...document.querySelectorAll('table')].map((table) =>
      [...table.querySelectorAll('tbody tr.ant-table-row')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent),
      ),
    );
    expect(items?.[0]).toEqual([
      '1 增加学前教育学位',
      '区教育局',
      '4.33',
      '3',
      '1 分 0 人次，2 分 0 人次，3 分 0 人次，4 分 2 人次，5 分 1 人次',
      '2',
    ]);
    expect(items?.[2]?.slice(2, 4)).toEqual(['—', '0']);
    expect(units).toEqual([
      ['区教育局', '4.33', '3', '1'],
      ['区住建委', '2', '1', '2'],
    ]);
    const bars = [...document.querySelectorAll<HTMLElement>('[data-testid="average-bar"]')].map((b) => b.style.width);
    expect(bars.slice(0, 2)).toEqual(['87%', '40%']);
  });
});
