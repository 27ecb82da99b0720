// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportingPlan } from '../../api/reporting-plan.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, getByLabel, type Rendered, render, type, waitFor } from '../../testing/render.js';
import { ProgrammePage } from '../programmes/programme-page.js';
import { nominalDueDate } from './reporting-periods-table.js';
import { ReportingPlanEditor } from './reporting-plan-editor.js';

const plan: ReportingPlan = {
  programmeId: 12,
  year: 2026,
  frequency: 'quarterly',
  dueDay: 5,
  lockedPeriods: ['Q1'],
  interpolation: 'step',
  onTrackRatio: 0.9,
  laggingRatio: 0.7,
  remindDaysBefore: 3,
  quietStart: '22:00',
  quietEnd: '08:00',
  assessmentWeights: { reportsOnTime: 30, milestonesMet: 30, itemsDone: 30, noticesAnswered: 10 },
  version: 2,
  periods: [
    { period: 'Q1', startDate: '2026-01-01', dueDate: '2026-03-05', open: false, locked: true },
    { period: 'Q2', startDate: '2026-04-01', dueDate: '2026-06-05', open: true, locked: false },
    // 5 September 2026 is a Saturday: due the next Monday.
    { period: 'Q3', startDate: '2026-07-01', dueDate: '2026-09-07', open: false, locked: false },
    { period: 'Q4', startDate: '2026-10-01', dueDate: '2026-12-07', open: false, locked: false },
  ],
};

const body = () => document.body.textContent ?? '';
/** A control named by aria-label (the lock checkboxes have no visible label of their own). */
const byName = (name: string) => {
  const found = document.querySelector(`input[aria-label="${name}"]`);
  if (!found) throw new Error(`no control named ${name}`);
  return found as HTMLInputElement;
};
const rowOf = (text: string) =>
  [...document.querySelectorAll('tbody tr')].find((row) => row.textContent?.includes(text))?.textContent ?? '';

describe('nominalDueDate', () => {
  it('takes the due day of the period’s last month, clamped to the month’s end', () => {
    expect(nominalDueDate(2026, 'Q3', 5)).toBe('2026-09-05');
    expect(nominalDueDate(2026, 'M02', 31)).toBe('2026-02-28');
    expect(nominalDueDate(2028, 'M02', 31)).toBe('2028-02-29');
    expect(nominalDueDate(2026, 'Q4', 31)).toBe('2026-12-31');
  });
});

