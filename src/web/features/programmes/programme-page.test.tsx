// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, item, programme, sessionOf } from '../../testing/fixtures.js';
import { click, fakeApi, getButton, type Rendered, render, waitFor } from '../../testing/render.js';
import { ItemPage } from '../items/item-page.js';
import { ProgrammePage } from './programme-page.js';

const texts = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent?.trim());

function routes() {
  return (
    <RequireSession>
      <Routes>
        <Route path="/programmes/:id" element={<ProgrammePage />} />
        <Route path="/items/:id" element={<ItemPage />} />
      </Routes>
    </RequireSession>
  );
}

describe('programme and item pages', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('shows the tree with numbered categories, items and parts', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
      'GET /api/v1/programmes/12/tree': {
        status: 200,
        body: {
          programme,
          categories: [
            { id: 7, ordinal: 3, title: '教育', position: 1, version: 1, items: [item] },
            { id: 8, ordinal: null, title: '其他', position: 2, version: 1, items: [] },
          ],
        },
      },
    });
    view = await render(routes(), { route: '/programmes/12' });

    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('西青区2024年20项民心工程'));
    expect(texts('h2')).toEqual(['三、教育', '其他']);
    const body = document.body.textContent ?? '';
    for (const shown of ['增加学前教育学位', '区教育局', '12月底', '新建公办幼儿园', '已发布', '添加大项']) {
      expect(body).toContain(shown);
    }
    // 导出 opens the four formats; JSON keeps the plain address, the official layouts name their format.
    await click(getButton('导出'));
    const exportLinks = await waitFor(() => {
      const links = [...document.querySelectorAll('a[download]')];
      expect(links).toHaveLength(4);
      return links;
    });
    expect(exportLinks.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['JSON（完整数据，可再导入）', '/api/v1/programmes/12/export'],
      ['Excel 进度和责任清单', '/api/v1/programmes/12/export?format=xlsx'],
      ['Word 进度和责任清单', '/api/v1/programmes/12/export?format=docx'],
      ['CSV 表格', '/api/v1/programmes/12/export?format=csv'],
    ]);
  });

  it('shows an item with its units, milestones and indicators', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf({ ...adminUser, role: 'viewer' }),
      'GET /api/v1/items/101': { status: 200, body: item },
      'GET /api/v1/programmes/12': { status: 200, body: programme },
      'GET /api/v1/items/101/history': {
        status: 200,
        body: {
          items: [
            {
              id: 1,
              at: '2024-03-01T08:00:00Z',
              actorName: '李督查',
              action: 'update',
              entityType: 'item',
              entityId: 101,
              before: { name: '增加学位', version: 1 },
              after: { name: '增加学前教育学位', version: 2 },
            },
          ],
        },
      },
    });
    view = await render(routes(), { route: '/items/101' });

    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('1 增加学前教育学位'));
    // The lead unit comes first, whatever the order it arrives in.
    const unitRows = texts('section table tbody tr').filter((row) => row?.includes('区'));
    expect(unitRows[0]).toContain('区教育局');
    expect(unitRows[0]).toContain('王明');
    const body = document.body.textContent ?? '';
    for (const shown of ['赵林', '二季度', '9月', '主体完工', '新增学位', '2700', '新建公办幼儿园']) {
      expect(body).toContain(shown);
    }
    await waitFor(() => expect(document.body.textContent).toContain('名称：增加学位 → 增加学前教育学位'));
    // A viewer reads only.
    expect(body).not.toContain('编辑子项');
    expect(body).not.toContain('添加阶段性目标');
  });

  it('offers no export to a reporter, whose view is only part of the list', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf({ ...adminUser, role: 'reporter' }),
      'GET /api/v1/programmes/12/tree': { status: 200, body: { programme, categories: [] } },
    });
    view = await render(routes(), { route: '/programmes/12' });
    await waitFor(() => expect(document.querySelector('h1')?.textContent).toBe('西青区2024年20项民心工程'));
    expect(() => getButton('导出')).toThrow();
  });
});
