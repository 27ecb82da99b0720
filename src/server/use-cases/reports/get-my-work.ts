import type { Actor } from '../../../core/actor.js';
import { AppError } from '../../../core/errors.js';
import { dueDateOf, isIsoDate, openPeriods, shanghaiToday, workdaysBetween } from '../../../core/work/calendar.js';
import type { Db } from '../../../db/client.js';
import { loadWorkCalendar } from '../../../db/repositories/calendar.repository.js';
import { getReportingPlans } from '../../../db/repositories/reporting-plan.repository.js';
import { itemsOfUnit, listReports } from '../../../db/repositories/reports.repository.js';
import type { MyWorkOut } from '../../schemas/reports.js';

type WorkItem = MyWorkOut['items'][number];
type WorkPeriod = WorkItem['periods'][number];

/**
 * Urgency of a period, lowest first: returned, overdue, not yet put forward
 * (due soonest first), awaiting review, approved.
 */
function rank(p: WorkPeriod): number {
  if (p.report?.state === 'returned') return 0;
  if (p.overdue) return 1;
  if (p.needsAction) return 2;
  if (p.report?.state === 'submitted') return 3;
  return 4;
}

const byUrgency = (a: WorkPeriod, b: WorkPeriod): number =>
  rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period);

/**
 * "My items and what is due" for a reporter: every item and part of a
 * published programme their unit leads or co-leads, with each open period's
 * due date, the unit's report for it, and whether it is due soon (within the
 * plan's reminder days) or overdue (due date passed, nothing submitted or
 * approved). What needs action comes first. Other roles get an empty list:
 * the office works from the review queue and the status pages.
 */
export async function getMyWork(db: Db, actor: Actor, date?: string): Promise<MyWorkOut> {
  const asOf = date ?? shanghaiToday();
  if (!isIsoDate(asOf))
    throw new AppError('VALIDATION', `日期“${asOf}”无效，请使用 YYYY-MM-DD。 Invalid date; use YYYY-MM-DD.`);
  const unitId = actor.kind === 'user' && actor.role === 'reporter' ? actor.unitId : null;
  if (unitId === null) return { asOf, unitId: null, items: [] };

  const rows = await itemsOfUnit(db, unitId);
  if (rows.length === 0) return { asOf, unitId, items: [] };
  const programmeIds = [...new Set(rows.map((r) => r.programmeId))];
  const years = rows.map((r) => r.year);
  const [plans, calendar, reports] = await Promise.all([
    getReportingPlans(db, programmeIds),
    loadWorkCalendar(db, Math.min(...years), Math.max(...years) + 1),
    listReports(db, { unitId, itemIds: rows.map((r) => r.itemId) }),
  ]);
  const reportOf = new Map(reports.map((r) => [`${r.itemId}/${r.period}`, r]));

  const items: WorkItem[] = rows.map((row) => {
    const plan = plans.get(row.programmeId);
    const periods = plan
      ? openPeriods(plan, row.year, asOf).map((period): WorkPeriod => {
          const dueDate = dueDateOf(calendar, plan, row.year, period);
          const report = reportOf.get(`${row.itemId}/${period}`);
          const putForward = report?.state === 'submitted' || report?.state === 'approved';
          const overdue = !putForward && dueDate < asOf;
          const dueSoon =
            !putForward && dueDate >= asOf && workdaysBetween(calendar, asOf, dueDate) <= plan.remindDaysBefore;
          return {
            period,
            dueDate,
            report: report
              ? { id: report.id, state: report.state, returnReason: report.returnReason, version: report.version }
              : null,
            dueSoon,
            overdue,
            needsAction: !putForward,
          };
        })
      : [];
    return {
      programmeId: row.programmeId,
      programmeTitle: row.programmeTitle,
      itemId: row.itemId,
      number: row.number,
      name: row.name,
      parentItemId: row.parentItemId,
      role: row.role,
      periods: periods.sort(byUrgency),
    };
  });
  const head = (item: WorkItem) => item.periods[0];
  items.sort((a, b) => {
    const x = head(a);
    const y = head(b);
    if (!x || !y) return (x ? 0 : 1) - (y ? 0 : 1);
    return byUrgency(x, y);
  });
  return { asOf, unitId, items };
}
