import { forbidden, notFound } from '../../../core/errors.js';
import { canManageProgramme, canReadProgramme } from '../../../core/policies.js';
import { matchCityItems } from '../../../core/work/district-rollup.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { updateVersioned } from '../../../db/crud.js';
import { programmeAccess } from '../../../db/repositories/access.repository.js';
import { findProgrammeParent, listLinkableItems } from '../../../db/repositories/districts.repository.js';
import { items } from '../../../db/schema.js';
import { ITEM_LINK_META, noParentProgramme } from './link-city-item.js';

export interface CityLinkResult {
  linked: {
    itemId: number;
    number: string;
    name: string;
    cityItemId: number;
    cityNumber: string;
    cityName: string;
    /** name: the same normalized name; number: the same number in a category of the same title. */
    rule: 'name' | 'number';
  }[];
  unmatched: { itemId: number; number: string; name: string }[];
  /** Items that already served a city item and were left as they were. */
  alreadyLinked: number;
  /** Nothing was written: the matches are a preview. */
  dryRun: boolean;
}

/**
 * Link the unlinked items of a district programme to the items of the city
 * programme it carries out, by the two rules of matchCityItems and no others;
 * every link is audited, all in one transaction. A dry run writes nothing.
 */
export async function linkCityItems(
  db: Db,
  ctx: RequestContext,
  programmeId: number,
  options: { dryRun: boolean } = { dryRun: false },
): Promise<CityLinkResult> {
  return db.transaction(async (tx) => {
    const access = await programmeAccess(tx, ctx.actor, programmeId);
    if (!access || !canReadProgramme(ctx.actor, access)) throw notFound('民心工程', 'Programme');
    if (!canManageProgramme(ctx.actor, access.jurisdictionId)) throw forbidden();
    const programme = await findProgrammeParent(tx, programmeId);
    if (!programme || programme.parentId === null) throw noParentProgramme();

    const [own, city] = await Promise.all([
      listLinkableItems(tx, programmeId),
      listLinkableItems(tx, programme.parentId),
    ]);
    const unlinked = own.filter((item) => item.cityItemId === null);
    const { matches, unmatched } = matchCityItems(unlinked, city);
    const ownById = new Map(own.map((item) => [item.id, item]));
    const cityById = new Map(city.map((item) => [item.id, item]));

    const linked: CityLinkResult['linked'] = [];
    for (const match of matches) {
      const item = ownById.get(match.itemId);
      const target = cityById.get(match.cityItemId);
      if (!item || !target) continue;
      if (!options.dryRun)
        await updateVersioned(tx, ctx, items, item.id, item.version, { cityItemId: target.id }, ITEM_LINK_META);
      linked.push({
        itemId: item.id,
        number: item.number,
        name: item.name,
        cityItemId: target.id,
        cityNumber: target.number,
        cityName: target.name,
        rule: match.rule,
      });
    }
    return {
      linked,
      unmatched: unmatched.flatMap((id) => {
        const item = ownById.get(id);
        return item ? [{ itemId: item.id, number: item.number, name: item.name }] : [];
      }),
      alreadyLinked: own.length - unlinked.length,
      dryRun: options.dryRun,
    };
  });
}
