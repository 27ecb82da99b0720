import { canonicalUnit, normalizeText } from '../text/index.js';
import { countStatuses, type StatusCounts, worstStatus } from './rollup.js';
import type { ItemStatus } from './status.js';

/**
 * The city office's view of a city programme across the district programmes
 * that carry it out: for each city item, the district items linked to it with
 * their status, each indicator's targets and actuals summed where the units
 * agree, and which districts lag; plus one row per district. Pure.
 */

export interface RollupIndicator {
  name: string;
  unit: string;
  target: number | null;
  /** The latest approved cumulative value; null when nothing was reported. */
  actual: number | null;
}

export interface CityItemInput {
  id: number;
  number: string;
  name: string;
  categoryTitle: string;
  indicators: Omit<RollupIndicator, 'actual'>[];
}

export interface DistrictItemInput {
  id: number;
  number: string;
  name: string;
  parentItemId: number | null;
  cityItemId: number | null;
  status: ItemStatus;
  reasons: string[];
  leadUnit: string | null;
  indicators: RollupIndicator[];
}

export interface DistrictInput {
  programmeId: number;
  programmeTitle: string;
  jurisdictionName: string;
  items: DistrictItemInput[];
}

export interface DistrictItemView {
  itemId: number;
  number: string;
  name: string;
  status: ItemStatus;
  reasons: string[];
  leadUnit: string | null;
}

export interface IndicatorContribution {
  jurisdictionName: string;
  itemId: number;
  indicatorName: string;
  target: number | null;
  actual: number | null;
}

/** One unit of measure of a city item: its districts' indicators in that unit, summed. */
export interface IndicatorSum {
  unit: string;
  /** The city item's own indicators in this unit. */
  city: { name: string; target: number | null }[];
  targetSum: number | null;
  actualSum: number | null;
  /** Contributions without a target, or without a reported actual: the sums leave them out. */
  missingTargets: number;
  missingActuals: number;
  contributions: IndicatorContribution[];
}

export interface CityItemRollup {
  id: number;
  number: string;
  name: string;
  categoryTitle: string;
  /** The worst status of its district items; null when no district item serves it. */
  status: ItemStatus | null;
  districts: { jurisdictionName: string; programmeId: number; items: DistrictItemView[] }[];
  indicators: IndicatorSum[];
  /** Districts with a lagging or overdue item for this city item. */
  lagging: string[];
}

export interface DistrictRow {
  jurisdictionName: string;
  programmeId: number;
  programmeTitle: string;
  /** Top-level items of the district programme by status. */
  counts: StatusCounts;
  done: number;
  total: number;
  /** Items and parts linked to a city item. */
  linked: number;
  /** Top-level items lagging or overdue. */
  lagging: number;
}

export interface DistrictRollup {
  cityItems: CityItemRollup[];
  districts: DistrictRow[];
}

const LAGGING: ReadonlySet<ItemStatus> = new Set(['lagging', 'overdue']);
const collator = new Intl.Collator('zh-Hans-CN');

/** The unit of measure as compared: 套（间）, 套(间) and " 套(间) " agree; 平米 is 平方米. */
export function normalizeUnit(unit: string): string {
  const text = normalizeText(unit).replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  return canonicalUnit(text);
}

const sumOf = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : Math.round(present.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
};

function indicatorSums(
  city: CityItemInput,
  linked: readonly { district: DistrictInput; item: DistrictItemInput }[],
): IndicatorSum[] {
  const groups = new Map<string, IndicatorSum>();
  const groupOf = (unit: string): IndicatorSum => {
    const key = normalizeUnit(unit);
    let group = groups.get(key);
    if (!group) {
      group = {
        unit: key,
        city: [],
        targetSum: null,
        actualSum: null,
        missingTargets: 0,
        missingActuals: 0,
        contributions: [],
      };
      groups.set(key, group);
    }
    return group;
  };
  for (const indicator of city.indicators)
    groupOf(indicator.unit).city.push({ name: indicator.name, target: indicator.target });
  for (const { district, item } of linked) {
    for (const indicator of item.indicators) {
      groupOf(indicator.unit).contributions.push({
        jurisdictionName: district.jurisdictionName,
        itemId: item.id,
        indicatorName: indicator.name,
        target: indicator.target,
        actual: indicator.actual,
      });
    }
  }
  for (const group of groups.values()) {
    group.targetSum = sumOf(group.contributions.map((c) => c.target));
    group.actualSum = sumOf(group.contributions.map((c) => c.actual));
    group.missingTargets = group.contributions.filter((c) => c.target === null).length;
    group.missingActuals = group.contributions.filter((c) => c.actual === null).length;
  }
  return [...groups.values()];
}

