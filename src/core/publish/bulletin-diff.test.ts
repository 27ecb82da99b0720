import { describe, expect, it } from 'vitest';
import { diffBulletinData } from './bulletin-diff.js';
import type { BulletinData } from './bulletin-types.js';
import { cardItem, fixtureCard, indicator } from './testing/bulletin-fixture.js';

const data = (): BulletinData => ({
  card: fixtureCard(),
  citySums: [
    {
      cityItemId: 31,
      indicatorName: '筹集保障性租赁住房',
      unit: '套（间）',
      actualSum: 6007,
      targetSum: 20_000,
      reportedDistricts: 4,
      missingDistricts: ['东岸区'],
    },
  ],
});

const items = (d: BulletinData) => d.card.categories.flatMap((c) => c.items);

describe('diffBulletinData', () => {
  it('finds nothing between equal snapshots', () => {
    expect(diffBulletinData(data(), data())).toEqual([]);
  });

  it('says in words what changed: status, progress, indicator values and districts’ sums', () => {
    const previous = data();
    const current = data();
    const [chargers] = items(current);
    if (!chargers) throw new Error('fixture');
    chargers.status = 'done';
    chargers.statusLabel = '已完成';
    chargers.progress = '全部接口已投入使用。';
    chargers.indicators = [indicator(101, '新增充电接口', '个', 6000, 10_000)];
    const [first] = previous.citySums;
    current.citySums = [{ ...(first as NonNullable<typeof first>), actualSum: 12_000, missingDistricts: [] }];
    expect(diffBulletinData(previous, current)).toEqual([
      { kind: 'status', itemId: 11, itemName: '新增电动自行车充电接口', before: '正常推进', after: '已完成' },
      {
        kind: 'progress',
        itemId: 11,
        itemName: '新增电动自行车充电接口',
        before: '目前，在居民小区开展消防宣传94次；入户宣传4183户。',
        after: '全部接口已投入使用。',
      },
      {
        kind: 'indicator',
        itemId: 11,
        itemName: '新增电动自行车充电接口',
        before: '新增充电接口累计5119个',
        after: '新增充电接口累计1万个',
      },
      {
        kind: 'indicator',
        itemId: 31,
        itemName: '发放租房补贴',
        before: '各区筹集保障性租赁住房6007套（间）（1个区未报送）',
        after: '各区筹集保障性租赁住房1.2万套（间）',
      },
    ]);
  });

  it('compares parts too, and lists items added and removed', () => {
    const previous = data();
    const current = data();
    const schools = items(current).find((i) => i.id === 21);
    if (!schools) throw new Error('fixture');
    const [yunxi] = schools.parts;
    if (yunxi) yunxi.indicators = [indicator(103, '新增学位', '个', 2000, 1800)];
    schools.parts = schools.parts.filter((p) => p.id !== 24);
    schools.parts.push(cardItem(25, { name: '南岸小学' }));
    const changes = diffBulletinData(previous, current);
    expect(changes).toContainEqual({
      kind: 'indicator',
      itemId: 22,
      itemName: '云溪学校',
      before: '新增学位累计1500个',
      after: '新增学位累计1800个',
    });
    expect(changes).toContainEqual({
      kind: 'added',
      itemId: 25,
      itemName: '南岸小学',
      before: null,
      after: '正常推进',
    });
    expect(changes).toContainEqual({
      kind: 'removed',
      itemId: 24,
      itemName: '北岸幼儿园',
      before: '未启动',
      after: null,
    });
  });

  it('shows a value reported for the first time with nothing before it', () => {
    const previous = data();
    const current = data();
    const subsidy = items(current).find((i) => i.id === 31);
    if (subsidy)
      subsidy.indicators = [
        indicator(104, '发放租房补贴', '万元', null, 12_300),
        indicator(105, '惠及家庭', '户', 400, 420),
      ];
    expect(diffBulletinData(previous, current)).toEqual([
      { kind: 'indicator', itemId: 31, itemName: '发放租房补贴', before: null, after: '惠及家庭累计420户' },
    ]);
  });
});
