// @vitest-environment happy-dom

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MyWork } from '../../api/work.js';
import { AppRoutes } from '../../app/routes.js';
import { sessionOf } from '../../testing/fixtures.js';
import { fakeApi, waitFor as poll, type Rendered, render } from '../../testing/render.js';
import { reporterUser } from './report-fixtures.js';

const waitFor = <T,>(check: () => T) => poll(check, 10_000);

const none = { report: null, dueSoon: false, overdue: false, needsAction: false };
const work: MyWork = {
  asOf: '2026-06-22',
  unitId: 20,
  items: [
    {
      programmeId: 1,
      programmeTitle: '明湖区2026年20项民心工程',
      itemId: 11,
      number: '3',
      name: '改造老旧小区',
      parentItemId: null,
      role: 'lead',
      periods: [
        { ...none, period: 'M05', dueDate: '2026-05-25', overdue: true, needsAction: true },
        { ...none, period: 'M06', dueDate: '2026-06-25', dueSoon: true, needsAction: true },
        {
          ...none,
          period: 'M04',
          dueDate: '2026-04-27',
          report: { id: 40, state: 'approved', returnReason: null, version: 3 },
        },
      ],
    },
    {
      programmeId: 1,
      programmeTitle: '明湖区2026年20项民心工程',
      itemId: 12,
      number: '7',
      name: '新增学位',
      parentItemId: null,
      role: 'co',
      periods: [
        {
          ...none,
          period: 'M04',
          dueDate: '2026-04-27',
          needsAction: true,
          report: { id: 41, state: 'returned', returnReason: '数据与佐证不符', version: 2 },
        },
      ],
    },
  ],
};

describe('my work', { timeout: 40_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('lands a reporter on what is due, returned and overdue first, each row opening its report', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf(reporterUser),
      'GET /api/v1/me/work': { status: 200, body: work },
      'GET /api/v1/me/inbox': { status: 200, body: { items: [], total: 0, unread: 2 } },
    });
    view = await render(<AppRoutes />, { route: '/' });

    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('我的任务'));
    // First in the menu.
    expect(document.querySelector('nav a')?.textContent).toBe('我的任务');
    const groups = [...document.querySelectorAll('section[data-testid^="work-"]')];
    expect(groups.map((g) => g.getAttribute('data-testid'))).toEqual([
      'work-returned',
      'work-overdue',
      'work-dueSoon',
      'work-rest',
    ]);
    expect(groups[0]?.textContent).toContain('退回原因：数据与佐证不符');
    expect(groups[0]?.textContent).toContain('配合单位');
    expect(groups[1]?.textContent).toContain('已逾期');
    expect(groups[1]?.textContent).toContain('5月');
    expect(groups[2]?.textContent).toContain('即将到期');
    expect(groups[2]?.textContent).toContain('2026-06-25');
    expect(groups[3]?.textContent).toContain('已通过');
    const link = groups[1]?.querySelector('a[aria-label="填报“3 改造老旧小区”5月进展"]');
    expect(link?.getAttribute('href')).toBe('/items/11/reports/M05');
    // The bell carries the unread count in words.
    await waitFor(() =>
      expect(document.querySelector('[data-testid="inbox-bell"]')?.getAttribute('aria-label')).toBe('消息，2 条未读'),
    );
  });

  it('sends everyone else to the programmes', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf({ ...reporterUser, role: 'viewer', unitId: null }),
      'GET /api/v1/programmes': { status: 200, body: { items: [] } },
      'GET /api/v1/me/inbox': { status: 200, body: { items: [], total: 0, unread: 0 } },
    });
    view = await render(<AppRoutes />, { route: '/' });
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('民心工程'));
    expect([...document.querySelectorAll('nav a')].map((a) => a.textContent)).not.toContain('我的任务');
  });
});
