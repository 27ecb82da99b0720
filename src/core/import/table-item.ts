import type { ImportWarning, InterchangeIndicator, InterchangeItem, InterchangeMilestone } from '../interchange.js';
import {
  alignPersons,
  extractCheckpoints,
  extractIndicators,
  isNoWork,
  parseDeadline,
  splitPersons,
  splitUnits,
} from '../text/index.js';
import { partName, splitInlineParts } from './parts.js';
import type { PersonDirectory } from './person-directory.js';
import { QUARTER_ROLES, type QuarterRole } from './table-columns.js';
import { type Cell, type ItemBlock, line, type PartRow, paragraphs, type RowCells } from './table-walk.js';
import { quote, warning } from './warnings.js';

/**
 * Builds interchange items from the grouped rows: units split and the first
 * one leading, people aligned with units, quarter cells as milestones, the
 * numbers of the task as indicators with their checkpoints, and parts written
 * inside one cell as children when their units are split the same way.
 */

export interface BuildContext {
  year: number;
  directory: PersonDirectory;
  warnings: ImportWarning[];
}

interface RowText {
  number: string;
  name: string;
  description: string;
  place: string;
  /** Units decided elsewhere (a merged cell narrowed by the people named). */
  units?: string[] | undefined;
}

const TARGET_LINE = /^(全年目标|年度目标)[：:]\s*/;

/** "任务…\n全年目标：…" (as the exporters write both in one cell) → description and target. */
function splitTarget(description: string, target: string): { description: string; target: string } {
  if (target !== '' || !description.includes('目标')) return { description, target };
  const lines = description.split('\n');
  const at = lines.findIndex((l) => TARGET_LINE.test(l));
  if (at < 0) return { description, target };
  return {
    description: lines.slice(0, at).join('\n').trim(),
    target: lines.slice(at).join('\n').replace(TARGET_LINE, '').trim(),
  };
}

const MONTH_LINE = /^(\d{1,2})月[：:]\s*(.*)$/;

/** Quarter cells as milestones: the quarter's own text, and "3月：…" lines as month milestones. */
function milestonesOf(quarters: Partial<Record<QuarterRole, string>>): InterchangeMilestone[] {
  const milestones: InterchangeMilestone[] = [];
  for (const q of QUARTER_ROLES) {
    const text = quarters[q];
    if (!text) continue;
    const own: string[] = [];
    const lines = text.split('\n');
    for (const l of lines) {
      const month = MONTH_LINE.exec(l);
      const m = month ? Number(month[1]) : 0;
      if (month && m >= 1 && m <= 12) {
        if (!isNoWork(month[2] ?? ''))
          milestones.push({ period: `M${String(m).padStart(2, '0')}`, text: month[2] ?? '' });
      } else own.push(l);
    }
    // Quarter texts come without "——"; what the month lines leave may be one.
    const quarterText = own.join('\n').trim();
    if (quarterText !== '' && (own.length === lines.length || !isNoWork(quarterText))) {
      milestones.push({ period: q, text: quarterText });
    }
  }
  return milestones;
}

function indicatorsOf(
  source: string,
  quarters: Partial<Record<QuarterRole, string>>,
  place: string,
  ctx: BuildContext,
): InterchangeIndicator[] {
  // Checkpoints are looked for even without indicators: a number in a quarter that matches none is warned about.
  const found = source.trim() === '' ? [] : extractIndicators(source);
  if (Object.keys(quarters).length === 0) return found.map((i) => ({ name: i.name, unit: i.unit, target: i.target }));
  const { checkpoints, warnings } = extractCheckpoints(quarters, found);
  for (const message of warnings) ctx.warnings.push(warning(place, message, ''));
  return found.map((indicator, i) => {
    const points = checkpoints[i];
    return {
      name: indicator.name,
      unit: indicator.unit,
      target: indicator.target,
      ...(points && Object.keys(points).length > 0 ? { checkpoints: points } : {}),
    };
  });
}

/** The quarter cells that plan work: empty cells and "——" left out. */
function quarterTexts(cells: RowCells): Partial<Record<QuarterRole, string>> {
  const out: Partial<Record<QuarterRole, string>> = {};
  for (const q of QUARTER_ROLES) {
    const text = paragraphs(cells[q]?.raw);
    if (text !== '' && !isNoWork(text)) out[q] = text;
  }
  return out;
}

