// @vitest-environment happy-dom

import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Assessment, UnitAssessment } from '../../../api/assessment.js';
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
import { AssessmentPage } from './assessment-page.js';

const rule = (rule: UnitAssessment['rules'][number]['rule'], label: string, weight: number, points: number) => ({
  rule,
  label,
  weight,
  numerator: 1,
  denominator: 1,
  rate: points / weight,
  points,
  explanation: `${label}，得 ${points} 分`,
  misses: [] as string[],
});

const unit = (unitId: number, unitName: string, rank: number, total: number): UnitAssessment => ({
  unitId,
  unitName,
  rank,
  base: total,
  total,
  adjustments: [],
  rules: [
    rule('reportsOnTime', '按时报送', 30, total - 70),
    rule('milestonesMet', '节点达标', 30, 30),
    rule('itemsDone', '按期完成', 30, 30),
    rule('noticesAnswered', '督办回复', 10, 10),
  ],
});

const assessment: Assessment = {
  programmeId: 12,
  title: '西青区2024年20项民心工程',
  jurisdictionName: '西青区',
  year: 2024,
  asOf: '2024-12-31',
  scope: 'all',
  weights: { reportsOnTime: 30, milestonesMet: 30, itemsDone: 30, noticesAnswered: 10 },
  units: [
    unit(20, '区教育局', 1, 97.5),
    {
      ...unit(21, '区住建委', 2, 88),
      rules: [
        {
          ...rule('reportsOnTime', '按时报送', 30, 22.5),
          explanation: '按时报送 9/12 期（75.0%），得 22.5 分',
          misses: ['6月报告逾期 3 天'],
        },
        rule('milestonesMet', '节点达标', 30, 30),
        rule('itemsDone', '按期完成', 30, 30),
        rule('noticesAnswered', '督办回复', 10, 10),
      ],
      base: 92.5,
      adjustments: [{ id: 4, points: -4.5, reason: '督查发现台账不全', by: '李督查', at: '2024-12-20T08:00:00Z' }],
    },
  ],
};

const supervisor = { ...adminUser, id: 2, role: 'supervisor' as const, jurisdictionId: 2 };

const routes = () => (
  <RequireSession>
    <Routes>
      <Route path="/programmes/:id/assessment" element={<AssessmentPage />} />
    </Routes>
  </RequireSession>
);

describe('assessment', { timeout: 20_000 }, () => {
  let view: Rendered | undefined;
  afterEach(() => {
    view?.unmount();
    vi.unstubAllGlobals();
  });

  it('ranks the units, explains a unit rule by rule and lets the office adjust with a reason', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/session': sessionOf(supervisor),
      'GET /api/v1/jurisdictions': { status: 200, body: { items: [] } },
      'GET /api/v1/programmes/12': { status: 200, body: programme },
      'GET /api/v1/programmes/12/assessment': { status: 200, body: assessment },
      'POST /api/v1/programmes/12/assessment/adjustments': {
        status: 201,
        body: {
          id: 5,
          unitId: 21,
          points: 2,
          reason: '主动整改到位',
          by: '李督查',
          at: '2024-12-30T00:00:00Z',
          programmeId: 12,
          version: 1,
        },
      },
    });
    view = await render(routes(), { route: '/programmes/12/assessment?date=2024-12-31' });
    await waitFor(() =>
      expect(document.querySelector('h1')?.textContent).toBe('西青区2024年20项民心工程 责任单位考核'),
    );
    const rows = [...document.querySelectorAll('tbody tr.ant-table-row')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent).slice(1),
    );
    expect(rows).toEqual([
      ['1', '区教育局', '27.5', '30', '30', '10', '0', '97.5'],
      ['2', '区住建委', '22.5', '30', '30', '10', '-4.5', '88'],
    ]);
    expect(document.querySelector('a[download]')?.getAttribute('href')).toBe(
      '/api/v1/programmes/12/assessment/export?date=2024-12-31',
    );

    await click(getButton('展开 区住建委 的评分细则'));
    await waitFor(() => expect(document.body.textContent).toContain('按时报送 9/12 期（75.0%），得 22.5 分'));
    expect(document.body.textContent).toContain('6月报告逾期 3 天');
    expect(document.body.textContent).toContain('督查发现台账不全');

    await click(getButton('调整分数'));
    await waitFor(() => expect(getByLabel('调整理由')).toBeTruthy());
    await type(getByLabel('调整分值（-20 至 +20）'), '2');
    await type(getByLabel('调整理由'), '好');
    await click(getButton('保存'));
    // Too short a reason never reaches the server.
    await waitFor(() => expect(document.body.textContent).toContain('调整理由至少 4 个字'));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await type(getByLabel('调整理由'), '主动整改到位');
    await click(getButton('保存'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ unitId: 21, points: 2, reason: '主动整改到位' });
  });
});
