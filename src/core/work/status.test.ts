import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORTING_PLAN } from './calendar.js';
import {
  type ActualReport,
  dateLabel,
  evaluateItem,
  expectedAt,
  ITEM_STATUSES,
  type PlanItem,
  periodLabel,
  SEVERITY,
} from './status.js';

const plan = DEFAULT_REPORTING_PLAN;
const linear = { ...plan, interpolation: 'linear' as const };
const opts = (asOf: string, p = plan) => ({ asOf, year: 2026, plan: p });

const item = (overrides: Partial<PlanItem> = {}): PlanItem => ({
  id: 1,
  number: '3',
  name: '新增养老床位',
  parentId: null,
  categoryId: 1,
  deadline: null,
  milestones: [],
  indicators: [
    {
      id: 11,
      name: '培训人数',
      unit: '人',
      target: 10000,
      direction: 'increase',
      checkpoints: { Q1: 2500, Q2: 5000, Q3: 7500, Q4: 10000 },
    },
  ],
  ...overrides,
});

const report = (period: string, value: number | null, extra: Partial<ActualReport> = {}): ActualReport => ({
  period,
  values: value === null ? {} : { 11: value },
  percentComplete: null,
  claimedStatus: 'in_progress',
  reportedAt: `2026-${period.startsWith('Q') ? String(Number(period.slice(1)) * 3).padStart(2, '0') : period.slice(1)}-28T10:00:00+08:00`,
  ...extra,
});

describe('expected values', () => {
  it('steps at period ends and interpolates linearly from zero on 1 January', () => {
    const ind = item().indicators[0];
    if (!ind) throw new Error('fixture');
    const end = '2026-12-31';
    expect(expectedAt(ind, opts('2026-03-31'), end)).toBeNull();
    expect(expectedAt(ind, opts('2026-04-01'), end)).toEqual({ value: 2500, label: '一季度末' });
    expect(expectedAt(ind, opts('2026-07-15'), end)?.value).toBe(5000);
    // Linear: half way through Q3 (1 Jul–30 Sep) is about 6250.
    const mid = expectedAt(ind, opts('2026-08-16', linear), end);
    expect(mid?.value).toBeCloseTo(6250, -1);
    expect(mid?.label).toBe('截至8月15日');
    expect(expectedAt(ind, opts('2026-02-15', linear), end)?.value).toBeCloseTo((2500 * 45) / 90, 5);
  });

  it('expects the target at the deadline when no checkpoint reaches it', () => {
    const ind = { ...item().indicators[0], checkpoints: { Q1: 100 } } as PlanItem['indicators'][number];
    expect(expectedAt(ind, opts('2026-07-01'), '2026-06-30')).toEqual({ value: 10000, label: '6月底' });
    expect(expectedAt(ind, opts('2026-06-30'), '2026-06-30')?.value).toBe(100);
  });

  it('labels periods and dates in Chinese', () => {
    expect(periodLabel('Q2')).toBe('二季度末');
    expect(periodLabel('M06')).toBe('6月底');
    expect(dateLabel('2026-12-31', 2026)).toBe('年底');
    expect(dateLabel('2026-09-30', 2026)).toBe('9月底');
    expect(dateLabel('2026-09-15', 2026)).toBe('9月15日');
  });
});

