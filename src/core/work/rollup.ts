import { comparePeriods } from '../periods.js';
import { type ActualReport, type ItemStatus, SEVERITY, STATUS_LABEL } from './status.js';

/**
 * Roll-ups: a parent item's status from its parts (and its own plan, when it
 * has one), a category's from its items. Worst first — overdue, lagging, at
 * risk, not started, on track, done — so all done is done.
 */

export interface RollupPart {
  number: string;
  name: string;
  status: ItemStatus;
}

export type StatusCounts = Record<ItemStatus, number>;

export interface Rollup {
  status: ItemStatus;
  reasons: string[];
  counts: StatusCounts;
}

export const emptyCounts = (): StatusCounts => ({
  not_started: 0,
  on_track: 0,
  at_risk: 0,
  lagging: 0,
  done: 0,
  overdue: 0,
});

export function countStatuses(statuses: Iterable<ItemStatus>): StatusCounts {
  const counts = emptyCounts();
  for (const status of statuses) counts[status]++;
  return counts;
}

/** The worst of some statuses; not_started when there are none. */
export function worstStatus(statuses: Iterable<ItemStatus>): ItemStatus {
  let worst: ItemStatus | null = null;
  for (const status of statuses) if (worst === null || SEVERITY[status] > SEVERITY[worst]) worst = status;
  return worst ?? 'not_started';
}

/** 1.名称 for an item, (1)名称 for a part. */
export function partLabel(part: Pick<RollupPart, 'number' | 'name'>): string {
  if (!part.number) return part.name;
  return /^\d+$/.test(part.number) ? `${part.number}.${part.name}` : `${part.number}${part.name}`;
}

const REPORTED: readonly ItemStatus[] = ['overdue', 'lagging', 'at_risk'];

/**
 * Roll up parts into one status. `own` is the parent's own evaluation when it
 * has a plan of its own; `noun` names the parts in the reasons (分项, 项目).
 * Reasons read "3个分项中2个滞后：(1)…、(2)…".
 */
export function rollUp(
  parts: readonly RollupPart[],
  options: { own?: { status: ItemStatus; reasons: readonly string[] }; noun: string },
): Rollup {
  const counts = countStatuses(parts.map((p) => p.status));
  const statuses = parts.map((p) => p.status);
  if (options.own) statuses.push(options.own.status);
  const status = worstStatus(statuses);
  const reasons: string[] = [...(options.own && options.own.status !== 'done' ? options.own.reasons : [])];
  for (const bad of REPORTED) {
    const matching = parts.filter((p) => p.status === bad);
    if (matching.length === 0) continue;
    const names = matching.slice(0, 5).map(partLabel).join('、');
    const more = matching.length > 5 ? `等${matching.length}个` : '';
    reasons.push(`${parts.length}个${options.noun}中${matching.length}个${STATUS_LABEL[bad]}：${names}${more}`);
  }
  if (reasons.length === 0 && SEVERITY[status] >= SEVERITY.at_risk)
    reasons.push(`${options.noun}进度${STATUS_LABEL[status]}`);
  return { status, reasons, counts };
}

/** One unit's approved report on an item for a period, with its values. */
export interface UnitReport extends ActualReport {
  unitId: number;
}

/**
 * The item's reports, one per period: the lead unit's when it has one for the
 * period; otherwise the co-units' summed (percent complete averaged, done only
 * when every co-unit says so, blocked when any does).
 */
export function consolidateReports(unitReports: readonly UnitReport[], leadUnitId: number | null): ActualReport[] {
  const byPeriod = new Map<string, UnitReport[]>();
  for (const report of unitReports) {
    const list = byPeriod.get(report.period);
    if (list) list.push(report);
    else byPeriod.set(report.period, [report]);
  }
  const result: ActualReport[] = [];
  for (const [period, list] of byPeriod) {
    const lead = list.find((r) => r.unitId === leadUnitId);
    if (lead) {
      const { unitId: _unitId, ...report } = lead;
      result.push(report);
      continue;
    }
    const values: Record<number, number> = {};
    for (const r of list)
      for (const [id, value] of Object.entries(r.values)) values[Number(id)] = (values[Number(id)] ?? 0) + value;
    const percents = list.map((r) => r.percentComplete).filter((p): p is number => p !== null);
    const claims = list.map((r) => r.claimedStatus);
    result.push({
      period,
      values,
      percentComplete: percents.length > 0 ? percents.reduce((a, b) => a + b, 0) / percents.length : null,
      claimedStatus: claims.includes('blocked')
        ? 'blocked'
        : claims.every((c) => c === 'done')
          ? 'done'
          : claims.every((c) => c === 'not_started')
            ? 'not_started'
            : 'in_progress',
      reportedAt:
        list
          .map((r) => r.reportedAt)
          .sort()
          .at(-1) ?? '',
    });
  }
  return result.sort((a, b) => comparePeriods(a.period, b.period));
}
