import { describe, expect, it } from 'vitest';
import {
  type DistrictInput,
  type DistrictItemInput,
  type LinkCandidate,
  matchCityItems,
  normalizeUnit,
  rollUpDistricts,
} from './district-rollup.js';

const cityItem = {
  id: 1,
  number: '1',
  name: '老旧小区改造',
  categoryTitle: '安居工程',
  indicators: [{ name: '改造老旧小区', unit: '个', target: 100 }],
};

const districtItem = (overrides: Partial<DistrictItemInput>): DistrictItemInput => ({
  id: 0,
  number: '1',
  name: '老旧小区改造',
  parentItemId: null,
  cityItemId: 1,
  status: 'on_track',
  reasons: [],
  leadUnit: '区住建委',
  indicators: [],
  ...overrides,
});

const district = (programmeId: number, jurisdictionName: string, items: DistrictItemInput[]): DistrictInput => ({
  programmeId,
  programmeTitle: `${jurisdictionName}任务清单`,
  jurisdictionName,
  items,
});

describe('rollUpDistricts', () => {
  const districts = [
    district(20, '津南区', [
      districtItem({
        id: 21,
        status: 'lagging',
        reasons: ['二季度末应达20个，实报10个（50%）'],
        indicators: [
          { name: '改造小区', unit: '个', target: 40, actual: 10 },
          { name: '惠及居民', unit: '户', target: 3000, actual: 1000 },
        ],
      }),
      districtItem({ id: 22, number: '2', name: '新建幼儿园', cityItemId: null, status: 'done' }),
    ]),
    district(10, '北辰区', [
      districtItem({
        id: 11,
        indicators: [
          { name: '改造老旧小区', unit: ' 个 ', target: 60, actual: 35 },
          { name: '改造面积', unit: '平米', target: 5, actual: null },
        ],
      }),
    ]),
  ];
  const result = rollUpDistricts([cityItem], districts);
  const city = result.cityItems[0];

  it('groups the linked district items by district, districts in name order', () => {
    expect(city?.districts.map((d) => [d.jurisdictionName, d.items.map((i) => i.itemId)])).toEqual([
      ['北辰区', [11]],
      ['津南区', [21]],
    ]);
    expect(city?.status).toBe('lagging');
    expect(city?.lagging).toEqual(['津南区']);
  });

  it('sums targets and actuals where the units agree, and keeps other units apart', () => {
    const byUnit = (unit: string) => (city?.indicators ?? []).find((i) => i.unit === unit);
    expect(byUnit('个')).toMatchObject({
      city: [{ name: '改造老旧小区', target: 100 }],
      targetSum: 100,
      actualSum: 45,
      missingActuals: 0,
    });
    expect(byUnit('个')?.contributions).toHaveLength(2);
    expect(byUnit('户')).toMatchObject({ city: [], targetSum: 3000, actualSum: 1000 });
    expect(byUnit('平方米')).toMatchObject({ targetSum: 5, actualSum: null, missingActuals: 1 });
    expect((city?.indicators ?? []).map((i) => i.unit).sort()).toEqual(['个', '平方米', '户'].sort());
  });

  it('counts each district’s top-level items by status', () => {
    expect(result.districts.map((d) => [d.jurisdictionName, d.done, d.total, d.linked, d.lagging])).toEqual([
      ['北辰区', 0, 1, 1, 0],
      ['津南区', 1, 2, 1, 1],
    ]);
    expect(result.districts[1]?.counts).toMatchObject({ lagging: 1, done: 1, on_track: 0 });
  });

  it('gives a city item no district serves no status and no districts', () => {
    const lonely = rollUpDistricts([{ ...cityItem, id: 99 }], districts).cityItems[0];
    expect(lonely).toMatchObject({ status: null, districts: [], lagging: [] });
    expect(lonely?.indicators).toMatchObject([{ unit: '个', targetSum: null, contributions: [] }]);
  });
});

describe('normalizeUnit', () => {
  it('lets the same unit written differently agree', () => {
    expect(normalizeUnit('套（间）')).toBe(normalizeUnit(' 套(间) '));
    expect(normalizeUnit('人')).not.toBe(normalizeUnit('人次'));
  });
});

describe('matchCityItems', () => {
  const city: LinkCandidate[] = [
    { id: 1, number: '1', name: '新建社区食堂', categoryTitle: '养老服务', parentNumber: null },
    { id: 2, number: '2', name: '改造老旧小区', categoryTitle: '安居工程', parentNumber: null },
    { id: 3, number: '(1)', name: '改造东片', categoryTitle: '安居工程', parentNumber: '2' },
    { id: 4, number: '3', name: '重名项目', categoryTitle: '安居工程', parentNumber: null },
    { id: 5, number: '4', name: '重名项目', categoryTitle: '交通', parentNumber: null },
  ];
  const item = (
    id: number,
    number: string,
    name: string,
    categoryTitle: string,
    parentNumber: string | null = null,
  ) => ({
    id,
    number,
    name,
    categoryTitle,
    parentNumber,
  });

  it('matches by normalized name first, then by number within a category of the same title', () => {
    const { matches, unmatched } = matchCityItems(
      [
        item(11, '9', '新建 社区食堂', '别的大项'),
        item(12, '2', '老旧小区综合整治', '安居工程'),
        item(13, '(1)', '东片改造', '安居工程', '2'),
        item(14, '2', '老旧小区综合整治', '安居 工程 '),
      ],
      city,
    );
    expect(matches).toEqual([
      { itemId: 11, cityItemId: 1, rule: 'name' },
      { itemId: 12, cityItemId: 2, rule: 'number' },
      { itemId: 13, cityItemId: 3, rule: 'number' },
      { itemId: 14, cityItemId: 2, rule: 'number' },
    ]);
    expect(unmatched).toEqual([]);
  });

  it('never guesses: a name two city items share, another number, or another category match nothing', () => {
    const { matches, unmatched } = matchCityItems(
      [item(21, '7', '重名项目', '文体'), item(22, '8', '新项目', '安居工程'), item(23, '1', '新项目', '教育')],
      city,
    );
    expect(matches).toEqual([]);
    expect(unmatched).toEqual([21, 22, 23]);
  });
});