describe('evaluateItem', () => {
  it('says why an indicator lags, in words', () => {
    const planned = item({
      indicators: [{ ...item().indicators[0], checkpoints: { Q2: 10000 }, target: 20000 }] as PlanItem['indicators'],
    });
    const result = evaluateItem(planned, [report('M06', 7200)], opts('2026-07-10'));
    expect(result.status).toBe('at_risk');
    expect(result.reasons[0]).toBe('二季度末应达10000人，实报7200人（72%）');
    expect(result.indicators[0]).toMatchObject({ expected: 10000, actual: 7200, ratio: 0.72 });
    const lagging = evaluateItem(planned, [report('M06', 6000)], opts('2026-07-10'));
    expect(lagging.status).toBe('lagging');
    expect(evaluateItem(planned, [report('M06', 9500)], opts('2026-07-10')).status).toBe('on_track');
  });

  it('is not started before anything is expected, and lagging when a due report is missing', () => {
    expect(evaluateItem(item(), [], opts('2026-02-01')).status).toBe('not_started');
    const missing = evaluateItem(item(), [], opts('2026-04-10'));
    expect(missing.status).toBe('lagging');
    expect(missing.reasons[0]).toContain('应报未报');
  });

  it('is done when the targets are reached or the report says so, overdue after the deadline', () => {
    expect(evaluateItem(item(), [report('M05', 10000)], opts('2026-06-01')).status).toBe('done');
    expect(evaluateItem(item(), [report('M05', 10, { claimedStatus: 'done' })], opts('2026-06-01')).status).toBe(
      'done',
    );
    const overdue = evaluateItem(item({ deadline: '2026-06-30' }), [report('M06', 9000)], opts('2026-07-02'));
    expect(overdue.status).toBe('overdue');
    expect(overdue.reasons[0]).toBe('截止日期2026年6月30日已过，尚未完成');
  });

  it('compares a decrease the other way', () => {
    const down = item({
      indicators: [{ id: 11, name: '投诉量', unit: '件', target: 50, direction: 'decrease', checkpoints: { Q1: 80 } }],
    });
    expect(evaluateItem(down, [report('M03', 75)], opts('2026-04-05')).status).toBe('on_track');
    expect(evaluateItem(down, [report('M03', 100)], opts('2026-04-05')).status).toBe('at_risk');
    expect(evaluateItem(down, [report('M03', 40)], opts('2026-04-05')).status).toBe('done');
  });

  it('judges an item without indicators by its milestones and percent complete', () => {
    const plain = item({
      indicators: [],
      milestones: [{ period: 'Q1', text: '完成选址', dueDate: null }],
    });
    const missed = evaluateItem(plain, [], opts('2026-04-02'));
    expect(missed.status).toBe('lagging');
    expect(missed.reasons).toContain('一季度末应完成：完成选址（未报送）');
    const ok = evaluateItem(plain, [report('Q1', null, { percentComplete: 30 })], opts('2026-04-02'));
    expect(ok.status).toBe('on_track');
    // Half the year gone, 20% done: 40% of the time's share → lagging.
    const slow = evaluateItem(plain, [report('Q2', null, { percentComplete: 20 })], opts('2026-07-02'));
    expect(slow.status).toBe('lagging');
    expect(slow.reasons.join()).toContain('实报完成20%');
  });

  it('projects the year end from the trend and warns of a shortfall', () => {
    const reports = [report('M03', 2000), report('M06', 4000), report('M09', 6000)];
    const result = evaluateItem(item(), reports, opts('2026-10-05'));
    const projected = result.projection.indicators[0]?.projected ?? 0;
    expect(projected).toBeGreaterThan(7900);
    expect(projected).toBeLessThan(8100);
    expect(result.projection.indicators[0]?.shortfall).toBe(true);
    expect(result.projection.warning).toMatch(/^按目前进度，年底预计完成\d+人，低于目标10000人$/);
    expect(
      evaluateItem(item(), [report('M03', 3000), report('M06', 6000)], opts('2026-07-05')).projection.warning,
    ).toBeNull();
  });
});

// Generators for the properties: an item with 1–3 indicators, any reports.
const indicatorArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constantFrom('人数', '个数', '公里'),
    unit: fc.constantFrom('人', '个', '公里'),
    target: fc.option(fc.integer({ min: 1, max: 100000 }), { nil: null }),
    direction: fc.constantFrom('increase' as const, 'decrease' as const),
    checkpoints: fc.dictionary(fc.constantFrom('Q1', 'Q2', 'Q3', 'Q4', 'M05'), fc.integer({ min: 0, max: 100000 })),
  });
