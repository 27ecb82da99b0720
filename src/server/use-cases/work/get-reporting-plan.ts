import type { Actor } from '../../../core/actor.js';
import { notFound } from '../../../core/errors.js';
import { canReadProgramme } from '../../../core/policies.js';
import {
  dueDateOf,
  isPeriodOpen,
  periodStartDate,
  reportingPeriods,
  shanghaiToday,
} from '../../../core/work/calendar.js';
import type { Db } from '../../../db/client.js';
import { requireRow } from '../../../db/crud.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { loadWorkCalendar } from '../../../db/repositories/calendar.repository.js';
import { getReportingPlan, type ReportingPlanRecord } from '../../../db/repositories/reporting-plan.repository.js';
import { programmes } from '../../../db/schema.js';

export interface ReportingPeriodView {
  period: string;
  startDate: string;
  dueDate: string;
  open: boolean;
  locked: boolean;
}

export type ReportingPlanView = Omit<ReportingPlanRecord, 'id'> & { year: number; periods: ReportingPeriodView[] };

/** The plan with its periods in the programme's year: when each begins, is due, and whether it is open. */
export async function presentReportingPlan(
  db: Db,
  plan: ReportingPlanRecord,
  year: number,
  asOf: string = shanghaiToday(),
): Promise<ReportingPlanView> {
  const cal = await loadWorkCalendar(db, year, year + 1);
  const { id: _id, ...fields } = plan;
  return {
    ...fields,
    year,
    periods: reportingPeriods(plan.frequency).map((period) => ({
      period,
      startDate: periodStartDate(year, period),
      dueDate: dueDateOf(cal, plan, year, period),
      open: isPeriodOpen(plan, year, period, asOf),
      locked: plan.lockedPeriods.includes(period),
    })),
  };
}

/** Whoever may read the programme may read how it is reported on. */
export async function getReportingPlanView(db: Db, actor: Actor, programmeId: number): Promise<ReportingPlanView> {
  const access = await programmeAccess(db, actor, programmeId);
  if (!access || !canReadProgramme(actor, access)) throw notFound('民心工程', 'Programme');
  const programme = await requireRow(db, programmes, programmeId, { zh: '民心工程', en: 'Programme' });
  return presentReportingPlan(db, await getReportingPlan(db, programmeId), programme.year);
}
