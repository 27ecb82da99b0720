// @vitest-environment happy-dom

import { act } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireSession } from '../../app/require-session.js';
import { item, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, waitFor as poll, type Rendered, render, type } from '../../testing/render.js';
import { plan, reporterUser, reportOf, supervisorUser } from './report-fixtures.js';
import { ReportFormPage, ReportPage } from './report-form-page.js';

function routes() {
  return (
    <RequireSession>
      <Routes>
        <Route path="/items/:id/reports/:period" element={<ReportFormPage />} />
        <Route path="/reports/:id" element={<ReportPage />} />
      </Routes>
    </RequireSession>
  );
}

const byLabel = (label: string) => {
  const control = document.querySelector<HTMLInputElement>(`[aria-label="${label}"]`);
  if (!control) throw new Error(`no control labelled ${label}`);
  return control;
};
const textarea = (id: string) => document.getElementById(id) as HTMLInputElement;

async function chooseFile(input: HTMLInputElement, file: File): Promise<void> {
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

// antd pages are heavy in happy-dom on a busy machine: allow them time.
const waitFor = <T,>(check: () => T) => poll(check, 10_000);

const base = {
  'GET /api/v1/items/101': { status: 200, body: item },
  'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: plan },
};

describe('report form', { timeout: 40_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows the plan beside the inputs, creates and submits the report with a photo in one call', async () => {
    const created = reportOf({ values: [], attachments: [], progress: '' });
    const submitted = { ...created, state: 'submitted', version: 2 };
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(reporterUser),
      ...base,
      'GET /api/v1/items/101/reports': { status: 200, body: { items: [], total: 0 } },
      'POST /api/v1/files': {
        status: 201,
        body: { sha256: 'a'.repeat(64), fileName: '现场.jpg', mime: 'image/jpeg', size: 2048, hasThumbnail: true },
      },
      'POST /api/v1/items/101/reports': { status: 201, body: submitted },
      'GET /api/v1/reports/500': { status: 200, body: submitted },
    });
    view = await render(routes(), { route: '/items/101/reports/Q2' });

    await waitFor(() => expect(document.querySelector('h1')?.textContent).toContain('二季度进展报告'));
    // The due date comes with the reporting plan, which may arrive after the heading.
    await waitFor(() => expect(document.body.textContent).toContain('2024-06-25'));
    const body = document.body.textContent ?? '';
    // The plan for Q2: the milestone of the quarter and the planned cumulative value.
    expect(document.querySelector('[data-testid="quarter-milestones"]')?.textContent).toContain('完成选址');
    expect(document.querySelector('[data-testid="plan-vs-actual"]')?.textContent).toContain('900');
    expect(body).toContain('2024-06-25');
    expect(body).toContain('新增学位 2700 个');

    await type(byLabel('“新增学位”实际累计完成（个）'), '950');
    await type(textarea('report_progress'), '新建幼儿园 2 所已开工');

    // A wrong type is refused here, in Chinese, without a request.
    // rc-upload renders a fresh input after each choice: look it up each time.
    await chooseFile(byLabel('上传佐证材料'), new File(['MZ'], '安装包.exe', { type: 'application/octet-stream' }));
    await waitFor(() => expect(document.body.textContent).toContain('“安装包.exe”的类型不受支持'));
    expect(requests.some((r) => r.url.endsWith('/files'))).toBe(false);

    await chooseFile(
      byLabel('上传佐证材料'),
      new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], '现场.jpg', { type: 'image/jpeg' }),
    );
    await waitFor(() =>
      expect([...document.querySelectorAll('[data-testid="evidence-name"]')].map((e) => e.textContent)).toEqual([
        '现场.jpg',
      ]),
    );
    const upload = requests.find((r) => r.method === 'POST' && r.url.endsWith('/files'));
    expect(upload?.headers['x-csrf-token']).toBe('csrf-test');

    await click(getButton('提交'));
    await waitFor(() => expect(document.body.textContent).toContain('该报告已提交，正在等待审核。'));
    const creates = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/items/101/reports'));
    expect(creates).toHaveLength(1);
    const create = creates[0];
    expect(create?.body).toMatchObject({
      submit: true,
      period: 'Q2',
      progress: '新建幼儿园 2 所已开工',
      values: [{ indicatorId: 11, value: 950 }],
      attachments: [{ sha256: 'a'.repeat(64), fileName: '现场.jpg' }],
    });
    // A reporter's own unit is the default: the form does not name it.
    expect(create?.body).not.toHaveProperty('unitId');
    // A double click or a retry replays the same creation instead of making a second report.
    expect(create?.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    // Created and submitted in one transaction: nothing is left to a second call.
    expect(requests.filter((r) => r.url.includes('/submit'))).toEqual([]);
    expect(() => getButton('提交')).toThrow();
  });

  it('retries a failed submission with the same key, and sends one request for a double click', async () => {
    const submitted = reportOf({ state: 'submitted', version: 2, values: [], progress: '' });
    const answers = [
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => ({ status: 503, body: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试。' } }),
      () => ({ status: 201, body: submitted }),
    ];
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(reporterUser),
      'GET /api/v1/items/101': { status: 200, body: item },
      'GET /api/v1/programmes/12/reporting-plan': { status: 200, body: { ...plan, interpolation: 'linear' } },
      'GET /api/v1/items/101/reports': { status: 200, body: { items: [], total: 0 } },
      'POST /api/v1/items/101/reports': () => {
        const answer = answers.shift();
        if (!answer) throw new Error('more creates than expected');
        return answer();
      },
      'GET /api/v1/reports/500': { status: 200, body: submitted },
    });
    view = await render(routes(), { route: '/items/101/reports/Q1' });
    await waitFor(() => expect(document.body.textContent).toContain('2024-03-25'));
    // Linear interpolation: 900 planned by 30 June, so half of it by 31 March (91 of 182 days); a step shows nothing yet.
    const planned = () => document.querySelector('[data-testid="plan-vs-actual"] tbody td:nth-child(2)')?.textContent;
    await waitFor(() => expect(planned()).toBe('450'));
    await type(textarea('report_progress'), '已开工');

    const creates = () => requests.filter((r) => r.method === 'POST' && r.url.endsWith('/items/101/reports'));
    // Two clicks at once send one request: the form keeps only the later validation, then the buttons are busy.
    await act(async () => {
      getButton('提交').click();
      getButton('提交').click();
    });
    await waitFor(() => expect(document.body.textContent).toContain('无法连接服务器，请检查网络后重试。'));
    expect(creates()).toHaveLength(1);

    await click(getButton('提交'));
    await waitFor(() => expect(document.body.textContent).toContain('服务暂时不可用，请稍后重试。'));
    await click(getButton('提交'));
    await waitFor(() => expect(document.body.textContent).toContain('该报告已提交，正在等待审核。'));

    expect(creates()).toHaveLength(3);
    const keys = new Set(creates().map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f]{32}$/);
    for (const create of creates()) expect(create.body).toMatchObject({ submit: true, progress: '已开工' });
    expect(requests.filter((r) => r.url.includes('/submit'))).toEqual([]);
  });

  it('submits the draft a lost "save" made, with what the form holds now', async () => {
    const draft = reportOf({ state: 'draft', version: 1, values: [], progress: '草稿' });
    let creates = 0;
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(reporterUser),
      ...base,
      'GET /api/v1/items/101/reports': { status: 200, body: { items: [], total: 0 } },
      // The server keeps the draft but the answer is lost; the same key then replays that draft.
      'POST /api/v1/items/101/reports': () => {
        creates += 1;
        if (creates === 1) throw new TypeError('Failed to fetch');
        return { status: 200, body: draft };
      },
      'PATCH /api/v1/reports/500': { status: 200, body: { ...draft, progress: '草稿，已补充', version: 2 } },
      'POST /api/v1/reports/500/submit': { status: 200, body: { ...draft, state: 'submitted', version: 3 } },
      'GET /api/v1/reports/500': { status: 200, body: { ...draft, state: 'submitted', version: 3 } },
    });
    view = await render(routes(), { route: '/items/101/reports/Q2' });
    await waitFor(() => expect(textarea('report_progress')).toBeTruthy());
    await type(textarea('report_progress'), '草稿');
    await click(getButton('保存草稿'));
    await waitFor(() => expect(document.body.textContent).toContain('无法连接服务器，请检查网络后重试。'));
    await type(textarea('report_progress'), '草稿，已补充');
    await click(getButton('提交'));
    await waitFor(() => expect(document.body.textContent).toContain('该报告已提交，正在等待审核。'));

    const posts = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/items/101/reports'));
    expect(posts.map((r) => r.headers['idempotency-key'])).toEqual([
      posts[0]?.headers['idempotency-key'],
      posts[0]?.headers['idempotency-key'],
    ]);
    expect(posts[0]?.body).not.toHaveProperty('submit');
    expect(posts[1]?.body).toMatchObject({ submit: true });
    expect(requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({ version: 1, progress: '草稿，已补充' });
    expect(requests.find((r) => r.url.endsWith('/reports/500/submit'))?.body).toEqual({ version: 2 });
  });

  it('shows why a report was returned and resubmits the fixed one', async () => {
    const returned = reportOf({ state: 'returned', returnReason: '请补充现场照片', version: 3 });
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(reporterUser),
      ...base,
      'GET /api/v1/items/101/reports': { status: 200, body: { items: [returned], total: 1 } },
      'GET /api/v1/reports/500': { status: 200, body: returned },
      'PATCH /api/v1/reports/500': { status: 200, body: { ...returned, version: 4 } },
      'POST /api/v1/reports/500/submit': { status: 200, body: { ...returned, state: 'submitted', version: 5 } },
    });
    view = await render(routes(), { route: '/items/101/reports/Q2' });

    const reason = await waitFor(() => {
      const found = document.querySelector('[data-testid="return-reason"]');
      expect(found).not.toBeNull();
      return found;
    });
    expect(reason?.textContent).toContain('退回原因：请补充现场照片');
    expect(reason?.getAttribute('role')).toBe('alert');
    expect(byLabel('“新增学位”实际累计完成（个）').value).toBe('720');

    await type(textarea('report_progress'), '已补充照片');
    await click(getButton('提交'));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/reports/500/submit'))).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({ version: 3, progress: '已补充照片' });
    expect(requests.find((r) => r.url.endsWith('/submit'))?.body).toEqual({ version: 4 });
  });

  it('reloads with a clear message when someone else changed the report', async () => {
    let version = 1;
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(reporterUser),
      ...base,
      'GET /api/v1/reports/500': () => ({ status: 200, body: reportOf({ version, progress: `第${version}版` }) }),
      'PATCH /api/v1/reports/500': () => {
        version = 2;
        return {
          status: 409,
          body: { code: 'CONFLICT', message: '该记录已被他人修改', details: { current: { id: 500, version: 2 } } },
        };
      },
    });
    view = await render(routes(), { route: '/reports/500' });
    await waitFor(() => expect(textarea('report_progress').value).toBe('第1版'));
    await click(getButton('保存草稿'));
    await waitFor(() => expect(document.body.textContent).toContain('该报告已被他人修改，已载入最新内容'));
    await waitFor(() => expect(textarea('report_progress').value).toBe('第2版'));
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('shows an approved report read-only, with the co-units’ shares for the lead unit', async () => {
    const approved = reportOf({
      state: 'approved',
      shares: [
        {
          id: 501,
          unitId: 21,
          unitName: '区住建委',
          state: 'submitted',
          progress: '配合完成场地平整',
          percentComplete: 30,
          values: [{ indicatorId: 11, value: 180 }],
        },
      ],
      consolidated: [{ indicatorId: 11, value: 720, source: 'lead' }],
    });
    fakeApi({
      'GET /api/v1/session': sessionOf(supervisorUser),
      ...base,
      'GET /api/v1/reports/500': { status: 200, body: approved },
    });
    view = await render(routes(), { route: '/reports/500' });
    await waitFor(() => expect(document.body.textContent).toContain('该报告已审核通过，不能再修改。'));
    expect(() => getButton('提交')).toThrow();
    expect(() => getButton('保存草稿')).toThrow();
    const shares = document.querySelector('[data-testid="report-shares"]')?.textContent ?? '';
    expect(shares).toContain('区住建委');
    expect(shares).toContain('配合完成场地平整');
    expect(shares).toContain('180');
    expect(document.querySelector('[data-testid="report-consolidated"]')?.textContent).toContain('新增学位：720个');
  });
});
