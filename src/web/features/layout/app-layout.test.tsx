// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../api/types.js';
import { AppRoutes } from '../../app/routes.js';
import { fakeApi, type Rendered, render, waitFor } from '../../testing/render.js';

const session = (role: Role) => ({
  status: 200,
  body: {
    user: { id: 1, username: 'li', displayName: '李督查', role, jurisdictionId: 2, unitId: null, personId: null },
    csrfToken: 'csrf-1',
  },
});

const menuLinks = () => [...document.querySelectorAll('nav a')].map((a) => a.textContent);

describe('AppLayout', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('offers a viewer the programmes only', async () => {
    fakeApi({
      'GET /api/v1/session': session('viewer'),
      'GET /api/v1/programmes': { status: 200, body: { items: [] } },
    });
    view = await render(<AppRoutes />, { route: '/programmes' });
    await waitFor(() => expect(menuLinks()).toEqual(['民心工程', '督查看板', '督办单', '进展情况通报']));
    expect(document.body.textContent).toContain('李督查');
    expect(document.body.textContent).toContain('查看者');
    expect(document.body.textContent).not.toContain('新建民心工程');
  });

  it('offers an admin every page', async () => {
    fakeApi({
      'GET /api/v1/session': session('admin'),
      'GET /api/v1/programmes': { status: 200, body: { items: [] } },
      'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
    });
    view = await render(<AppRoutes />, { route: '/programmes' });
    await waitFor(() =>
      expect(menuLinks()).toEqual([
        '民心工程',
        '督查看板',
        '督办单',
        '进展情况通报',
        '群众评价',
        '行政区',
        '责任单位',
        '人员',
        '用户',
        '工作日历',
        '提醒渠道',
        '发送记录',
      ]),
    );
    await waitFor(() => expect(document.body.textContent).toContain('新建民心工程'));
  });

  it('goes to the sign-in page when the session has expired', async () => {
    let sessionAlive = true;
    fakeApi({
      'GET /api/v1/session': () =>
        sessionAlive
          ? session('supervisor')
          : { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录。' } },
      'GET /api/v1/programmes': () => {
        sessionAlive = false;
        return { status: 401, body: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录。' } };
      },
      'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
    });
    view = await render(<AppRoutes />, { route: '/programmes' });
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('登录'));
  });
});
