import type { ImportWarning } from '../../interchange.js';
import type { SourceParagraph, SourceTable } from '../model.js';

/** A table found in the lines of a text source, with the text around it. */
export interface DecodedTable {
  table: SourceTable;
  /** Non-blank paragraphs before the table: the notice, the title. */
  before: SourceParagraph[];
  /** Non-blank paragraphs after it: signature, distribution list. */
  after: SourceParagraph[];
  warnings: ImportWarning[];
}

/** The most common value, the larger one on a tie; 0 for none. */
export function commonWidth(widths: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [w, count] of counts) {
    if (count > bestCount || (count === bestCount && w > best)) {
      best = w;
      bestCount = count;
    }
  }
  return best;
}

export function nonBlank(paragraphs: readonly SourceParagraph[]): SourceParagraph[] {
  return paragraphs.filter((p) => p.text.trim() !== '');
}
