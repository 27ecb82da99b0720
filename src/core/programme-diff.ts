import type { InterchangeItem, ProgrammeDocument } from './interchange.js';
import { normalizeDocument } from './tree.js';

/**
 * What changes when a revised list replaces a programme's current one.
 * Items are matched by category and number as printed, then by name within
 * the category, so a renumbered item keeps its identity (and what is attached
 * to it) when its name stays, and a renamed one when its number stays.
 */

export interface ItemPath {
  /** The category's ordinal as printed, or its title when it has none. */
  category: string;
  /** Numbers from the top item down to the part: ["3", "(2)"]. */
  numbers: string[];
  name: string;
}

export interface ChangedItem {
  before: ItemPath;
  after: ItemPath;
  /** Interchange field names that differ: name, description, leadUnit, milestones… */
  fields: string[];
}

export interface ProgrammeDiff {
  added: ItemPath[];
  removed: ItemPath[];
  changed: ChangedItem[];
  unchanged: number;
  /** Programme-level fields that differ: title, year, parent. */
  programmeFields: string[];
}

const FIELDS = [
  'name',
  'description',
  'target',
  'leadUnit',
  'coUnits',
  'persons',
  'leaders',
  'deadline',
  'milestones',
  'indicators',
] as const;

export interface FlatItem {
  path: ItemPath;
  /** Path of the parent item's key, '' for a top-level item. */
  parentKey: string;
  key: string;
  /** Index among its siblings in the document. */
  position: number;
  item: InterchangeItem;
}

const categoryKey = (c: { ordinal: number | null; title: string }) =>
  c.ordinal === null ? `t:${c.title}` : `o:${c.ordinal}`;

export function flattenItems(doc: ProgrammeDocument): FlatItem[] {
  const out: FlatItem[] = [];
  for (const category of doc.categories) {
    const cKey = categoryKey(category);
    const visit = (item: InterchangeItem, position: number, numbers: string[], parentKey: string) => {
      const path: ItemPath = {
        category: category.ordinal === null ? category.title : String(category.ordinal),
        numbers: [...numbers, item.number],
        name: item.name,
      };
      const key = `${cKey}|${path.numbers.join('/')}`;
      out.push({ path, parentKey, key, position, item });
      for (const [i, child] of (item.children ?? []).entries()) visit(child, i, path.numbers, key);
    };
    for (const [i, item] of category.items.entries()) visit(item, i, [], '');
  }
  return out;
}

function ownFields(item: InterchangeItem): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, JSON.stringify(item[f] ?? null)]));
}

/**
 * Pair each item of `next` with one of `current`: same category and numbers,
 * else the same name in the same category (first unused). Returns pairs by
 * the current item's key.
 */
export function matchItems(current: readonly FlatItem[], next: readonly FlatItem[]): Map<string, FlatItem> {
  const byKey = new Map(current.map((f) => [f.key, f]));
  const used = new Set<string>();
  const pairs = new Map<string, FlatItem>();
  const unmatched: FlatItem[] = [];
  for (const n of next) {
    const same = byKey.get(n.key);
    if (same && !used.has(same.key)) {
      used.add(same.key);
      pairs.set(same.key, n);
    } else unmatched.push(n);
  }
  for (const n of unmatched) {
    const cat = n.key.split('|')[0];
    const candidate = current.find(
      (c) => !used.has(c.key) && c.key.split('|')[0] === cat && c.item.name === n.item.name,
    );
    if (candidate) {
      used.add(candidate.key);
      pairs.set(candidate.key, n);
    }
  }
  return pairs;
}

export function diffProgrammes(currentDoc: ProgrammeDocument, nextDoc: ProgrammeDocument): ProgrammeDiff {
  const current = flattenItems(normalizeDocument(currentDoc));
  const next = flattenItems(normalizeDocument(nextDoc));
  const pairs = matchItems(current, next);
  const matchedNext = new Set([...pairs.values()].map((n) => n.key));
  const changed: ChangedItem[] = [];
  let unchanged = 0;
  for (const c of current) {
    const n = pairs.get(c.key);
    if (!n) continue;
    const a = ownFields(c.item);
    const b = ownFields(n.item);
    const fields = FIELDS.filter((f) => a[f] !== b[f]);
    if (c.path.numbers.join('/') !== n.path.numbers.join('/') || c.path.category !== n.path.category)
      fields.unshift('number' as never);
    if (fields.length === 0) unchanged++;
    else changed.push({ before: c.path, after: n.path, fields: [...fields] });
  }
  const programmeFields = (['title', 'year', 'parent', 'jurisdiction'] as const).filter(
    (f) => JSON.stringify(currentDoc[f] ?? null) !== JSON.stringify(nextDoc[f] ?? null),
  );
  return {
    added: next.filter((n) => !matchedNext.has(n.key)).map((n) => n.path),
    removed: current.filter((c) => !pairs.has(c.key)).map((c) => c.path),
    changed,
    unchanged,
    programmeFields,
  };
}
