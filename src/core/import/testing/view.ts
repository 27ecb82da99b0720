import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { InterchangeItem, ProgrammeDocument } from '../../interchange.js';

/**
 * Test support: where the seed lists live (read at run time, never copied into
 * the repository) and a compact view of an imported item, so a test can
 * write a whole list out line by line.
 */

export const SEEDS_DIR = process.env.MINXIN_SEEDS_DIR ?? path.resolve(process.cwd(), '../shared/seeds');
export const hasSeeds = existsSync(SEEDS_DIR);

export function seedBytes(name: string): Uint8Array {
  return readFileSync(path.join(SEEDS_DIR, name));
}

export interface ItemView {
  number: string;
  name: string;
  lead: string | null;
  co: string[];
  persons: string[];
  leaders: string[];
  /** "12月底 2024-12-31", or null. */
  deadline: string | null;
  /** Periods of the milestones: "Q1 Q2 Q3". */
  milestones: string;
  /** "城镇新增就业 20000人 Q1=5000 Q2=10000". */
  indicators: string[];
  children?: ItemView[];
}

export function viewItem(item: InterchangeItem): ItemView {
  const view: ItemView = {
    number: item.number,
    name: item.name,
    lead: item.leadUnit ?? null,
    co: item.coUnits ?? [],
    persons: item.persons ?? [],
    leaders: item.leaders ?? [],
    deadline: item.deadline ? `${item.deadline.text} ${item.deadline.date ?? '-'}` : null,
    milestones: (item.milestones ?? []).map((m) => m.period).join(' '),
    indicators: (item.indicators ?? []).map((i) =>
      [
        `${i.name} ${i.target ?? '-'}${i.unit}`,
        ...Object.entries(i.checkpoints ?? {}).map(([p, v]) => `${p}=${v}`),
      ].join(' '),
    ),
  };
  if (item.children && item.children.length > 0) view.children = item.children.map(viewItem);
  return view;
}

/** Builds an expected view; the last argument fills what differs from an empty item. */
export function item(number: string, name: string, fields: Partial<ItemView> = {}): ItemView {
  return {
    number,
    name,
    lead: null,
    co: [],
    persons: [],
    leaders: [],
    deadline: null,
    milestones: '',
    indicators: [],
    ...fields,
  };
}

export function categoryViews(doc: ProgrammeDocument): { ordinal: number | null; title: string; items: ItemView[] }[] {
  return doc.categories.map((c) => ({ ordinal: c.ordinal, title: c.title, items: c.items.map(viewItem) }));
}