function cellPlace(cell: Cell | undefined, fallback: string): string {
  return cell?.place ?? fallback;
}

/** Names in order, each once; a repeat ("区民政局 区民政局") is warned about where it was printed. */
function once(names: string[], what: string, place: string, ctx: BuildContext): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (!out.includes(name)) out.push(name);
    else
      ctx.warnings.push(
        warning(place, `${what}“${name}”重复出现，已去掉重复项。`, `"${name}" is named twice; the repeat was removed.`),
      );
  }
  return out;
}

/** One row (an item, or a part) as an item. */
export function itemFromRow(cells: RowCells, text: RowText, ctx: BuildContext): InterchangeItem {
  const { description, target } = splitTarget(text.description, paragraphs(cells.target?.raw));
  const units = once(
    text.units ?? splitUnits(cells.units?.raw ?? ''),
    '责任单位',
    cellPlace(cells.units, text.place),
    ctx,
  );
  const named = splitPersons(cells.persons?.raw ?? '');
  // A list without a 责任人 column names no one, and that is no news.
  const aligned =
    cells.persons !== undefined && (units.length > 0 || named.length > 0)
      ? alignPersons(units, named)
      : { persons: named, warnings: [] };
  for (const message of aligned.warnings) ctx.warnings.push(warning(cellPlace(cells.persons, text.place), message, ''));
  const leaders = once(splitPersons(cells.leaders?.raw ?? ''), '分管领导', cellPlace(cells.leaders, text.place), ctx);
  const quarters = quarterTexts(cells);

  const inline = splitInlineParts(description);
  if (inline && units.length === inline.length && (named.length === 0 || named.length === inline.length)) {
    return inlineParts(cells, text, { units, persons: named, leaders, quarters, target }, inline, ctx);
  }

  const item: InterchangeItem = { number: text.number, name: text.name };
  if (description !== '') item.description = description;
  if (target !== '') item.target = target;
  if (units.length > 0) {
    item.leadUnit = units[0] ?? null;
    item.coUnits = units.slice(1);
  }
  if (aligned.persons.length > 0) item.persons = aligned.persons;
  if (leaders.length > 0) item.leaders = leaders;
  const deadline = deadlineOf(cells, ctx);
  if (deadline) item.deadline = deadline;
  const milestones = milestonesOf(quarters);
  if (milestones.length > 0) item.milestones = milestones;
  const indicators = indicatorsOf(target || description || text.name, quarters, text.place, ctx);
  if (indicators.length > 0) item.indicators = indicators;
  return item;
}

function deadlineOf(cells: RowCells, ctx: BuildContext): InterchangeItem['deadline'] {
  const text = line(cells.deadline?.raw);
  if (text === '') return undefined;
  const parsed = parseDeadline(text, ctx.year);
  if (parsed?.date) return parsed;
  ctx.warnings.push(
    warning(
      cellPlace(cells.deadline, cells.place),
      `完成时间“${quote(text, 20)}”无法换算为日期，已保留原文。`,
      'The deadline could not be turned into a date; its text was kept.',
    ),
  );
  return { text: text.slice(0, 100), date: null };
}

/** Splits a quarter cell written "(1)…(2)…" like the task; a cell without markers goes to every part. */
function quarterOfPart(text: string, index: number, count: number): string | undefined {
  const parts = splitInlineParts(text);
  if (parts && parts.length === count) return parts[index]?.text;
  return text;
}

