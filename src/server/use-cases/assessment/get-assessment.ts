import type { Actor } from '../../../core/actor.js';
import { type AssessmentWeights, assessUnits, type UnitAssessment } from '../../../core/work/assessment.js';
import { buildUnitFacts } from '../../../core/work/assessment-facts.js';
import { dueDateOf, reportingPeriods, shanghaiToday } from '../../../core/work/calendar.js';
import type { Db } from '../../../db/client.js';
import { loadAssessmentRows } from '../../../db/repositories/assessment.repository.js';
import { loadWorkCalendar } from '../../../db/repositories/calendar.repository.js';
import { getReportingPlan } from '../../../db/repositories/reporting-plan.repository.js';
import { assessmentAccess, assessmentNotFound } from './assessment-access.js';

export interface Assessment {
  programmeId: number;
  title: string;
  jurisdictionName: string;
  year: number;
  asOf: string;
  scope: 'all' | 'own-unit';
  weights: AssessmentWeights;
  units: UnitAssessment[];
}

/** Every unit's score as of a date, rule by rule, ranked; no authorization (callers authorize first). */
export async function computeAssessment(db: Db, programmeId: number, asOf: string): Promise<Omit<Assessment, 'scope'>> {
  const rows = await loadAssessmentRows(db, programmeId);
  if (!rows) throw assessmentNotFound();
  const { year } = rows.programme;
  const [plan, calendar] = await Promise.all([
    getReportingPlan(db, programmeId),
    // A December due date may move into January of the next year.
    loadWorkCalendar(db, year, year + 1),
  ]);
  const periods = reportingPeriods(plan.frequency).map((period) => ({
    period,
    dueDate: dueDateOf(calendar, plan, year, period),
  }));
  const facts = buildUnitFacts({
    year,
    asOf,
    periods,
    units: rows.units,
    items: rows.items,
    reports: rows.reports,
    notices: rows.notices,
    adjustments: rows.adjustments.map(({ version: _version, ...a }) => a),
  });
  return {
    programmeId,
    title: rows.programme.title,
    jurisdictionName: rows.programme.jurisdictionName,
    year,
    asOf,
    weights: plan.assessmentWeights,
    units: assessUnits(facts, plan.assessmentWeights, asOf),
  };
}

/** The assessment table the actor may see: every unit, or a reporter's own unit (with its rank among all). */
export async function getAssessment(
  db: Db,
  actor: Actor,
  programmeId: number,
  asOf: string = shanghaiToday(),
): Promise<Assessment> {
  const { scope } = await assessmentAccess(db, actor, programmeId);
  const assessment = await computeAssessment(db, programmeId, asOf);
  const ownUnit = actor.kind === 'user' ? actor.unitId : null;
  const units = scope === 'all' ? assessment.units : assessment.units.filter((u) => u.unitId === ownUnit);
  return { ...assessment, scope, units };
}
