import { describe, expect, it } from 'vitest';
// Only this test reaches into core: to hold the form's planned value to the server's status rule.
import { periodEndDate } from '../../../core/periods.js';
import { addDays } from '../../../core/work/calendar.js';
import { expectedAt } from '../../../core/work/status.js';
import type { Indicator } from '../../api/types.js';
import {
  achievedPercent,
  comparePeriods,
  milestonesOfQuarter,
  type PlanBasis,
  periodEndMonth,
  plannedAt,
} from './plan.js';

type PlanIndicator = Pick<Indicator, 'checkpoints' | 'target' | 'direction'>;

const step: PlanBasis = { year: 2024, interpolation: 'step', deadline: '2024-12-31' };
const linear: PlanBasis = { ...step, interpolation: 'linear' };
// The shared item fixture's indicator: 900 by mid-year, 2700 by the end (2024 is a leap year: 182 and 366 days).
const places: PlanIndicator = { checkpoints: { Q2: 900, Q4: 2700 }, target: 2700, direction: 'increase' };

describe('report plan helpers', () => {
  it('knows where periods end and orders months before their quarter', () => {
    expect(periodEndMonth('Q2')).toBe(6);
    expect(periodEndMonth('M11')).toBe(11);
    expect(periodEndMonth('X1')).toBeNull();
    expect(['Q2', 'M06', 'M01', 'Q1'].sort(comparePeriods)).toEqual(['M01', 'Q1', 'M06', 'Q2']);
  });

  it('reads the planned cumulative value as a step from the checkpoints', () => {
    expect(plannedAt(places, 'Q1', step)).toBeNull();
    expect(plannedAt(places, 'Q2', step)).toBe(900);
    expect(plannedAt(places, 'M08', step)).toBe(900);
    expect(plannedAt(places, 'Q3', step)).toBe(900);
    expect(plannedAt(places, 'Q4', step)).toBe(2700);
    expect(plannedAt(places, 'X1', step)).toBeNull();
    // Two checkpoints ending the same day: the quarter's, as the server's status takes it.
    const same = { checkpoints: { M03: 10, Q1: 12 }, target: null, direction: 'increase' } as const;
    expect(plannedAt(same, 'M03', step)).toBe(12);
  });

  it('interpolates linearly when the plan says so, from zero on 1 January for an increase', () => {
    expect(plannedAt(places, 'Q1', linear)).toBe(450); // 900 × 91/182
    expect(plannedAt(places, 'Q2', linear)).toBe(900);
    expect(plannedAt(places, 'Q3', linear)).toBe(1800); // 900 + 1800 × 92/184
    expect(plannedAt(places, 'M08', linear)).toBeCloseTo(1506.52, 2); // 900 + 1800 × 62/184
    expect(plannedAt(places, 'Q4', linear)).toBe(2700);
  });

  it('waits for the first checkpoint of a decrease, then heads for the target', () => {
    const waste: PlanIndicator = { checkpoints: { Q2: 50 }, target: 20, direction: 'decrease' };
    expect(plannedAt(waste, 'Q1', linear)).toBeNull();
    expect(plannedAt(waste, 'Q2', linear)).toBe(50);
    expect(plannedAt(waste, 'Q3', linear)).toBe(35); // 50 − 30 × 92/184
    expect(plannedAt(waste, 'Q3', step)).toBe(50);
    expect(plannedAt(waste, 'Q4', step)).toBe(20);
  });

  it('holds the target at the deadline when no checkpoint reaches it', () => {
    const early: PlanIndicator = { checkpoints: { Q1: 100 }, target: 300, direction: 'increase' };
    const june = { deadline: '2024-06-30' };
    expect(plannedAt(early, 'M05', { ...step, ...june })).toBe(100);
    expect(plannedAt(early, 'Q2', { ...step, ...june })).toBe(300);
    expect(plannedAt(early, 'M05', { ...linear, ...june })).toBeCloseTo(100 + (200 * 61) / 91, 6);
    expect(plannedAt(early, 'Q3', { ...linear, ...june })).toBe(300);
    // Without a deadline the target falls due on 31 December.
    expect(plannedAt(early, 'Q2', { ...step, deadline: null })).toBe(100);
    expect(plannedAt(early, 'Q3', { ...linear, deadline: null })).toBeCloseTo(100 + (200 * 183) / 275, 6); // Q1 → 31 Dec
  });

  it('agrees with the server’s status rule for every period, both interpolations and both directions', () => {
    const indicators: PlanIndicator[] = [
      places,
      { checkpoints: { Q2: 50 }, target: 20, direction: 'decrease' },
      { checkpoints: { Q1: 100 }, target: 300, direction: 'increase' },
      { checkpoints: { M02: 5, M07: 40, Q3: 45 }, target: null, direction: 'increase' },
      { checkpoints: { M03: 10, Q1: 12 }, target: 30, direction: 'increase' },
      { checkpoints: {}, target: 1000, direction: 'increase' },
      { checkpoints: { Q3: 8 }, target: 2, direction: 'decrease' },
    ];
    const periods = [
      ...['Q1', 'Q2', 'Q3', 'Q4'],
      ...Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`),
    ];
    for (const year of [2024, 2025]) {
      for (const deadline of [null, `${year}-06-30`, `${year}-09-15`, `${year + 1}-03-31`]) {
        for (const interpolation of ['step', 'linear'] as const) {
          const plan = { interpolation, onTrackRatio: 0.9, laggingRatio: 0.7 };
          for (const [i, indicator] of indicators.entries()) {
            const core = {
              id: i,
              name: '',
              unit: '',
              ...indicator,
              checkpoints: indicator.checkpoints as Record<string, number>,
            };
            for (const period of periods) {
              // The end of the period: the first day after it, as status is evaluated on that day.
              const asOf = addDays(periodEndDate(year, period), 1);
              const server = expectedAt(core, { asOf, year, plan }, deadline ?? `${year}-12-31`)?.value ?? null;
              const where = `${year} ${deadline} ${interpolation} #${i} ${period}`;
              expect(plannedAt(indicator, period, { year, interpolation, deadline }), where).toBe(server);
            }
          }
        }
      }
    }
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
