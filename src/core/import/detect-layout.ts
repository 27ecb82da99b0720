import { looksLikeProseList } from './layouts/prose-list.js';
import { looksLikeVerticalCells } from './layouts/vertical-cells.js';
import { looksLikeWideRows } from './layouts/wide-rows.js';
import type { SourceDocument } from './model.js';

/** The genres of published list Minxin reads; 'table' is a real table from a .docx or .xlsx. */
export type Layout = 'vertical-cells' | 'wide-rows' | 'prose-list' | 'table';

/**
 * Which layout a source is in: a real table wins; text with tab-led lines is
 * vertical cells, text with rows of tabs is wide rows, paragraphs numbered
 * 一、二、… are a prose list. Null when it is none of them.
 */
export function detectLayout(doc: SourceDocument): Layout | null {
  if (doc.tables.some((t) => t.rows.some((r) => r.some((c) => c !== null && c.trim() !== '')))) return 'table';
  if (looksLikeVerticalCells(doc.paragraphs)) return 'vertical-cells';
  if (looksLikeWideRows(doc.paragraphs)) return 'wide-rows';
  if (looksLikeProseList(doc.paragraphs)) return 'prose-list';
  return null;
}
