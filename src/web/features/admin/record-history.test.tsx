// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry, Person, Unit, User } from '../../api/types.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, getByLabel, type Rendered, render, type, waitFor } from '../../testing/render.js';
import { PeoplePage } from './people-page.js';
import { UnitsPage } from './units-page.js';
import { UsersPage } from './users-page.js';

const supervisor = { ...adminUser, id: 3, username: 'ducha', role: 'supervisor' as const, jurisdictionId: 2 };
const jurisdictions = {
  status: 200,
  body: { items: [{ id: 2, name: '西青区', level: 'district', parentId: null, version: 1 }] },
};
const unit: Unit = { id: 20, jurisdictionId: 2, name: '区教育局', headPersonId: null, version: 4 };
const person: Person = { id: 50, jurisdictionId: 2, name: '王明', title: '科长', unitId: 20, version: 2 };
const account: User = {
  id: 7,
  username: 'wangming',
  displayName: '王明',
  role: 'reporter',
  jurisdictionId: 2,
  unitId: 20,
  personId: null,
  email: null,
  disabled: false,
  lockedUntil: null,
  version: 1,
};

const entry = (overrides: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  at: '2024-03-01T08:00:00Z',
  actorName: '李督查',
  action: 'update',
  entityType: 'unit',
  entityId: 20,
  before: null,
  after: null,
  ...overrides,
});

/** The open drawer, found as assistive technology finds it. */
const drawer = () => {
  const panel = document.querySelector<HTMLElement>('[role="dialog"]');
  if (!panel) throw new Error('no drawer open');
  return panel;
};

const drawerTitle = () => document.getElementById(drawer().getAttribute('aria-labelledby') ?? '')?.textContent;

describe('record history drawer', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('asks for the unit’s own trail and shows each change as old → new', async () => {
    const api = fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/jurisdictions': jurisdictions,
      'GET /api/v1/units': { status: 200, body: { items: [unit] } },
      'GET /api/v1/history': {
        status: 200,
        body: {
          items: [
            entry({
              before: { id: 20, jurisdictionId: 2, name: '教育局', version: 3 },
              after: { id: 20, jurisdictionId: 2, name: '区教育局', version: 4 },
            }),
          ],
        },
      },
    });
    view = await render(
      <RequireSession>
        <UnitsPage />
      </RequireSession>,
    );

    await waitFor(() => getButton('查看“区教育局”的变更历史'));
    await click(getButton('查看“区教育局”的变更历史'));

    await waitFor(() => expect(drawer().textContent).toContain('名称：教育局 → 区教育局'));
    expect(drawerTitle()).toBe('“区教育局”的变更历史');
    expect(drawer().textContent).toContain('李督查');
    expect(drawer().textContent).toContain('修改 · 单位');
    const asked = api.requests.filter((r) => r.url.startsWith('/api/v1/history')).map((r) => r.url);
    expect(asked).toEqual(['/api/v1/history?entityType=unit&entityId=20']);
  });

  it('names a person’s title as their post', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf(supervisor),
      'GET /api/v1/jurisdictions': jurisdictions,
      'GET /api/v1/units': { status: 200, body: { items: [unit] } },
      'GET /api/v1/people': { status: 200, body: { items: [person] } },
      'GET /api/v1/history': ({ url }) =>
        url === '/api/v1/history?entityType=person&entityId=50'
          ? {
              status: 200,
              body: {
                items: [
                  entry({
                    entityType: 'person',
                    entityId: 50,
                    before: { name: '王明', title: '科员' },
                    after: { name: '王明', title: '科长' },
                  }),
                ],
              },
            }
          : { status: 400, body: { code: 'VALIDATION', message: `unexpected ${url}` } },
    });
    view = await render(
      <RequireSession>
        <PeoplePage />
      </RequireSession>,
    );

    await waitFor(() => getButton('查看“王明”的变更历史'));
    await click(getButton('查看“王明”的变更历史'));

    await waitFor(() => expect(drawer().textContent).toContain('职务：科员 → 科长'));
  });

  it('shows the server’s message when the trail may not be read', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf(supervisor),
      'GET /api/v1/jurisdictions': jurisdictions,
      'GET /api/v1/units': { status: 200, body: { items: [{ ...unit, jurisdictionId: 9 }] } },
      'GET /api/v1/history': {
        status: 403,
        body: { code: 'FORBIDDEN', message: '您无权查看该记录的变更历史。 You may not read this history.' },
      },
    });
    view = await render(
      <RequireSession>
        <UnitsPage />
      </RequireSession>,
    );

    await waitFor(() => getButton('查看“区教育局”的变更历史'));
    await click(getButton('查看“区教育局”的变更历史'));

    await waitFor(() =>
      expect(drawer().querySelector('[role="alert"]')?.textContent).toContain('您无权查看该记录的变更历史'),
    );
    expect(drawer().querySelector('table')).toBeNull();
  });

  it('offers every account’s history next to its other actions', async () => {
    const api = fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/jurisdictions': jurisdictions,
      'GET /api/v1/users': { status: 200, body: { items: [account] } },
      'GET /api/v1/history': {
        status: 200,
        body: {
          items: [
            entry({
              entityType: 'user',
              entityId: 7,
              before: { username: 'wangming', role: 'viewer', disabled: false },
              after: { username: 'wangming', role: 'reporter', disabled: true },
            }),
          ],
        },
      },
    });
    view = await render(
      <RequireSession>
        <UsersPage />
      </RequireSession>,
    );

    await waitFor(() => getButton('查看“wangming”的变更历史'));
    const row = getButton('查看“wangming”的变更历史').closest('tr');
    expect([...(row?.querySelectorAll('button') ?? [])].map((b) => b.textContent?.replace(/\s+/g, ''))).toEqual([
      '编辑',
      '重置密码',
      '历史',
      '删除',
    ]);
    await click(getButton('查看“wangming”的变更历史'));

    await waitFor(() => expect(drawer().textContent).toContain('角色：查看者 → 填报人'));
    expect(drawer().textContent).toContain('停用：否 → 是');
    expect(api.requests.at(-1)?.url).toBe('/api/v1/history?entityType=user&entityId=7');
  });
});

describe('unit form', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('saves an edit against the version it showed', async () => {
    const api = fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/jurisdictions': jurisdictions,
      'GET /api/v1/units': { status: 200, body: { items: [unit] } },
      'PATCH /api/v1/units/20': { status: 200, body: { ...unit, name: '区教育局（新）', version: 5 } },
    });
    view = await render(
      <RequireSession>
        <UnitsPage />
      </RequireSession>,
    );

    await waitFor(() => getButton('编辑“区教育局”'));
    await click(getButton('编辑“区教育局”'));
    await waitFor(() => getByLabel('单位名称'));
    expect(getByLabel('单位名称').value).toBe('区教育局');
    await type(getByLabel('单位名称'), ' 区教育局（新） ');
    await click(getButton('保存'));

    await waitFor(() => expect(api.requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(api.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 4, name: '区教育局（新）' });
  });
});
