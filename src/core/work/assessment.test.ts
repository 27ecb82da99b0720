import { describe, expect, it } from 'vitest';
import {
  adjustmentProblem,
  assessUnit,
  assessUnits,
  DEFAULT_WEIGHTS,
  type DueReport,
  type UnitFacts,
} from './assessment.js';
import {
  buildUnitFacts,
  doneByDeadline,
  type FactsInput,
  type FactsReport,
  milestoneOutcomes,
} from './assessment-facts.js';

const unit = (overrides: Partial<UnitFacts> = {}): UnitFacts => ({
  unitId: 1,
  unitName: '区教育局',
  reports: [],
  milestones: [],
  items: [],
  notices: [],
  adjustments: [],
  ...overrides,
});

const due = (dueDate: string, submittedAt: string | null): DueReport => ({
  itemLabel: '1 新建幼儿园',
  period: `M${dueDate.slice(5, 7)}`,
  dueDate,
  submittedAt,
});

describe('assessUnit', () => {
  it('gives 22 of 24 reports on time 27.5 of 30 points and says so', () => {
    const reports = Array.from({ length: 24 }, (_, i) =>
      due(`2026-${String((i % 12) + 1).padStart(2, '0')}-25`, i < 22 ? '2026-01-10 02:00:00+00' : null),
    );
    const result = assessUnit(unit({ reports }), DEFAULT_WEIGHTS, '2027-01-31');
    const rule = result.rules.find((r) => r.rule === 'reportsOnTime');
    expect(rule).toMatchObject({ numerator: 22, denominator: 24, points: 27.5 });
    expect(rule?.explanation).toBe('按时报送 22/24 期（91.7%），得 27.5 分');
    expect(rule?.misses).toHaveLength(2);
  });

  it('judges on time by the date in Asia/Shanghai, not UTC', () => {
    // 16:30 UTC on the 25th is 00:30 on the 26th in Beijing: one day late.
    const late = assessUnit(
      unit({ reports: [due('2026-03-25', '2026-03-25 16:30:00+00')] }),
      DEFAULT_WEIGHTS,
      '2026-04-01',
    );
    expect(late.rules[0]?.points).toBe(0);
    expect(late.rules[0]?.misses[0]).toContain('3月26日报送');
    const onTime = assessUnit(
      unit({ reports: [due('2026-03-25', '2026-03-25 15:30:00+00')] }),
      DEFAULT_WEIGHTS,
      '2026-04-01',
    );
    expect(onTime.rules[0]?.points).toBe(30);
  });

  it('counts only reports whose due date has passed', () => {
    const result = assessUnit(
      unit({ reports: [due('2026-03-25', null), due('2026-04-24', null)] }),
      DEFAULT_WEIGHTS,
      '2026-04-01',
    );
    expect(result.rules[0]).toMatchObject({ numerator: 0, denominator: 1, points: 0 });
  });

  it('gives full points when nothing was due, and says so', () => {
    const result = assessUnit(unit(), DEFAULT_WEIGHTS, '2026-04-01');
    for (const rule of result.rules) {
      expect(rule.denominator).toBe(0);
      expect(rule.points).toBe(rule.weight);
      expect(rule.explanation).toContain('无应报事项，按满分计');
    }
    expect(result.base).toBe(100);
  });

  it('adds adjustments and keeps the total within 0–100', () => {
    const adjustment = (points: number) => ({ id: 1, points, reason: '材料造假', by: 'supervisor', at: '2026-05-01' });
    expect(assessUnit(unit({ adjustments: [adjustment(-15)] }), DEFAULT_WEIGHTS, '2026-04-01').total).toBe(85);
    expect(assessUnit(unit({ adjustments: [adjustment(10)] }), DEFAULT_WEIGHTS, '2026-04-01').total).toBe(100);
  });

  it('counts notices answered by the reply date, and unanswered ones once due', () => {
    const notices = [
      { label: '督办1', replyDue: '2026-03-10', repliedAt: '2026-03-09 02:00:00+00' },
      { label: '督办2', replyDue: '2026-03-10', repliedAt: '2026-03-12 02:00:00+00' },
      { label: '督办3', replyDue: '2026-03-10', repliedAt: null },
      { label: '督办4', replyDue: '2026-05-10', repliedAt: null },
    ];
    const rule = assessUnit(unit({ notices }), DEFAULT_WEIGHTS, '2026-04-01').rules[3];
    expect(rule).toMatchObject({ numerator: 1, denominator: 3, points: 3.3 });
  });
});

describe('assessUnits', () => {
  it('ranks by total, equal totals sharing a rank', () => {
    const late = [due('2026-03-25', null)];
    const ranked = assessUnits(
      [
        unit({ unitId: 1, unitName: '甲局', reports: late }),
        unit({ unitId: 2, unitName: '乙局' }),
        unit({ unitId: 3, unitName: '丙局' }),
      ],
      DEFAULT_WEIGHTS,
      '2026-04-01',
    );
    expect(ranked.map((u) => [u.unitName, u.total, u.rank])).toEqual([
      ['丙局', 100, 1],
      ['乙局', 100, 1],
      ['甲局', 70, 3],
    ]);
  });
});

