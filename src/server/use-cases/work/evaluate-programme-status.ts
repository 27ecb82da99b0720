import type { ItemFacts } from '../../../core/policies.js';
import {
  consolidateReports,
  countStatuses,
  rollUp,
  type StatusCounts,
  type UnitReport,
} from '../../../core/work/rollup.js';
import { evaluateItem, type ItemStatus, type PlanItem, type StatusResult } from '../../../core/work/status.js';
import type { Db } from '../../../db/client.js';
import { loadStatusInputs, type StatusInputs } from '../../../db/repositories/status-inputs.repository.js';

/** One item or part as status against plan sees it, with the facts reminders and policies need. */
export interface ItemStatusEntry extends StatusResult {
  id: number;
  number: string;
  name: string;
  parentId: number | null;
  parentNumber: string | null;
  categoryId: number;
  deadline: string | null;
  /** The units reporting on it: its own, or its parent item's for a part without units. */
  unitIds: number[];
  leadUnitId: number | null;
  /** Its own and its parent item's supervising leaders. */
  leaderPersonIds: number[];
  /** The read policy's facts (units and leaders of the item, its parent and its parts). */
  access: ItemFacts;
  /** The item's own evaluation before rolling up its parts. */
  own: StatusResult;
  /** The consolidated approved reports it was judged on, in period order. */
  reports: ReturnType<typeof consolidateReports>;
}

export interface CategoryStatusEntry {
  id: number;
  title: string;
  ordinal: number | null;
  status: ItemStatus;
  reasons: string[];
  counts: StatusCounts;
}

export interface ProgrammeStatus {
  programmeId: number;
  title: string;
  year: number;
  jurisdictionId: number;
  asOf: string;
  items: ItemStatusEntry[];
  categories: CategoryStatusEntry[];
  /** Over every item and part. */
  counts: StatusCounts;
}

const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) =>
  a.position - b.position || a.id - b.id;

