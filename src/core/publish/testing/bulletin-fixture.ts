import { STATUS_LABEL } from '../../work/status.js';
import type { CardIndicator, CardItem, ReportCard } from '../report-card.js';

/** A report card typed for the tests (fictional 明湖区, no seed text). */
export function cardItem(id: number, overrides: Partial<CardItem> = {}): CardItem {
  const status = overrides.status ?? 'on_track';
  return {
    id,
    number: String(id),
    name: `项目${id}`,
    commitment: `完成项目${id}的建设任务`,
    status,
    statusLabel: STATUS_LABEL[status],
    deadline: '2026-12-31',
    deadlineText: '12月底',
    leadUnit: '区住建委',
    coUnits: [],
    progress: null,
    progressPeriod: null,
    percent: 50,
    indicators: [],
    milestones: [],
    parts: [],
    ...overrides,
  };
}

export const indicator = (id: number, name: string, unit: string, target: number | null, actual: number | null) =>
  ({
    indicatorId: id,
    name,
    unit,
    target,
    actual,
    rate: target !== null && target > 0 && actual !== null ? actual / target : null,
  }) satisfies CardIndicator;

export function fixtureCard(): ReportCard {
  const chargers = cardItem(11, {
    name: '新增电动自行车充电接口',
    commitment: '推动既有住宅小区新增电动自行车充电接口6000个',
    progress: '目前，在居民小区开展消防宣传94次；入户宣传4183户。',
    indicators: [indicator(101, '新增充电接口', '个', 6000, 5119)],
  });
  const clinics = cardItem(12, {
    name: '建成老年友善医疗机构',
    commitment: '建成老年友善医疗机构14家',
    status: 'done',
    statusLabel: '已完成',
    progress: '完成2家区属公立医院和12家基层医疗卫生机构的创建。',
    indicators: [indicator(102, '老年友善医疗机构', '家', 14, 14)],
  });
  const schools = cardItem(21, {
    name: '新增学位',
    commitment: '新增义务教育学位3360个、普通高中学位1050个',
    status: 'lagging',
    statusLabel: '滞后',
    progress: null,
    parts: [
      cardItem(22, {
        name: '云溪学校',
        progress: '主体完工，正在进行室内外装修。',
        indicators: [indicator(103, '新增学位', '个', 2000, 1500)],
      }),
      cardItem(23, { name: '明湖高级中学', status: 'done', statusLabel: '已完成', progress: null }),
      cardItem(24, { name: '北岸幼儿园', status: 'not_started', statusLabel: '未启动' }),
    ],
  });
  const subsidy = cardItem(31, {
    name: '发放租房补贴',
    commitment: '向中低收入住房困难家庭发放租房补贴。',
    progress: '已发放补贴123万元，惠及420户困难家庭',
    indicators: [indicator(104, '发放租房补贴', '万元', null, 12_300), indicator(105, '惠及家庭', '户', 400, null)],
  });
  return {
    programme: { id: 5, title: '明湖区2026年民心工程', year: 2026, jurisdictionId: 2, jurisdictionName: '明湖区' },
    asOf: '2026-06-30',
    headline: { done: 1, rest: 3, total: 4, percent: 60 },
    categories: [
      { id: 1, ordinal: 1, title: '安全用心工程', percent: 70, done: 1, total: 2, items: [chargers, clinics] },
      { id: 9, ordinal: 2, title: '空的大项', percent: 0, done: 0, total: 0, items: [] },
      { id: 2, ordinal: 3, title: '教育惠民工程', percent: 50, done: 0, total: 1, items: [schools] },
      { id: 3, ordinal: 5, title: '安居工程', percent: 40, done: 0, total: 1, items: [subsidy] },
    ],
  };
}
