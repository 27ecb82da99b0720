// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CalendarDay } from '../../api/calendar.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, getByLabel, type Rendered, render, type, waitFor } from '../../testing/render.js';
import { CalendarPage } from './calendar-page.js';

const days: CalendarDay[] = [
  { id: 3, date: '2025-01-28', kind: 'holiday', name: '春节', version: 1 },
  { id: 1, date: '2025-01-01', kind: 'holiday', name: '元旦', version: 2 },
  { id: 2, date: '2025-01-26', kind: 'workday', name: '春节调休', version: 1 },
];

const routes = (
  <RequireSession>
    <Routes>
      <Route path="/calendar" element={<CalendarPage />} />
    </Routes>
  </RequireSession>
);

const body = () => document.body.textContent ?? '';
const rows = () =>
  [...document.querySelectorAll('section[aria-labelledby="calendar-table-title"] tbody tr')].map(
    (row) => row.textContent ?? '',
  );

function api(role: 'admin' | 'viewer' = 'admin') {
  return fakeApi({
    'GET /api/v1/session': sessionOf({ ...adminUser, role }),
    'GET /api/v1/calendar': { status: 200, body: { year: 2025, days } },
    'POST /api/v1/calendar/days': (request) => ({
      status: 201,
      body: { id: 9, version: 1, ...(request.body as object) },
    }),
    'PATCH /api/v1/calendar/days/1': (request) => ({ status: 200, body: { ...days[1], ...(request.body as object) } }),
    'DELETE /api/v1/calendar/days/2': { status: 204 },
  });
}

describe('CalendarPage', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('lists the year’s holidays and make-up days in date order and marks them 休 and 班 on the calendar', async () => {
    const fake = api();
    view = await render(routes, { route: '/calendar?year=2025' });

    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(fake.requests.some((r) => r.url === '/api/v1/calendar?year=2025')).toBe(true);
    expect(rows()[0]).toContain('2025-01-01');
    expect(rows()[0]).toContain('星期三');
    expect(rows()[0]).toContain('节假日（休）');
    expect(rows()[0]).toContain('元旦');
    expect(rows()[1]).toContain('2025-01-26');
    expect(rows()[1]).toContain('星期日');
    expect(rows()[1]).toContain('调休上班（班）');
    expect(body()).toContain('节假日 2 天，调休上班 1 天');
    // The calendar opens on January of a year other than this one.
    expect(document.querySelector('[data-testid="mark-2025-01-01"]')?.textContent).toBe('休元旦');
    expect(document.querySelector('[data-testid="mark-2025-01-26"]')?.textContent).toBe('班春节调休');
    expect(document.querySelector('[data-testid="mark-2025-01-02"]')).toBeNull();
  });

  it('adds a make-up working day', async () => {
    const fake = api();
    view = await render(routes, { route: '/calendar?year=2025' });
    await waitFor(() => expect(rows()).toHaveLength(3));

    await click(getButton('添加日期'));
    await waitFor(() => getByLabel('日期'));
    await type(getByLabel('日期'), '2025-02-08');
    const workday = document.querySelector('input[type="radio"][value="workday"]') as HTMLInputElement;
    await click(workday);
    await type(getByLabel('名称'), ' 春节调休 ');
    await click(getButton('保存'));

    await waitFor(() => expect(fake.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(fake.requests.find((r) => r.method === 'POST')?.body).toEqual({
      date: '2025-02-08',
      kind: 'workday',
      name: '春节调休',
    });
  });

  it('edits a listed day with the version it showed, and deletes one after asking', async () => {
    const fake = api();
    view = await render(routes, { route: '/calendar?year=2025' });
    await waitFor(() => expect(rows()).toHaveLength(3));

    await click(getButton('编辑 2025-01-01'));
    await waitFor(() => expect(getByLabel('名称').value).toBe('元旦'));
    await type(getByLabel('名称'), '元旦节');
    await click(getButton('保存'));
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(fake.requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      version: 2,
      date: '2025-01-01',
      kind: 'holiday',
      name: '元旦节',
    });

    await click(getButton('删除“2025-01-26 春节调休”'));
    const confirm = await waitFor(() => {
      const buttons = [...document.querySelectorAll('.ant-popconfirm button')] as HTMLButtonElement[];
      const found = buttons.find((b) => b.textContent?.replace(/\s+/g, '') === '删除');
      if (!found) throw new Error('no confirm button');
      return found;
    });
    await click(confirm);
    await waitFor(() => expect(fake.requests.some((r) => r.method === 'DELETE')).toBe(true));
    expect(fake.requests.find((r) => r.method === 'DELETE')?.url).toBe('/api/v1/calendar/days/2');
  });

  it('lets others read the calendar but not change it', async () => {
    api('viewer');
    view = await render(routes, { route: '/calendar?year=2025' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(body()).toContain('工作日历由管理员和督查室维护');
    expect(() => getButton('添加日期')).toThrow();
    expect(() => getButton('编辑 2025-01-01')).toThrow();
    expect(body()).not.toContain('删除');
  });
});
