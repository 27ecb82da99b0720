import { describe, expect, it } from 'vitest';
import { achievedPercent, comparePeriods, milestonesOfQuarter, periodEndMonth, plannedAt } from './plan.js';

describe('report plan helpers', () => {
  it('knows where periods end and orders months before their quarter', () => {
    expect(periodEndMonth('Q2')).toBe(6);
    expect(periodEndMonth('M11')).toBe(11);
    expect(periodEndMonth('X1')).toBeNull();
    expect(['Q2', 'M06', 'M01', 'Q1'].sort(comparePeriods)).toEqual(['M01', 'Q1', 'M06', 'Q2']);
  });

  it('reads the planned cumulative value as a step from the checkpoints', () => {
    const indicator = { checkpoints: { Q2: 900, Q4: 2700 } };
    expect(plannedAt(indicator, 'Q1')).toBeNull();
    expect(plannedAt(indicator, 'Q2')).toBe(900);
    expect(plannedAt(indicator, 'M08')).toBe(900);
    expect(plannedAt(indicator, 'Q4')).toBe(2700);
    expect(plannedAt({ checkpoints: { M03: 10, Q1: 12 } }, 'M03')).toBe(10);
  });

  it('picks the milestones of the quarter a period falls in', () => {
    const milestones = [{ period: 'Q2' }, { period: 'M05' }, { period: 'M07' }, { period: 'Q1' }];
    expect(milestonesOfQuarter(milestones, 'M04').map((m) => m.period)).toEqual(['Q2', 'M05']);
    expect(milestonesOfQuarter(milestones, 'Q3').map((m) => m.period)).toEqual(['M07']);
  });

  it('compares actual to planned, the other way round for decreasing indicators', () => {
    expect(achievedPercent(10000, 7200)).toBe(72);
    expect(achievedPercent(50, 100, 'decrease')).toBe(50);
    expect(achievedPercent(null, 5)).toBeNull();
    expect(achievedPercent(0, 5)).toBeNull();
  });
});
