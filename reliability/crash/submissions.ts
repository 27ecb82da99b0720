/**
 * What the crash suite submits: a programme of its own for 区教育局 (the demo
 * reporter's unit), published, with enough items that every submission has
 * its own (item, unit, period) — reports are unique on those three — and the
 * bodies, each with its own Idempotency-Key.
 *
 * The default plan is monthly; on SUITE_TODAY (2026-11-22) M01–M11 have
 * begun. The suite uses M01–M10 of ⌈n / 10⌉ items, none with a demo report.
 */
import { call } from './http.js';

export const PERIODS = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10'] as const;
export const REPORTER_UNIT = '区教育局';

export interface SuiteItem {
  id: number;
  unitId: number;
  indicatorIds: [number, number];
}

export interface Submission {
  index: number;
  key: string;
  itemId: number;
  unitId: number;
  period: string;
  body: {
    period: string;
    submit: true;
    progress: string;
    percentComplete: number;
    claimedStatus: 'in_progress';
    fundsPlanned: number;
    fundsAllocated: number;
    fundsDisbursed: number;
    problems: string;
    nextSteps: string;
    values: { indicatorId: number; value: number }[];
  };
}

function programmeDocument(itemCount: number, tag: string) {
  const items = Array.from({ length: itemCount }, (_, i) => ({
    number: String(i + 1),
    name: `崩溃测试子项${i + 1}：改善第${i + 1}片区中小学校办学条件`,
    description: '崩溃测试专用子项。',
    target: '完成全年目标。',
    leadUnit: REPORTER_UNIT,
    coUnits: [],
    persons: [],
    leaders: [],
    deadline: { text: '12月底', date: '2026-12-31' },
    milestones: [],
    indicators: [
      { name: '新增学位', unit: '个', target: 1000, direction: 'increase', checkpoints: { M12: 1000 } },
      { name: '改造校舍面积', unit: '平方米', target: 5000, direction: 'increase', checkpoints: { M12: 5000 } },
    ],
    children: [],
  }));
  return {
    format: 'minxin.programme/v1',
    title: `明湖区2026年崩溃测试工程（${tag}）`,
    jurisdiction: '明湖区',
    year: 2026,
    parent: null,
    categories: [{ ordinal: 1, title: '教育提质工程', items }],
    warnings: [],
  };
}

interface TreeNode {
  id: number;
  units: { unitId: number; name: string }[];
  indicators: { id: number }[];
}

/** Import the programme as the administrator, publish it, and return its items with their ids. */
export async function setUpProgramme(
  url: string,
  admin: Record<string, string>,
  submissions: number,
  tag: string,
): Promise<{ programmeId: number; items: SuiteItem[] }> {
  const itemCount = Math.ceil(submissions / PERIODS.length);
  const imported = await call(url, 'POST', '/api/v1/programmes/import', {
    headers: admin,
    body: programmeDocument(itemCount, tag),
  });
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${JSON.stringify(imported.body)}`);
  const programmeId = (imported.body as { id: number }).id;
  const published = await call(url, 'POST', `/api/v1/programmes/${programmeId}/publish`, { headers: admin });
  if (published.status !== 200)
    throw new Error(`publish failed: ${published.status} ${JSON.stringify(published.body)}`);
  const tree = await call(url, 'GET', `/api/v1/programmes/${programmeId}/tree`, { headers: admin });
  const nodes = (tree.body as { categories: { items: TreeNode[] }[] }).categories.flatMap((c) => c.items);
  const items = nodes.map((node) => {
    const unit = node.units.find((u) => u.name === REPORTER_UNIT);
    const [a, b] = node.indicators;
    if (!unit || !a || !b) throw new Error(`item ${node.id} lacks ${REPORTER_UNIT} or its two indicators`);
    return { id: node.id, unitId: unit.unitId, indicatorIds: [a.id, b.id] as [number, number] };
  });
  if (items.length !== itemCount) throw new Error(`expected ${itemCount} items, the tree has ${items.length}`);
  return { programmeId, items };
}

/** n submissions, item-major over M01–M10, each with distinct figures and texts to check after the crash. */
export function planSubmissions(items: readonly SuiteItem[], n: number, runTag: string): Submission[] {
  return Array.from({ length: n }, (_, index) => {
    const item = items[index % items.length];
    const period = PERIODS[Math.floor(index / items.length)];
    if (!item || !period) throw new Error(`no (item, period) left for submission ${index}`);
    return {
      index,
      key: `crash-${runTag}-${index}`,
      itemId: item.id,
      unitId: item.unitId,
      period,
      body: {
        period,
        submit: true,
        progress: `第${index + 1}份报告：${period}完成第${index + 1}批校舍改造，新增学位${index * 3}个。`,
        percentComplete: index % 101,
        claimedStatus: 'in_progress',
        fundsPlanned: 1000 + index,
        fundsAllocated: 500 + index * 0.25,
        fundsDisbursed: 100 + index * 0.125,
        problems: `问题${index}：雨季影响工期。`,
        nextSteps: `下步${index}：加快进度。`,
        values: [
          { indicatorId: item.indicatorIds[0], value: index * 3 },
          { indicatorId: item.indicatorIds[1], value: index + 0.5 },
        ],
      },
    };
  });
}
