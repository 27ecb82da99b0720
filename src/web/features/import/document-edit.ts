import type { ImportWarning, InterchangeItem, ProgrammeDocument } from '../../api/interchange.js';

/**
 * Immutable edits of a previewed programme document, addressed by the paths
 * warnings use: "categories[0].items[2].children[1]".
 */

/** A category (`items` empty) or an item: its index in the category, then in each parent's children. */
export interface ItemAddress {
  category: number;
  items: number[];
}

export function pathOf(address: ItemAddress): string {
  return [
    `categories[${address.category}]`,
    ...address.items.map((index, depth) => `${depth === 0 ? 'items' : 'children'}[${index}]`),
  ].join('.');
}

const SEGMENT = /^(categories|items|children)\[(\d+)\]$/;

/** The address a warning's path names, or null when it is not one this format produces. */
export function parsePath(path: string): ItemAddress | null {
  const segments = path.trim().split('.');
  const indices: number[] = [];
  for (const [depth, segment] of segments.entries()) {
    const match = SEGMENT.exec(segment);
    const expected = depth === 0 ? 'categories' : depth === 1 ? 'items' : 'children';
    if (!match || match[1] !== expected) return null;
    indices.push(Number(match[2]));
  }
  const [category, ...items] = indices;
  return category === undefined ? null : { category, items };
}

export function itemAt(document: ProgrammeDocument, address: ItemAddress): InterchangeItem | undefined {
  let items = document.categories[address.category]?.items;
  let found: InterchangeItem | undefined;
  for (const index of address.items) {
    found = items?.[index];
    items = found?.children;
  }
  return found;
}

function updateIn(
  items: InterchangeItem[],
  indices: number[],
  update: (item: InterchangeItem) => InterchangeItem | null,
): InterchangeItem[] {
  const [first, ...rest] = indices;
  if (rest.length === 0) {
    return items.flatMap((item, i) => {
      if (i !== first) return [item];
      const next = update(item);
      return next ? [next] : [];
    });
  }
  return items.map((item, i) =>
    i === first ? { ...item, children: updateIn(item.children ?? [], rest, update) } : item,
  );
}

/** The document with one item replaced (or removed, when `update` returns null). */
function changeItem(
  document: ProgrammeDocument,
  address: ItemAddress,
  update: (item: InterchangeItem) => InterchangeItem | null,
): ProgrammeDocument {
  if (address.items.length === 0) return document;
  return {
    ...document,
    categories: document.categories.map((category, c) =>
      c === address.category ? { ...category, items: updateIn(category.items, address.items, update) } : category,
    ),
  };
}

export const replaceItem = (document: ProgrammeDocument, address: ItemAddress, item: InterchangeItem) =>
  changeItem(document, address, () => item);

export const removeItem = (document: ProgrammeDocument, address: ItemAddress) =>
  changeItem(document, address, () => null);

/**
 * Warnings after an item was removed: those about it or its parts go with
 * it, and the paths of its later siblings (and their parts) move up by one.
 */
export function warningsAfterRemoval(warnings: readonly ImportWarning[], removed: ItemAddress): ImportWarning[] {
  const depth = removed.items.length - 1;
  const removedIndex = removed.items[depth];
  if (removedIndex === undefined) return [...warnings];
  return warnings.flatMap((warning) => {
    const address = warning.path === undefined ? null : parsePath(warning.path);
    if (!address || address.category !== removed.category || address.items.length <= depth) return [warning];
    const sameParent = removed.items.slice(0, depth).every((index, i) => address.items[i] === index);
    const index = address.items[depth] ?? -1;
    if (!sameParent || index < removedIndex) return [warning];
    if (index === removedIndex) return [];
    const items = address.items.map((value, i) => (i === depth ? value - 1 : value));
    return [{ ...warning, path: pathOf({ category: address.category, items }) }];
  });
}

/** Warnings by the row they concern; the rest (no path, or a path to nothing) for the panel above the tree. */
export function placeWarnings(
  document: ProgrammeDocument,
  warnings: readonly ImportWarning[],
): { byPath: Map<string, ImportWarning[]>; general: ImportWarning[] } {
  const byPath = new Map<string, ImportWarning[]>();
  const general: ImportWarning[] = [];
  for (const warning of warnings) {
    const address = warning.path === undefined ? null : parsePath(warning.path);
    const exists =
      address !== null &&
      (address.items.length === 0 ? document.categories[address.category] !== undefined : itemAt(document, address));
    if (!address || !exists) {
      general.push(warning);
      continue;
    }
    const key = pathOf(address);
    byPath.set(key, [...(byPath.get(key) ?? []), warning]);
  }
  return { byPath, general };
}

export function countItems(items: readonly InterchangeItem[]): number {
  return items.reduce((sum, item) => sum + 1 + countItems(item.children ?? []), 0);
}

/** Unit and people names across the document, to offer while editing. */
export function namesIn(document: ProgrammeDocument): { units: string[]; people: string[] } {
  const units = new Set<string>();
  const people = new Set<string>();
  const visit = (item: InterchangeItem) => {
    if (item.leadUnit) units.add(item.leadUnit);
    for (const unit of item.coUnits ?? []) units.add(unit);
    for (const person of [...(item.persons ?? []), ...(item.leaders ?? [])]) people.add(person);
    for (const child of item.children ?? []) visit(child);
  };
  for (const category of document.categories) for (const item of category.items) visit(item);
  return { units: [...units].sort(), people: [...people].sort() };
}

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

/** A value with blank fields dropped, so `undefined`, `null`, `''`, `[]` and `{}` compare as the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .map(([key, inner]) => [key, canonical(inner)] as const)
    .filter(([, inner]) => !isBlank(inner))
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries);
}

const same = (a: unknown, b: unknown): boolean =>
  (isBlank(canonical(a)) && isBlank(canonical(b))) || JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * `edited` with every field that means the same as in `original` given back
 * as it was, so opening and applying the editor changes nothing a revision
 * would count as a change.
 */
export function keepUnchanged(original: InterchangeItem, edited: InterchangeItem): InterchangeItem {
  const result: Record<string, unknown> = { ...original };
  for (const [key, value] of Object.entries(edited)) {
    const before = (original as unknown as Record<string, unknown>)[key];
    if (!same(before, value)) result[key] = value;
  }
  return result as unknown as InterchangeItem;
}
