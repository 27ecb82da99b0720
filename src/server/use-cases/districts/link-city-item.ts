import { AppError, forbidden, notFound } from '../../../core/errors.js';
import { canManageProgramme, canReadItem } from '../../../core/policies.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { updateVersioned } from '../../../db/crud.js';
import { itemAccess } from '../../../db/repositories/access.repository.js';
import {
  type CityItemSummary,
  cityItemOf,
  findCityItemSummary,
  findItemForLink,
} from '../../../db/repositories/districts.repository.js';
import { items } from '../../../db/schema.js';

export interface CityLink {
  id: number;
  programmeId: number;
  cityItemId: number | null;
  cityItem: CityItemSummary | null;
  version: number;
}

/** The items row's audit identity, as items.crud.ts writes it, so the change shows in the item's history. */
export const ITEM_LINK_META = {
  entityType: 'item',
  what: { zh: '子项', en: 'item' },
  context: (row: typeof items.$inferSelect) => ({ programmeId: row.programmeId, itemId: row.id }),
  present: (row: typeof items.$inferSelect) => ({
    id: row.id,
    programmeId: row.programmeId,
    cityItemId: row.cityItemId,
    version: row.version,
  }),
};

export const noParentProgramme = () =>
  new AppError(
    'VALIDATION',
    '本工程未设置所承接的市级民心工程（上级清单），无法关联市级子项；请先在工程信息中设置上级工程。 This programme carries out no city programme (its parent is not set); set the parent first.',
  );

/**
 * Link a district item to the city item it serves (or unlink with null). The
 * city item must belong to the programme the district programme carries out.
 */
export async function linkCityItem(
  db: Db,
  ctx: RequestContext,
  itemId: number,
  input: { cityItemId: number | null; version: number },
): Promise<CityLink> {
  return db.transaction(async (tx) => {
    const access = await itemAccess(tx, itemId);
    if (!access || !canReadItem(ctx.actor, access)) throw notFound('子项', 'Item');
    if (!canManageProgramme(ctx.actor, access.jurisdictionId)) throw forbidden();
    const item = await findItemForLink(tx, itemId);
    if (!item) throw notFound('子项', 'Item');
    if (input.cityItemId !== null) {
      if (item.parentProgrammeId === null) throw noParentProgramme();
      const city = await findCityItemSummary(tx, input.cityItemId);
      if (!city || city.programmeId !== item.parentProgrammeId)
        throw new AppError(
          'VALIDATION',
          '所选市级子项不属于本工程承接的市级民心工程，请从上级清单中选择。 The city item is not in the city programme this programme carries out; choose one of its items.',
        );
    }
    const row = await updateVersioned(
      tx,
      ctx,
      items,
      itemId,
      input.version,
      { cityItemId: input.cityItemId },
      ITEM_LINK_META,
    );
    return {
      id: row.id,
      programmeId: row.programmeId,
      cityItemId: row.cityItemId,
      cityItem: await cityItemOf(tx, row.id),
      version: row.version,
    };
  });
}
