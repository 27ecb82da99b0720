// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bulletin, BulletinSummary } from '../../api/bulletins.js';
import type { SessionUser } from '../../api/types.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, getByLabel, type Rendered, render, type, waitFor } from '../../testing/render.js';
import { BulletinPage } from './bulletin-page.js';
import { BulletinsPage } from './bulletins-page.js';
import { cutoffBounds } from './cutoff.js';

const supervisor = { ...adminUser, id: 2, username: 'supervisor', role: 'supervisor' as const, jurisdictionId: 2 };
const viewer = { ...adminUser, id: 4, username: 'viewer', role: 'viewer' as const, jurisdictionId: 2 };

const draft: Bulletin = {
  id: 31,
  programmeId: 12,
  seq: null,
  cutoff: '2024-06-30',
  period: '上半年',
  title: '西青区2024年民心工程上半年“成绩单”',
  state: 'draft',
  prevHash: null,
  hash: null,
  publishedAt: null,
  version: 1,
  createdAt: '2024-07-02T01:00:00.000Z',
  updatedAt: '2024-07-02T01:00:00.000Z',
  body: {
    genre: 'district',
    lede: '截至6月底，1个子项已完成，其余1个子项正在加快推进。',
    sections: [
      {
        categoryId: 7,
        number: '01',
        heading: '教育',
        paragraphs: [{ itemId: 101, text: '新增学位2700个。目前，已完成选址。' }],
      },
    ],
    closing: '下一步，西青区将紧盯全年目标。',
    source: '西青区民心工程督查室',
  },
  data: {},
};

const published: Bulletin = {
  ...draft,
  id: 30,
  seq: 1,
  cutoff: '2024-03-31',
  period: '一季度',
  title: '西青区2024年民心工程一季度“成绩单”',
  state: 'published',
  hash: 'a'.repeat(64),
  publishedAt: '2024-04-10T02:00:00.000Z',
  version: 2,
};

const summary = ({ body: _b, data: _d, ...rest }: Bulletin): BulletinSummary => rest;

const routes = () => (
  <RequireSession>
    <Routes>
      <Route path="/bulletins" element={<BulletinsPage />} />
      <Route path="/bulletins/:id" element={<BulletinPage />} />
    </Routes>
  </RequireSession>
);

const base = (user: SessionUser) => ({
  'GET /api/v1/session': sessionOf(user),
  'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
  'GET /api/v1/programmes': { status: 200, body: { items: [programme] } },
  'GET /api/v1/programmes/12': { status: 200, body: programme },
});

const text = () => document.body.textContent ?? '';
const modal = () => document.querySelector('.ant-modal') as HTMLElement;

