import { describe, expect, it } from 'vitest';
import { matchBulletin } from './match-bulletin.js';
import { readBulletin } from './read-bulletin.js';
import type { MatchItem, MatchProgramme } from './types.js';

const item = (fields: Partial<MatchItem> & Pick<MatchItem, 'id' | 'categoryId' | 'name'>): MatchItem => ({
  parentId: null,
  number: String(fields.id % 10),
  target: '',
  description: '',
  indicators: [],
  ...fields,
});

// A small programme typed for the test: two categories, items with indicators.
const PROGRAMME: MatchProgramme = {
  categories: [
    { id: 1, title: '养老服务暖心工程' },
    { id: 2, title: '出行便利工程' },
  ],
  items: [
    item({
      id: 11,
      categoryId: 1,
      name: '新建社区食堂',
      target: '新建社区食堂3处',
      indicators: [{ id: 101, name: '社区食堂', unit: '处' }],
    }),
    item({
      id: 12,
      categoryId: 1,
      name: '改造老旧小区',
      target: '改造老旧小区12个',
      indicators: [{ id: 102, name: '老旧小区', unit: '个' }],
    }),
    item({
      id: 13,
      categoryId: 1,
      name: '开展助老培训',
      description: '开展养老护理员培训不少于100人。提升服务水平。',
      indicators: [{ id: 103, name: '护理员培训', unit: '人' }],
    }),
    item({
      id: 21,
      categoryId: 2,
      name: '新增公交线路',
      target: '新增公交线路3条',
      indicators: [{ id: 201, name: '公交线路', unit: '条' }],
    }),
    item({
      id: 22,
      categoryId: 2,
      name: '优化公交站点',
      target: '优化公交站点20个',
      indicators: [{ id: 202, name: '充电桩', unit: '个' }],
    }),
  ],
};

const district = (...lines: string[]) => readBulletin(lines.join('\n'));
const run = (...lines: string[]) => matchBulletin(district(...lines), PROGRAMME);

describe('matchBulletin: first kind of evidence, the commitment sentence', () => {
  it('matches a paragraph whose first sentence is an item target, and reads values of the same unit', () => {
    const result = run('01  养老服务暖心工程', '新建社区食堂3处。目前，已建成社区食堂2处，服务老人1200人次。');
    expect(result.unmatched).toEqual([]);
    expect(result.matches).toEqual([
      {
        paragraph: expect.objectContaining({ category: '养老服务暖心工程', position: 0 }),
        itemId: 11,
        evidence: '首句与子项1的全年目标一致',
        claimedDone: false,
        values: [{ indicatorId: 101, value: 2, text: '社区食堂2处' }],
      },
    ]);
  });

  it('matches on the first sentence of the description, and leaves numbers of another unit as text', () => {
    const result = run(
      '01  养老服务暖心工程',
      '开展养老护理员培训不少于100人。目前，完成护理员培训150人次，另有护理员培训120余人在读。',
    );
    expect(result.matches.map((m) => [m.itemId, m.evidence, m.values])).toEqual([
      [13, '首句与子项3的任务明细一致', []],
    ]);
  });

  it('reads 万 quantities and keeps 余 and 超 out of the values', () => {
    const plain = run('02  出行便利工程', '新增公交线路3条。目前，已开通公交线路2条。');
    expect(plain.matches[0]?.values).toEqual([{ indicatorId: 201, value: 2, text: '公交线路2条' }]);
    for (const loose of ['目前，已开通公交线路2余条。', '目前，已开通公交线路超2条。', '目前，已开通公交线路约2条。']) {
      expect(run('02  出行便利工程', `新增公交线路3条。${loose}`).matches[0]?.values, loose).toEqual([]);
    }
  });

  it('claims done on 该项目已完成', () => {
    const result = run('01  养老服务暖心工程', '改造老旧小区12个。该项目已完成。12个老旧小区全部完工。');
    expect(result.matches).toMatchObject([
      { itemId: 12, claimedDone: true, values: [{ indicatorId: 102, value: 12, text: '12个老旧小区' }] },
    ]);
  });

  it('finds the item in the whole list when the heading is not one of its categories', () => {
    const result = run('03  改了名的大项', '新增公交线路3条。目前，正在招标。');
    expect(result.matches.map((m) => m.itemId)).toEqual([21]);
  });
});

describe('matchBulletin: second kind, a name or distinctive indicator in exactly one item', () => {
  it('matches on the item name found in the paragraph', () => {
    const result = run('02  出行便利工程', '方便群众候车。目前，优化公交站点已完成12个。');
    expect(result.matches.map((m) => [m.itemId, m.evidence])).toEqual([
      [22, '段落含子项名称“优化公交站点”，本大项中仅此一项'],
    ]);
  });

  it('matches on an indicator with a number of its unit that only one item has', () => {
    const result = run('02  出行便利工程', '方便群众绿色出行。目前，已安装充电桩40个。');
    expect(result.matches.map((m) => [m.itemId, m.evidence, m.values])).toEqual([
      [
        22,
        '段落含指标“充电桩”及其单位“个”，本大项中仅此一项有此指标',
        [{ indicatorId: 202, value: 40, text: '充电桩40个' }],
      ],
    ]);
  });
});

