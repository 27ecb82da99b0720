import { describe, expect, it } from 'vitest';
import { categories, statusRows } from '../testing/fixtures.js';
import {
  applyFilters,
  byCategory,
  byLeadUnit,
  countByStatus,
  filterOptions,
  itemMetaOf,
  joinRows,
  laggingRows,
  topLevel,
} from './aggregate.js';
import { dueReports } from './due-reports.js';

const rows = joinRows(statusRows, itemMetaOf(categories));

describe('dashboard aggregation', () => {
  it('gives a part its parent’s units and leaders and prints its number after the parent’s', () => {
    const part = rows.find((r) => r.id === 102);
    expect(part?.fullNumber).toBe('1(1)');
    expect(part?.meta?.leadUnitName).toBe('区教育局');
    expect(part?.meta?.leaderNames).toEqual(['周文清']);
    expect(part?.meta?.parentId).toBe(101);
  });

  it('counts items, not parts, by status, category and lead unit', () => {
    const items = topLevel(rows);
    expect(items.map((r) => r.id)).toEqual([101, 103, 104]);
    expect(countByStatus(items)).toMatchObject({ lagging: 1, on_track: 1, overdue: 1, done: 0 });
    expect(byCategory(items, '—').map((g) => [g.name, g.total, g.counts.lagging])).toEqual([
      ['一、教育', 2, 1],
      ['二、住房', 1, 0],
    ]);
    expect(byLeadUnit(items, '—').map((g) => [g.name, g.total])).toEqual([
      ['区教育局', 2],
      ['区住建委', 1],
    ]);
  });

  it('filters by unit (lead or co), leader and category', () => {
    expect(applyFilters(rows, { unitId: 21 }).map((r) => r.id)).toEqual([101, 102, 104]);
    expect(applyFilters(rows, { leaderId: 61 }).map((r) => r.id)).toEqual([104]);
    expect(applyFilters(rows, { categoryId: 7, leaderId: 60 }).map((r) => r.id)).toEqual([101, 102, 103]);
  });

  it('lists what lags worst first, parts included', () => {
    expect(laggingRows(rows).map((r) => [r.id, r.status])).toEqual([
      [104, 'overdue'],
      [101, 'lagging'],
      [102, 'lagging'],
    ]);
  });

  it('offers the units and leaders of the tree, sorted', () => {
    const options = filterOptions(categories);
    expect(options.units.map((o) => o.label)).toEqual(['区教育局', '区住建委']);
    expect(options.leaders.map((o) => o.label)).toEqual(['李华', '周文清']);
    expect(options.categories.map((o) => o.label)).toEqual(['一、教育', '二、住房']);
  });
});

describe('due reports', () => {
  const periods = [
    { period: 'M05', startDate: '2026-05-01', dueDate: '2026-05-25', open: false, locked: true },
    { period: 'M06', startDate: '2026-06-01', dueDate: '2026-06-25', open: true, locked: false },
    { period: 'M07', startDate: '2026-07-01', dueDate: '2026-07-27', open: true, locked: false },
    { period: 'M08', startDate: '2026-08-01', dueDate: '2026-08-25', open: false, locked: false },
  ];

  it('lists the lead unit’s missing reports of past periods as overdue and of the next period as due', () => {
    const reports = [
      { id: 1, itemId: 103, unitId: 20, period: 'M06', state: 'approved' as const },
      { id: 2, itemId: 102, unitId: 20, period: 'M06', state: 'returned' as const },
      { id: 3, itemId: 103, unitId: 20, period: 'M07', state: 'submitted' as const },
      // A co-unit's report does not stand for the lead unit's.
      { id: 4, itemId: 104, unitId: 20, period: 'M06', state: 'approved' as const },
    ];
    const due = dueReports(rows, periods, reports, '2026-07-10');
    // 101 has a part, so the part reports; 104 is overdue but not done, so it still owes reports.
    expect(due.map((d) => [d.fullNumber, d.period, d.kind, d.state])).toEqual([
      ['1(1)', 'M06', 'overdue', 'returned'],
      ['3', 'M06', 'overdue', 'missing'],
      ['1(1)', 'M07', 'due', 'missing'],
      ['3', 'M07', 'due', 'missing'],
    ]);
    expect(due[1]?.unitName).toBe('区住建委');
  });
});
