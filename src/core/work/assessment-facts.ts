import { isPeriod, lastDayOfMonth, periodEndDate, periodEndMonth } from '../periods.js';
import type { Adjustment, DeadlineOutcome, DueReport, MilestoneOutcome, NoticeFact, UnitFacts } from './assessment.js';

/**
 * The facts each assessment rule counts, gathered from a programme's rows:
 * which reports each unit owed and when it sent them, whether the items it
 * leads reached their planned state at each period end, whether they were done
 * by their deadline, and how its notices were answered. Pure.
 */

export interface FactsIndicator {
  id: number;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  /** Cumulative planned values at period ends: {"Q2": 1, "Q4": 3}. */
  checkpoints: Record<string, number>;
}

export interface FactsItem {
  id: number;
  parentItemId: number | null;
  number: string;
  name: string;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  units: { unitId: number; role: 'lead' | 'co' }[];
  milestones: { period: string; text: string }[];
  indicators: FactsIndicator[];
}

export interface FactsReport {
  itemId: number;
  unitId: number;
  period: string;
  state: 'draft' | 'submitted' | 'approved' | 'returned';
  submittedAt: string | null;
  claimedStatus: 'not_started' | 'in_progress' | 'done' | 'blocked';
  percentComplete: number | null;
  /** Cumulative actual per indicator id. */
  values: Record<number, number>;
}

export interface FactsNotice {
  unitId: number;
  itemId: number;
  seq: number;
  replyDue: string;
  repliedAt: string | null;
}

export interface FactsInput {
  year: number;
  asOf: string;
  /** The reporting periods of the plan with their due dates (from the working-day calendar). */
  periods: { period: string; dueDate: string }[];
  units: { id: number; name: string }[];
  items: FactsItem[];
  reports: FactsReport[];
  notices: FactsNotice[];
  adjustments: (Adjustment & { unitId: number })[];
}

const endMonth = (period: string): number => periodEndMonth(period);

/** "2 新建社区食堂", a part as "2(1) 改造东片小区". */
function labels(items: readonly FactsItem[]): Map<number, string> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const result = new Map<number, string>();
  for (const item of items) {
    const parent = item.parentItemId === null ? undefined : byId.get(item.parentItemId);
    const number = `${parent?.number ?? ''}${item.number}`;
    result.set(item.id, number ? `${number} ${item.name}` : item.name);
  }
  return result;
}

const reached = (indicator: FactsIndicator, actual: number, planned: number): boolean =>
  indicator.direction === 'decrease' ? actual <= planned : actual >= planned;

/** The latest of these approved reports whose period ends no later than `period`. */
function coveringReport(approved: readonly FactsReport[], period: string): FactsReport | undefined {
  let best: FactsReport | undefined;
  for (const r of approved) {
    if (endMonth(r.period) > endMonth(period)) continue;
    if (!best || endMonth(r.period) > endMonth(best.period)) best = r;
  }
  return best;
}

const progressing = (r: FactsReport): boolean => r.claimedStatus === 'in_progress' || r.claimedStatus === 'done';
const claimsDone = (r: FactsReport): boolean =>
  r.claimedStatus === 'done' || (r.percentComplete !== null && r.percentComplete >= 100);

/**
 * For each period of an item's plan (milestones and indicator checkpoints)
 * that ended before `asOf`: did the lead unit's approved reports show the
 * planned state? An indicator checkpoint is met when the latest approved
 * report up to that period states at least the planned cumulative value (at
 * most, for a decreasing indicator); a milestone without checkpoints is met
 * when a report for a period ending that month claims progress or done, or an
 * earlier one claims done.
 */
