import { describe, expect, it } from 'vitest';
import { asSentence, citySumClause, draftBulletin, itemParagraph } from './bulletin-draft.js';
import type { BulletinCitySum, BulletinData } from './bulletin-types.js';
import type { ReportCard } from './report-card.js';
import { cardItem, fixtureCard, indicator } from './testing/bulletin-fixture.js';

const data = (card = fixtureCard(), citySums: BulletinCitySum[] = []): BulletinData => ({ card, citySums });

const textOf = (body: ReturnType<typeof draftBulletin>['body'], itemId: number): string =>
  body.sections.flatMap((s) => s.paragraphs).find((p) => p.itemId === itemId)?.text ?? '';

describe('draftBulletin, district genre', () => {
  const draft = draftBulletin(data());

  it('titles the report card with the jurisdiction, year and period', () => {
    expect(draft.title).toBe('明湖区2026年民心工程上半年“成绩单”');
    expect(draft.period).toBe('上半年');
    expect(draft.body.genre).toBe('district');
    expect(draft.body.source).toBe('明湖区民心工程督查室');
    expect(draft.body.closing).toContain('明湖区');
  });

  it('counts top-level items only in the headline (parts are not 子项)', () => {
    expect(draft.body.lede).toBe('截至2026年6月底，1个子项已完成，其余3个子项正在加快推进。');
  });

  it('numbers the categories 01, 02… without gaps and leaves out an empty one', () => {
    expect(draft.body.sections.map((s) => [s.number, s.heading, s.categoryId])).toEqual([
      ['01', '安全用心工程', 1],
      ['02', '教育惠民工程', 2],
      ['03', '安居工程', 3],
    ]);
    expect(draft.body.sections.map((s) => s.paragraphs.map((p) => p.itemId))).toEqual([[11, 12], [21], [31]]);
  });

  it('writes the commitment, 目前，the progress, then the running total with its completion rate', () => {
    expect(textOf(draft.body, 11)).toBe(
      '推动既有住宅小区新增电动自行车充电接口6000个。目前，在居民小区开展消防宣传94次；入户宣传4183户。累计新增充电接口5119个，完成率85%。',
    );
  });

  it('says 该项目已完成 for a done item', () => {
    expect(textOf(draft.body, 12)).toBe(
      '建成老年友善医疗机构14家。该项目已完成。完成2家区属公立医院和12家基层医疗卫生机构的创建。累计老年友善医疗机构14家，完成率100%。',
    );
  });

  it('turns parts into ；-joined clauses of their item, with their own numbers', () => {
    expect(textOf(draft.body, 21)).toBe(
      '新增义务教育学位3360个、普通高中学位1050个。目前，云溪学校，主体完工，正在进行室内外装修，累计新增学位1500个，完成率75%；明湖高级中学已完成；北岸幼儿园正在加快推进。',
    );
    // No paragraph of its own for a part.
    expect(draft.body.sections.flatMap((s) => s.paragraphs).some((p) => p.itemId === 22)).toBe(false);
  });

  it('formats money and leaves out a rate without a target and a value never reported', () => {
    const text = textOf(draft.body, 31);
    expect(text).toBe(
      '向中低收入住房困难家庭发放租房补贴。目前，已发放补贴123万元，惠及420户困难家庭。累计发放租房补贴1.23亿元。',
    );
    expect(text).not.toContain('惠及家庭');
  });

  it('says when every item is done, and when none is', () => {
    const card = fixtureCard();
    card.headline = { done: 4, rest: 0, total: 4, percent: 100 };
    expect(draftBulletin(data(card)).body.lede).toBe('截至2026年6月底，全部4个子项均已完成。');
    card.headline = { done: 0, rest: 4, total: 4, percent: 10 };
    expect(draftBulletin(data(card)).body.lede).toBe('截至2026年6月底，4个子项正在加快推进。');
  });

  it('takes the office as source when given, and a quarter as period', () => {
    const card = fixtureCard();
    card.asOf = '2026-03-31';
    const q1 = draftBulletin(data(card), { source: '明湖区民心工程办公室' });
    expect(q1.title).toBe('明湖区2026年民心工程一季度“成绩单”');
    expect(q1.body.source).toBe('明湖区民心工程办公室');
    expect(q1.body.lede.startsWith('截至2026年3月底，')).toBe(true);
  });
});

