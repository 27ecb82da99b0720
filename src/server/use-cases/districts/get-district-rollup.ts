import type { Actor } from '../../../core/actor.js';
import { canReadProgramme } from '../../../core/policies.js';
import type { ItemNode, ProgrammeTree } from '../../../core/tree.js';
import { shanghaiToday } from '../../../core/work/calendar.js';
import {
  type CityItemInput,
  type DistrictInput,
  type DistrictItemInput,
  type DistrictRollup,
  rollUpDistricts,
} from '../../../core/work/district-rollup.js';
import type { Db } from '../../../db/client.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { cityLinksOf, listDistrictProgrammes } from '../../../db/repositories/districts.repository.js';
import { getProgrammeTree } from '../programmes/get-programme-tree.js';
import { evaluateProgrammeStatus } from '../work/evaluate-programme-status.js';

export interface DistrictView extends DistrictRollup {
  programmeId: number;
  title: string;
  asOf: string;
}

/** Every item and part of a tree with its category title and its parent (for a part's lead unit). */
function flatten(tree: ProgrammeTree): { item: ItemNode; parent: ItemNode | null; categoryTitle: string }[] {
  const walk = (nodes: readonly ItemNode[], parent: ItemNode | null, categoryTitle: string) =>
    nodes.flatMap((item): { item: ItemNode; parent: ItemNode | null; categoryTitle: string }[] => [
      { item, parent, categoryTitle },
      ...walk(item.children, item, categoryTitle),
    ]);
  return tree.categories.flatMap((c) => walk(c.items, null, c.title));
}

const leadName = (item: ItemNode, parent: ItemNode | null): string | null =>
  (item.units.find((u) => u.role === 'lead') ?? parent?.units.find((u) => u.role === 'lead'))?.name ?? null;

async function districtInput(
  db: Db,
  actor: Actor,
  district: { id: number; title: string; jurisdictionName: string },
  links: ReadonlyMap<number, number>,
  asOf: string,
): Promise<DistrictInput | null> {
  const access = await programmeAccess(db, actor, district.id);
  if (!access || !canReadProgramme(actor, access)) return null;
  const [tree, status] = await Promise.all([
    getProgrammeTree(db, actor, district.id),
    evaluateProgrammeStatus(db, district.id, asOf),
  ]);
  const statusOf = new Map((status?.items ?? []).map((entry) => [entry.id, entry]));
  const items = flatten(tree).map(({ item, parent }): DistrictItemInput => {
    const entry = statusOf.get(item.id);
    const actualOf = new Map((entry?.indicators ?? []).map((i) => [i.indicatorId, i.actual]));
    return {
      id: item.id,
      number: item.number,
      name: item.name,
      parentItemId: item.parentItemId,
      cityItemId: links.get(item.id) ?? null,
      status: entry?.status ?? 'not_started',
      reasons: entry?.reasons ?? [],
      leadUnit: leadName(item, parent),
      indicators: item.indicators.map((i) => ({
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
 * The city office's view of a city programme across its districts. The city
 * programme is shown as the actor may read it (404 otherwise); a district
 * programme the actor may not read is left out.
 */
export async function getDistrictRollup(
  db: Db,
  actor: Actor,
  cityProgrammeId: number,
  asOf: string = shanghaiToday(),
): Promise<DistrictView> {
  const cityTree = await getProgrammeTree(db, actor, cityProgrammeId);
  const districts = await listDistrictProgrammes(db, cityProgrammeId);
  const links = await cityLinksOf(
    db,
    districts.map((d) => d.id),
  );
  const inputs: DistrictInput[] = [];
  for (const district of districts) {
    const input = await districtInput(db, actor, district, links, asOf);
    if (input) inputs.push(input);
  }
  const cityItems: CityItemInput[] = flatten(cityTree).map(({ item, categoryTitle }) => ({
    id: item.id,
    number: item.number,
    name: item.name,
    categoryTitle,
    indicators: item.indicators.map((i) => ({ name: i.name, unit: i.unit, target: i.target })),
  }));
  return {
    programmeId: cityProgrammeId,
    title: cityTree.programme.title,
    asOf,
    ...rollUpDistricts(cityItems, inputs),
  };
}