const itemArb: fc.Arbitrary<PlanItem> = fc.record({
  id: fc.constant(1),
  number: fc.constant('1'),
  name: fc.constant('项目'),
  parentId: fc.constant(null),
  categoryId: fc.constant(1),
  deadline: fc.option(fc.constantFrom('2026-06-30', '2026-09-30', '2026-12-31'), { nil: null }),
  milestones: fc.array(
    fc.record({ period: fc.constantFrom('Q1', 'Q2', 'M07'), text: fc.constant('节点'), dueDate: fc.constant(null) }),
    { maxLength: 2 },
  ),
  indicators: fc.oneof(
    fc.constant([] as PlanItem['indicators']),
    fc.tuple(indicatorArb(1)).map((t): PlanItem['indicators'] => [...t]),
    fc.tuple(indicatorArb(1), indicatorArb(2)).map((t): PlanItem['indicators'] => [...t]),
  ),
});
const reportArb = fc.record({
  period: fc.constantFrom('M01', 'M03', 'M06', 'M09', 'M12', 'Q2'),
  values: fc.record({ 1: fc.integer({ min: 0, max: 100000 }), 2: fc.integer({ min: 0, max: 100000 }) }),
  percentComplete: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  claimedStatus: fc.constantFrom('not_started' as const, 'in_progress' as const, 'done' as const, 'blocked' as const),
  reportedAt: fc.constant('2026-06-01T00:00:00Z'),
});
const asOfArb = fc
  .integer({ min: 0, max: 420 })
  .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
const planArb = fc.constantFrom(plan, linear);

describe('evaluateItem properties', () => {
  it('always gives a status, with reasons for at risk, lagging and overdue', () => {
    fc.assert(
      fc.property(itemArb, fc.array(reportArb, { maxLength: 4 }), asOfArb, planArb, (it, reports, asOf, p) => {
        const result = evaluateItem(it, reports, { asOf, year: 2026, plan: p });
        expect(ITEM_STATUSES).toContain(result.status);
        if (['at_risk', 'lagging', 'overdue'].includes(result.status)) expect(result.reasons.length).toBeGreaterThan(0);
        for (const reason of result.reasons) expect(reason).toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });

  it('more actual never makes the status worse', () => {
    fc.assert(
      fc.property(itemArb, reportArb, asOfArb, planArb, fc.integer({ min: 0, max: 50000 }), (it, r, asOf, p, extra) => {
        const increasing = { ...it, indicators: it.indicators.map((i) => ({ ...i, direction: 'increase' as const })) };
        const base = { ...r, period: 'M01' };
        const more = { ...base, values: { 1: (base.values[1] ?? 0) + extra, 2: (base.values[2] ?? 0) + extra } };
        const o = { asOf, year: 2026, plan: p };
        const before = evaluateItem(increasing, [base], o).status;
        const after = evaluateItem(increasing, [more], o).status;
        expect(SEVERITY[after]).toBeLessThanOrEqual(SEVERITY[before]);
      }),
    );
  });

  it('once done, stays done on every later date', () => {
    fc.assert(
      fc.property(
        itemArb,
        fc.array(reportArb, { maxLength: 3 }),
        asOfArb,
        fc.integer({ min: 1, max: 200 }),
        (it, reports, asOf, later) => {
          const o = { asOf, year: 2026, plan };
          if (evaluateItem(it, reports, o).status !== 'done') return;
          const next = new Date(Date.parse(`${asOf}T00:00:00Z`) + later * 86_400_000).toISOString().slice(0, 10);
          expect(evaluateItem(it, reports, { ...o, asOf: next }).status).toBe('done');
        },
      ),
    );
  });

  it('projects a linear series onto its line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 2, max: 6 }),
        (a, b, n) => {
          // Cumulative value a + b·t at the ends of the first n months (t = days since 1 January, end of day).
          const months = Array.from({ length: n }, (_, i) => i + 1);
          const reports = months.map((m) => {
            const t = Math.round((Date.UTC(2026, m, 1) - Date.UTC(2026, 0, 1)) / 86_400_000);
            return report(`M${String(m).padStart(2, '0')}`, a + b * t);
          });
          const target = {
            ...item(),
            indicators: [{ ...item().indicators[0], target: 1e9, checkpoints: {} }] as PlanItem['indicators'],
          };
          const result = evaluateItem(target, reports, opts('2026-07-01'));
          expect(result.projection.indicators[0]?.projected).toBeCloseTo(a + b * 365, 6);
        },
      ),
    );
  });
});