describe('draftBulletin, city genre', () => {
  const cityCard = (): ReportCard => {
    const card = fixtureCard();
    card.programme = { ...card.programme, title: '滨城市2026年20项民心工程', jurisdictionName: '滨城市' };
    card.asOf = '2026-03-31';
    return card;
  };
  const sums: BulletinCitySum[] = [
    {
      cityItemId: 31,
      indicatorName: '筹集认定保障性租赁住房',
      unit: '套（间）',
      actualSum: 6007,
      targetSum: 20_000,
      reportedDistricts: 5,
      missingDistricts: [],
    },
    {
      cityItemId: 11,
      indicatorName: '新增充电接口',
      unit: '个',
      actualSum: 71_700,
      targetSum: 100_000,
      reportedDistricts: 3,
      missingDistricts: ['东岸区', '西岸区'],
    },
  ];

  it('is the default when there are city sums, with the city title and 一、 headings', () => {
    const draft = draftBulletin(data(cityCard(), sums));
    expect(draft.body.genre).toBe('city');
    expect(draft.title).toBe('2026年4项民心工程一季度进展情况');
    expect(draft.body.sections.map((s) => s.number)).toEqual(['一、', '二、', '三、']);
    expect(draft.body.source).toBe('滨城市民心工程督查室');
  });

  it('names the done items in quotes when there are at most three', () => {
    const draft = draftBulletin(data(cityCard(), sums));
    expect(draft.body.lede).toBe('截至3月底，“建成老年友善医疗机构”已完成，其余3个子项正在加快推进。');
  });

  it('adds the districts’ sums, and flags the districts that did not report instead of a total', () => {
    const draft = draftBulletin(data(cityCard(), sums));
    expect(textOf(draft.body, 31)).toContain('各区已筹集认定保障性租赁住房6007套（间），完成全年任务的30%。');
    const partial = textOf(draft.body, 11);
    expect(partial).toContain('各区已新增充电接口7.17万个（2个区未报送：东岸区、西岸区）。');
    expect(partial).not.toMatch(/7\.17万个，完成/);
  });

  it('says so when no district reported', () => {
    expect(
      citySumClause({
        cityItemId: 1,
        indicatorName: '新建养老服务综合体',
        unit: '个',
        actualSum: null,
        targetSum: 8,
        reportedDistricts: 0,
        missingDistricts: ['东岸区'],
      }),
    ).toBe('各区尚未报送新建养老服务综合体数据');
  });

  it('can be asked for in the district genre, which leaves the sums out', () => {
    const draft = draftBulletin(data(cityCard(), sums), { genre: 'district' });
    expect(draft.body.genre).toBe('district');
    expect(textOf(draft.body, 31)).not.toContain('各区');
  });
});

describe('sentences', () => {
  it('ends a sentence once, and joins lines as clauses', () => {
    expect(asSentence('完成改造')).toBe('完成改造。');
    expect(asSentence('完成改造；')).toBe('完成改造。');
    expect(asSentence('完成“津牌养老”平台接入。')).toBe('完成“津牌养老”平台接入。');
    expect(asSentence('第一步\n第二步。')).toBe('第一步；第二步。');
    expect(asSentence('  ')).toBe('');
  });

  it('falls back on the name when an item has no commitment, and says it is in progress without a report', () => {
    expect(itemParagraph(cardItem(1, { commitment: '', name: '建设口袋公园' }))).toBe(
      '建设口袋公园。目前，正在加快推进。',
    );
  });
});

describe('itemParagraph: no word said twice', () => {
  it('needs no 目前 before a text that dates itself, and leaves out a number the text already gives', () => {
    const item = cardItem(90, {
      commitment: '新建学校2所',
      progress: '截至9月底，新增学位累计1620个；另有1所正在施工',
      indicators: [indicator(1, '新增学位', '个', 3000, 1620), indicator(2, '建成学校', '所', 2, 1)],
    });
    expect(itemParagraph(item)).toBe(
      '新建学校2所。截至9月底，新增学位累计1620个；另有1所正在施工。累计建成学校1所，完成率50%。',
    );
  });
});
