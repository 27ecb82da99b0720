import { ITEM_STATUSES, type ItemStatus, type ItemStatusRow } from '../../../api/status.js';
import type { Category, Id, ItemNode } from '../../../api/types.js';
import { categoryHeading } from '../../../shared/format.js';

/** What the tree tells about an item that the status rows do not: where it sits and who answers for it. */
export interface ItemMeta {
  id: Id;
  parentId: Id | null;
  categoryId: Id;
  categoryTitle: string;
  leadUnitId: Id | null;
  leadUnitName: string;
  unitIds: Id[];
  leaderIds: Id[];
  leaderNames: string[];
}

export interface DashboardRow extends ItemStatusRow {
  /** The number as the list prints it, a part after its parent: 2(1). */
  fullNumber: string;
  meta: ItemMeta | undefined;
}

export interface Filters {
  categoryId?: Id | undefined;
  unitId?: Id | undefined;
  leaderId?: Id | undefined;
}

export type StatusCounts = Record<ItemStatus, number>;

export interface Group {
  key: string;
  name: string;
  counts: StatusCounts;
  total: number;
}

export interface Option {
  value: Id;
  label: string;
}

export const emptyCounts = (): StatusCounts => ({
  overdue: 0,
  lagging: 0,
  at_risk: 0,
  not_started: 0,
  on_track: 0,
  done: 0,
});

/** Every item and part of the tree with its category, units and leaders; a part without its own inherits its parent's. */
export function itemMetaOf(categories: readonly Category[]): Map<Id, ItemMeta> {
  const out = new Map<Id, ItemMeta>();
  const visit = (node: ItemNode, category: Category, parent: ItemMeta | null): void => {
    const lead = [...node.units].sort((a, b) => a.position - b.position).find((u) => u.role === 'lead');
    const own: ItemMeta = {
      id: node.id,
      parentId: parent?.id ?? null,
      categoryId: category.id,
      categoryTitle: categoryHeading(category.ordinal, category.title),
      leadUnitId: lead?.unitId ?? null,
      leadUnitName: lead?.name ?? '',
      unitIds: node.units.map((u) => u.unitId),
      leaderIds: node.leaders.map((l) => l.personId),
      leaderNames: node.leaders.map((l) => l.name),
    };
    const meta: ItemMeta =
      parent === null
        ? own
        : {
            ...own,
            leadUnitId: own.unitIds.length > 0 ? own.leadUnitId : parent.leadUnitId,
            leadUnitName: own.unitIds.length > 0 ? own.leadUnitName : parent.leadUnitName,
            unitIds: own.unitIds.length > 0 ? own.unitIds : parent.unitIds,
            leaderIds: own.leaderIds.length > 0 ? own.leaderIds : parent.leaderIds,
            leaderNames: own.leaderNames.length > 0 ? own.leaderNames : parent.leaderNames,
          };
    out.set(node.id, meta);
    for (const child of node.children) visit(child, category, meta);
  };
  for (const category of categories) for (const node of category.items) visit(node, category, null);
  return out;
}

export function joinRows(items: readonly ItemStatusRow[], meta: ReadonlyMap<Id, ItemMeta>): DashboardRow[] {
  return items.map((row) => ({
    ...row,
    fullNumber: `${row.parentNumber ?? ''}${row.number}`,
    meta: meta.get(row.id),
  }));
}

export function applyFilters(rows: readonly DashboardRow[], filters: Filters): DashboardRow[] {
  return rows.filter((row) => {
    const meta = row.meta;
    if (filters.categoryId !== undefined && meta?.categoryId !== filters.categoryId) return false;
    if (filters.unitId !== undefined && !meta?.unitIds.includes(filters.unitId)) return false;
    if (filters.leaderId !== undefined && !meta?.leaderIds.includes(filters.leaderId)) return false;
    return true;
  });
}

/** Items, not parts: a part's state already counts in its item's. */
export const topLevel = (rows: readonly DashboardRow[]): DashboardRow[] =>
  rows.filter((row) => (row.meta ? row.meta.parentId === null : row.parentNumber === null));

export function countByStatus(rows: readonly DashboardRow[]): StatusCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** Rows grouped by a key, in the order the keys first appear. */
export function groupBy(rows: readonly DashboardRow[], keyOf: (row: DashboardRow) => [string, string]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const [key, name] = keyOf(row);
    let group = groups.get(key);
    if (!group) {
      group = { key, name, counts: emptyCounts(), total: 0 };
      groups.set(key, group);
    }
    group.counts[row.status] += 1;
    group.total += 1;
  }
  return [...groups.values()];
}

export const byCategory = (rows: readonly DashboardRow[], unknown: string): Group[] =>
  groupBy(rows, (row) => [String(row.meta?.categoryId ?? 'none'), row.meta?.categoryTitle || unknown]);

export const byLeadUnit = (rows: readonly DashboardRow[], unknown: string): Group[] =>
  groupBy(rows, (row) => [String(row.meta?.leadUnitId ?? 'none'), row.meta?.leadUnitName || unknown]).sort(
    (a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'),
  );

const severity = (status: ItemStatus): number => ITEM_STATUSES.indexOf(status);

/** At risk, lagging and overdue items and parts, worst first, then in list order. */
export function laggingRows(rows: readonly DashboardRow[]): DashboardRow[] {
  return rows
    .filter((row) => row.status === 'at_risk' || row.status === 'lagging' || row.status === 'overdue')
    .sort((a, b) => severity(a.status) - severity(b.status));
}

/** The units and leaders of the tree, for the filters. */
export function filterOptions(categories: readonly Category[]) {
  const units = new Map<Id, string>();
  const leaders = new Map<Id, string>();
  const walk = (node: ItemNode): void => {
    for (const u of node.units) units.set(u.unitId, u.name);
    for (const l of node.leaders) leaders.set(l.personId, l.name);
    node.children.forEach(walk);
  };
  for (const category of categories) category.items.forEach(walk);
  const sorted = (map: Map<Id, string>): Option[] =>
    [...map].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  return {
    categories: categories.map((c) => ({ value: c.id, label: categoryHeading(c.ordinal, c.title) })),
    units: sorted(units),
    leaders: sorted(leaders),
  };
}