describe('adjustmentProblem', () => {
  it('wants points within ±20 and a reason of at least four characters', () => {
    expect(adjustmentProblem(5, '主动整改到位')).toBeNull();
    expect(adjustmentProblem(21, '主动整改到位')).toMatch(/^调整分值/);
    expect(adjustmentProblem(0, '主动整改到位')).toMatch(/^调整分值/);
    expect(adjustmentProblem(-3, '迟报')).toMatch(/^请写明调整理由/);
  });
});

const indicator = {
  id: 7,
  name: '社区食堂',
  unit: '处',
  direction: 'increase' as const,
  checkpoints: { Q2: 1, Q4: 3 },
};
const item = {
  id: 1,
  parentItemId: null,
  number: '1',
  name: '新建社区食堂',
  deadline: '2026-12-31',
  units: [
    { unitId: 10, role: 'lead' as const },
    { unitId: 11, role: 'co' as const },
  ],
  milestones: [
    { period: 'Q1', text: '完成选址' },
    { period: 'Q4', text: '全部投入运营' },
  ],
  indicators: [indicator],
};
const approved = (
  period: string,
  values: Record<number, number>,
  claimedStatus: FactsReport['claimedStatus'] = 'in_progress',
): FactsReport => ({
  itemId: 1,
  unitId: 10,
  period,
  state: 'approved',
  submittedAt: '2026-01-01 00:00:00+00',
  claimedStatus,
  percentComplete: null,
  values,
});

describe('milestoneOutcomes', () => {
  it('judges each ended period: checkpoints by the latest approved value, text milestones by a report of that month', () => {
    const outcomes = milestoneOutcomes(
      item,
      [approved('M03', {}), approved('M06', { 7: 0 })],
      2026,
      '2026-07-15',
      '1 新建社区食堂',
    );
    expect(outcomes.map((o) => [o.period, o.met])).toEqual([
      ['Q1', true],
      ['Q2', false],
    ]);
    expect(outcomes[1]?.note).toBe('社区食堂应达1处，实报0处');
  });

  it('reads a missing report as not met', () => {
    const outcomes = milestoneOutcomes(item, [], 2026, '2026-07-15', 'x');
    expect(outcomes.map((o) => o.met)).toEqual([false, false]);
    expect(outcomes[1]?.note).toContain('未报送');
  });

  it('compares a decreasing indicator the other way', () => {
    const down = {
      ...item,
      milestones: [],
      indicators: [{ ...indicator, direction: 'decrease' as const, checkpoints: { Q1: 50 } }],
    };
    expect(milestoneOutcomes(down, [approved('M03', { 7: 40 })], 2026, '2026-04-02', 'x')[0]?.met).toBe(true);
    expect(milestoneOutcomes(down, [approved('M03', { 7: 60 })], 2026, '2026-04-02', 'x')[0]?.met).toBe(false);
  });
});

describe('doneByDeadline', () => {
  it('wants a report claiming done for a period ending by the deadline month', () => {
    expect(doneByDeadline([approved('M06', {}, 'done')], 2026, '2026-06-30')).toBe(true);
    expect(doneByDeadline([approved('M07', {}, 'done')], 2026, '2026-06-30')).toBe(false);
    expect(doneByDeadline([approved('M06', {})], 2026, '2026-06-30')).toBe(false);
  });
});

describe('buildUnitFacts', () => {
  const input: FactsInput = {
    year: 2026,
    asOf: '2026-07-15',
    periods: [
      { period: 'Q1', dueDate: '2026-03-25' },
      { period: 'Q2', dueDate: '2026-06-25' },
      { period: 'Q3', dueDate: '2026-09-25' },
    ],
    units: [
      { id: 10, name: '区民政局' },
      { id: 11, name: '区财政局' },
    ],
    items: [item],
    reports: [{ ...approved('Q1', {}), submittedAt: '2026-03-20 02:00:00+00' }],
    notices: [{ unitId: 11, itemId: 1, seq: 3, replyDue: '2026-05-01', repliedAt: null }],
    adjustments: [{ id: 1, unitId: 10, points: 2, reason: '主动整改', by: 'supervisor', at: '2026-05-01' }],
  };

  it('owes a report per item, unit and period; milestones and deadlines only to the lead unit', () => {
    const facts = buildUnitFacts(input);
    const lead = facts.find((f) => f.unitId === 10);
    const co = facts.find((f) => f.unitId === 11);
    expect(lead?.reports.map((r) => r.submittedAt !== null)).toEqual([true, false, false]);
    expect(co?.reports).toHaveLength(3);
    expect(lead?.milestones.map((m) => m.period)).toEqual(['Q1', 'Q2']);
    expect(co?.milestones).toEqual([]);
    expect(lead?.items).toEqual([{ itemLabel: '1 新建社区食堂', deadline: '2026-12-31', done: false }]);
    expect(co?.notices[0]?.label).toBe('督办〔2026〕第3号（1 新建社区食堂）');
    expect(lead?.adjustments).toHaveLength(1);
  });
});
