import type { ItemDetail } from '../../../api/types.js';
import { InspectionsSection } from './inspections-section.js';
import { ItemNoticesSection } from './item-notices-section.js';
import { ItemProgressSection } from './item-progress-section.js';

/**
 * What the item page shows of the year's work under supervision: planned
 * versus actual with the status, the notices and the on-site inspections.
 * `canSupervise` is the office of the programme's jurisdiction.
 */
export function ItemSupervision({ item, canSupervise }: { item: ItemDetail; canSupervise: boolean }) {
  return (
    <>
      <ItemProgressSection itemId={item.id} />
      <ItemNoticesSection item={item} canSupervise={canSupervise} />
      <InspectionsSection itemId={item.id} canSupervise={canSupervise} />
    </>
  );
}
