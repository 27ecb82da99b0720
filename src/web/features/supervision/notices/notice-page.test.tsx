// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../api/notices.js';
import { RequireSession } from '../../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../../testing/fixtures.js';
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
import { notice } from '../testing/fixtures.js';
import { NoticePage } from './notice-page.js';
import { NoticesPage } from './notices-page.js';

const reporter = { ...adminUser, id: 3, username: 'reporter', role: 'reporter' as const, unitId: 20 };
const supervisor = { ...adminUser, id: 2, username: 'supervisor', role: 'supervisor' as const, jurisdictionId: 2 };

const routes = () => (
  <RequireSession>
    <Routes>
      <Route path="/notices" element={<NoticesPage />} />
      <Route path="/notices/:id" element={<NoticePage />} />
    </Routes>
  </RequireSession>
);

describe('a supervision notice', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('lets the unit’s reporter reply, and then shows the reply', async () => {
    let current = notice;
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(reporter),
      'GET /api/v1/notices/5': () => ({ status: 200, body: current }),
      'GET /api/v1/programmes/12': { status: 200, body: programme },
      'POST /api/v1/notices/5/reply': (request) => {
        current = { ...notice, state: 'replied', reply: (request.body as { reply: string }).reply, version: 2 };
        return { status: 200, body: current };
      },
    });
    view = await render(routes(), { route: '/notices/5' });
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('督办单 督办〔2026〕第3号'));
    const body = document.body.textContent ?? '';
    for (const shown of [
      '1 增加学前教育学位',
      '区教育局',
      '二季度学位建设滞后',
      '说明原因并提出整改措施',
      '2026-07-20',
      '待回复',
    ]) {
      expect(body).toContain(shown);
    }
    expect(document.querySelector('a[download]')?.getAttribute('href')).toBe('/api/v1/notices/5/docx');
    // A reporter neither closes nor escalates.
    expect(() => getButton('办结')).toThrow();

    await type(getByLabel('回复内容'), '已完成选址，三季度开工');
    await click(getButton('提交回复'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ version: 1, reply: '已完成选址，三季度开工', attachments: [] });
    expect(post?.headers['x-csrf-token']).toBe('csrf-test');
    await waitFor(() => expect(document.body.textContent).toContain('已回复'));
    expect(document.body.textContent).toContain('已完成选址，三季度开工');
    expect(() => getButton('提交回复')).toThrow();
  });

  it('lets the office close a replied notice', async () => {
    let current: Notice = { ...notice, state: 'replied', reply: '已整改', version: 2 };
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(supervisor),
      'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
      'GET /api/v1/notices/5': () => ({ status: 200, body: current }),
      'GET /api/v1/programmes/12': { status: 200, body: programme },
      'POST /api/v1/notices/5/close': () => {
        current = { ...current, state: 'closed', version: 3 };
        return { status: 200, body: current };
      },
    });
    view = await render(routes(), { route: '/notices/5' });
    await waitFor(() => expect(getButton('办结')).toBeTruthy());
    // The office does not reply for the unit.
    expect(() => getButton('提交回复')).toThrow();
    await click(getButton('办结'));
    await waitFor(() => expect(getButton('确认办结')).toBeTruthy());
    await click(getButton('确认办结'));
    await waitFor(() => expect(requests.some((r) => r.url === '/api/v1/notices/5/close')).toBe(true));
    expect(requests.find((r) => r.url === '/api/v1/notices/5/close')?.body).toEqual({ version: 2 });
    await waitFor(() => expect(document.body.textContent).toContain('已办结'));
    expect(() => getButton('办结')).toThrow();
  });

  it('lists a programme’s notices and keeps only the overdue ones when asked', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf(supervisor),
      'GET /api/v1/programmes': { status: 200, body: { items: [programme] } },
      'GET /api/v1/programmes/12/notices': {
        status: 200,
        body: {
          items: [
            notice,
            { ...notice, id: 6, number: '督办〔2026〕第4号', overdue: true, state: 'escalated', escalationLevel: 1 },
          ],
          total: 2,
        },
      },
    });
    view = await render(routes(), { route: '/notices?overdue=1' });
    await waitFor(() => expect(document.body.textContent).toContain('督办〔2026〕第4号'));
    expect(document.body.textContent).not.toContain('督办〔2026〕第3号');
    expect(document.body.textContent).toContain('逾期未复');
    expect(document.body.textContent).toContain('已升级（第 1 级）');
  });
});
