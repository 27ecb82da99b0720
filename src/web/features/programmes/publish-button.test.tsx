// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Programme, SessionUser } from '../../api/types.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, type Rendered, render, waitFor } from '../../testing/render.js';
import { ProgrammePage } from './programme-page.js';

const draft: Programme = { ...programme, state: 'draft' };
const supervisor: SessionUser = { ...adminUser, role: 'supervisor', jurisdictionId: 2 };

function routes() {
  return (
    <RequireSession>
      <Routes>
        <Route path="/programmes/:id" element={<ProgrammePage />} />
      </Routes>
    </RequireSession>
  );
}

/** The programme page of programme 12 in `state`, for `user`, with publish answering `publish`. */
function api(
  user: SessionUser,
  state: Programme,
  publish: { status: number; body: unknown } = { status: 200, body: { ...state, state: 'published' } },
) {
  let current = state;
  return fakeApi({
    'GET /api/v1/session': sessionOf(user),
    'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
    'GET /api/v1/programmes/12/tree': () => ({ status: 200, body: { programme: current, categories: [] } }),
    'POST /api/v1/programmes/12/publish': () => {
      if (publish.status === 200) current = { ...current, state: 'published', version: current.version + 1 };
      return publish;
    },
  });
}

const popover = () =>
  waitFor(() => {
    const found = document.querySelector('.ant-popover');
    expect(found?.textContent).toContain('确定发布“西青区2024年20项民心工程”吗？');
    return found as HTMLElement;
  });

describe('the 发布 button of the programme page', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('publishes a draft after a confirm, then links to the public page', async () => {
    const { requests } = api(supervisor, draft);
    view = await render(routes(), { route: '/programmes/12' });
    const button = await waitFor(() => getButton('发布“西青区2024年20项民心工程”'));
    expect(button.textContent?.replace(/\s+/g, '')).toBe('发布');
    await click(button);
    const confirm = await popover();
    expect(confirm.textContent).toContain('人人可见');
    expect(requests.some((r) => r.url.endsWith('/publish'))).toBe(false);

    await click(getButton('发布', confirm));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/publish'))).toBe(true));
    const call = requests.find((r) => r.url.endsWith('/publish'));
    expect(call?.url).toBe('/api/v1/programmes/12/publish');
    expect(call?.body).toEqual({});
    expect(call?.headers['x-csrf-token']).toBe('csrf-test');
    await waitFor(() => expect(document.body.textContent).toContain('已发布，公众可在公开网站查看'));
    // The tree is read again: the page now shows the published state and the public link.
    const link = await waitFor(() => {
      const found = document.querySelector('[data-testid="view-public"]');
      expect(found).not.toBeNull();
      return found as HTMLAnchorElement;
    });
    expect(link.getAttribute('href')).toBe('/p/12');
    expect(link.textContent).toContain('查看公开页面');
    expect(() => getButton('发布“西青区2024年20项民心工程”')).toThrow();
  });

  it('does nothing when the confirm is cancelled', async () => {
    const { requests } = api(adminUser, draft);
    view = await render(routes(), { route: '/programmes/12' });
    await click(await waitFor(() => getButton('发布“西青区2024年20项民心工程”')));
    await click(getButton('取消', await popover()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.some((r) => r.url.endsWith('/publish'))).toBe(false);
  });

  it('shows the server’s refusal in its words', async () => {
    api(supervisor, draft, {
      status: 409,
      body: { code: 'CONFLICT', message: '该清单已归档，不能发布；如需公开，请先将其状态改回草稿。', details: null },
    });
    view = await render(routes(), { route: '/programmes/12' });
    await click(await waitFor(() => getButton('发布“西青区2024年20项民心工程”')));
    await click(getButton('发布', await popover()));
    await waitFor(() => expect(document.body.textContent).toContain('请先将其状态改回草稿'));
  });

  it('is not offered to a viewer, nor on an archived programme', async () => {
    api({ ...adminUser, role: 'viewer', jurisdictionId: 2 }, draft);
    view = await render(routes(), { route: '/programmes/12' });
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('西青区2024年20项民心工程'));
    expect(() => getButton('发布“西青区2024年20项民心工程”')).toThrow();
    expect(document.querySelector('[data-testid="view-public"]')).toBeNull();
    view.unmount();
    vi.unstubAllGlobals();

    api(adminUser, { ...programme, state: 'archived' });
    view = await render(routes(), { route: '/programmes/12' });
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('西青区2024年20项民心工程'));
    expect(() => getButton('发布“西青区2024年20项民心工程”')).toThrow();
    expect(document.querySelector('[data-testid="view-public"]')).toBeNull();
  });
});
