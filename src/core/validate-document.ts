import { AppError } from './errors.js';
import type { InterchangeItem, ProgrammeDocument } from './interchange.js';
import { LIMITS, maxDepth } from './interchange.js';

export interface DocumentProblem {
  path: string;
  message: string;
}

/**
 * Rules the JSON Schema cannot say: a unit named twice on one item, a leader
 * named twice, nesting too deep. The path names the place in the document.
 */
export function documentProblems(doc: ProgrammeDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const visit = (item: InterchangeItem, path: string) => {
    const unitNames = [...(item.leadUnit ? [item.leadUnit] : []), ...(item.coUnits ?? [])];
    const seen = new Set<string>();
    for (const name of unitNames) {
      if (seen.has(name))
        problems.push({
          path: `${path}.coUnits`,
          message: `子项“${item.name}”的责任单位“${name}”重复出现，请删去重复项。 Unit "${name}" is listed twice.`,
        });
      seen.add(name);
    }
    const leaders = new Set<string>();
    for (const name of item.leaders ?? []) {
      if (leaders.has(name))
        problems.push({
          path: `${path}.leaders`,
          message: `子项“${item.name}”的分管领导“${name}”重复出现。 Leader "${name}" is listed twice.`,
        });
      leaders.add(name);
    }
    for (const [index, indicator] of (item.indicators ?? []).entries()) {
      for (const [period, value] of Object.entries(indicator.checkpoints ?? {})) {
        if (!Number.isFinite(value))
          problems.push({
            path: `${path}.indicators[${index}].checkpoints.${period}`,
            message: '阶段目标必须是数字。 A checkpoint must be a number.',
          });
      }
    }
    for (const [i, child] of (item.children ?? []).entries()) visit(child, `${path}.children[${i}]`);
  };
  doc.categories.forEach((category, c) => {
    for (const [i, item] of category.items.entries()) visit(item, `categories[${c}].items[${i}]`);
    if (maxDepth(category.items) > LIMITS.childrenDepth)
      problems.push({
        path: `categories[${c}]`,
        message: `子项嵌套超过 ${LIMITS.childrenDepth} 层。 Items nest deeper than ${LIMITS.childrenDepth} levels.`,
      });
  });
  const total = doc.categories.reduce((n, c) => n + countAll(c.items), 0);
  if (total > 5000)
    problems.push({ path: 'categories', message: '子项超过 5000 个。 More than 5000 items in one programme.' });
  return problems;
}

function countAll(items: readonly InterchangeItem[]): number {
  return items.reduce((n, item) => n + 1 + countAll(item.children ?? []), 0);
}

export function assertDocumentValid(doc: ProgrammeDocument): void {
  const problems = documentProblems(doc);
  if (problems.length > 0) {
    throw new AppError(
      'VALIDATION',
      `清单有 ${problems.length} 处问题，请修改后重新导入：${problems[0]?.message ?? ''} The list has ${problems.length} problem(s); fix them and import again.`,
      { problems },
    );
  }
}
