import { describe, expect, it } from 'vitest';
import { buildReportCard, type CardInputs, type CardStatusEntry, itemPercent, latestProgress } from './report-card.js';

const indicator = (indicatorId: number, actual: number | null) => ({
  indicatorId,
  name: `指标${indicatorId}`,
  unit: '个',
  expected: null,
  actual,
  ratio: null,
});

const entry = (overrides: Partial<CardStatusEntry> & Pick<CardStatusEntry, 'id'>): CardStatusEntry => ({
  number: String(overrides.id),
  name: `项目${overrides.id}`,
  parentId: null,
  categoryId: 1,
  status: 'on_track',
  deadline: '2026-12-31',
  indicators: [],
  reports: [],
  ...overrides,
});

function inputs(entries: CardStatusEntry[], extra: Partial<CardInputs> = {}): CardInputs {
  return {
    programme: { id: 1, title: '测试区2026年民心工程', year: 2026, jurisdictionId: 1, jurisdictionName: '测试区' },
    asOf: '2026-07-01',
    entries,
    categories: [
      { id: 1, title: '教育', ordinal: 1 },
      { id: 2, title: '养老', ordinal: 2 },
    ],
    items: entries.map((e) => ({
      id: e.id,
      description: `描述${e.id}`,
      target: e.id === 1 ? '新建学校2所' : '',
      deadlineText: null,
    })),
    indicatorTargets: new Map([
      [10, 200],
      [11, 4],
      [12, null],
    ]),
    milestones: [],
    units: [
      { itemId: 1, unitId: 7, name: '区教育局', role: 'lead', position: 0 },
      { itemId: 1, unitId: 8, name: '区财政局', role: 'co', position: 1 },
    ],
    progress: [],
    ...extra,
  };
}

describe('itemPercent', () => {
  it('is 100 when done, the capped mean of actual ÷ target otherwise, at most 99 until done', () => {
    const targets = new Map<number, number | null>([
      [10, 200],
      [11, 4],
    ]);
    expect(itemPercent(entry({ id: 1, status: 'done' }), targets)).toBe(100);
    expect(itemPercent(entry({ id: 1, indicators: [indicator(10, 100), indicator(11, 1)] }), targets)).toBe(38);
    expect(itemPercent(entry({ id: 1, indicators: [indicator(10, 400), indicator(11, 8)] }), targets)).toBe(99);
  });

  it('falls back to the latest reported percent, then 0', () => {
    const targets = new Map<number, number | null>();
    const reports = [
      { period: 'M05', percentComplete: 30 },
      { period: 'M06', percentComplete: 55 },
      { period: 'M07', percentComplete: null },
    ];
    expect(itemPercent(entry({ id: 1, reports }), targets)).toBe(55);
    expect(itemPercent(entry({ id: 1 }), targets)).toBe(0);
  });
});

describe('latestProgress', () => {
  const rows = [
    { itemId: 1, unitId: 8, period: 'M06', progress: '协办单位的说明', reviewedAt: '2026-07-03T00:00:00Z' },
    { itemId: 1, unitId: 7, period: 'M06', progress: '牵头单位的说明', reviewedAt: '2026-07-02T00:00:00Z' },
    { itemId: 1, unitId: 7, period: 'M05', progress: '五月的说明', reviewedAt: '2026-06-02T00:00:00Z' },
    { itemId: 1, unitId: 7, period: 'M08', progress: '八月的说明', reviewedAt: '2026-09-02T00:00:00Z' },
  ];
  it('takes the latest period begun by the date, the lead unit first', () => {
    expect(latestProgress(rows, 2026, '2026-07-15', 7)).toEqual({ progress: '牵头单位的说明', period: 'M06' });
    expect(latestProgress(rows, 2026, '2026-06-15', 7)).toEqual({ progress: '牵头单位的说明', period: 'M06' });
    expect(latestProgress(rows, 2026, '2026-05-31', 7)).toEqual({ progress: '五月的说明', period: 'M05' });
    expect(latestProgress(rows, 2026, '2026-04-30', 7)).toBeNull();
  });
});

describe('buildReportCard', () => {
  it('counts top-level items in the headline, nests parts and names units', () => {
    const card = buildReportCard(
      inputs(
        [
          entry({ id: 1, status: 'done' }),
          entry({ id: 2, parentId: 1, status: 'done' }),
          entry({ id: 3, categoryId: 2, indicators: [indicator(11, 2)] }),
          entry({ id: 4, categoryId: 2, status: 'lagging' }),
        ],
        {
          progress: [{ itemId: 3, unitId: 9, period: 'M06', progress: '  已建成2处  ', reviewedAt: null }],
        },
      ),
    );
    expect(card.headline).toEqual({ done: 1, rest: 2, total: 3, percent: 50 });
    expect(card.categories.map((c) => [c.title, c.done, c.total, c.percent])).toEqual([
      ['教育', 1, 1, 100],
      ['养老', 0, 2, 25],
    ]);
    const first = card.categories[0]?.items[0];
    expect(first?.commitment).toBe('新建学校2所');
    expect(first?.leadUnit).toBe('区教育局');
    expect(first?.coUnits).toEqual(['区财政局']);
    expect(first?.statusLabel).toBe('已完成');
    expect(first?.parts.map((p) => p.id)).toEqual([2]);
    expect(first?.parts[0]?.leadUnit).toBe('区教育局');
    const third = card.categories[1]?.items[0];
    expect(third?.progress).toBe('已建成2处');
    expect(third?.indicators[0]).toMatchObject({ target: 4, actual: 2, rate: 0.5 });
    expect(third?.commitment).toBe('描述3');
  });
});

describe('an item measured by its parts', () => {
  it('takes the mean of its parts’ bars when it has no measure of its own', () => {
    const card = buildReportCard(
      inputs([
        entry({ id: 1 }),
        entry({ id: 2, parentId: 1, status: 'done' }),
        entry({ id: 3, parentId: 1, indicators: [indicator(11, 1)] }),
      ]),
    );
    const item = card.categories[0]?.items[0];
    expect(item?.parts.map((p) => p.percent)).toEqual([100, 25]);
    expect(item?.percent).toBe(63);
  });
});
