/**
 * Assessment (考核): a unit's score for a programme's year from documented
 * rules, shown rule by rule, plus the office's adjustments (each with a
 * written reason). Pure: the facts come in already gathered
 * (src/core/work/assessment-facts.ts builds them from rows); docs/assessment.md
 * states the rules in words.
 */

import { shanghaiDateOf } from './calendar.js';

export type AssessmentRuleKey = 'reportsOnTime' | 'milestonesMet' | 'itemsDone' | 'noticesAnswered';

export type AssessmentWeights = Record<AssessmentRuleKey, number>;

export const ASSESSMENT_RULES: readonly AssessmentRuleKey[] = [
  'reportsOnTime',
  'milestonesMet',
  'itemsDone',
  'noticesAnswered',
];

export const DEFAULT_WEIGHTS: Readonly<AssessmentWeights> = Object.freeze({
  reportsOnTime: 30,
  milestonesMet: 30,
  itemsDone: 30,
  noticesAnswered: 10,
});

export const RULE_LABELS: Readonly<Record<AssessmentRuleKey, string>> = Object.freeze({
  reportsOnTime: '按时报送',
  milestonesMet: '阶段目标达成',
  itemsDone: '按期完成',
  noticesAnswered: '督办按时回复',
});

/** How a rule counts in words: "按时报送 22/24 期". */
const COUNTERS: Readonly<Record<AssessmentRuleKey, string>> = Object.freeze({
  reportsOnTime: '期',
  milestonesMet: '个',
  itemsDone: '项',
  noticesAnswered: '件',
});

/** Adjustments are bounded so that no one rewrites the table by hand. */
export const MAX_ADJUSTMENT = 20;
export const MIN_REASON_LENGTH = 4;

/** A report the unit owed for a period of an item. */
export interface DueReport {
  itemLabel: string;
  period: string;
  dueDate: string;
  /** When it was (last) submitted, as a timestamp; null when it never was. */
  submittedAt: string | null;
}

/** An item's planned state at the end of a period that has ended: reached or not. */
export interface MilestoneOutcome {
  itemLabel: string;
  period: string;
  met: boolean;
  /** Why it was not met, in words. */
  note: string;
}

/** An item whose deadline has passed: done by then or not. */
export interface DeadlineOutcome {
  itemLabel: string;
  deadline: string;
  done: boolean;
}

export interface NoticeFact {
  label: string;
  replyDue: string;
  repliedAt: string | null;
}

export interface Adjustment {
  id: number;
  points: number;
  reason: string;
  by: string;
  at: string;
}

export interface UnitFacts {
  unitId: number;
  unitName: string;
  reports: DueReport[];
  milestones: MilestoneOutcome[];
  items: DeadlineOutcome[];
  notices: NoticeFact[];
  adjustments: Adjustment[];
}

export interface RuleScore {
  rule: AssessmentRuleKey;
  label: string;
  weight: number;
  numerator: number;
  denominator: number;
  /** numerator / denominator; 1 when nothing was due. */
  rate: number;
  points: number;
  explanation: string;
  /** What lost points, one line each (at most MAX_MISSES). */
  misses: string[];
}

export interface UnitAssessment {
  unitId: number;
  unitName: string;
  rules: RuleScore[];
  adjustments: Adjustment[];
  /** Sum of the rules' points. */
  base: number;
  /** base plus adjustments, kept within 0–100. */
  total: number;
  /** 1 is best; equal totals share a rank (1, 1, 3). */
  rank: number;
}

export const MAX_MISSES = 50;

const round1 = (n: number): number => Math.round(n * 10) / 10;
const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;
const points = (n: number): string => String(round1(n));

/** "2026-03-25" → "3月25日". */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** "M03" → "3月", "Q2" → "二季度". */
export function periodLabel(period: string): string {
  if (period.startsWith('Q')) return `${['一', '二', '三', '四'][Number(period.slice(1)) - 1] ?? period}季度`;
  if (period.startsWith('M')) return `${Number(period.slice(1))}月`;
  return period;
}

