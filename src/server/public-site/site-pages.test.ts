import { describe, expect, it } from 'vitest';
import type { ReportCard } from '../../core/publish/report-card.js';
import { DEFAULT_PREFS } from './layout.js';
import { chartSvg, chartTable, monthRows } from './pages/chart.js';
import { milestoneState } from './pages/item-page.js';
import { renderNotFound } from './pages/not-found.js';
import { deadlineText, headlineText, indicatorText, meter } from './pages/shared.js';
import { positiveId, safeBack } from './site-routes.js';

const card = (done: number, rest: number): ReportCard => ({
  programme: { id: 1, title: 't', year: 2030, jurisdictionId: 1, jurisdictionName: 'j' },
  asOf: '2030-06-30',
  headline: { done, rest, total: done + rest, percent: 50 },
  categories: [],
});

const series = {
  indicatorId: 7,
  name: '社区食堂',
  unit: '处',
  target: 3,
  direction: 'increase' as const,
  planned: [
    { period: 'Q2', value: 1 },
    { period: 'Q4', value: 3 },
  ],
  actual: [
    { period: 'M05', value: 0 },
    { period: 'M06', value: 1 },
    { period: 'Q2', value: 2 },
  ],
};

describe('the headline', () => {
  it('counts done and the rest in the words of the seed report card', () => {
    expect(headlineText(card(4, 16))).toBe('截至6月30日，4个子项已完成，其余16个子项正在加快推进');
    expect(headlineText(card(5, 0))).toBe('截至6月30日，全部5个子项均已完成');
    expect(headlineText(card(0, 3))).toBe('截至6月30日，3个子项正在加快推进');
    expect(headlineText(card(0, 0))).toBe('截至6月30日，暂无公开的子项');
  });
});

describe('items', () => {
  it('words the deadline as the list does, else as a date', () => {
    expect(deadlineText({ deadline: '2030-12-31', deadlineText: '12月底' })).toBe('12月底');
    expect(deadlineText({ deadline: '2030-09-30', deadlineText: null })).toBe('2030年9月30日');
    expect(deadlineText({ deadline: null, deadlineText: ' ' })).toBeNull();
  });

  it('gives key numbers with the completion rate', () => {
    expect(indicatorText({ indicatorId: 1, name: '学位', unit: '个', target: 300, actual: 120, rate: 0.4 })).toBe(
      '学位：已完成120个，目标300个，完成率40%',
    );
    expect(indicatorText({ indicatorId: 1, name: '学位', unit: '个', target: null, actual: null, rate: null })).toBe(
      '学位：尚无审核通过的数据',
    );
  });

  it('draws a labelled bar with the percentage in words, clamped', () => {
    expect(meter('x', '进度', 140)).toBe(
      '<div class="meter"><label for="x">进度</label><progress id="x" max="100" value="100">100%</progress><span class="pct">100%</span></div>',
    );
  });
});

describe('milestones', () => {
  const progress = { itemId: 1, programmeId: 1, asOf: '2030-07-15', status: 'on_track' as const, indicators: [series] };
  const q2 = { period: 'Q2', text: '建成1处', dueDate: null };
  it('tells not due, reached or missed from the checkpoints and approved actuals', () => {
    expect(milestoneState(q2, '2030-06-30', '2030-06-01', { status: 'on_track' }, progress)).toBe('未到期');
    expect(milestoneState(q2, '2030-06-30', '2030-07-15', { status: 'on_track' }, progress)).toBe('已按期达到');
    const behind = { ...progress, indicators: [{ ...series, actual: [{ period: 'M06', value: 0 }] }] };
    expect(milestoneState(q2, '2030-06-30', '2030-07-15', { status: 'on_track' }, behind)).toBe('未按期达到');
    // Reported only after the period: not reached by its date.
    const late = { ...progress, indicators: [{ ...series, actual: [{ period: 'M08', value: 5 }] }] };
    expect(milestoneState(q2, '2030-06-30', '2030-09-01', { status: 'on_track' }, late)).toBe('未按期达到');
    const q1 = { period: 'Q1', text: '完成选址', dueDate: null };
    expect(milestoneState(q1, '2030-03-31', '2030-07-15', { status: 'on_track' }, progress)).toBe('已到期');
    expect(milestoneState(q1, '2030-03-31', '2030-07-15', { status: 'done' }, progress)).toBe('已完成');
  });
});

describe('the chart', () => {
  it('merges a quarter with its last month, the quarter’s figure winning', () => {
    expect(monthRows(series)).toEqual([
      { month: 5, periods: ['M05'], planned: undefined, actual: 0 },
      { month: 6, periods: ['Q2', 'M06'], planned: 1, actual: 2 },
      { month: 12, periods: ['Q4'], planned: 3, actual: undefined },
    ]);
  });

  it('is an SVG image with a title and a table with the same figures', () => {
    const svg = chartSvg(series, 'c');
    expect(svg).toMatch(/^<svg viewBox="0 0 480 300" role="img" aria-labelledby="c-t c-d"/);
    expect(svg).toContain('<title id="c-t">社区食堂：计划与实际</title>');
    expect(svg.match(/<circle /g)).toHaveLength(3); // two actual points and the legend's
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).not.toMatch(/NaN|undefined/);
    const table = chartTable(series, 'c');
    expect(table).toContain('<tr><th scope="row">6月底（二季度末）</th><td>1</td><td>2</td></tr>');
    expect(table).toContain('<tr><th scope="row">5月底</th><td>—</td><td>0</td></tr>');
    expect(table).toContain('全年目标3处');
  });
});

describe('addresses', () => {
  it('takes positive integer ids only', () => {
    expect(positiveId('12')).toBe(12);
    for (const bad of ['0', '-1', '01', '1.0', '1e3', 'abc', '', '2147483648', undefined])
      expect(positiveId(bad)).toBeNull();
  });

  it('sends back only to pages under /p/', () => {
    expect(safeBack('/p/3/items/4')).toBe('/p/3/items/4');
    expect(safeBack('/p/3?mode=elder')).toBe('/p/3?mode=elder');
    for (const bad of [
      '//evil.example',
      '/p//evil',
      'https://e.example/p/',
      '/p/\\e',
      '/p/../x',
      '/p/./x',
      '/x',
      '/p',
      42,
    ])
      expect(safeBack(bad), String(bad)).toBe('/p/');
  });
});

describe('the 404 page', () => {
  it('is in Chinese first with a way back', () => {
    const html = renderNotFound(DEFAULT_PREFS);
    expect(html).toContain('<h1>页面不存在</h1>');
    expect(html.indexOf('页面不存在')).toBeLessThan(html.indexOf('Page not found'));
    expect(html).toContain('href="/p/"');
  });
});
