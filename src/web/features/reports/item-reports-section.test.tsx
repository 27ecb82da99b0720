// @vitest-environment happy-dom

import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireSession } from '../../app/require-session.js';
import { adminUser, sessionOf } from '../../testing/fixtures.js';
import { fakeApi, type Rendered, render, waitFor } from '../../testing/render.js';
import { ItemReportsSection } from './item-reports-section.js';
import { reportOf } from './report-fixtures.js';

describe('item reports section', { timeout: 40_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('lists the reports by period with their state in words and a link to each', async () => {
    fakeApi({
      'GET /api/v1/session': sessionOf(adminUser),
      'GET /api/v1/items/101/reports': {
        status: 200,
        body: {
          items: [
            reportOf({ id: 2, period: 'Q2', state: 'returned', returnReason: '补充照片' }),
            reportOf({ id: 1, period: 'Q1', state: 'approved' }),
          ],
          total: 2,
        },
      },
    });
    view = await render(
      <RequireSession>
        <ItemReportsSection item={{ id: 101 }} />
      </RequireSession>,
    );
    const rows = await waitFor(() => {
      const found = [...document.querySelectorAll('[data-testid="item-reports"] tbody tr')];
      expect(found).toHaveLength(2);
      return found;
    }, 10_000);
    expect(document.querySelector('h2')?.textContent).toBe('进展报告');
    expect(rows[0]?.textContent).toContain('一季度');
    expect(rows[0]?.textContent).toContain('已通过');
    expect(rows[1]?.textContent).toContain('已退回');
    expect(rows[1]?.querySelector('a')?.getAttribute('href')).toBe('/reports/2');
  });
});