function scoreRule(
  rule: AssessmentRuleKey,
  weight: number,
  checks: readonly { ok: boolean; miss: string }[],
): RuleScore {
  const label = RULE_LABELS[rule];
  const denominator = checks.length;
  const numerator = checks.filter((c) => c.ok).length;
  const misses = checks
    .filter((c) => !c.ok)
    .map((c) => c.miss)
    .slice(0, MAX_MISSES);
  if (denominator === 0) {
    return {
      rule,
      label,
      weight,
      numerator,
      denominator,
      rate: 1,
      points: round1(weight),
      explanation: `${label}：无应报事项，按满分计，得 ${points(weight)} 分`,
      misses,
    };
  }
  const rate = numerator / denominator;
  const earned = round1(weight * rate);
  return {
    rule,
    label,
    weight,
    numerator,
    denominator,
    rate,
    points: earned,
    explanation: `${label} ${numerator}/${denominator} ${COUNTERS[rule]}（${percent(rate)}），得 ${points(earned)} 分`,
    misses,
  };
}

/** Reports due before `asOf`: on time when submitted on or before the due date (Asia/Shanghai). */
function reportChecks(reports: readonly DueReport[], asOf: string) {
  return reports
    .filter((r) => r.dueDate < asOf)
    .map((r) => {
      const on = r.submittedAt === null ? null : shanghaiDateOf(r.submittedAt);
      const ok = on !== null && on <= r.dueDate;
      const when = on === null ? '未报送' : `${monthDay(on)}报送`;
      return { ok, miss: `${r.itemLabel} ${periodLabel(r.period)}：${when}，应于${monthDay(r.dueDate)}前报送` };
    });
}

/** Notices whose reply was due before `asOf`, or that were already answered. */
function noticeChecks(notices: readonly NoticeFact[], asOf: string) {
  return notices
    .filter((n) => n.replyDue < asOf || (n.repliedAt !== null && shanghaiDateOf(n.repliedAt) <= asOf))
    .map((n) => {
      const on = n.repliedAt === null ? null : shanghaiDateOf(n.repliedAt);
      const ok = on !== null && on <= n.replyDue;
      const when = on === null ? '未回复' : `${monthDay(on)}回复`;
      return { ok, miss: `${n.label}：${when}，应于${monthDay(n.replyDue)}前回复` };
    });
}

/** Score one unit; rank is filled in by `assessUnits`. */
export function assessUnit(facts: UnitFacts, weights: AssessmentWeights, asOf: string): UnitAssessment {
  const rules = [
    scoreRule('reportsOnTime', weights.reportsOnTime, reportChecks(facts.reports, asOf)),
    scoreRule(
      'milestonesMet',
      weights.milestonesMet,
      facts.milestones.map((m) => ({ ok: m.met, miss: `${m.itemLabel} ${periodLabel(m.period)}末：${m.note}` })),
    ),
    scoreRule(
      'itemsDone',
      weights.itemsDone,
      facts.items
        .filter((i) => i.deadline < asOf)
        .map((i) => ({ ok: i.done, miss: `${i.itemLabel}：截止${monthDay(i.deadline)}未完成` })),
    ),
    scoreRule('noticesAnswered', weights.noticesAnswered, noticeChecks(facts.notices, asOf)),
  ];
  const base = round1(rules.reduce((sum, r) => sum + r.points, 0));
  const adjusted = facts.adjustments.reduce((sum, a) => sum + a.points, 0);
  const total = Math.min(100, Math.max(0, round1(base + adjusted)));
  return {
    unitId: facts.unitId,
    unitName: facts.unitName,
    rules,
    adjustments: facts.adjustments,
    base,
    total,
    rank: 0,
  };
}

const collator = new Intl.Collator('zh-Hans-CN');

/** Score every unit and rank them: highest total first, equal totals share a rank, then by name. */
export function assessUnits(units: readonly UnitFacts[], weights: AssessmentWeights, asOf: string): UnitAssessment[] {
  const scored = units.map((u) => assessUnit(u, weights, asOf));
  scored.sort((a, b) => b.total - a.total || collator.compare(a.unitName, b.unitName) || a.unitId - b.unitId);
  return scored.map((unit) => ({ ...unit, rank: 1 + scored.filter((other) => other.total > unit.total).length }));
}

/** The reasons an adjustment is refused, in words; null when it is acceptable. */
export function adjustmentProblem(points: number, reason: string): string | null {
  if (!Number.isFinite(points) || points === 0 || Math.abs(points) > MAX_ADJUSTMENT)
    return `调整分值须在 -${MAX_ADJUSTMENT} 至 +${MAX_ADJUSTMENT} 分之间且不为 0。 Points must be between -${MAX_ADJUSTMENT} and +${MAX_ADJUSTMENT} and not 0.`;
  if (reason.trim().length < MIN_REASON_LENGTH)
    return `请写明调整理由（至少 ${MIN_REASON_LENGTH} 个字）。 Give a written reason of at least ${MIN_REASON_LENGTH} characters.`;
  return null;
}
