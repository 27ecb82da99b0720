import type { ImportWarning } from '../../interchange.js';
import type { SourceParagraph } from '../model.js';
import { isDistributionLine, startsIndented } from '../noise.js';
import { warning } from '../warnings.js';
import { type DecodedTable, nonBlank } from './text-table.js';

/**
 * "Vertical cells": a Word table saved as text puts every cell on a line of
 * its own that starts with a tab. A line holding only a tab is an empty cell;
 * a line without a tab is a further paragraph of the cell above ("完成\n时间").
 *
 * Blank lines are where Word ended a row, but also the empty paragraphs a cell
 * may hold, so they only mark where a row *may* end. Rows are rebuilt from
 * these fragments by width: fragments are joined until they hold as many
 * cells as a whole row, which is the widest fragment (every row ends with a
 * blank line, so no fragment holds more than one row).
 * Header rows that merge cells across columns stay shorter; the interpreter
 * aligns them.
 */

interface Cell {
  lines: string[];
  place: string;
}

/** The paragraphs look like vertical cells: most tab-led lines hold that one tab only. */
export function looksLikeVerticalCells(paragraphs: readonly SourceParagraph[]): boolean {
  let single = 0;
  let wide = 0;
  for (const p of paragraphs) {
    if (!p.text.includes('\t')) continue;
    const tabs = p.text.split('\t').length - 1;
    if (p.text.startsWith('\t') && tabs === 1) single++;
    else if (tabs >= 2) wide++;
  }
  return single >= 6 && single > wide * 2;
}

export function decodeVerticalCells(paragraphs: readonly SourceParagraph[], name = 'table 1'): DecodedTable {
  const warnings: ImportWarning[] = [];
  const first = paragraphs.findIndex((p) => p.text.startsWith('\t'));
  if (first < 0) {
    return { table: { name, rows: [], places: [] }, before: nonBlank(paragraphs), after: [], warnings };
  }
  let lastTabbed = first;
  paragraphs.forEach((p, i) => {
    if (p.text.startsWith('\t')) lastTabbed = i;
  });

  const fragments: Cell[][] = [];
  let fragment: Cell[] = [];
  let lastCell: Cell | undefined;
  let end = paragraphs.length;
  for (let i = first; i < paragraphs.length; i++) {
    const p = paragraphs[i] as SourceParagraph;
    const text = p.text.replace(/\r$/, '');
    if (text.startsWith('\t')) {
      for (const part of text.slice(1).split('\t')) {
        lastCell = { lines: [part], place: p.place };
        fragment.push(lastCell);
      }
    } else if (text.trim() === '') {
      if (fragment.length > 0) fragments.push(fragment);
      fragment = [];
    } else if (i > lastTabbed && (startsIndented(text) || isDistributionLine(text))) {
      // Past the last cell, an indented paragraph or a distribution list is the notice again.
      end = i;
      break;
    } else {
      lastCell?.lines.push(text);
    }
  }
  if (fragment.length > 0) fragments.push(fragment);

  // A row never spans two fragments' worth of row ends, so the widest fragment is a whole row.
  const width = fragments.reduce((max, f) => Math.max(max, f.length), 0);
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  for (const f of fragments) {
    if (row.length > 0 && row.length + f.length > width) {
      rows.push(row);
      row = [];
    }
    row.push(...f);
    if (row.length >= width) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);

  // Short rows above the first full one are header rows with merged cells; below it, a cell went missing.
  const firstFull = rows.findIndex((r) => r.length === width);
  rows.forEach((r, index) => {
    if (index <= firstFull || r.length === width) return;
    warnings.push(
      warning(
        r[0]?.place ?? name,
        `此行有 ${r.length} 个单元格，而表格每行应有 ${width} 个，可能缺少或多出单元格，请核对。`,
        `This row has ${r.length} cells where the table has ${width}; a cell may be missing or extra.`,
      ),
    );
  });

  const after = nonBlank(paragraphs.slice(end));
  return {
    table: {
      name,
      rows: rows.map((r) => r.map((c) => c.lines.join('\n'))),
      places: rows.map((r) => r.map((c) => c.place)),
    },
    before: nonBlank(paragraphs.slice(0, first)),
    after,
    warnings,
  };
}
