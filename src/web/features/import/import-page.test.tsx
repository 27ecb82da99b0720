// @vitest-environment happy-dom
import { act } from 'react';
import { Route, Routes, useParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ProgrammeDocument, ReimportDiff } from '../../api/interchange.js';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, programme, sessionOf } from '../../testing/fixtures.js';
import {
  click,
  type FakeResponse,
  fakeApi,
  getButton,
  getByLabel,
  type RecordedRequest,
  type Rendered,
  render,
  type,
  waitFor,
} from '../../testing/render.js';
import { ImportPage } from './import-page.js';

const LIST_TEXT = '西青区2024年20项民心工程\n一、教育\n1\t增加学前教育学位\t区教育局\n2\t改善中小学办学条件\t区教育局';

const document_: ProgrammeDocument = {
  format: 'minxin.programme/v1',
  title: '西青区2024年20项民心工程',
  jurisdiction: '西青区',
  year: 2024,
  parent: null,
  categories: [
    {
      ordinal: 1,
      title: '教育提质工程',
      items: [
        {
          number: '1',
          name: '增加学前教育学位',
          leadUnit: '区教育局',
          coUnits: ['区住建委'],
          persons: ['王明', '李强'],
          leaders: ['赵林'],
          deadline: { text: '12月底', date: '2024-12-31' },
          indicators: [
            {
              name: '新增学位',
              unit: '个',
              target: 2700,
              checkpoints: { Q2: 900, Q4: 2700 },
            },
          ],
        },
        {
          number: '2',
          name: '改善中小学办学条件',
          leadUnit: '区教育局',
          children: [{ number: '(1)', name: '改造学校食堂', leadUnit: '区教育局' }],
        },
      ],
    },
  ],
};

const preview = (overrides: Partial<ImportPreview> = {}): FakeResponse => ({
  status: 200,
  body: { document: document_, layout: 'wide-rows', warnings: [], ...overrides },
});

function ProgrammeStub() {
  return <p>programme page {useParams().id}</p>;
}

function routes() {
  return (
    <RequireSession>
      <Routes>
        <Route path="/programmes/import" element={<ImportPage />} />
        <Route path="/programmes/:id" element={<ProgrammeStub />} />
      </Routes>
    </RequireSession>
  );
}

function api(extra: Record<string, FakeResponse | ((request: RecordedRequest) => FakeResponse)>) {
  return fakeApi({
    'GET /api/v1/session': sessionOf(adminUser),
    'GET /api/v1/programmes': { status: 200, body: { items: [programme] } },
    'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
    ...extra,
  });
}

const bodyText = () => document.body.textContent ?? '';

async function pasteAndPreview(text = LIST_TEXT): Promise<void> {
  const tab = await waitFor(() => {
    const found = [...document.querySelectorAll('[role="tab"]')].find((e) => e.textContent === '粘贴文本');
    if (!found) throw new Error('no text tab');
    return found as HTMLElement;
  });
  await click(tab);
  await type(getByLabel('清单文本') as unknown as HTMLInputElement, text);
  await click(getButton('识别并预览'));
}