function inlineParts(
  cells: RowCells,
  text: RowText,
  plan: {
    units: string[];
    persons: string[];
    leaders: string[];
    quarters: Partial<Record<QuarterRole, string>>;
    target: string;
  },
  parts: NonNullable<ReturnType<typeof splitInlineParts>>,
  ctx: BuildContext,
): InterchangeItem {
  ctx.warnings.push(
    warning(
      cellPlace(cells.description, text.place),
      `子项 ${text.number} 的任务明细分为 ${parts.length} 个分项，各有一个实施单位，已拆为分项 (1)–(${parts.length})，请核对。`,
      `The task of item ${text.number} holds ${parts.length} parts, one per unit; they were made parts (1)–(${parts.length}).`,
    ),
  );
  const deadline = deadlineOf(cells, ctx);
  const children = parts.map((part, i): InterchangeItem => {
    const quarters: Partial<Record<QuarterRole, string>> = {};
    for (const q of QUARTER_ROLES) {
      const all = plan.quarters[q];
      const mine = all === undefined ? undefined : quarterOfPart(all, i, parts.length);
      if (mine && !isNoWork(mine)) quarters[q] = mine;
    }
    const child: InterchangeItem = { number: part.number, name: partName(part.text) || `${text.name}${part.number}` };
    if (part.text !== '') child.description = part.text;
    const unit = plan.units[i];
    if (unit) {
      child.leadUnit = unit;
      child.coUnits = [];
    }
    const person = plan.persons[i];
    if (person) child.persons = [person];
    if (plan.leaders.length > 0) child.leaders = [...plan.leaders];
    if (deadline) child.deadline = deadline;
    const milestones = milestonesOf(quarters);
    if (milestones.length > 0) child.milestones = milestones;
    const indicators = indicatorsOf(part.text, quarters, text.place, ctx);
    if (indicators.length > 0) child.indicators = indicators;
    return child;
  });
  const item: InterchangeItem = { number: text.number, name: text.name, children };
  if (plan.target !== '') item.target = plan.target;
  return item;
}

/**
 * Parts under one merged units cell: each part keeps the units whose people
 * it names, when the other rows of the list say whose those people are.
 */
function narrowMergedUnits(parts: readonly PartRow[], ctx: BuildContext): (string[] | undefined)[] {
  const result: (string[] | undefined)[] = parts.map(() => undefined);
  let start = 0;
  while (start < parts.length) {
    let end = start + 1;
    while (end < parts.length && parts[end]?.cells.units?.merged) end++;
    const shared = parts[start]?.cells.units?.merged || end - start > 1;
    if (shared) {
      for (let i = start; i < end; i++) {
        const part = parts[i] as PartRow;
        const units = splitUnits(part.cells.units?.raw ?? '');
        const persons = splitPersons(part.cells.persons?.raw ?? '');
        if (persons.length === 0 || persons.length >= units.length) continue;
        const narrowed = ctx.directory.unitsFor(persons, units);
        const place = cellPlace(part.cells.units, part.cells.place);
        if (narrowed) {
          result[i] = narrowed;
          ctx.warnings.push(
            warning(
              place,
              `分项${part.number}的实施单位是合并单元格（${units.join('、')}），按所列责任人推断为：${narrowed.join('、')}，请核对。`,
              `The units cell of part ${part.number} is merged; from the people named its units were taken to be ${narrowed.join(', ')}.`,
            ),
          );
        } else {
          ctx.warnings.push(
            warning(
              place,
              `分项${part.number}的实施单位是合并单元格，${units.length} 个单位只列了 ${persons.length} 名责任人，无法确定对应关系，已保留全部单位，请核对。`,
              `The units cell of part ${part.number} is merged and names more units than people; all units were kept.`,
            ),
          );
        }
      }
    }
    start = end;
  }
  return result;
}

export function buildItem(block: ItemBlock, ctx: BuildContext): InterchangeItem {
  const ownText = (cells: RowCells): RowText => ({
    number: block.number,
    name: block.name,
    description: block.ownDescription ?? paragraphs(cells.description?.raw),
    place: block.place,
  });
  if (block.parts.length === 0) {
    return itemFromRow(block.own as RowCells, ownText(block.own as RowCells), ctx);
  }
  const item: InterchangeItem = block.own
    ? { ...itemFromRow(block.own, ownText(block.own), ctx) }
    : { number: block.number, name: block.name };
  const narrowed = narrowMergedUnits(block.parts, ctx);
  const children = block.parts.map((part, i) =>
    itemFromRow(
      part.cells,
      {
        number: part.number,
        name: part.name || block.name,
        description: part.description,
        place: part.cells.place,
        units: narrowed[i],
      },
      ctx,
    ),
  );
  item.children = [...(item.children ?? []), ...children];
  return item;
}
