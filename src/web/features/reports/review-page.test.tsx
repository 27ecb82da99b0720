// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireSession } from '../../app/require-session.js';
import { item, programme, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, waitFor as poll, type Rendered, render, type } from '../../testing/render.js';
import { plan, reportOf, supervisorUser } from './report-fixtures.js';
import { ReviewPage } from './review-page.js';

const waitFor = <T,>(check: () => T) => poll(check, 10_000);

function routes() {
  return (
    <RequireSession>
      <Routes>
        <Route path="/programmes/:id/review" element={<ReviewPage />} />
      </Routes>
    </RequireSession>
  );
}

const submitted = reportOf({
  state: 'submitted',
  version: 2,
  submittedAt: '2024-06-21T02:00:00Z',
  attachments: [
    {
      id: 77,
      sha256: 'b'.repeat(64),
      fileName: '施工现场.jpg',
      mime: 'image/jpeg',
      size: 40960,
      url: '/api/v1/attachments/77',
      thumbnailUrl: '/api/v1/attachments/77/thumbnail',
    },
    {
      id: 78,
      sha256: 'c'.repeat(64),
      fileName: '验收报告.pdf',
      mime: 'application/pdf',
      size: 90000,
      url: '/api/v1/attachments/78',
      thumbnailUrl: null,
    },
  ],
});

function api(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/v1/session': sessionOf(supervisorUser),
    'GET /api/v1/programmes/12': { status: 200, body: programme },
    'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: plan },
    'GET /api/v1/units': {
      status: 200,
      body: { items: [{ id: 20, jurisdictionId: 2, name: '区教育局', version: 1 }] },
    },
    'GET /api/v1/programmes/12/reports': { status: 200, body: { items: [submitted], total: 1 } },
    'GET /api/v1/reports/500': { status: 200, body: submitted },
    'GET /api/v1/items/101': { status: 200, body: item },
    ...overrides,
  });
}

const openButton = () => getButton('审核“1 增加学前教育学位”二季度报告');

describe('review queue', { timeout: 40_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('lists submitted reports and approves one from its drawer', async () => {
    const { requests } = api({
      'POST /api/v1/reports/500/approve': { status: 200, body: { ...submitted, state: 'approved', version: 3 } },
    });
    view = await render(routes(), { route: '/programmes/12/review' });
    await waitFor(() =>
      expect(document.querySelector('[data-testid="review-queue"]')?.textContent).toContain('区教育局'),
    );
    // The queue opens on what awaits review.
    expect(requests.find((r) => r.url.includes('/programmes/12/reports'))?.url).toContain('state=submitted');

    await click(openButton());
    const drawer = await waitFor(() => {
      const found = document.querySelector('.ant-drawer');
      expect(found?.textContent).toContain('验收报告.pdf');
      return found as HTMLElement;
    });
    // Plan against actual: 900 planned by Q2, 720 reported, 80%.
    const table = drawer.querySelector('[data-testid="plan-vs-actual"]')?.textContent ?? '';
    expect(table).toContain('900');
    expect(table).toContain('720');
    expect(table).toContain('80%');
    expect(drawer.querySelector('img[alt="“施工现场.jpg”的缩略图"]')?.getAttribute('src')).toBe(
      '/api/v1/attachments/77/thumbnail',
    );
    expect(drawer.querySelector('a[aria-label="下载“验收报告.pdf”"]')?.getAttribute('href')).toBe(
      '/api/v1/attachments/78',
    );

    await click(getButton('通过'));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/reports/500/approve'))).toBe(true));
    expect(requests.find((r) => r.url.endsWith('/approve'))?.body).toEqual({ version: 2 });
  });

  it('requires a reason to return, and says so when another reviewer acted first', async () => {
    let returns = 0;
    const { requests } = api({
      'POST /api/v1/reports/500/return': () => {
        returns += 1;
        return {
          status: 409,
          body: { code: 'CONFLICT', message: '记录已被修改', details: { current: { id: 500, version: 3 } } },
        };
      },
    });
    view = await render(routes(), { route: '/programmes/12/review' });
    await waitFor(() => openButton());
    await click(openButton());
    await waitFor(() => getButton('退回'));
    await click(getButton('退回'));
    const modal = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-modal')].find((m) => m.textContent?.includes('退回报告'));
      expect(found).toBeDefined();
      return found as HTMLElement;
    });
    // Empty reason: refused in the form, nothing sent.
    await click(getButton('退回', modal));
    await waitFor(() => expect(modal.textContent).toContain('请填写原因'));
    expect(returns).toBe(0);

    await type(document.getElementById('report-return_reason') as HTMLInputElement, '请补充现场照片');
    await click(getButton('退回', modal));
    await waitFor(() => expect(document.body.textContent).toContain('该报告已被他人处理'));
    expect(requests.find((r) => r.url.endsWith('/return'))?.body).toEqual({ version: 2, reason: '请补充现场照片' });
    // The report is fetched again to show what the other reviewer did.
    expect(requests.filter((r) => r.method === 'GET' && r.url.endsWith('/reports/500')).length).toBeGreaterThan(1);
  });

  it('locks a period after a confirm', async () => {
    const { requests } = api({
      'POST /api/v1/programmes/12/periods/Q1/lock': {
        status: 200,
        body: { programmeId: 12, period: 'Q1', locked: true, lockedPeriods: ['Q1'] },
      },
    });
    view = await render(routes(), { route: '/programmes/12/review' });
    await waitFor(() => getButton('锁定一季度'));
    await click(getButton('锁定一季度'));
    const confirm = await waitFor(() => {
      const found = document.querySelector('.ant-popover');
      expect(found?.textContent).toContain('确定锁定一季度吗');
      return found as HTMLElement;
    });
    expect(requests.some((r) => r.url.includes('/lock'))).toBe(false);
    await click(getButton('锁定', confirm));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/periods/Q1/lock'))).toBe(true));
  });
});
