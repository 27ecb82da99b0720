import { comparePeriods } from '../periods.js';
import { periodStartDate } from '../work/calendar.js';
import { type IndicatorStatus, type ItemStatus, STATUS_LABEL } from '../work/status.js';

/**
 * The public report card (成绩单) of a programme at a date: what residents,
 * bulletins and open data see. Pure: built from status against plan and the
 * public facts (src/db/repositories/public-facts.repository.ts). Only public
 * fields: no reasons, no expected values, no internal notes.
 *
 * Progress (the 进度条) of an item: 100 when done; otherwise the mean over its
 * indicators with a positive target of actual ÷ target (capped at 1), or the
 * percent complete of its latest approved report, or the mean of its parts'
 * bars, or 0 — and at most 99 while not done. A category's and the programme's bar are the mean of their
 * top-level items' (docs/decisions/0004-public-means-published.md).
 */

export interface CardIndicator {
  indicatorId: number;
  name: string;
  unit: string;
  target: number | null;
  actual: number | null;
  /** actual ÷ target (uncapped), null without both. */
  rate: number | null;
}

export interface CardMilestone {
  period: string;
  text: string;
  dueDate: string | null;
}

export interface CardItem {
  id: number;
  number: string;
  name: string;
  /** The commitment as the list words it (target, else description). */
  commitment: string;
  status: ItemStatus;
  statusLabel: string;
  deadline: string | null;
  deadlineText: string | null;
  leadUnit: string | null;
  coUnits: string[];
  /** Latest approved progress text up to the date (lead unit's first), and its period. */
  progress: string | null;
  progressPeriod: string | null;
  percent: number;
  indicators: CardIndicator[];
  milestones: CardMilestone[];
  parts: CardItem[];
}

export interface CardCategory {
  id: number;
  ordinal: number | null;
  title: string;
  percent: number;
  done: number;
  total: number;
  items: CardItem[];
}

export interface ReportCard {
  programme: { id: number; title: string; year: number; jurisdictionId: number; jurisdictionName: string };
  asOf: string;
  /** Over top-level items (子项): done and the rest. */
  headline: { done: number; rest: number; total: number; percent: number };
  categories: CardCategory[];
}

/** The slice of status against plan the card needs (ItemStatusEntry fits it). */
export interface CardStatusEntry {
  id: number;
  number: string;
  name: string;
  parentId: number | null;
  categoryId: number;
  status: ItemStatus;
  deadline: string | null;
  indicators: IndicatorStatus[];
  /** Consolidated approved reports, in period order. */
  reports: ReadonlyArray<{ period: string; percentComplete: number | null }>;
}

export interface CardInputs {
  programme: ReportCard['programme'];
  asOf: string;
  /** In display order (categories in order, each item followed by its parts). */
  entries: readonly CardStatusEntry[];
  categories: ReadonlyArray<{ id: number; title: string; ordinal: number | null }>;
  items: ReadonlyArray<{ id: number; description: string; target: string; deadlineText: string | null }>;
  indicatorTargets: ReadonlyMap<number, number | null>;
  milestones: ReadonlyArray<{ itemId: number; period: string; text: string; dueDate: string | null; position: number }>;
  units: ReadonlyArray<{ itemId: number; unitId: number; name: string; role: 'lead' | 'co'; position: number }>;
  progress: ReadonlyArray<{
    itemId: number;
    unitId: number;
    period: string;
    progress: string;
    reviewedAt: string | null;
  }>;
}

