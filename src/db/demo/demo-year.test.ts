import { describe, expect, it } from 'vitest';
import { type DemoLeaf, planDemoYear, plannedAtMonth } from './demo-year.js';

const leaf = (id: number, unit = 100 + id): DemoLeaf => ({
  id,
  number: String(id),
  name: `子项${id}`,
  deadline: '2026-12-31',
  leadUnitId: unit,
  indicators: [
    {
      id: id * 10,
      name: '新增学位',
      unit: '个',
      target: 1200,
      direction: 'increase',
      checkpoints: { Q1: 300, Q2: 600, Q3: 900 },
    },
  ],
  milestones: [{ period: 'Q2', text: '完成主体结构' }],
});

const dueDate = (period: string) => `2026-${period.slice(1)}-25`;

describe('plannedAtMonth', () => {
  it('runs linearly between quarter checkpoints and ends at the target', () => {
    const checkpoints = { Q1: 300, Q2: 600, Q3: 900 };
    expect(plannedAtMonth(checkpoints, 1200, 3)).toBe(300);
    expect(plannedAtMonth(checkpoints, 1200, 1)).toBe(100);
    expect(plannedAtMonth(checkpoints, 1200, 8)).toBe(800);
    expect(plannedAtMonth(checkpoints, 1200, 12)).toBe(1200);
  });

  it('reaches the target by the deadline month, ignoring checkpoints after it', () => {
    expect(plannedAtMonth({ Q1: 300, Q2: 600, Q3: 900, Q4: 1200 }, 1200, 9, 9)).toBe(1200);
    expect(plannedAtMonth({ Q1: 300, Q2: 600, Q3: 900, Q4: 1200 }, 1200, 6, 9)).toBe(600);
  });
});

describe('planDemoYear', () => {
  const leaves = Array.from({ length: 10 }, (_, i) => leaf(i + 1, i === 0 ? 500 : 100 + i));
  const year = planDemoYear({ leaves, year: 2026, today: '2026-11-22', dueDate, reporterUnitId: 500, lateUnitId: 102 });

  it('approves every month due before today and leaves the current month open', () => {
    const months = new Set(year.reports.filter((r) => r.state === 'approved').map((r) => r.period));
    expect([...months].sort()).toEqual(['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10']);
    const current = year.reports.filter((r) => r.period === 'M11');
    expect(current.map((r) => r.state)).toContain('submitted');
    expect(current.map((r) => r.state)).toContain('draft');
    expect(current.find((r) => r.unitId === 500)?.state).toBe('returned');
    expect(current.find((r) => r.unitId === 500)?.returnReason).toMatch(/照片/);
    // …on the reporter's lagging item, so that fixing it brings the item back on track.
    expect(year.laggingItemIds).toContain(current.find((r) => r.state === 'returned')?.itemId);
  });

  it('keeps a few items behind plan, with notices and inspections about them', () => {
    expect(year.laggingItemIds).toHaveLength(2);
    expect(year.laggingItemIds).toContain(1); // the demo reporter's own item, so they have something to catch up on
    expect(year.atRiskItemIds).toHaveLength(1);
    const lagging = year.reports.find((r) => r.itemId === year.laggingItemIds[0] && r.period === 'M06');
    expect(lagging?.values[(year.laggingItemIds[0] as number) * 10]).toBe(240); // 40 % of 600
    expect(year.notices.map((n) => n.state)).toEqual(['closed', 'replied', 'open']);
    expect((year.notices[2]?.replyDue ?? '') < '2026-11-22').toBe(true);
    expect(year.inspections).toHaveLength(3);
  });

  it('has the late unit submit after the due date three times', () => {
    const late = year.reports.filter(
      (r) => r.unitId === 102 && r.submittedAt && r.submittedAt.slice(0, 10) > dueDate(r.period),
    );
    expect(late.map((r) => r.period)).toEqual(['M02', 'M05', 'M08']);
  });

  it('writes nothing for months that have not begun', () => {
    const early = planDemoYear({ leaves, year: 2026, today: '2026-02-10', dueDate });
    expect(new Set(early.reports.map((r) => r.period))).toEqual(new Set(['M01', 'M02']));
  });
});
