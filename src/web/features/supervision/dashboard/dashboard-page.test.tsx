// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireSession } from '../../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../../testing/fixtures.js';
import { fakeApi, type Rendered, render, waitFor } from '../../../testing/render.js';
import { categories, notice, programmeStatus } from '../testing/fixtures.js';
import { DashboardPage } from './dashboard-page.js';

// happy-dom has no canvas: the chart becomes the labelled image it stands for.
vi.mock('../shared/chart.js', () => ({
  Chart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const section = (name: string): HTMLElement => {
  const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === name);
  const found = heading?.closest('section, figure');
  if (!found) throw new Error(`no section ${name}`);
  return found as HTMLElement;
};
const rowsOf = (scope: HTMLElement) =>
  [...scope.querySelectorAll('tbody tr.ant-table-row')]
    .map((tr) => tr.textContent ?? '')
    .filter((text) => text.length > 0);

function api(overrides: Record<string, unknown> = {}) {
  return fakeApi({
    'GET /api/v1/session': sessionOf({ ...adminUser, role: 'leader' }),
    'GET /api/v1/programmes': { status: 200, body: { items: [programme] } },
    'GET /api/v1/programmes/12/status': { status: 200, body: programmeStatus },
    'GET /api/v1/programmes/12/tree': { status: 200, body: { programme, categories } },
    'GET /api/v1/programmes/12/reporting-plan': {
      status: 200,
      body: {
        periods: [
          { period: 'M06', startDate: '2026-06-01', dueDate: '2026-06-25', open: true, locked: false },
          { period: 'M07', startDate: '2026-07-01', dueDate: '2026-07-27', open: true, locked: false },
        ],
      },
    },
    'GET /api/v1/programmes/12/reports': {
      status: 200,
      body: { items: [{ id: 1, itemId: 103, unitId: 20, period: 'M06', state: 'approved' }], total: 1 },
    },
    'GET /api/v1/programmes/12/notices': {
      status: 200,
      body: { items: [notice, { ...notice, id: 6, number: '督办〔2026〕第4号', state: 'closed' }], total: 2 },
    },
    ...overrides,
  });
}

const routes = () => (
  <RequireSession>
    <Routes>
      <Route path="/dashboard" element={<DashboardPage />} />
    </Routes>
  </RequireSession>
);

describe('dashboard', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows counts with a text equivalent, the lagging items with reasons, due reports and open notices', async () => {
    const { requests } = api();
    view = await render(routes(), { route: '/dashboard?date=2026-07-10' });
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('督查看板'));
    await waitFor(() => expect(section('按状态统计')).toBeTruthy());

    // The status chart says what it shows in words, and its table has the same numbers.
    const statusChart = section('按状态统计').querySelector('[role="img"]');
    expect(statusChart?.getAttribute('aria-label')).toBe(
      '按状态统计：共 3 个子项：逾期 1 个、滞后 1 个、正常推进 1 个。',
    );
    expect(rowsOf(section('按状态统计'))).toContain('滞后1');
    expect(rowsOf(section('按大项统计'))).toEqual(['一、教育0100102', '二、住房1000001']);

    const lagging = rowsOf(section('滞后与风险事项'));
    expect(lagging).toHaveLength(3);
    expect(lagging[0]).toContain('3 老旧小区改造');
    expect(lagging[0]).toContain('逾期');
    expect(lagging[0]).toContain('截止日期2026年6月30日已过，尚未完成');
    expect(lagging[1]).toContain('二季度末应达900个，实报500个（56%）');

    // The item that is on track appears with its status in words.
    const all = rowsOf(section('全部事项状态'));
    expect(all.find((row) => row.includes('改造薄弱学校'))).toContain('正常推进');

    await waitFor(() => expect(rowsOf(section('应报与逾期报告')).length).toBeGreaterThan(0));
    const due = rowsOf(section('应报与逾期报告'));
    expect(due[0]).toContain('1(1) 新建公办幼儿园');
    expect(due[0]).toContain('逾期未报');
    expect(due.some((row) => row.includes('改造薄弱学校') && row.includes('6月'))).toBe(false);

    const notices = section('未办结督办单').textContent ?? '';
    expect(notices).toContain('督办〔2026〕第3号');
    expect(notices).not.toContain('第4号');

    const statusRequest = requests.find((r) => r.url.includes('/status'));
    expect(statusRequest?.url).toBe('/api/v1/programmes/12/status?date=2026-07-10');
  });

  it('narrows everything to one leader’s items', async () => {
    api();
    view = await render(routes(), { route: '/dashboard?date=2026-07-10&leader=61' });
    await waitFor(() => expect(rowsOf(section('全部事项状态'))).toHaveLength(1));
    expect(rowsOf(section('全部事项状态'))[0]).toContain('老旧小区改造');
    expect(section('按状态统计').querySelector('[role="img"]')?.getAttribute('aria-label')).toContain('共 1 个子项');
  });

  it('shows the server’s message when the status cannot be read', async () => {
    api({
      'GET /api/v1/programmes/12/status': {
        status: 404,
        body: { code: 'NOT_FOUND', message: '民心工程不存在或无权查看 (programme not found)' },
      },
    });
    view = await render(routes(), { route: '/dashboard' });
    await waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toContain('民心工程不存在'));
  });
});
