// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DistrictRollup } from '../../../api/districts.js';
import { RequireSession } from '../../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../../testing/fixtures.js';
import { fakeApi, type Rendered, render, waitFor } from '../../../testing/render.js';
import { DistrictsPage } from './districts-page.js';

const counts = { not_started: 0, on_track: 0, at_risk: 0, lagging: 0, done: 0, overdue: 0 };
const rollup: DistrictRollup = {
  programmeId: 12,
  title: '天津市2026年民心工程',
  asOf: '2026-07-10',
  districts: [
    {
      jurisdictionName: '津南区',
      programmeId: 30,
      programmeTitle: '津南区任务清单',
      counts: { ...counts, lagging: 1, on_track: 3 },
      done: 0,
      total: 4,
      linked: 4,
      lagging: 1,
    },
    {
      jurisdictionName: '西青区',
      programmeId: 31,
      programmeTitle: '西青区任务清单',
      counts: { ...counts, on_track: 2, done: 1 },
      done: 1,
      total: 3,
      linked: 3,
      lagging: 0,
    },
  ],
  cityItems: [
    {
      id: 1,
      number: '1',
      name: '老旧小区改造',
      categoryTitle: '一、住房',
      status: 'lagging',
      districts: [
        {
          jurisdictionName: '津南区',
          programmeId: 30,
          items: [
            {
              itemId: 301,
              number: '2',
              name: '老旧小区改造',
              status: 'lagging',
              reasons: ['二季度末应达20个，实报8个（40%）'],
              leadUnit: '津南区住建委',
            },
          ],
        },
        {
          jurisdictionName: '西青区',
          programmeId: 31,
          items: [
            {
              itemId: 311,
              number: '5',
              name: '老旧小区改造提升',
              status: 'on_track',
              reasons: [],
              leadUnit: '西青区住建委',
            },
          ],
        },
      ],
      indicators: [
        {
          unit: '个',
          city: [{ name: '改造小区', target: 100 }],
          targetSum: 60,
          actualSum: 30,
          missingTargets: 0,
          missingActuals: 0,
          contributions: [
            { jurisdictionName: '津南区', itemId: 301, indicatorName: '改造小区', target: 40, actual: 8 },
            { jurisdictionName: '西青区', itemId: 311, indicatorName: '改造小区', target: 20, actual: 22 },
          ],
        },
      ],
      lagging: ['津南区'],
    },
  ],
};

const routes = () => (
  <RequireSession>
    <Routes>
      <Route path="/programmes/:id/districts" element={<DistrictsPage />} />
    </Routes>
  </RequireSession>
);

const cells = (scope: ParentNode) =>
  [...scope.querySelectorAll('tbody tr.ant-table-row, tfoot tr, .ant-table-summary tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent),
  );

describe('the city view', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows each city project district by district with sums and the lagging districts in words', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf({ ...adminUser, role: 'viewer' }),
      'GET /api/v1/programmes/12': { status: 200, body: { ...programme, title: '天津市2026年民心工程' } },
      'GET /api/v1/programmes/12/districts': { status: 200, body: rollup },
    });
    view = await render(routes(), { route: '/programmes/12/districts?date=2026-07-10' });
    await waitFor(() => expect(document.body.textContent).toContain('各区概况'));
    const overview = document.querySelector('section[aria-labelledby="districts-overview"]') as HTMLElement;
    expect(cells(overview)).toEqual([
      ['津南区滞后', '0', '1', '0', '0', '3', '0', '0/4'],
      ['西青区', '0', '0', '0', '0', '2', '1', '1/3'],
    ]);
    const project = document.querySelector('section[aria-label="1 老旧小区改造"]') as HTMLElement;
    expect(project.textContent).toContain('滞后：津南区');
    expect(project.textContent).toContain('二季度末应达20个，实报8个（40%）');
    const rows = cells(project);
    expect(rows[0]?.slice(2)).toEqual(['40', '8']);
    expect(rows[1]?.slice(2)).toEqual(['20', '22']);
    expect(rows.at(-1)).toEqual(['合计', '60', '30']);
  });

  it('says so when no district programme carries the programme out', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf({ ...adminUser, role: 'viewer' }),
      'GET /api/v1/programmes/12': { status: 200, body: programme },
      'GET /api/v1/programmes/12/districts': { status: 404, body: { code: 'NOT_FOUND', message: '没有下级任务清单' } },
    });
    view = await render(routes(), { route: '/programmes/12/districts' });
    await waitFor(() => expect(document.body.textContent).toContain('该民心工程没有下级区的任务清单'));
  });
});
