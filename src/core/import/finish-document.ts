import { AppError } from '../errors.js';
import {
  type ImportWarning,
  type InterchangeCategory,
  type InterchangeItem,
  LIMITS,
  PROGRAMME_FORMAT,
  type ProgrammeDocument,
  programmeDocumentSchema,
} from '../interchange.js';
import { assertDocumentValid } from '../validate-document.js';
import { warning } from './warnings.js';

/**
 * The last step of every import: what the format refuses is mended where it
 * can be (a unit named twice, a name too long, too many milestones) with a
 * warning, then the document goes through the same schema and rules as any
 * other interchange document. What cannot be mended is refused whole.
 */

const MAX_WARNINGS = 10_000;

interface Mend {
  warnings: ImportWarning[];
}

function cut(text: string, max: number, what: string, where: string, mend: Mend): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  mend.warnings.push(
    warning(
      where,
      `${what}超过 ${max} 字，已截断，请核对。`,
      `The ${what} is longer than ${max} characters and was cut.`,
    ),
  );
  return trimmed.slice(0, max);
}

/** Names without repeats, each within its limit, at most `max` of them. */
function names(list: readonly string[], maxLength: number, max: number, what: string, where: string, mend: Mend) {
  const out: string[] = [];
  for (const raw of list) {
    const name = raw.trim().slice(0, maxLength);
    if (name === '') continue;
    if (out.includes(name)) {
      mend.warnings.push(
        warning(
          where,
          `${what}“${name}”重复出现，已去掉重复项。`,
          `"${name}" was named twice; the repeat was removed.`,
        ),
      );
      continue;
    }
    out.push(name);
  }
  if (out.length > max) {
    mend.warnings.push(
      warning(where, `${what}超过 ${max} 个，多出的未导入。`, `More than ${max} names; the rest were dropped.`),
    );
    out.length = max;
  }
  return out;
}

function finishItem(item: InterchangeItem, where: string, mend: Mend): InterchangeItem {
  const label = `子项 ${item.number}`;
  const out: InterchangeItem = {
    number: cut(item.number, 20, `${label}的序号`, where, mend),
    name: cut(item.name, LIMITS.name, `${label}的名称`, where, mend) || `子项${item.number}`,
  };
  if (item.description) out.description = cut(item.description, LIMITS.text, `${label}的任务明细`, where, mend);
  if (item.target) out.target = cut(item.target, LIMITS.text, `${label}的目标`, where, mend);
  if (item.leadUnit !== undefined || item.coUnits !== undefined) {
    const units = names(
      [...(item.leadUnit ? [item.leadUnit] : []), ...(item.coUnits ?? [])],
      LIMITS.unitName,
      LIMITS.units + 1,
      `${label}的责任单位`,
      where,
      mend,
    );
    out.leadUnit = units[0] ?? null;
    out.coUnits = units.slice(1);
  }
  if (item.persons && item.persons.length > 0) {
    const persons = item.persons.map((p) => p.trim().slice(0, LIMITS.personName)).filter((p) => p !== '');
    if (persons.length > LIMITS.units * 2) {
      mend.warnings.push(
        warning(where, `${label}的责任人超过 100 名，多出的未导入。`, 'More than 100 persons; the rest were dropped.'),
      );
    }
    out.persons = persons.slice(0, LIMITS.units * 2);
  }
  if (item.leaders && item.leaders.length > 0) {
    out.leaders = names(item.leaders, LIMITS.personName, LIMITS.units, `${label}的分管领导`, where, mend);
  }
  if (item.deadline !== undefined) {
    out.deadline =
      item.deadline === null ? null : { text: item.deadline.text.trim().slice(0, 100), date: item.deadline.date };
  }
  if (item.milestones && item.milestones.length > 0) {
    if (item.milestones.length > LIMITS.milestones) {
      mend.warnings.push(
        warning(
          where,
          `${label}的进度安排超过 ${LIMITS.milestones} 条，多出的未导入。`,
          'Too many milestones; the rest were dropped.',
        ),
      );
    }
    out.milestones = item.milestones
      .slice(0, LIMITS.milestones)
      .map((m) => ({ ...m, text: m.text.trim().slice(0, LIMITS.text) }));
  }
  if (item.indicators && item.indicators.length > 0) {
    const indicators = item.indicators
      .filter((i) => i.name.trim() !== '' && (i.target === null || Number.isFinite(i.target)))
      .map((i) => {
        const indicator = { ...i, name: i.name.trim().slice(0, LIMITS.name), unit: i.unit.trim().slice(0, 20) };
        if (i.checkpoints) {
          indicator.checkpoints = Object.fromEntries(
            Object.entries(i.checkpoints).filter(([, v]) => Number.isFinite(v)),
          );
        }
        return indicator;
      });
    if (indicators.length > LIMITS.indicators) {
      mend.warnings.push(
        warning(
          where,
          `${label}的量化指标超过 ${LIMITS.indicators} 个，多出的未导入。`,
          'Too many indicators; the rest were dropped.',
        ),
      );
    }
    if (indicators.length > 0) out.indicators = indicators.slice(0, LIMITS.indicators);
  }
  if (item.children && item.children.length > 0) {
    out.children = item.children.map((child) => finishItem(child, where, mend));
  }
  return out;
}

