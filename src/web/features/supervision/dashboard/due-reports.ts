import type { PlanPeriod, ReportBrief } from '../../../api/status.js';
import type { Id } from '../../../api/types.js';
import type { DashboardRow } from './aggregate.js';

export type DueKind = 'overdue' | 'due';
export type DueReportState = 'missing' | 'draft' | 'returned';

/** A report the lead unit owes: for a period already due (overdue) or the one due next. */
export interface DueReport {
  key: string;
  itemId: Id;
  fullNumber: string;
  name: string;
  unitName: string;
  period: string;
  dueDate: string;
  kind: DueKind;
  state: DueReportState;
}

/**
 * What is due and overdue at `asOf`: for every item that is reported on (no
 * parts of its own) and not done, the lead unit's report of each started,
 * unlocked period that is not yet submitted or approved. Periods whose due
 * date has passed are overdue; the next period to fall due is due.
 */
export function dueReports(
  rows: readonly DashboardRow[],
  periods: readonly PlanPeriod[],
  reports: readonly ReportBrief[],
  asOf: string,
): DueReport[] {
  const parents = new Set(rows.map((row) => row.meta?.parentId).filter((id): id is Id => id != null));
  const started = [...periods]
    .filter((p) => !p.locked && p.startDate <= asOf)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const overdue = started.filter((p) => p.dueDate < asOf);
  const next = started.find((p) => p.dueDate >= asOf);
  const relevant: [PlanPeriod, DueKind][] = [
    ...overdue.map((p): [PlanPeriod, DueKind] => [p, 'overdue']),
    ...(next ? [[next, 'due'] as [PlanPeriod, DueKind]] : []),
  ];
  const byKey = new Map(reports.map((r) => [`${r.itemId}:${r.unitId}:${r.period}`, r]));

  const out: DueReport[] = [];
  for (const [period, kind] of relevant) {
    for (const row of rows) {
      const unitId = row.meta?.leadUnitId;
      if (unitId == null || parents.has(row.id) || row.status === 'done') continue;
      const report = byKey.get(`${row.id}:${unitId}:${period.period}`);
      const state = report?.state ?? 'missing';
      if (state === 'submitted' || state === 'approved') continue;
      out.push({
        key: `${row.id}:${period.period}`,
        itemId: row.id,
        fullNumber: row.fullNumber,
        name: row.name,
        unitName: row.meta?.leadUnitName ?? '',
        period: period.period,
        dueDate: period.dueDate,
        kind,
        state,
      });
    }
  }
  return out;
}