function group<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Status against plan of a programme's every item and part, and of its categories. Pure over its inputs. */
export function evaluateStatusInputs(inputs: StatusInputs, asOf: string): ProgrammeStatus {
  const { programme, plan } = inputs;
  const unitsOf = group(inputs.units, (r) => r.itemId);
  const leadersOf = group(inputs.leaders, (r) => r.itemId);
  const milestonesOf = group(inputs.milestones, (r) => r.itemId);
  const indicatorsOf = group(inputs.indicators, (r) => r.itemId);
  const reportsOf = group(inputs.reports, (r) => r.itemId);
  const valuesOf = group(inputs.values, (r) => r.reportId);
  const childrenOf = group(
    inputs.items.filter((i) => i.parentItemId !== null),
    (i) => i.parentItemId ?? 0,
  );
  const byId = new Map(inputs.items.map((i) => [i.id, i]));
  const options = { asOf, year: programme.year, plan };

  const entries = new Map<number, ItemStatusEntry>();
  const evaluate = (row: StatusInputs['items'][number]): ItemStatusEntry => {
    const done = entries.get(row.id);
    if (done) return done;
    const parent = row.parentItemId === null ? undefined : byId.get(row.parentItemId);
    const ownUnits = [...(unitsOf.get(row.id) ?? [])].sort((a, b) => a.position - b.position);
    const units = ownUnits.length > 0 || !parent ? ownUnits : [...(unitsOf.get(parent.id) ?? [])];
    const leadUnitId = units.find((u) => u.role === 'lead')?.unitId ?? null;
    const plan: PlanItem = {
      id: row.id,
      number: row.number,
      name: row.name,
      parentId: row.parentItemId,
      categoryId: row.categoryId,
      deadline: row.deadlineDate ?? parent?.deadlineDate ?? null,
      milestones: [...(milestonesOf.get(row.id) ?? [])]
        .sort((a, b) => a.position - b.position)
        .map(({ period, text, dueDate }) => ({ period, text, dueDate })),
      indicators: [...(indicatorsOf.get(row.id) ?? [])]
        .sort((a, b) => a.position - b.position || a.id - b.id)
        .map(({ id, name, unit, target, direction, checkpoints }) => ({
          id,
          name,
          unit,
          target,
          direction,
          checkpoints,
        })),
    };
    const unitReports: UnitReport[] = (reportsOf.get(row.id) ?? []).map((r) => ({
      unitId: r.unitId,
      period: r.period,
      values: Object.fromEntries((valuesOf.get(r.id) ?? []).map((v) => [v.indicatorId, v.value])),
      percentComplete: r.percentComplete,
      claimedStatus: r.claimedStatus,
      reportedAt: r.reviewedAt ?? r.updatedAt,
    }));
    const actuals = consolidateReports(unitReports, leadUnitId);
    const own = evaluateItem(plan, actuals, options);
    const children = [...(childrenOf.get(row.id) ?? [])].sort(byPosition).map(evaluate);
    let status = own.status;
    let reasons = own.reasons;
    if (children.length > 0) {
      // Units usually report on the parts, and the parent's numbers are theirs summed: a
      // parent nobody reports on is exactly its parts; one with reports of its own is judged on both.
      const hasOwnPlan = actuals.length > 0;
      const rolled = rollUp(children, { noun: '分项', ...(hasOwnPlan ? { own } : {}) });
      status = rolled.status;
      reasons = rolled.reasons;
    }
    const leaderIds = new Set<number>((leadersOf.get(row.id) ?? []).map((l) => l.personId));
    if (parent) for (const l of leadersOf.get(parent.id) ?? []) leaderIds.add(l.personId);
    const accessUnits = new Set<number>(ownUnits.map((u) => u.unitId));
    const accessLeaders = new Set<number>(leaderIds);
    if (parent) for (const u of unitsOf.get(parent.id) ?? []) accessUnits.add(u.unitId);
    for (const child of children) {
      for (const u of child.access.unitIds) accessUnits.add(u);
      for (const l of child.access.leaderPersonIds) accessLeaders.add(l);
    }
    const entry: ItemStatusEntry = {
      ...own,
      status,
      reasons,
      id: row.id,
      number: row.number,
      name: row.name,
      parentId: row.parentItemId,
      parentNumber: parent?.number ?? null,
      categoryId: row.categoryId,
      deadline: plan.deadline,
      unitIds: units.map((u) => u.unitId),
      leadUnitId,
      leaderPersonIds: [...leaderIds],
      access: {
        jurisdictionId: programme.jurisdictionId,
        unitIds: [...accessUnits],
        leaderPersonIds: [...accessLeaders],
      },
      own,
      reports: actuals,
    };
    entries.set(row.id, entry);
    return entry;
  };

  const topLevel = group(
    inputs.items.filter((i) => i.parentItemId === null),
    (i) => i.categoryId,
  );
  const ordered: ItemStatusEntry[] = [];
  const walk = (entry: ItemStatusEntry) => {
    ordered.push(entry);
    for (const child of [...(childrenOf.get(entry.id) ?? [])].sort(byPosition)) walk(evaluate(child));
  };
  const categories = [...inputs.categories]
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .map((category): CategoryStatusEntry => {
      const top = [...(topLevel.get(category.id) ?? [])].sort(byPosition).map(evaluate);
      for (const entry of top) walk(entry);
      const rolled = rollUp(top, { noun: '项目' });
      return { id: category.id, title: category.title, ordinal: category.ordinal, ...rolled };
    });
  return {
    programmeId: programme.id,
    title: programme.title,
    year: programme.year,
    jurisdictionId: programme.jurisdictionId,
    asOf,
    items: ordered,
    categories,
    counts: countStatuses(ordered.map((e) => e.status)),
  };
}

/**
 * Status against plan of a whole programme at a date, for everyone who needs
 * it without an actor (reminders, dashboards, assessment). Undefined when the
 * programme does not exist.
 */
export async function evaluateProgrammeStatus(
  db: Db,
  programmeId: number,
  asOf: string,
): Promise<ProgrammeStatus | undefined> {
  const inputs = await loadStatusInputs(db, programmeId);
  return inputs ? evaluateStatusInputs(inputs, asOf) : undefined;
}