describe('matchBulletin: nothing is guessed', () => {
  it('leaves a tie unmatched, naming the candidates', () => {
    const result = run('01  养老服务暖心工程', '新建社区食堂、改造老旧小区两项工作进展顺利。目前，均已开工。');
    expect(result.matches).toEqual([]);
    expect(result.unmatched).toEqual([
      {
        paragraph: expect.objectContaining({ position: 0 }),
        kind: 'tie',
        reason: '有2个子项同样符合（1 新建社区食堂；2 改造老旧小区），不自动匹配，请核对后手工录入。',
        candidates: [11, 12],
      },
    ]);
  });

  it('leaves a paragraph without evidence unmatched, and the lede and closing too', () => {
    const result = run(
      '截至6月底，1个子项已完成。',
      '01  养老服务暖心工程',
      '全区上下齐心协力，民心工程取得积极成效。',
      '明湖区将持续为百姓办实事！',
    );
    expect(result.matches).toEqual([]);
    expect(result.unmatched.map((u) => [u.paragraph.position, u.kind])).toEqual([
      [0, 'none'],
      [1, 'none'],
      [2, 'none'],
    ]);
    expect(result.unmatched[1]?.reason).toMatch(/^本大项中没有子项/);
    expect(result.unmatched[0]?.reason).toMatch(/^全清单中没有子项/);
  });

  it('does not count an indicator two items share as evidence', () => {
    const shared: MatchProgramme = {
      ...PROGRAMME,
      items: PROGRAMME.items.map((i) =>
        i.id === 21 ? { ...i, indicators: [...i.indicators, { id: 203, name: '充电桩', unit: '个' }] } : i,
      ),
    };
    const result = matchBulletin(district('02  出行便利工程', '方便群众绿色出行。目前，已安装充电桩40个。'), shared);
    expect(result.matches).toEqual([]);
    expect(result.unmatched[0]?.kind).toBe('none');
  });

  it('leaves two paragraphs on the same item to a person', () => {
    const result = run(
      '02  出行便利工程',
      '新增公交线路3条。目前，已开通2条。',
      '新增公交线路3条。另有1条正在试运行。',
    );
    expect(result.matches).toEqual([]);
    expect(result.unmatched.map((u) => [u.paragraph.position, u.kind, u.candidates, u.reason])).toEqual([
      [0, 'duplicate', [21], '与第2段对应同一子项（1 新增公交线路），不自动匹配，请核对后手工录入。'],
      [1, 'duplicate', [21], '与第1段对应同一子项（1 新增公交线路），不自动匹配，请核对后手工录入。'],
    ]);
  });
});

describe('matchBulletin on the city genre', () => {
  it('matches facts by name, and a lede that names an item as done by its exact name', () => {
    const read = readBulletin(
      [
        '北海市今年民心工程二季度进展情况公布',
        '截至6月底，“新增公交线路”工作已完成，其余项目正在持续推进中。',
        '在改善居民生活方面，一是提升养老服务。改造老旧小区已完成8个；另有社区活动中心正在选址。',
      ].join('\n'),
    );
    const result = matchBulletin(read, PROGRAMME);
    expect(result.matches).toEqual([
      {
        paragraph: { text: '截至6月底，“新增公交线路”工作已完成，其余项目正在持续推进中。', position: 0 },
        itemId: 21,
        evidence: '首句包含子项1的名称',
        claimedDone: true,
        values: [],
      },
      {
        paragraph: { category: '改善居民生活', text: '改造老旧小区已完成8个。', position: 1 },
        itemId: 12,
        evidence: '首句包含子项2的名称',
        claimedDone: false,
        values: [{ indicatorId: 102, value: 8, text: '老旧小区已完成8个' }],
      },
    ]);
    expect(result.unmatched.map((u) => [u.paragraph.text, u.kind])).toEqual([['另有社区活动中心正在选址。', 'none']]);
  });

  it('marks every item a lede names as done, even when the lede names several', () => {
    const read = readBulletin(
      '截至6月底，“新增公交线路”“优化公交站点”工作已完成，“新建食堂”已完成，其余项目持续推进。',
    );
    const result = matchBulletin(read, PROGRAMME);
    const sentence = '截至6月底，“新增公交线路”“优化公交站点”工作已完成，“新建食堂”已完成，其余项目持续推进。';
    expect(result.matches).toEqual([
      {
        paragraph: { text: sentence, position: 0 },
        itemId: 21,
        evidence: '导语称“新增公交线路”已完成',
        claimedDone: true,
        values: [],
      },
      {
        paragraph: { text: sentence, position: 0 },
        itemId: 22,
        evidence: '导语称“优化公交站点”已完成',
        claimedDone: true,
        values: [],
      },
    ]);
    // “新建食堂” is not the exact name of any item: nothing is claimed for it.
    expect(result.unmatched).toEqual([]);
  });
});
