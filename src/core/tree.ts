import type { InterchangeItem, ProgrammeDocument } from './interchange.js';
import { PROGRAMME_FORMAT } from './interchange.js';
import { comparePeriods, periodEndDate } from './periods.js';
import type { ItemFacts } from './policies.js';

/**
 * The programme tree: categories → items → parts, each item with its units,
 * responsible persons, leaders, milestones and indicators. Assembled here from
 * flat rows so the database layer stays a handful of queries.
 */

export type ProgrammeState = 'draft' | 'published' | 'archived';

export interface ProgrammeView {
  id: number;
  title: string;
  year: number;
  state: ProgrammeState;
  jurisdictionId: number;
  jurisdictionName: string;
  parentId: number | null;
  parentTitle: string | null;
  version: number;
  itemCount: number;
}

export interface CategoryRow {
  id: number;
  ordinal: number | null;
  title: string;
  position: number;
  version: number;
}

export interface ItemRow {
  id: number;
  categoryId: number;
  parentItemId: number | null;
  position: number;
  number: string;
  name: string;
  description: string;
  target: string;
  deadlineDate: string | null;
  deadlineText: string | null;
  version: number;
}

export interface ItemUnitView {
  id: number;
  itemId: number;
  unitId: number;
  name: string;
  role: 'lead' | 'co';
  position: number;
  version: number;
}

export interface ItemPersonView {
  id: number;
  itemId: number;
  personId: number;
  name: string;
  unitId: number | null;
  position: number;
  version: number;
}

export interface ItemLeaderView {
  id: number;
  itemId: number;
  personId: number;
  name: string;
  position: number;
  version: number;
}

export interface MilestoneView {
  id: number;
  itemId: number;
  period: string;
  text: string;
  dueDate: string | null;
  position: number;
  version: number;
}

export interface IndicatorView {
  id: number;
  itemId: number;
  name: string;
  unit: string;
  target: number | null;
  direction: 'increase' | 'decrease';
  checkpoints: Record<string, number>;
  position: number;
  version: number;
}

export interface TreeRows {
  programme: ProgrammeView;
  categories: CategoryRow[];
  items: ItemRow[];
  units: ItemUnitView[];
  persons: ItemPersonView[];
  leaders: ItemLeaderView[];
  milestones: MilestoneView[];
  indicators: IndicatorView[];
}

export interface ItemNode {
  id: number;
  categoryId: number;
  parentItemId: number | null;
  position: number;
  number: string;
  name: string;
  description: string;
  target: string;
  deadline: { text: string; date: string | null } | null;
  version: number;
  units: ItemUnitView[];
  persons: ItemPersonView[];
  leaders: ItemLeaderView[];
  milestones: MilestoneView[];
  indicators: IndicatorView[];
  children: ItemNode[];
}

export interface CategoryNode extends CategoryRow {
  items: ItemNode[];
}

export interface ProgrammeTree {
  programme: ProgrammeView;
  categories: CategoryNode[];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number | null): Map<number | null, T[]> {
  const map = new Map<number | null, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) =>
  a.position - b.position || a.id - b.id;

export function deadlineOf(row: Pick<ItemRow, 'deadlineDate' | 'deadlineText'>): ItemNode['deadline'] {
  if (row.deadlineText === null && row.deadlineDate === null) return null;
  return { text: row.deadlineText ?? '', date: row.deadlineDate };
}

export function buildTree(rows: TreeRows): ProgrammeTree {
  const units = groupBy(rows.units, (r) => r.itemId);
  const persons = groupBy(rows.persons, (r) => r.itemId);
  const leaders = groupBy(rows.leaders, (r) => r.itemId);
  const milestones = groupBy(rows.milestones, (r) => r.itemId);
  const indicators = groupBy(rows.indicators, (r) => r.itemId);
  const childrenOf = groupBy(rows.items, (r) => r.parentItemId);

  const node = (row: ItemRow): ItemNode => ({
    id: row.id,
    categoryId: row.categoryId,
    parentItemId: row.parentItemId,
    position: row.position,
    number: row.number,
    name: row.name,
    description: row.description,
    target: row.target,
    deadline: deadlineOf(row),
    version: row.version,
    // Lead unit first, then co-units in their order.
    units: [...(units.get(row.id) ?? [])].sort(
      (a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1) || byPosition(a, b),
    ),
    persons: [...(persons.get(row.id) ?? [])].sort(byPosition),
    leaders: [...(leaders.get(row.id) ?? [])].sort(byPosition),
    milestones: [...(milestones.get(row.id) ?? [])].sort(
      (a, b) => comparePeriods(a.period, b.period) || byPosition(a, b),
    ),
    indicators: [...(indicators.get(row.id) ?? [])].sort(byPosition),
    children: [...(childrenOf.get(row.id) ?? [])].sort(byPosition).map((child) => node(child)),
  });

  const topLevel = groupBy(
    rows.items.filter((r) => r.parentItemId === null),
    (r) => r.categoryId,
  );
  const categories = [...rows.categories].sort(byPosition).map((category) => ({
    ...category,
    items: [...(topLevel.get(category.id) ?? [])].sort(byPosition).map((row) => node(row)),
  }));
  return { programme: rows.programme, categories };
}

