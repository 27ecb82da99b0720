import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidateReports, rollUp, worstStatus } from './rollup.js';
import { ITEM_STATUSES, SEVERITY } from './status.js';

describe('rollUp', () => {
  it('takes the worst part and names the parts that lag', () => {
    const result = rollUp(
      [
        { number: '(1)', name: '改造老旧小区', status: 'lagging' },
        { number: '(2)', name: '加装电梯', status: 'on_track' },
        { number: '(3)', name: '雨污分流', status: 'lagging' },
      ],
      { noun: '分项' },
    );
    expect(result.status).toBe('lagging');
    expect(result.reasons).toEqual(['3个分项中2个滞后：(1)改造老旧小区、(3)雨污分流']);
    expect(result.counts).toMatchObject({ lagging: 2, on_track: 1, done: 0 });
  });

  it('is done only when every part is, and keeps the parent’s own reasons first', () => {
    const done = [
      { number: '1', name: 'a', status: 'done' as const },
      { number: '2', name: 'b', status: 'done' as const },
    ];
    expect(rollUp(done, { noun: '项目' }).status).toBe('done');
    const own = { status: 'at_risk' as const, reasons: ['二季度末应达10人，实报8人（80%）'] };
    const result = rollUp(done, { noun: '分项', own });
    expect(result.status).toBe('at_risk');
    expect(result.reasons).toEqual(own.reasons);
    expect(rollUp([], { noun: '项目' }).status).toBe('not_started');
  });

  it('is never better than any part, and has reasons when at risk or worse (property)', () => {
    const status = fc.constantFrom(...ITEM_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 8 }), (statuses) => {
        const parts = statuses.map((s, i) => ({ number: String(i + 1), name: `项${i}`, status: s }));
        const result = rollUp(parts, { noun: '项目' });
        expect(result.status).toBe(worstStatus(statuses));
        for (const s of statuses) expect(SEVERITY[result.status]).toBeGreaterThanOrEqual(SEVERITY[s]);
        if (SEVERITY[result.status] >= SEVERITY.at_risk) expect(result.reasons.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('consolidateReports', () => {
  const base = { percentComplete: null, claimedStatus: 'in_progress' as const, reportedAt: '2026-06-28T10:00:00Z' };
  it('takes the lead unit’s report, else sums the co-units’ values per period', () => {
    const result = consolidateReports(
      [
        { ...base, unitId: 2, period: 'M06', values: { 1: 300 } },
        { ...base, unitId: 3, period: 'M06', values: { 1: 200, 2: 5 } },
        { ...base, unitId: 2, period: 'M05', values: { 1: 100 } },
        { ...base, unitId: 1, period: 'M05', values: { 1: 150 } },
      ],
      1,
    );
    expect(result.map((r) => [r.period, r.values])).toEqual([
      ['M05', { 1: 150 }],
      ['M06', { 1: 500, 2: 5 }],
    ]);
  });
});
