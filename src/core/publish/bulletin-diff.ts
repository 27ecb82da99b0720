import type { BulletinCitySum, BulletinData } from './bulletin-types.js';
import { formatQuantity } from './quantity-format.js';
import type { CardItem } from './report-card.js';

/**
 * What changed between two bulletins' frozen data, in words, for the public
 * “what changed since the previous bulletin” page. Pure. Compares items and
 * parts by id: status labels, progress texts, indicator values and the
 * districts' sums; an item only one side has is added or removed.
 */

export interface BulletinChange {
  kind: 'status' | 'progress' | 'indicator' | 'added' | 'removed';
  itemId: number;
  itemName: string;
  /** In words: 正常推进, 累计新增托位7200个, a progress text; null when there was none. */
  before: string | null;
  after: string | null;
}

function flatten(data: BulletinData): CardItem[] {
  const walk = (items: readonly CardItem[]): CardItem[] => items.flatMap((item) => [item, ...walk(item.parts)]);
  return data.card.categories.flatMap((category) => walk(category.items));
}

const indicatorText = (name: string, value: number | null, unit: string): string | null =>
  value === null ? null : `${name.trim()}累计${formatQuantity(value, unit.trim())}`;

const sumText = (sum: BulletinCitySum | undefined): string | null => {
  if (!sum || sum.actualSum === null) return null;
  const missing = sum.missingDistricts.length > 0 ? `（${sum.missingDistricts.length}个区未报送）` : '';
  return `各区${sum.indicatorName.trim()}${formatQuantity(sum.actualSum, sum.unit)}${missing}`;
};

const sumKey = (sum: BulletinCitySum): string => `${sum.cityItemId}|${sum.indicatorName}|${sum.unit}`;

function itemChanges(before: CardItem, after: CardItem): BulletinChange[] {
  const base = { itemId: after.id, itemName: after.name };
  const changes: BulletinChange[] = [];
  if (before.status !== after.status)
    changes.push({ ...base, kind: 'status', before: before.statusLabel, after: after.statusLabel });
  const beforeProgress = before.progress?.trim() || null;
  const afterProgress = after.progress?.trim() || null;
  if (beforeProgress !== afterProgress)
    changes.push({ ...base, kind: 'progress', before: beforeProgress, after: afterProgress });
  const previous = new Map(before.indicators.map((i) => [i.indicatorId, i]));
  for (const indicator of after.indicators) {
    const old = previous.get(indicator.indicatorId);
    const oldText = old ? indicatorText(old.name, old.actual, old.unit) : null;
    const newText = indicatorText(indicator.name, indicator.actual, indicator.unit);
    if (oldText !== newText) changes.push({ ...base, kind: 'indicator', before: oldText, after: newText });
  }
  return changes;
}

export function diffBulletinData(previous: BulletinData, current: BulletinData): BulletinChange[] {
  const before = new Map(flatten(previous).map((item) => [item.id, item]));
  const after = flatten(current);
  const afterIds = new Set(after.map((item) => item.id));
  const beforeSums = new Map(previous.citySums.map((s) => [sumKey(s), s]));
  const changes: BulletinChange[] = [];
  for (const item of after) {
    const old = before.get(item.id);
    if (!old) {
      changes.push({ kind: 'added', itemId: item.id, itemName: item.name, before: null, after: item.statusLabel });
      continue;
    }
    changes.push(...itemChanges(old, item));
    for (const sum of current.citySums.filter((s) => s.cityItemId === item.id)) {
      const oldText = sumText(beforeSums.get(sumKey(sum)));
      const newText = sumText(sum);
      if (oldText !== newText)
        changes.push({ kind: 'indicator', itemId: item.id, itemName: item.name, before: oldText, after: newText });
    }
  }
  for (const [id, item] of before) {
    if (!afterIds.has(id))
      changes.push({ kind: 'removed', itemId: id, itemName: item.name, before: item.statusLabel, after: null });
  }
  return changes;
}