const view = (item: DistrictItemInput): DistrictItemView => ({
  itemId: item.id,
  number: item.number,
  name: item.name,
  status: item.status,
  reasons: item.reasons,
  leadUnit: item.leadUnit,
});

export function rollUpDistricts(
  cityItems: readonly CityItemInput[],
  districts: readonly DistrictInput[],
): DistrictRollup {
  const ordered = [...districts].sort(
    (a, b) => collator.compare(a.jurisdictionName, b.jurisdictionName) || a.programmeId - b.programmeId,
  );
  const rollups = cityItems.map((city): CityItemRollup => {
    const linked = ordered.flatMap((district) =>
      district.items.filter((item) => item.cityItemId === city.id).map((item) => ({ district, item })),
    );
    const byDistrict = ordered
      .map((district) => ({
        jurisdictionName: district.jurisdictionName,
        programmeId: district.programmeId,
        items: linked.filter((l) => l.district === district).map((l) => view(l.item)),
      }))
      .filter((d) => d.items.length > 0);
    return {
      id: city.id,
      number: city.number,
      name: city.name,
      categoryTitle: city.categoryTitle,
      status: linked.length === 0 ? null : worstStatus(linked.map((l) => l.item.status)),
      districts: byDistrict,
      indicators: indicatorSums(city, linked),
      lagging: byDistrict.filter((d) => d.items.some((i) => LAGGING.has(i.status))).map((d) => d.jurisdictionName),
    };
  });
  const rows = ordered.map((district): DistrictRow => {
    const top = district.items.filter((i) => i.parentItemId === null);
    const counts = countStatuses(top.map((i) => i.status));
    return {
      jurisdictionName: district.jurisdictionName,
      programmeId: district.programmeId,
      programmeTitle: district.programmeTitle,
      counts,
      done: counts.done,
      total: top.length,
      linked: district.items.filter((i) => i.cityItemId !== null).length,
      lagging: counts.lagging + counts.overdue,
    };
  });
  return { cityItems: rollups, districts: rows };
}

/* ---------- Linking a district list to the city list by name ---------- */

export interface LinkCandidate {
  id: number;
  number: string;
  name: string;
  categoryTitle: string;
  /** The number of the item a part belongs to; null for a top-level item. */
  parentNumber: string | null;
}

export interface CityLinkMatch {
  itemId: number;
  cityItemId: number;
  rule: 'name' | 'number';
}

const key = (text: string): string => normalizeText(text).replace(/\s+/g, '');
const numberKey = (c: LinkCandidate): string | null => {
  const number = key(c.number);
  if (number === '') return null;
  return `${key(c.categoryTitle)}|${c.parentNumber === null ? '' : key(c.parentNumber)}|${number}`;
};

function uniqueIndex(
  items: readonly LinkCandidate[],
  keyOf: (c: LinkCandidate) => string | null,
): Map<string, number | null> {
  // null marks a key shared by two city items: ambiguous, never guessed.
  const index = new Map<string, number | null>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === null || k === '') continue;
    index.set(k, index.has(k) ? null : item.id);
  }
  return index;
}

/**
 * Match district items to city items by two rules only: the same normalized
 * name, else the same number within a category of the same title (a part also
 * under the same parent number). A key two city items share matches nothing.
 */
export function matchCityItems(
  districtItems: readonly LinkCandidate[],
  cityItems: readonly LinkCandidate[],
): { matches: CityLinkMatch[]; unmatched: number[] } {
  const byName = uniqueIndex(cityItems, (c) => key(c.name));
  const byNumber = uniqueIndex(cityItems, numberKey);
  const matches: CityLinkMatch[] = [];
  const unmatched: number[] = [];
  for (const item of districtItems) {
    const named = byName.get(key(item.name));
    if (named !== undefined && named !== null) {
      matches.push({ itemId: item.id, cityItemId: named, rule: 'name' });
      continue;
    }
    const k = numberKey(item);
    const numbered = k === null ? undefined : byNumber.get(k);
    if (numbered !== undefined && numbered !== null) {
      matches.push({ itemId: item.id, cityItemId: numbered, rule: 'number' });
      continue;
    }
    unmatched.push(item.id);
  }
  return { matches, unmatched };
}
