// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Programme } from '../../api/types.js';
import { click, fakeApi, getButton, getByLabel, type Rendered, render, type, waitFor } from '../../testing/render.js';
import { EditProgrammeModal } from './programme-form-modal.js';

const programme: Programme = {
  id: 12,
  title: '西青区2024年20项民心工程',
  year: 2024,
  state: 'draft',
  jurisdictionId: 2,
  jurisdictionName: '西青区',
  parentId: null,
  parentTitle: null,
  version: 3,
  itemCount: 20,
};

describe('EditProgrammeModal', () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('reloads the current version when someone else saved first, then saves against it', async () => {
    const current = { ...programme, title: '西青区2024年民心工程（修订）', state: 'published', version: 4 };
    let attempts = 0;
    const api = fakeApi({
      'PATCH /api/v1/programmes/12': () => {
        attempts += 1;
        return attempts === 1
          ? {
              status: 409,
              body: { code: 'CONFLICT', message: '该记录已被他人修改，请查看最新内容后重试。', details: { current } },
            }
          : { status: 200, body: { ...current, version: 5 } };
      },
    });
    const onClose = vi.fn();
    view = await render(<EditProgrammeModal programme={programme} onClose={onClose} />);

    await waitFor(() => getByLabel('标题'));
    await type(getByLabel('标题'), '我的标题');
    await click(getButton('保存'));

    await waitFor(() => expect(document.body.textContent).toContain('该记录已被他人修改'));
    expect(document.body.textContent).toContain('已载入最新版本');
    expect(getByLabel('标题').value).toBe('西青区2024年民心工程（修订）');
    expect(onClose).not.toHaveBeenCalled();

    await click(getButton('保存'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.requests.map((r) => (r.body as { version: number }).version)).toEqual([3, 4]);
  });
});
