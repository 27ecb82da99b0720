import type { Actor } from '../../../core/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { isPeriod } from '../../../core/periods.js';
import { canReadItem } from '../../../core/policies.js';
import { buildTree, type ItemNode, itemFactsInTree } from '../../../core/tree.js';
import { isPeriodOpen, reportingPeriods, shanghaiToday } from '../../../core/work/calendar.js';
import { canReadReport, type ReportFacts } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { type ItemAccess, itemAccess } from '../../../db/repositories/access.repository.js';
import { getReportingPlan } from '../../../db/repositories/reporting-plan.repository.js';
import {
  findReport,
  programmeYear,
  type ReportListRow,
  type ReportRow,
  unitsOfItems,
} from '../../../db/repositories/reports.repository.js';
import { loadTreeRows } from '../../../db/repositories/tree.repository.js';

/**
 * The facts every report use case decides on: the item a report is about,
 * which units may report on it, who leads it, and whether a period is open.
 */

export const reportNotFound = () => notFound('进展报告', 'Report');
export const itemNotFound = () => notFound('子项', 'Item');

export interface ReportItem extends ItemAccess {
  year: number;
  /** Units that may report on the item: its own, and for a part its parent's too. */
  reportingUnitIds: number[];
  /** Its lead unit, or for a part without one its parent's. */
  leadUnitId: number | null;
  /** The role of each of its own units ('lead' or 'co'); a parent's unit counts as 'co'. */
  roleOf: Map<number, 'lead' | 'co'>;
}

export async function loadReportItem(db: Db, itemId: number): Promise<ReportItem | undefined> {
  const access = await itemAccess(db, itemId);
  if (!access) return undefined;
  const ids = access.parentItemId === null ? [itemId] : [itemId, access.parentItemId];
  const [links, year] = await Promise.all([unitsOfItems(db, ids), programmeYear(db, access.programmeId)]);
  const own = links.filter((l) => l.itemId === itemId);
  const parent = links.filter((l) => l.itemId !== itemId);
  const roleOf = new Map<number, 'lead' | 'co'>();
  for (const link of own) roleOf.set(link.unitId, link.role);
  for (const link of parent) if (!roleOf.has(link.unitId)) roleOf.set(link.unitId, 'co');
  const leadUnitId =
    own.find((l) => l.role === 'lead')?.unitId ?? parent.find((l) => l.role === 'lead')?.unitId ?? null;
  return { ...access, year: year ?? 0, reportingUnitIds: [...roleOf.keys()], leadUnitId, roleOf };
}

export type ItemReportFacts = Pick<ReportItem, 'jurisdictionId' | 'unitIds' | 'leaderPersonIds' | 'leadUnitId'>;

export function factsOf(item: ItemReportFacts, report: Pick<ReportRow, 'unitId' | 'state'>): ReportFacts {
  return {
    jurisdictionId: item.jurisdictionId,
    unitIds: item.unitIds,
    leaderPersonIds: item.leaderPersonIds,
    reportUnitId: report.unitId,
    leadUnitId: item.leadUnitId,
    state: report.state,
  };
}

/** The report facts of every item of a programme, from its tree (one load for a whole list). */
export async function programmeReportFacts(
  db: Db,
  programmeId: number,
  jurisdictionId: number,
): Promise<Map<number, ItemReportFacts>> {
  const result = new Map<number, ItemReportFacts>();
  const rows = await loadTreeRows(db, programmeId);
  if (!rows) return result;
  const leadOf = (node: ItemNode) => node.units.find((u) => u.role === 'lead')?.unitId;
  const walk = (nodes: readonly ItemNode[], parent: ItemNode | null) => {
    for (const node of nodes) {
      const facts = itemFactsInTree(jurisdictionId, node, parent);
      result.set(node.id, { ...facts, leadUnitId: leadOf(node) ?? (parent ? leadOf(parent) : undefined) ?? null });
      walk(node.children, node);
    }
  };
  for (const category of buildTree(rows).categories) walk(category.items, null);
  return result;
}

export interface LoadedReport {
  row: ReportListRow;
  item: ReportItem;
  facts: ReportFacts;
}

/** A report the actor may read, or 404 (its existence is not revealed). */
export async function loadReadableReport(db: Db, actor: Actor, id: number): Promise<LoadedReport> {
  const row = await findReport(db, id);
  if (!row) throw reportNotFound();
  const item = await loadReportItem(db, row.itemId);
  if (!item) throw reportNotFound();
  const facts = factsOf(item, row);
  if (!canReadReport(actor, facts)) throw reportNotFound();
  return { row, item, facts };
}

/** An item the actor may read, or 404. */
export async function loadReadableItem(db: Db, actor: Actor, itemId: number): Promise<ReportItem> {
  const item = await loadReportItem(db, itemId);
  if (!item || !canReadItem(actor, item)) throw itemNotFound();
  return item;
}

export const periodLocked = (period: string): AppError =>
  new AppError(
    'CONFLICT',
    `该期（${period}）已锁定，不能再新建、修改、提交或重新打开报告。如需更正，请联系督查室解锁。 ` +
      `The period ${period} is locked: reports can no longer be created, edited, submitted or reopened; ask the supervision office to unlock it.`,
    { period, locked: true },
  );

/**
 * A period reports may be written for now: one of the plan's periods (months
 * or quarters), begun, and not locked.
 */
export async function requireOpenPeriod(
  db: Db,
  programmeId: number,
  year: number,
  period: string,
  asOf: string = shanghaiToday(),
): Promise<void> {
  const plan = await getReportingPlan(db, programmeId);
  if (!isPeriod(period) || !reportingPeriods(plan.frequency).includes(period)) {
    const how = plan.frequency === 'monthly' ? '按月报送，请使用 M01–M12' : '按季报送，请使用 Q1–Q4';
    const howEn = plan.frequency === 'monthly' ? 'monthly: use M01–M12' : 'quarterly: use Q1–Q4';
    throw new AppError(
      'VALIDATION',
      `报送期“${period}”不属于该工程的报送计划（${how}）。 The period "${period}" is not in the programme's reporting plan (${howEn}).`,
      { period, frequency: plan.frequency },
    );
  }
  if (plan.lockedPeriods.includes(period)) throw periodLocked(period);
  if (!isPeriodOpen(plan, year, period, asOf)) {
    throw new AppError(
      'VALIDATION',
      `该期（${year}年${period}）尚未开始，不能报送；请选择已开始的报送期。 The period ${period} of ${year} has not begun yet; choose a period that has.`,
      { period },
    );
  }
}

/** Locked periods refuse edits even of existing reports. */
export async function requireUnlocked(db: Db, programmeId: number, period: string): Promise<void> {
  const plan = await getReportingPlan(db, programmeId);
  if (plan.lockedPeriods.includes(period)) throw periodLocked(period);
}

export const STATE_ZH: Record<ReportRow['state'], string> = {
  draft: '草稿',
  submitted: '已提交待审核',
  approved: '已审核通过',
  returned: '已退回',
};

export function wrongState(state: ReportRow['state'], doing: string, doingEn: string, allowed: string): AppError {
  return new AppError(
    'CONFLICT',
    `该报告当前状态为“${STATE_ZH[state]}”，不能${doing}（仅限${allowed}的报告）。请刷新后查看最新状态。 ` +
      `This report is ${state} and cannot be ${doingEn}; reload it to see its current state.`,
    { state },
  );
}