function tooMany(what: string, max: number): AppError {
  return new AppError(
    'VALIDATION',
    `清单的${what}超过 ${max} 个，不像一份民心工程清单，未导入。 The list has more than ${max} ${what === '大项' ? 'categories' : 'items in a category'}.`,
  );
}

export interface DocumentParts {
  title: string;
  jurisdiction: string;
  year: number;
  parent: string | null;
  categories: InterchangeCategory[];
  warnings: ImportWarning[];
  /** Where the document's own title stands, for warnings about it. */
  titlePlace: string;
}

export function finishDocument(parts: DocumentParts): ProgrammeDocument {
  const mend: Mend = { warnings: [] };
  if (parts.categories.length > LIMITS.categories) throw tooMany('大项', LIMITS.categories);
  const categories = parts.categories.map((category) => {
    if (category.items.length > LIMITS.itemsPerCategory) throw tooMany('子项', LIMITS.itemsPerCategory);
    const where = category.ordinal === null ? 'list' : `category ${category.ordinal}`;
    return {
      ordinal: category.ordinal,
      title: cut(category.title, LIMITS.title, '大项标题', where, mend),
      items: category.items.map((item) => finishItem(item, `${where}, item ${item.number}`, mend)),
    };
  });
  const title = cut(parts.title, LIMITS.title, '标题', parts.titlePlace, mend);
  let warnings = [...parts.warnings, ...mend.warnings];
  if (warnings.length > MAX_WARNINGS) {
    const more = warnings.length - (MAX_WARNINGS - 1);
    warnings = [
      ...warnings.slice(0, MAX_WARNINGS - 1),
      warning('whole file', `另有 ${more} 条提示未列出。`, `${more} more warnings were left out.`),
    ];
  }
  const candidate = {
    format: PROGRAMME_FORMAT,
    title,
    jurisdiction: parts.jurisdiction.trim().slice(0, LIMITS.unitName),
    year: parts.year,
    parent: parts.parent === null ? null : parts.parent.trim().slice(0, LIMITS.title),
    categories,
    warnings,
  };
  const parsed = programmeDocumentSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'VALIDATION',
      `导入结果不符合格式要求（${issue?.path.join('.') ?? ''}：${issue?.message ?? ''}），未导入。 ` +
        'The imported list does not fit the interchange format.',
      { issues: parsed.error.issues.slice(0, 20) },
    );
  }
  assertDocumentValid(parsed.data);
  return parsed.data;
}
