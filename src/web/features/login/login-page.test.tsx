// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, fakeApi, getButton, getByLabel, type Rendered, render, type, waitFor } from '../../testing/render.js';
import { LoginPage } from './login-page.js';

const noSession = { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录。' } };

describe('LoginPage', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows the message the server gives when the account is locked', async () => {
    const api = fakeApi({
      'GET /api/v1/session': noSession,
      'POST /api/v1/session': {
        status: 423,
        body: { code: 'LOCKED', message: '账号已锁定，请 15 分钟后再试。 Account locked.', details: null },
      },
    });
    view = await render(<LoginPage />, { route: '/login' });

    await waitFor(() => getByLabel('用户名'));
    await type(getByLabel('用户名'), 'zhang');
    await type(getByLabel('密码'), 'wrong-password');
    await click(getButton('登录'));

    const alert = await waitFor(() => {
      const found = document.querySelector('[role="alert"]');
      expect(found?.textContent).toContain('账号已锁定，请 15 分钟后再试。');
      return found;
    });
    expect(alert).not.toBeNull();
    const post = api.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ username: 'zhang', password: 'wrong-password' });
  });

  it('does not send the form without a password', async () => {
    const api = fakeApi({ 'GET /api/v1/session': noSession });
    view = await render(<LoginPage />, { route: '/login' });

    await waitFor(() => getByLabel('用户名'));
    await type(getByLabel('用户名'), 'zhang');
    await click(getButton('登录'));

    await waitFor(() => expect(document.body.textContent).toContain('请填写密码'));
    expect(api.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});