/** Facts an item's read policy needs, taken from the tree itself: its own, its parent's and its parts' units and leaders. */
export function itemFactsInTree(jurisdictionId: number, item: ItemNode, parent: ItemNode | null): ItemFacts {
  const unitIds = new Set<number>(item.units.map((u) => u.unitId));
  const leaderIds = new Set<number>(item.leaders.map((l) => l.personId));
  if (parent) {
    for (const u of parent.units) unitIds.add(u.unitId);
    for (const l of parent.leaders) leaderIds.add(l.personId);
  }
  const walk = (children: readonly ItemNode[]) => {
    for (const child of children) {
      for (const u of child.units) unitIds.add(u.unitId);
      for (const l of child.leaders) leaderIds.add(l.personId);
      walk(child.children);
    }
  };
  walk(item.children);
  return { jurisdictionId, unitIds: [...unitIds], leaderPersonIds: [...leaderIds] };
}

/** Keep only what `visible` allows, with the categories and parents needed to reach it; a category with nothing visible goes. */
export function filterTree(
  tree: ProgrammeTree,
  visible: (item: ItemNode, parent: ItemNode | null) => boolean,
): ProgrammeTree {
  const keep = (items: readonly ItemNode[], parent: ItemNode | null): ItemNode[] =>
    items.flatMap((item) => {
      const children = keep(item.children, item);
      if (!visible(item, parent) && children.length === 0) return [];
      return [{ ...item, children }];
    });
  const categories = tree.categories
    .map((category) => ({ ...category, items: keep(category.items, null) }))
    .filter((category) => category.items.length > 0);
  return { programme: tree.programme, categories };
}

export function countItems(items: readonly ItemNode[]): number {
  return items.reduce((n, item) => n + 1 + countItems(item.children), 0);
}

function itemToDocument(item: ItemNode): Required<InterchangeItem> {
  const lead = item.units.find((u) => u.role === 'lead');
  return {
    number: item.number,
    name: item.name,
    description: item.description,
    target: item.target,
    leadUnit: lead ? lead.name : null,
    coUnits: item.units.filter((u) => u.role === 'co').map((u) => u.name),
    persons: item.persons.map((p) => p.name),
    leaders: item.leaders.map((l) => l.name),
    deadline: item.deadline,
    milestones: item.milestones.map((m) => ({ period: m.period, text: m.text, dueDate: m.dueDate })),
    indicators: item.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      target: i.target,
      direction: i.direction,
      checkpoints: sortCheckpoints(i.checkpoints),
    })),
    children: item.children.map(itemToDocument),
  };
}

export function sortCheckpoints(checkpoints: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(checkpoints).sort(([a], [b]) => comparePeriods(a, b)));
}

/** The tree in `minxin.programme/v1`, every optional field written out. */
export function treeToDocument(tree: ProgrammeTree): ProgrammeDocument {
  return {
    format: PROGRAMME_FORMAT,
    title: tree.programme.title,
    jurisdiction: tree.programme.jurisdictionName,
    year: tree.programme.year,
    parent: tree.programme.parentTitle,
    categories: tree.categories.map((c) => ({
      ordinal: c.ordinal,
      title: c.title,
      items: c.items.map(itemToDocument),
    })),
    warnings: [],
  };
}

function normalizeItem(item: InterchangeItem, year: number): Required<InterchangeItem> {
  return {
    number: item.number,
    name: item.name,
    description: item.description ?? '',
    target: item.target ?? '',
    leadUnit: item.leadUnit ?? null,
    coUnits: item.coUnits ?? [],
    persons: item.persons ?? [],
    leaders: item.leaders ?? [],
    deadline: item.deadline ?? null,
    milestones: [...(item.milestones ?? [])]
      .map((m) => ({ period: m.period, text: m.text, dueDate: m.dueDate ?? periodEndDate(year, m.period) }))
      .sort((a, b) => comparePeriods(a.period, b.period)),
    indicators: (item.indicators ?? []).map((i) => ({
      name: i.name,
      unit: i.unit,
      target: i.target,
      direction: i.direction ?? 'increase',
      checkpoints: sortCheckpoints(i.checkpoints ?? {}),
    })),
    children: (item.children ?? []).map((child) => normalizeItem(child, year)),
  };
}

/** A document as Minxin stores it: defaults written out, milestones in period order, no warnings. */
export function normalizeDocument(doc: ProgrammeDocument): ProgrammeDocument {
  return {
    format: PROGRAMME_FORMAT,
    title: doc.title,
    jurisdiction: doc.jurisdiction,
    year: doc.year,
    parent: doc.parent ?? null,
    categories: doc.categories.map((c) => ({
      ordinal: c.ordinal,
      title: c.title,
      items: c.items.map((item) => normalizeItem(item, doc.year)),
    })),
    warnings: [],
  };
}