describe('the bulletins of a programme', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('lists drafts and published bulletins with the chain’s state, and drafts a new one', async () => {
    const { requests } = fakeApi({
      ...base(supervisor),
      'GET /api/v1/programmes/12/bulletins': { status: 200, body: { items: [summary(draft), summary(published)] } },
      'GET /api/v1/programmes/12/bulletins/verify': { status: 200, body: { ok: true, count: 1 } },
      'POST /api/v1/programmes/12/bulletins': { status: 201, body: { ...draft, id: 32 } },
      'GET /api/v1/bulletins/32': { status: 200, body: { ...draft, id: 32 } },
    });
    view = await render(routes(), { route: '/bulletins?programme=12' });
    await waitFor(() => expect(text()).toContain(published.title));
    expect(text()).toContain(draft.title);
    expect(text()).toContain('第1期');
    expect(text()).toContain('草稿');
    expect(text()).toContain('已发布');
    expect(text()).toContain('完整：已发布的 1 期通报均未被改动');

    await click(getButton('起草通报'));
    await waitFor(() => expect(modal()).toBeTruthy());
    await type(getByLabel('数据截止日期', modal()), '2024-06-30');
    await click(getButton('起草通报', modal()));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ cutoff: '2024-06-30' });
    // The editor of the new draft opens.
    await waitFor(() => expect(getButton('保存草稿')).toBeTruthy());
  });

  it('says where the hash chain breaks', async () => {
    fakeApi({
      ...base(viewer),
      'GET /api/v1/programmes/12/bulletins': { status: 200, body: { items: [summary(published)] } },
      'GET /api/v1/programmes/12/bulletins/verify': {
        status: 200,
        body: { ok: false, count: 1, brokenAt: 1, reason: '第1期的内容与其哈希不符' },
      },
    });
    view = await render(routes(), { route: '/bulletins?programme=12' });
    await waitFor(() => expect(text()).toContain('第1期起哈希链断开：第1期的内容与其哈希不符'));
    expect(document.querySelector('[role="alert"]')).not.toBeNull();
    // A viewer drafts nothing.
    expect(() => getButton('起草通报')).toThrow();
  });

  it('saves an edited draft with its version, keeping what each paragraph is about', async () => {
    let current = draft;
    const { requests } = fakeApi({
      ...base(supervisor),
      'GET /api/v1/bulletins/31': () => ({ status: 200, body: current }),
      'PATCH /api/v1/bulletins/31': (request) => {
        const input = request.body as Pick<Bulletin, 'title' | 'body'>;
        current = { ...current, ...input, version: 2 };
        return { status: 200, body: current };
      },
    });
    view = await render(routes(), { route: '/bulletins/31' });
    await waitFor(() => expect(getByLabel('导语').value).toBe(draft.body.lede));
    expect(getByLabel('第 1 段').value).toBe('新增学位2700个。目前，已完成选址。');
    await type(getByLabel('导语'), '截至6月底，改写后的导语。');
    await click(getButton('保存草稿'));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH')?.body as {
      version: number;
      title: string;
      body: Bulletin['body'];
    };
    expect(patch.version).toBe(1);
    expect(patch.title).toBe(draft.title);
    expect(patch.body.lede).toBe('截至6月底，改写后的导语。');
    expect(patch.body.sections[0]).toEqual(draft.body.sections[0]);
    expect(patch.body.genre).toBe('district');
    await waitFor(() => expect(text()).toContain('草稿已保存'));
  });

  it('reloads the stored text when someone else saved first', async () => {
    const theirs = { ...draft, title: '别人改过的标题', version: 2 };
    fakeApi({
      ...base(supervisor),
      'GET /api/v1/bulletins/31': { status: 200, body: draft },
      'PATCH /api/v1/bulletins/31': {
        status: 409,
        body: { code: 'CONFLICT', message: '该记录已被他人修改', details: { current: theirs } },
      },
    });
    view = await render(routes(), { route: '/bulletins/31' });
    await waitFor(() => expect(getByLabel('标题').value).toBe(draft.title));
    await type(getByLabel('标题'), '我的标题');
    await click(getButton('保存草稿'));
    await waitFor(() => expect(text()).toContain('已载入最新版本，请核对后再保存。'));
    expect(getByLabel('标题').value).toBe('别人改过的标题');
  });

  it('publishes a draft only after a warning that it will be frozen', async () => {
    const { requests } = fakeApi({
      ...base(supervisor),
      'GET /api/v1/bulletins/31': { status: 200, body: draft },
      'POST /api/v1/bulletins/31/publish': { status: 200, body: { ...published, id: 31 } },
    });
    view = await render(routes(), { route: '/bulletins/31' });
    await waitFor(() => expect(getButton('发布')).toBeTruthy());
    await click(getButton('发布'));
    await waitFor(() => expect(text()).toContain('发布后本期通报将固定为公开记录，不能再修改或删除'));
    expect(requests.some((r) => r.url.endsWith('/publish'))).toBe(false);
    await click(getButton('确认发布'));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/publish'))).toBe(true));
    expect(requests.find((r) => r.url.endsWith('/publish'))?.body).toEqual({ version: 1 });
  });

  it('shows a published bulletin frozen, with its hash and downloads, to a reader', async () => {
    fakeApi({ ...base(viewer), 'GET /api/v1/bulletins/30': { status: 200, body: published } });
    view = await render(routes(), { route: '/bulletins/30' });
    await waitFor(() => expect(text()).toContain('本期通报已发布，内容已固定，不能修改。'));
    expect(document.querySelector('h1')?.textContent).toBe(`第1期 ${published.title}`);
    expect(text()).toContain('a'.repeat(64));
    expect(text()).toContain('无（第一期）');
    expect(text()).toContain('新增学位2700个。目前，已完成选址。');
    const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining([
        '/api/v1/bulletins/30/export.docx',
        '/api/v1/bulletins/30/export.md',
        '/p/12/bulletins/1',
      ]),
    );
    expect(() => getButton('发布')).toThrow();
    expect(() => getButton('保存草稿')).toThrow();
  });
});

describe('cutoffBounds', () => {
  it('suggests the end of last month in the current year, the year’s end once it is over', () => {
    expect(cutoffBounds(2026, '2026-11-23')).toEqual({ min: '2026-01-01', max: '2026-11-23', suggested: '2026-10-31' });
    expect(cutoffBounds(2024, '2026-11-23')).toEqual({ min: '2024-01-01', max: '2024-12-31', suggested: '2024-12-31' });
    expect(cutoffBounds(2026, '2026-01-15').suggested).toBe('2026-01-15');
  });
});
