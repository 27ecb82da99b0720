// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person, Unit, User } from '../../api/types.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, getByLabel, type Rendered, render, type, waitFor } from '../../testing/render.js';
import { UnitsPage } from './units-page.js';
import { UsersPage } from './users-page.js';

// The contact details reminders need: a user's e-mail address and a unit's head.

const account: User = {
  id: 7,
  username: 'wangming',
  displayName: '王明',
  role: 'reporter',
  jurisdictionId: 2,
  unitId: 20,
  personId: null,
  email: 'wangming@minhu.example',
  disabled: false,
  lockedUntil: null,
  version: 3,
};

describe('user e-mail', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows the stored address, refuses a malformed one and clears it when emptied', async () => {
    const api = fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/jurisdictions': {
        status: 200,
        body: { items: [{ id: 2, name: '明湖区', level: 'district', parentId: null, version: 1 }] },
      },
      'GET /api/v1/units': {
        status: 200,
        body: { items: [{ id: 20, jurisdictionId: 2, name: '区教育局', version: 1 }] },
      },
      'GET /api/v1/users': { status: 200, body: { items: [account] } },
      'PATCH /api/v1/users/7': (request) => ({
        status: 200,
        body: { ...account, ...(request.body as object), version: 4 },
      }),
    });
    view = await render(
      <RequireSession>
        <UsersPage />
      </RequireSession>,
    );
    await waitFor(() => getButton('编辑“wangming”'));
    await click(getButton('编辑“wangming”'));
    await waitFor(() => expect(getByLabel('电子邮箱').value).toBe('wangming@minhu.example'));

    await type(getByLabel('电子邮箱'), 'wangming@');
    await click(getButton('保存'));
    await waitFor(() => expect(document.body.textContent).toContain('邮箱格式不正确'));
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);

    await type(getByLabel('电子邮箱'), '');
    await click(getButton('保存'));
    await waitFor(() => expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({ version: 3, email: null });
  });
});

const unit: Unit = { id: 20, jurisdictionId: 2, name: '区教育局', headPersonId: 50, version: 5 };
const people: Person[] = [
  { id: 50, jurisdictionId: 2, name: '王明', title: '局长', unitId: 20, version: 1 },
  { id: 51, jurisdictionId: 2, name: '李红', title: '副局长', unitId: 20, version: 1 },
];

describe('unit head', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows the head in the list and changes it to another person of the jurisdiction', async () => {
    const api = fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/jurisdictions': {
        status: 200,
        body: { items: [{ id: 2, name: '明湖区', level: 'district', parentId: null, version: 1 }] },
      },
      'GET /api/v1/units': { status: 200, body: { items: [unit] } },
      'GET /api/v1/people': { status: 200, body: { items: people } },
      'PATCH /api/v1/units/20': (request) => ({
        status: 200,
        body: { ...unit, ...(request.body as object), version: 6 },
      }),
    });
    view = await render(
      <RequireSession>
        <UnitsPage />
      </RequireSession>,
    );
    await waitFor(() => expect(document.querySelector('tbody tr')?.textContent).toContain('王明'));

    await click(getButton('编辑“区教育局”'));
    const select = await waitFor(() => {
      const input = getByLabel('单位负责人');
      const root = input.closest('.ant-select');
      expect(root?.textContent).toContain('王明（局长）');
      return root as HTMLElement;
    });
    await act(async () => {
      select.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
        (o) => o.textContent === '李红（副局长）',
      );
      if (!found) throw new Error('no option 李红');
      return found;
    });
    await click(option);
    await click(getButton('保存'));
    await waitFor(() => expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      version: 5,
      name: '区教育局',
      headPersonId: 51,
    });
  });
});
