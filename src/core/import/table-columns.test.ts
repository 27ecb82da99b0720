import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import type { ImportWarning } from '../interchange.js';
import type { SourceTable } from './model.js';
import { findColumns, isHeaderRow, labelOf } from './table-columns.js';

const table = (rows: (string | null)[][]): SourceTable => ({
  name: 'table 1',
  rows,
  places: rows.map((r, i) => r.map((_, c) => `row ${i + 1}, column ${c + 1}`)),
});

describe('finding the columns', () => {
  it('names columns by their header words', () => {
    expect(
      [
        '大项',
        '序号',
        '项目名称',
        '任务明细',
        '实施单位 (首位牵头)',
        '责任人',
        '第二季度',
        '完成时限',
        '分管 区领导',
      ].map(labelOf),
    ).toEqual(['category', 'number', 'name', 'description', 'units', 'persons', 'Q2', 'deadline', 'leaders']);
    expect(labelOf('全年目标')).toBe('target');
    expect(labelOf('时间节点计划任务安排')).toBe('group');
    expect(labelOf('完成改造3个小区，惠及居民620户，并组织竣工验收和资料归档工作。')).toBeNull();
  });

  it('spreads a text table’s short header rows over the data columns', () => {
    // A header cell spans category and item, the timeline spans the quarters; the row below has one cell less.
    const warnings: ImportWarning[] = [];
    const map = findColumns(
      table([
        ['明湖市10项民心工程', '具体任务', '阶段性目标', '完成时间', '责任单位'],
        ['', '', '一季度', '二季度', '三季度', '四季度', '', ''],
        ['一、安居工程。', '1．改造小区。', '改造4个。', 'a', 'b', 'c', 'd', '9月底', '区住建委'],
        ['', '2．新增泊位。', '新增600个。', 'a', 'b', 'c', 'd', '年底前', '区城管委'],
      ]),
      warnings,
    );
    expect(map).toEqual({
      columns: { category: 0, name: 1, description: 2, Q1: 3, Q2: 4, Q3: 5, Q4: 6, deadline: 7, units: 8 },
      numberInName: true,
      firstDataRow: 2,
      width: 9,
    });
    expect(warnings).toEqual([]);
  });

  it('reads a header whose merged cells are null, as .docx and .xlsx give them', () => {
    const map = findColumns(
      table([
        ['某区2026年民心工程', null, null, null, null, null, null, null],
        ['序号', '项目名称', '责任单位', '时间节点', null, null, null, '分管领导'],
        [null, null, null, '1季度', '2季度', '3季度', '4季度', null],
        ['1', '甲', '区教育局', 'a', 'b', 'c', 'd', '张三'],
      ]),
      [],
    );
    expect(map.columns).toEqual({ number: 0, name: 1, units: 2, Q1: 3, Q2: 4, Q3: 5, Q4: 6, leaders: 7 });
    expect(map.firstDataRow).toBe(3);
  });

  it('reports columns it cannot name instead of guessing', () => {
    const warnings: ImportWarning[] = [];
    findColumns(
      table([
        ['序号', '项目名称', '备注'],
        ['1', '甲', '说明文字'],
      ]),
      warnings,
    );
    expect(warnings.map((w) => w.where)).toEqual(['table 1, column 3']);
    expect(warnings[0]?.message).toMatch(/^第 3 列（表头“备注”）无法识别/);
  });

  it('refuses a table without a header row', () => {
    expect(() =>
      findColumns(
        table([
          ['甲', '乙'],
          ['1', '2'],
        ]),
        [],
      ),
    ).toThrow(AppError);
    expect(isHeaderRow(['序号', '项目名称', '', ''])).toBe(true);
    expect(isHeaderRow(['1', '建设公共充电设施', '区城管委', '完成'])).toBe(false);
  });
});
