import type { BulletinCitySum, BulletinData } from '../../../core/publish/bulletin-types.js';
import type { CardItem, ReportCard } from '../../../core/publish/report-card.js';
import {
  type CityItemInput,
  type DistrictInput,
  type DistrictItemInput,
  normalizeUnit,
  rollUpDistricts,
} from '../../../core/work/district-rollup.js';
import type { Db } from '../../../db/client.js';
import { cityLinksOf, listDistrictProgrammes } from '../../../db/repositories/districts.repository.js';
import { loadStatusInputs } from '../../../db/repositories/status-inputs.repository.js';
import { evaluateStatusInputs } from '../work/evaluate-programme-status.js';
import { getReportCard } from './get-report-card.js';

/**
 * The facts a bulletin is drafted from at a cut-off (BulletinData): the
 * programme's report card and, for a city programme whose items district items
 * serve (`items.city_item_id`), each city item's districts' numbers summed at
 * the same cut-off. No actor: the caller has already decided the programme may
 * be reached (the office's bulletin routes, the CLI as the system). Undefined
 * when the programme does not exist.
 */
export async function loadBulletinData(db: Db, programmeId: number, cutoff: string): Promise<BulletinData | undefined> {
  const card = await getReportCard(db, programmeId, cutoff, { publicOnly: false });
  if (!card) return undefined;
  return { card, citySums: await citySumsOf(db, card, cutoff) };
}

function flattenCard(card: ReportCard): { item: CardItem; categoryTitle: string }[] {
  const walk = (items: readonly CardItem[], categoryTitle: string): { item: CardItem; categoryTitle: string }[] =>
    items.flatMap((item) => [{ item, categoryTitle }, ...walk(item.parts, categoryTitle)]);
  return card.categories.flatMap((category) => walk(category.items, category.title));
}

/** A district programme at the cut-off, as the pure roll-up reads it (status and actuals at that date). */
async function districtAt(
  db: Db,
  district: { id: number; title: string; jurisdictionName: string },
  links: ReadonlyMap<number, number>,
  cutoff: string,
): Promise<DistrictInput | null> {
  const inputs = await loadStatusInputs(db, district.id);
  if (!inputs) return null;
  const status = evaluateStatusInputs(inputs, cutoff);
  const statusOf = new Map(status.items.map((entry) => [entry.id, entry]));
  const indicatorsOf = new Map<number, typeof inputs.indicators>();
  for (const indicator of [...inputs.indicators].sort((a, b) => a.position - b.position || a.id - b.id)) {
    const list = indicatorsOf.get(indicator.itemId) ?? [];
    list.push(indicator);
    indicatorsOf.set(indicator.itemId, list);
  }
  const items = inputs.items.map((item): DistrictItemInput => {
    const entry = statusOf.get(item.id);
    const actualOf = new Map((entry?.indicators ?? []).map((i) => [i.indicatorId, i.actual]));
    return {
      id: item.id,
      number: item.number,
      name: item.name,
      parentItemId: item.parentItemId,
      cityItemId: links.get(item.id) ?? null,
      status: entry?.status ?? 'not_started',
      reasons: [],
      leadUnit: null,
      indicators: (indicatorsOf.get(item.id) ?? []).map((i) => ({
        name: i.name,
        unit: i.unit,
        target: i.target,
        actual: actualOf.get(i.id) ?? null,
      })),
    };
  });
  return {
    programmeId: district.id,
    programmeTitle: district.title,
    jurisdictionName: district.jurisdictionName,
    items,
  };
}

/**
 * Each city item's indicators summed over the district items that serve it, one
 * sum per unit of measure. A district that serves the item but has no reported
 * value in that unit is listed as missing, so the draft never prints a partial
 * sum as the total. Empty when no district item serves this programme.
 */
async function citySumsOf(db: Db, card: ReportCard, cutoff: string): Promise<BulletinCitySum[]> {
  const districts = await listDistrictProgrammes(db, card.programme.id);
  if (districts.length === 0) return [];
  const links = await cityLinksOf(
    db,
    districts.map((d) => d.id),
  );
  const cityEntries = flattenCard(card);
  const cityIds = new Set(cityEntries.map((e) => e.item.id));
  if (![...links.values()].some((id) => cityIds.has(id))) return [];

  const inputs: DistrictInput[] = [];
  for (const district of districts) {
    const input = await districtAt(db, district, links, cutoff);
    if (input) inputs.push(input);
  }
  const cityItems: CityItemInput[] = cityEntries.map(({ item, categoryTitle }) => ({
    id: item.id,
    number: item.number,
    name: item.name,
    categoryTitle,
    indicators: item.indicators.map((i) => ({ name: i.name, unit: i.unit, target: i.target })),
  }));
  const byId = new Map(cityEntries.map((e) => [e.item.id, e.item]));
  const rollup = rollUpDistricts(cityItems, inputs);
  const sums: BulletinCitySum[] = [];
  for (const cityItem of rollup.cityItems) {
    for (const sum of cityItem.indicators) {
      if (sum.contributions.length === 0) continue;
      const missing = new Set(sum.contributions.filter((c) => c.actual === null).map((c) => c.jurisdictionName));
      const reported = new Set(
        sum.contributions.filter((c) => !missing.has(c.jurisdictionName)).map((c) => c.jurisdictionName),
      );
      // Print the unit as the city list writes it (套（间）), not its comparison form.
      const printedUnit =
        byId
          .get(cityItem.id)
          ?.indicators.find((i) => normalizeUnit(i.unit) === sum.unit)
          ?.unit.trim() ?? sum.unit;
      sums.push({
        cityItemId: cityItem.id,
        indicatorName: sum.city[0]?.name ?? sum.contributions[0]?.indicatorName ?? '',
        unit: printedUnit,
        actualSum: sum.actualSum,
        targetSum: sum.targetSum,
        reportedDistricts: reported.size,
        missingDistricts: [...missing],
      });
    }
  }
  return sums;
}
