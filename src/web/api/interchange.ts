import type { Direction } from './types.js';

/**
 * The interchange format `minxin.programme/v1` as the admin application sees
 * it: hand-written to match `src/core/interchange.ts` (docs/interchange.md).
 */
export const PROGRAMME_FORMAT = 'minxin.programme/v1';

export interface InterchangeDeadline {
  text: string;
  date: string | null;
}

export interface InterchangeMilestone {
  period: string;
  text: string;
  dueDate?: string | null;
}

export interface InterchangeIndicator {
  name: string;
  unit: string;
  target: number | null;
  direction?: Direction;
  /** Cumulative planned values by period: Q1–Q4 or M01–M12. */
  checkpoints?: Partial<Record<string, number>>;
}

export interface InterchangeItem {
  number: string;
  name: string;
  description?: string;
  target?: string;
  leadUnit?: string | null;
  coUnits?: string[];
  persons?: string[];
  leaders?: string[];
  deadline?: InterchangeDeadline | null;
  milestones?: InterchangeMilestone[];
  indicators?: InterchangeIndicator[];
  children?: InterchangeItem[];
}

export interface InterchangeCategory {
  ordinal: number | null;
  title: string;
  items: InterchangeItem[];
}

export interface ImportWarning {
  /** The place in the source: "line 12", "row 7, column 3". */
  where: string;
  message: string;
  /** The item it concerns: "categories[0].items[2].children[1]". */
  path?: string;
}

export interface ProgrammeDocument {
  format: typeof PROGRAMME_FORMAT;
  title: string;
  jurisdiction: string;
  year: number;
  parent?: string | null;
  categories: InterchangeCategory[];
  warnings?: ImportWarning[];
}

/** How the importer read the list. */
export type ImportLayout = 'vertical-cells' | 'wide-rows' | 'prose-list' | 'table' | 'interchange';
export const IMPORT_LAYOUTS: readonly ImportLayout[] = [
  'vertical-cells',
  'wide-rows',
  'prose-list',
  'table',
  'interchange',
];

export interface ImportPreview {
  document: ProgrammeDocument;
  layout: ImportLayout;
  warnings: ImportWarning[];
}

/** An item as the differences name it: its category (ordinal or title), numbers from the top item down, name. */
export interface ItemPath {
  category: string;
  numbers: string[];
  name: string;
}

export interface ReimportDiff {
  added: ItemPath[];
  removed: ItemPath[];
  changed: { before: ItemPath; after: ItemPath; fields: string[] }[];
  unchanged: number;
  programmeFields: string[];
}