// Many antd inputs on two shared cores: give each case room.
describe('ReportingPlanEditor', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows thresholds as percentages and the periods with their working-day due dates', async () => {
    fakeApi({ 'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: plan } });
    view = await render(<ReportingPlanEditor programmeId={12} canWrite />);

    await waitFor(() => expect(getByLabel('正常推进阈值（%）').value).toBe('90'));
    expect(getByLabel('滞后阈值（%）').value).toBe('70');
    expect(getByLabel('报送日').value).toBe('5');
    expect(getByLabel('免打扰开始').value).toBe('22:00');
    expect(body()).toContain('合计 100 分（符合要求）');
    expect(rowOf('三季度')).toContain('2026-09-07');
    expect(rowOf('三季度')).toContain('原定 2026-09-05，遇节假日顺延');
    expect(rowOf('二季度')).not.toContain('原定');
    expect(rowOf('一季度')).toContain('已锁定');
    expect(rowOf('二季度')).toContain('已开放');
    expect(rowOf('四季度')).toContain('未开始');
    expect(byName('锁定一季度').checked).toBe(true);
  });

  it('sums the weights as they are typed and refuses to save unless they make 100', async () => {
    const api = fakeApi({ 'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: plan } });
    view = await render(<ReportingPlanEditor programmeId={12} canWrite />);
    await waitFor(() => getByLabel('按时报送'));

    await type(getByLabel('按时报送'), '40');
    await waitFor(() => expect(body()).toContain('合计 110 分（须为 100 分，超出 10 分）'));
    await click(getButton('保存报送计划'));
    await waitFor(() => expect(body()).toContain('考核权重合计须为 100 分（现为 110 分）'));
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('saves ratios, weights and locks with the version it showed', async () => {
    const api = fakeApi({
      'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: plan },
      'PUT /api/v1/programmes/12/reporting-plan': (request) => ({
        status: 200,
        body: { ...plan, ...(request.body as object), version: 3 },
      }),
    });
    view = await render(<ReportingPlanEditor programmeId={12} canWrite />);
    await waitFor(() => getByLabel('正常推进阈值（%）'));

    await type(getByLabel('正常推进阈值（%）'), '85');
    await type(getByLabel('滞后阈值（%）'), '60');
    await type(getByLabel('按时报送'), '40');
    await type(getByLabel('督办单按时回复'), '0');
    await click(byName('锁定二季度'));
    await click(getButton('保存报送计划'));

    await waitFor(() => expect(api.requests.some((r) => r.method === 'PUT')).toBe(true));
    const sent = api.requests.find((r) => r.method === 'PUT')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      version: 2,
      frequency: 'quarterly',
      dueDay: 5,
      onTrackRatio: 0.85,
      laggingRatio: 0.6,
      quietStart: '22:00',
      quietEnd: '08:00',
      assessmentWeights: { reportsOnTime: 40, milestonesMet: 30, itemsDone: 30, noticesAnswered: 0 },
    });
    expect([...(sent.lockedPeriods as string[])].sort()).toEqual(['Q1', 'Q2']);
    await waitFor(() => expect(body()).toContain('报送计划已保存'));
  });

  it('refuses a lagging threshold at or above the on-track one', async () => {
    const api = fakeApi({ 'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: plan } });
    view = await render(<ReportingPlanEditor programmeId={12} canWrite />);
    await waitFor(() => getByLabel('滞后阈值（%）'));
    await type(getByLabel('滞后阈值（%）'), '95');
    await click(getButton('保存报送计划'));
    await waitFor(() => expect(body()).toContain('滞后阈值须小于正常推进阈值'));
    expect(api.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('shows the stored plan when someone else saved first, and saves against its version', async () => {
    const current: ReportingPlan = { ...plan, dueDay: 20, onTrackRatio: 0.8, version: 3 };
    let puts = 0;
    const api = fakeApi({
      'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: plan },
      'PUT /api/v1/programmes/12/reporting-plan': () => {
        puts += 1;
        return puts === 1
          ? { status: 409, body: { code: 'CONFLICT', message: '该记录已被他人修改。', details: { current } } }
          : { status: 200, body: { ...current, version: 4 } };
      },
    });
    view = await render(<ReportingPlanEditor programmeId={12} canWrite />);
    await waitFor(() => getByLabel('报送日'));
    await type(getByLabel('报送日'), '10');
    await click(getButton('保存报送计划'));

    await waitFor(() => expect(body()).toContain('该记录已被他人修改'));
    expect(body()).toContain('已载入最新版本');
    await waitFor(() => expect(getByLabel('报送日').value).toBe('20'));
    expect(getByLabel('正常推进阈值（%）').value).toBe('80');

    await click(getButton('保存报送计划'));
    await waitFor(() => expect(puts).toBe(2));
    const versions = api.requests.filter((r) => r.method === 'PUT').map((r) => (r.body as { version: number }).version);
    expect(versions).toEqual([2, 3]);
  });

  it('is a tab of the programme page for the office only', async () => {
    const tree = { status: 200, body: { programme, categories: [] } };
    fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
      'GET /api/v1/programmes/12/tree': tree,
      'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: plan },
    });
    const routes = (
      <RequireSession>
        <Routes>
          <Route path="/programmes/:id" element={<ProgrammePage />} />
        </Routes>
      </RequireSession>
    );
    view = await render(routes, { route: '/programmes/12' });
    const tab = await waitFor(() => {
      const found = [...document.querySelectorAll('[role="tab"]')].find((e) => e.textContent === '报送计划');
      if (!found) throw new Error('no 报送计划 tab');
      return found as HTMLElement;
    });
    await click(tab);
    await waitFor(() => expect(getByLabel('正常推进阈值（%）').value).toBe('90'));
    view.unmount();
    vi.unstubAllGlobals();

    fakeApi({
      'GET /api/v1/session': sessionOf({ ...adminUser, role: 'viewer' }),
      'GET /api/v1/programmes/12/tree': tree,
    });
    view = await render(routes, { route: '/programmes/12' });
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe(programme.title));
    expect([...document.querySelectorAll('[role="tab"]')].map((e) => e.textContent)).not.toContain('报送计划');
  });
});