export function milestoneOutcomes(
  item: FactsItem,
  approved: readonly FactsReport[],
  year: number,
  asOf: string,
  label: string,
): MilestoneOutcome[] {
  const periods = new Set<string>();
  for (const m of item.milestones) if (isPeriod(m.period)) periods.add(m.period);
  for (const i of item.indicators) for (const p of Object.keys(i.checkpoints)) if (isPeriod(p)) periods.add(p);
  const ended = [...periods].filter((p) => periodEndDate(year, p) < asOf).sort((a, b) => endMonth(a) - endMonth(b));
  return ended.map((period) => {
    const report = coveringReport(approved, period);
    const planned = item.indicators.filter((i) => i.checkpoints[period] !== undefined);
    if (planned.length > 0) {
      const shortfalls: string[] = [];
      for (const indicator of planned) {
        const target = indicator.checkpoints[period] as number;
        const actual = report?.values[indicator.id];
        if (actual !== undefined && reached(indicator, actual, target)) continue;
        const stated = actual === undefined ? '未报送' : `实报${actual}${indicator.unit}`;
        shortfalls.push(`${indicator.name}应达${target}${indicator.unit}，${stated}`);
      }
      return { itemLabel: label, period, met: shortfalls.length === 0, note: shortfalls.join('；') };
    }
    const sameMonth = report !== undefined && endMonth(report.period) === endMonth(period);
    const met = report !== undefined && ((sameMonth && progressing(report)) || claimsDone(report));
    const text = item.milestones.find((m) => m.period === period)?.text ?? '';
    const why = report === undefined || !sameMonth ? '无该期审核通过的报送' : '报送显示未推进或受阻';
    return { itemLabel: label, period, met, note: met ? '' : `${text ? `${text}——` : ''}${why}` };
  });
}

/** Done by the deadline: an approved report for a period ending in or before the deadline's month claims done. */
export function doneByDeadline(approved: readonly FactsReport[], year: number, deadline: string): boolean {
  const limit = lastDayOfMonth(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)));
  return approved.some((r) => claimsDone(r) && periodEndDate(year, r.period) <= limit);
}

/** Every unit that is lead or co-unit of an item, with what each rule counts for it. */
export function buildUnitFacts(input: FactsInput): UnitFacts[] {
  const label = labels(input.items);
  const labelOf = (itemId: number) => label.get(itemId) ?? String(itemId);
  const unitName = new Map(input.units.map((u) => [u.id, u.name]));
  const reportsBy = new Map<string, FactsReport>();
  const approvedBy = new Map<string, FactsReport[]>();
  for (const r of input.reports) {
    reportsBy.set(`${r.itemId}:${r.unitId}:${r.period}`, r);
    if (r.state !== 'approved' || !isPeriod(r.period)) continue;
    const key = `${r.itemId}:${r.unitId}`;
    approvedBy.set(key, [...(approvedBy.get(key) ?? []), r]);
  }

  const facts = new Map<number, UnitFacts>();
  const factsOf = (unitId: number): UnitFacts => {
    let f = facts.get(unitId);
    if (!f) {
      f = {
        unitId,
        unitName: unitName.get(unitId) ?? String(unitId),
        reports: [] as DueReport[],
        milestones: [] as MilestoneOutcome[],
        items: [] as DeadlineOutcome[],
        notices: [] as NoticeFact[],
        adjustments: [] as Adjustment[],
      };
      facts.set(unitId, f);
    }
    return f;
  };

  for (const item of input.items) {
    for (const link of item.units) {
      const f = factsOf(link.unitId);
      for (const { period, dueDate } of input.periods) {
        const report = reportsBy.get(`${item.id}:${link.unitId}:${period}`);
        f.reports.push({ itemLabel: labelOf(item.id), period, dueDate, submittedAt: report?.submittedAt ?? null });
      }
      if (link.role !== 'lead') continue;
      const approved = approvedBy.get(`${item.id}:${link.unitId}`) ?? [];
      f.milestones.push(...milestoneOutcomes(item, approved, input.year, input.asOf, labelOf(item.id)));
      if (item.deadline !== null)
        f.items.push({
          itemLabel: labelOf(item.id),
          deadline: item.deadline,
          done: doneByDeadline(approved, input.year, item.deadline),
        });
    }
  }
  for (const n of input.notices) {
    // A notice to a unit that no longer works on any item still counts for it.
    factsOf(n.unitId).notices.push({
      label: `督办〔${input.year}〕第${n.seq}号（${labelOf(n.itemId)}）`,
      replyDue: n.replyDue,
      repliedAt: n.repliedAt,
    });
  }
  for (const { unitId, ...adjustment } of input.adjustments) factsOf(unitId).adjustments.push(adjustment);
  return [...facts.values()];
}
