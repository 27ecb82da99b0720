// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Rendered, render } from '../../testing/render.js';
import { diffRecords } from './diff.js';
import { HistoryChanges } from './history-entry.js';

describe('diffRecords', () => {
  it('lists changed fields only, without bookkeeping', () => {
    expect(
      diffRecords(
        { id: 7, version: 1, name: '老旧小区改造', target: '', deadline: { text: '12月底', date: null } },
        { id: 7, version: 2, name: '老旧小区改造提升', target: '', deadline: { date: null, text: '12月底' } },
      ),
    ).toEqual([{ field: 'name', before: '老旧小区改造', after: '老旧小区改造提升' }]);
  });

  it('lists every field a create set and a delete removed', () => {
    expect(diffRecords(null, { id: 1, period: 'Q2', text: '完成50%' }).map((c) => c.field)).toEqual(['period', 'text']);
    expect(diffRecords({ id: 1, name: '甲' }, null)).toEqual([{ field: 'name', before: '甲', after: undefined }]);
  });
});

describe('HistoryChanges', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  const lines = () => [...document.querySelectorAll('li')].map((li) => li.textContent);

  it('shows each changed field as label: old → new, in words', async () => {
    view = await render(
      <HistoryChanges
        entry={{
          before: { version: 3, name: '新建公办幼儿园', state: 'draft', deadline: { text: '12月底', date: null } },
          after: {
            version: 4,
            name: '新建改扩建公办幼儿园',
            state: 'published',
            deadline: { text: '9月底', date: '2024-09-30' },
          },
        }}
      />,
    );
    expect(lines()).toEqual([
      '名称：新建公办幼儿园 → 新建改扩建公办幼儿园',
      '状态：草稿 → 已发布',
      '完成时限：12月底 → 9月底（2024-09-30）',
    ]);
  });

  it('shows a created milestone with blanks before', async () => {
    view = await render(
      <HistoryChanges entry={{ before: null, after: { period: 'Q3', text: '完成主体施工', dueDate: null } }} />,
    );
    expect(lines()).toEqual(['时段：— → 三季度', '内容：— → 完成主体施工']);
  });

  it('says so when nothing but the version changed', async () => {
    view = await render(<HistoryChanges entry={{ before: { version: 1 }, after: { version: 2 } }} />);
    expect(document.body.textContent).toContain('无字段变化');
  });
});
