// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireSession } from '../../../app/require-session.js';
import { adminUser, item, programme, sessionOf } from '../../../testing/fixtures.js';
import {
  click,
  fakeApi,
  getButton,
  getByLabel,
  type Rendered,
  render,
  type,
  waitFor,
} from '../../../testing/render.js';
import { ItemPage } from '../../items/item-page.js';
import { notice } from '../testing/fixtures.js';

vi.mock('./progress-chart.js', () => ({
  ProgressChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const supervisor = { ...adminUser, id: 2, role: 'supervisor' as const, jurisdictionId: 2 };

const progress = {
  itemId: 101,
  asOf: '2026-07-10',
  status: 'lagging',
  reasons: ['二季度末应达900个，实报500个（56%）'],
  indicators: [
    {
      indicatorId: 11,
      name: '新增学位',
      unit: '个',
      target: 2700,
      direction: 'increase',
      planned: [
        { period: 'Q2', value: 900 },
        { period: 'Q4', value: 2700 },
      ],
      actual: [
        { period: 'M05', value: 300 },
        { period: 'M06', value: 500 },
      ],
      projection: {
        yearEnd: '2026-12-31',
        projected: 1100,
        shortfall: true,
        warning: '按目前进度，年底预计完成1100个，低于目标2700个',
      },
    },
  ],
};

const inspection = {
  id: 9,
  programmeId: 12,
  itemId: 101,
  itemNumber: '1',
  itemName: '增加学前教育学位',
  date: '2026-07-02',
  inspectors: '李督查、王干事',
  findings: '幼儿园主体未封顶',
  followUp: '7月底前完成封顶',
  createdBy: 2,
  createdAt: '2026-07-02T08:00:00Z',
  version: 1,
  photos: [
    {
      id: 31,
      fileName: '现场.jpg',
      mime: 'image/jpeg',
      size: 1000,
      url: '/api/v1/attachments/31',
      thumbnailUrl: '/api/v1/attachments/31/thumbnail',
    },
  ],
};

function api() {
  return fakeApi({
    'GET /api/v1/session': sessionOf(supervisor),
    'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
    'GET /api/v1/items/101': { status: 200, body: item },
    'GET /api/v1/programmes/12': { status: 200, body: programme },
    'GET /api/v1/items/101/history': { status: 200, body: { items: [] } },
    'GET /api/v1/items/101/progress': { status: 200, body: progress },
    'GET /api/v1/programmes/12/notices': { status: 200, body: { items: [notice], total: 1 } },
    'GET /api/v1/items/101/inspections': { status: 200, body: { items: [inspection], total: 1 } },
    'POST /api/v1/items/101/notices': { status: 201, body: { ...notice, id: 7 } },
  });
}

const routes = () => (
  <RequireSession>
    <Routes>
      <Route path="/items/:id" element={<ItemPage />} />
    </Routes>
  </RequireSession>
);

// The whole item page renders here: give it time on a busy machine.
describe('the item page under supervision', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows planned against actual with its table, the status with reasons, notices and inspections', async () => {
    const { requests } = api();
    view = await render(routes(), { route: '/items/101' });
    await waitFor(() => expect(document.body.textContent).toContain('计划与实际进度'));
    await waitFor(() => expect(document.body.textContent).toContain('二季度末应达900个，实报500个（56%）'));
    const section = document.querySelector('section[aria-labelledby="item-progress-title"]') as HTMLElement;
    expect(section.textContent).toContain('滞后');
    expect(section.textContent).toContain('按目前进度，年底预计完成1100个，低于目标2700个');
    expect(section.textContent).toContain('预计低于目标');

    // The table has the plan and the reports on one time line.
    const rows = [...section.querySelectorAll('tbody tr.ant-table-row')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['5月', '', '300'],
      ['6月', '900', '500'],
      ['四季度', '2,700', '未报'],
    ]);
    const chart = await waitFor(() => {
      const found = section.querySelector('[role="img"]');
      if (!found) throw new Error('no chart yet');
      return found;
    });
    expect(chart.getAttribute('aria-label')).toContain('6月计划 900，实报 500');

    await waitFor(() => expect(document.body.textContent).toContain('督办〔2026〕第3号'));
    expect(document.body.textContent).toContain('幼儿园主体未封顶');
    expect(document.querySelector('img[alt="照片：现场.jpg"]')?.getAttribute('src')).toBe(
      '/api/v1/attachments/31/thumbnail',
    );
    expect(requests.some((r) => r.url === '/api/v1/programmes/12/notices?limit=200&itemId=101')).toBe(true);
  });

  it('lets the office issue a notice to one of the item’s units', async () => {
    const { requests } = api();
    view = await render(routes(), { route: '/items/101' });
    await waitFor(() => expect(getButton('发督办单')).toBeTruthy());
    await click(getButton('发督办单'));
    await waitFor(() => expect(getByLabel('督办事由')).toBeTruthy());
    await type(getByLabel('督办事由'), '学位建设滞后');
    await type(getByLabel('工作要求'), '三日内书面说明');
    await type(getByLabel('反馈时限'), '2099-01-15');
    await click(getButton('发出'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      unitId: 20,
      reason: '学位建设滞后',
      requiredAction: '三日内书面说明',
      replyDue: '2099-01-15',
    });
  });
});
