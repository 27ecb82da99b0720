import { describe, expect, it } from 'vitest';
import type { ProgrammeDocument } from './interchange.js';
import { buildTree, filterTree, itemFactsInTree, normalizeDocument, type TreeRows, treeToDocument } from './tree.js';
import { documentProblems } from './validate-document.js';

const base = { version: 1 };
function rows(): TreeRows {
  return {
    programme: {
      id: 1,
      title: '样例区2030年民心工程',
      year: 2030,
      state: 'draft',
      jurisdictionId: 7,
      jurisdictionName: '样例区',
      parentId: null,
      parentTitle: null,
      version: 1,
      itemCount: 3,
    },
    categories: [
      { id: 2, ordinal: 3, title: '第二个', position: 1, ...base },
      { id: 1, ordinal: 1, title: '第一个', position: 0, ...base },
    ],
    items: [
      {
        id: 11,
        categoryId: 1,
        parentItemId: null,
        position: 0,
        number: '1',
        name: '甲',
        description: '',
        target: '',
        deadlineDate: '2030-12-31',
        deadlineText: '12月底',
        ...base,
      },
      {
        id: 12,
        categoryId: 1,
        parentItemId: 11,
        position: 1,
        number: '(2)',
        name: '甲二',
        description: '',
        target: '',
        deadlineDate: null,
        deadlineText: null,
        ...base,
      },
      {
        id: 13,
        categoryId: 1,
        parentItemId: 11,
        position: 0,
        number: '(1)',
        name: '甲一',
        description: '',
        target: '',
        deadlineDate: null,
        deadlineText: null,
        ...base,
      },
      {
        id: 21,
        categoryId: 2,
        parentItemId: null,
        position: 0,
        number: '2',
        name: '乙',
        description: '',
        target: '',
        deadlineDate: null,
        deadlineText: '年底前',
        ...base,
      },
    ],
    units: [
      { id: 1, itemId: 11, unitId: 100, name: '配合局', role: 'co', position: 1, ...base },
      { id: 2, itemId: 11, unitId: 101, name: '牵头局', role: 'lead', position: 0, ...base },
      { id: 3, itemId: 13, unitId: 102, name: '街道', role: 'lead', position: 0, ...base },
    ],
    persons: [{ id: 1, itemId: 11, personId: 500, name: '张三', unitId: 101, position: 0, ...base }],
    leaders: [{ id: 1, itemId: 21, personId: 600, name: '李四', position: 0, ...base }],
    milestones: [
      { id: 1, itemId: 11, period: 'Q4', text: '完成', dueDate: '2030-12-31', position: 0, ...base },
      { id: 2, itemId: 11, period: 'Q1', text: '启动', dueDate: '2030-03-31', position: 1, ...base },
    ],
    indicators: [
      {
        id: 1,
        itemId: 11,
        name: '新增',
        unit: '个',
        target: 4,
        direction: 'increase',
        checkpoints: { Q4: 4, Q2: 2 },
        position: 0,
        ...base,
      },
    ],
  };
}

describe('the programme tree', () => {
  it('orders categories, items, parts, units (lead first) and milestones (by period)', () => {
    const tree = buildTree(rows());
    expect(tree.categories.map((c) => c.title)).toEqual(['第一个', '第二个']);
    const first = tree.categories[0]?.items[0];
    expect(first?.children.map((c) => c.number)).toEqual(['(1)', '(2)']);
    expect(first?.units.map((u) => u.name)).toEqual(['牵头局', '配合局']);
    expect(first?.milestones.map((m) => m.period)).toEqual(['Q1', 'Q4']);
    expect(first?.deadline).toEqual({ text: '12月底', date: '2030-12-31' });
    expect(tree.categories[1]?.items[0]?.deadline).toEqual({ text: '年底前', date: null });
  });

  it('keeps for a reporter the items of their unit and the parents that lead to them', () => {
    const tree = buildTree(rows());
    const visible = filterTree(tree, (item, parent) => itemFactsInTree(7, item, parent).unitIds.includes(102));
    expect(visible.categories).toHaveLength(1);
    // 甲 is kept as the way to its part 甲一; its part 甲二 is kept because its parent's unit set includes it.
    expect(visible.categories[0]?.items[0]?.name).toBe('甲');
    const leaderView = filterTree(tree, (item, parent) =>
      itemFactsInTree(7, item, parent).leaderPersonIds.includes(600),
    );
    expect(leaderView.categories.map((c) => c.title)).toEqual(['第二个']);
  });

  it('writes the interchange document with every field, checkpoints in period order', () => {
    const doc = treeToDocument(buildTree(rows()));
    const item = doc.categories[0]?.items[0];
    expect(item).toMatchObject({ leadUnit: '牵头局', coUnits: ['配合局'], persons: ['张三'], leaders: [] });
    expect(Object.keys(item?.indicators?.[0]?.checkpoints ?? {})).toEqual(['Q2', 'Q4']);
    expect(normalizeDocument(doc)).toEqual(doc);
  });

  it('fills defaults when normalizing: milestone due dates from the period, direction increase', () => {
    const doc: ProgrammeDocument = {
      format: 'minxin.programme/v1',
      title: 't',
      jurisdiction: 'j',
      year: 2028,
      categories: [
        {
          ordinal: null,
          title: '',
          items: [
            {
              number: '1',
              name: 'n',
              milestones: [{ period: 'M02', text: '' }],
              indicators: [{ name: 'x', unit: '', target: null }],
            },
          ],
        },
      ],
    };
    const item = normalizeDocument(doc).categories[0]?.items[0];
    expect(item?.milestones?.[0]?.dueDate).toBe('2028-02-29');
    expect(item?.indicators?.[0]?.direction).toBe('increase');
    expect(item?.coUnits).toEqual([]);
  });

  it('finds problems the schema cannot: a unit twice, a leader twice', () => {
    const doc: ProgrammeDocument = {
      format: 'minxin.programme/v1',
      title: 't',
      jurisdiction: 'j',
      year: 2028,
      categories: [
        {
          ordinal: 1,
          title: 'c',
          items: [{ number: '1', name: 'n', leadUnit: 'A', coUnits: ['B', 'A'], leaders: ['L', 'L'] }],
        },
      ],
    };
    expect(documentProblems(doc).map((p) => p.path)).toEqual([
      'categories[0].items[0].coUnits',
      'categories[0].items[0].leaders',
    ]);
  });
});