// Each step mounts many antd components, which happy-dom styles slowly on a busy machine.
describe('ImportPage', { timeout: 30_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('sends pasted text to the preview with the year given, and shows the tree it reads', async () => {
    const calls = api({ 'POST /api/v1/programmes/import/preview': preview() });
    view = await render(routes(), { route: '/programmes/import' });

    await waitFor(() => getByLabel('年度'));
    await act(async () => {
      const year = getByLabel('年度');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(year, '2024');
      year.dispatchEvent(new Event('input', { bubbles: true }));
      year.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await pasteAndPreview();

    await waitFor(() => expect(bodyText()).toContain('改造学校食堂'));
    const sent = calls.requests.find((r) => r.url === '/api/v1/programmes/import/preview');
    expect(sent?.method).toBe('POST');
    expect(sent?.body).toEqual({ text: LIST_TEXT, year: 2024 });
    for (const shown of ['横排表格', '增加学前教育学位', '区住建委', '12月底（2024-12-31）', '新增学位：2700个']) {
      expect(bodyText()).toContain(shown);
    }
    expect(getByLabel('标题').value).toBe('西青区2024年20项民心工程');
  });

  it('sends a chosen file as base64 with its name', async () => {
    const calls = api({ 'POST /api/v1/programmes/import/preview': preview() });
    view = await render(routes(), { route: '/programmes/import' });

    const input = await waitFor(() => {
      const found = document.querySelector<HTMLInputElement>('input[type="file"]');
      if (!found) throw new Error('no file input');
      return found;
    });
    expect(input.accept).toBe('.txt,.docx,.xlsx,.json');
    const file = new File(['一、教育提质工程'], '西青区清单.txt', { type: 'text/plain' });
    await act(async () => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => expect(bodyText()).toContain('已选择：西青区清单.txt'));
    await click(getButton('识别并预览'));

    await waitFor(() => expect(bodyText()).toContain('改造学校食堂'));
    const sent = calls.requests.find((r) => r.url === '/api/v1/programmes/import/preview');
    expect(sent?.body).toEqual({
      fileName: '西青区清单.txt',
      contentBase64: Buffer.from('一、教育提质工程').toString('base64'),
    });
  });

  it('shows a warning beside the row it names, and the others above the tree with their place', async () => {
    api({
      'POST /api/v1/programmes/import/preview': preview({
        warnings: [
          { where: 'row 7, column 3', message: '责任人比责任单位多一人，已按顺序保留', path: 'categories[0].items[1]' },
          { where: 'line 1', message: '未写明上级民心工程' },
          { where: 'row 9', message: '分项的完成时限无法识别', path: 'categories[0].items[1].children[0]' },
        ],
      }),
    });
    view = await render(routes(), { route: '/programmes/import' });
    await pasteAndPreview();

    const row = await waitFor(() => {
      const found = document.querySelector('tr[data-row-key="categories[0].items[1]"]');
      if (!found) throw new Error('no row');
      return found;
    });
    expect(row.textContent).toContain('改善中小学办学条件');
    expect(row.textContent).toContain('责任人比责任单位多一人，已按顺序保留');
    expect(row.textContent).not.toContain('分项的完成时限无法识别');
    const part = document.querySelector('tr[data-row-key="categories[0].items[1].children[0]"]');
    expect(part?.textContent).toContain('分项的完成时限无法识别');
    const otherRow = document.querySelector('tr[data-row-key="categories[0].items[0]"]');
    expect(otherRow?.textContent).not.toContain('责任人比责任单位多一人');

    const panel = document.querySelector('section[aria-label="其他提示（未对应到具体子项）"]');
    expect(panel?.textContent).toContain('未写明上级民心工程');
    expect(panel?.textContent).toContain('位置：line 1');
    expect(panel?.textContent).not.toContain('责任人比责任单位多一人');
    expect(bodyText()).toContain('提示 3 条');
  });

  it('posts the edited document when an item was renamed in the preview, then opens the new programme', async () => {
    const calls = api({
      'POST /api/v1/programmes/import/preview': preview(),
      'POST /api/v1/programmes/import': { status: 201, body: { id: 31, itemCount: 3, warnings: [] } },
    });
    view = await render(routes(), { route: '/programmes/import' });
    await pasteAndPreview();

    await waitFor(() => getButton('编辑“2 改善中小学办学条件”'));
    await click(getButton('编辑“2 改善中小学办学条件”'));
    await waitFor(() => expect(getByLabel('名称').value).toBe('改善中小学办学条件'));
    await type(getByLabel('名称'), '改善中小学校办学条件');
    await click(getButton('应用修改'));
    await waitFor(() => expect(bodyText()).toContain('改善中小学校办学条件'));

    await click(getButton('导入为草稿'));
    await waitFor(() => expect(bodyText()).toContain('programme page 31'));
    const posted = calls.requests.find((r) => r.url === '/api/v1/programmes/import')?.body as ProgrammeDocument;
    const expected = structuredClone(document_);
    const renamed = expected.categories[0]?.items[1];
    if (renamed) renamed.name = '改善中小学校办学条件';
    // Only the name changed: nothing the editor does not show was dropped or blanked.
    expect(posted).toEqual({ ...expected, warnings: [] });
  });

  it('shows what a revised list adds, removes and changes before applying it', async () => {
    const diff: ReimportDiff = {
      added: [{ category: '1', numbers: ['3'], name: '新建社区食堂' }],
      removed: [{ category: '1', numbers: ['2', '(2)'], name: '改造学校操场' }],
      changed: [
        {
          before: { category: '1', numbers: ['1'], name: '增加学位' },
          after: { category: '1', numbers: ['1'], name: '增加学前教育学位' },
          fields: ['name', 'leadUnit'],
        },
      ],
      unchanged: 17,
      programmeFields: [],
    };
    const calls = api({
      'POST /api/v1/programmes/import/preview': preview(),
      'POST /api/v1/programmes/12/reimport/preview': { status: 200, body: diff },
      'POST /api/v1/programmes/12/reimport': { status: 200, body: diff },
    });
    view = await render(routes(), { route: '/programmes/import?programme=12' });
    await waitFor(() => expect(bodyText()).toContain('西青区2024年20项民心工程（2024年，已发布）'));
    await pasteAndPreview();

    await waitFor(() => getButton('比较差异'));
    expect(bodyText()).toContain('将更新：西青区2024年20项民心工程');
    await click(getButton('比较差异'));

    const dialog = await waitFor(() => {
      const found = document.querySelector('.ant-modal');
      if (!found?.textContent?.includes('新建社区食堂')) throw new Error('no differences yet');
      return found;
    });
    const text = dialog.textContent ?? '';
    for (const shown of ['新增 1 项', '删除 1 项', '变更 1 项', '未变 17 项', '第一大项', '2 (2) 改造学校操场']) {
      expect(text).toContain(shown);
    }
    expect(text).toContain('1 增加学位 → ');
    expect(text).toContain('变更：名称、牵头单位');
    expect(calls.requests.some((r) => r.url === '/api/v1/programmes/12/reimport')).toBe(false);
    const reviewed = calls.requests.find((r) => r.url === '/api/v1/programmes/12/reimport/preview');
    expect((reviewed?.body as ProgrammeDocument).categories).toEqual(document_.categories);

    await click(getButton('应用修订'));
    await waitFor(() => expect(bodyText()).toContain('programme page 12'));
    const applied = calls.requests.find((r) => r.url === '/api/v1/programmes/12/reimport');
    expect(applied?.method).toBe('POST');
    expect(applied?.body).toEqual(reviewed?.body);
  });

  it('shows the message of a list the server cannot read, and stays on the first step', async () => {
    api({
      'POST /api/v1/programmes/import/preview': {
        status: 400,
        body: {
          code: 'VALIDATION',
          message: '未能在文件中找到任务清单：没有表格，也没有“一、”“二、”开头的条目。请检查文件后重试。',
          details: null,
        },
      },
    });
    view = await render(routes(), { route: '/programmes/import' });
    await pasteAndPreview('这是一段与民心工程无关的文字。');

    const alert = await waitFor(() => {
      const found = document.querySelector('[role="alert"]');
      if (!found) throw new Error('no alert');
      return found;
    });
    expect(alert.textContent).toContain('未能在文件中找到任务清单');
    expect(getByLabel('清单文本').value).toBe('这是一段与民心工程无关的文字。');
  });
});