const mean = (values: number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/**
 * The item's bar, 0–100 (see the module comment); `parts` are its parts'
 * bars, used when the item has no measure of its own (units report on parts).
 */
export function itemPercent(
  entry: CardStatusEntry,
  targets: ReadonlyMap<number, number | null>,
  parts: readonly number[] = [],
): number {
  if (entry.status === 'done') return 100;
  const ratios: number[] = [];
  for (const indicator of entry.indicators) {
    const target = targets.get(indicator.indicatorId) ?? null;
    if (target !== null && target > 0 && indicator.actual !== null) ratios.push(Math.min(1, indicator.actual / target));
  }
  const latest = [...entry.reports].reverse().find((r) => r.percentComplete !== null);
  let percent = 0;
  if (ratios.length > 0) percent = mean(ratios) * 100;
  else if (latest?.percentComplete != null) percent = latest.percentComplete;
  else if (parts.length > 0) percent = mean([...parts]);
  return Math.min(99, Math.max(0, Math.round(percent)));
}

/**
 * The latest approved progress text of one item with a period begun by `asOf`:
 * latest period first, then the lead unit's, then the latest reviewed.
 */
export function latestProgress(
  rows: CardInputs['progress'],
  year: number,
  asOf: string,
  leadUnitId: number | null,
): { progress: string; period: string } | null {
  const eligible = rows.filter((r) => r.progress.trim() !== '' && periodStartDate(year, r.period) <= asOf);
  eligible.sort(
    (a, b) =>
      comparePeriods(b.period, a.period) ||
      Number(b.unitId === leadUnitId) - Number(a.unitId === leadUnitId) ||
      (b.reviewedAt ?? '').localeCompare(a.reviewedAt ?? ''),
  );
  const best = eligible[0];
  return best ? { progress: best.progress.trim(), period: best.period } : null;
}

function group<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

export function buildReportCard(inputs: CardInputs): ReportCard {
  const { programme, asOf } = inputs;
  const itemFacts = new Map(inputs.items.map((i) => [i.id, i]));
  const unitsOf = group(inputs.units, (u) => u.itemId);
  const milestonesOf = group(inputs.milestones, (m) => m.itemId);
  const progressOf = group(inputs.progress, (p) => p.itemId);
  const byId = new Map(inputs.entries.map((e) => [e.id, e]));

  const cardOf = (entry: CardStatusEntry): CardItem => {
    const facts = itemFacts.get(entry.id);
    const parent = entry.parentId === null ? undefined : byId.get(entry.parentId);
    let units = [...(unitsOf.get(entry.id) ?? [])].sort((a, b) => a.position - b.position);
    if (units.length === 0 && parent)
      units = [...(unitsOf.get(parent.id) ?? [])].sort((a, b) => a.position - b.position);
    const lead = units.find((u) => u.role === 'lead');
    const latest = latestProgress(progressOf.get(entry.id) ?? [], programme.year, asOf, lead?.unitId ?? null);
    const parts = inputs.entries.filter((e) => e.parentId === entry.id).map(cardOf);
    return {
      id: entry.id,
      number: entry.number,
      name: entry.name,
      commitment: (facts?.target || facts?.description || '').trim(),
      status: entry.status,
      statusLabel: STATUS_LABEL[entry.status],
      deadline: entry.deadline,
      deadlineText: facts?.deadlineText ?? null,
      leadUnit: lead?.name ?? null,
      coUnits: units.filter((u) => u.role === 'co').map((u) => u.name),
      progress: latest?.progress ?? null,
      progressPeriod: latest?.period ?? null,
      percent: itemPercent(
        entry,
        inputs.indicatorTargets,
        parts.map((p) => p.percent),
      ),
      indicators: entry.indicators.map((i) => {
        const target = inputs.indicatorTargets.get(i.indicatorId) ?? null;
        return {
          indicatorId: i.indicatorId,
          name: i.name,
          unit: i.unit,
          target,
          actual: i.actual,
          rate: target !== null && target > 0 && i.actual !== null ? i.actual / target : null,
        };
      }),
      milestones: [...(milestonesOf.get(entry.id) ?? [])]
        .sort((a, b) => a.position - b.position)
        .map(({ period, text, dueDate }) => ({ period, text, dueDate })),
      parts,
    };
  };

  const top = inputs.entries.filter((e) => e.parentId === null);
  const categories: CardCategory[] = inputs.categories.map((category) => {
    const cards = top.filter((e) => e.categoryId === category.id).map(cardOf);
    const done = cards.filter((c) => c.status === 'done').length;
    return {
      id: category.id,
      ordinal: category.ordinal,
      title: category.title,
      percent: Math.round(mean(cards.map((c) => c.percent))),
      done,
      total: cards.length,
      items: cards,
    };
  });
  const all = categories.flatMap((c) => c.items);
  const done = all.filter((c) => c.status === 'done').length;
  return {
    programme,
    asOf,
    headline: {
      done,
      rest: all.length - done,
      total: all.length,
      percent: Math.round(mean(all.map((c) => c.percent))),
    },
    categories,
  };
}
