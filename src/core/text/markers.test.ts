import { describe, expect, it } from 'vitest';
import { isNoWork, parseItemNumber, parseOrdinal, quarterOfHeader, splitParts } from './markers.js';

describe('isNoWork', () => {
  it('knows the marks for no work that quarter', () => {
    for (const text of ['——', '---', '—', '-', '/', '无', '', '  ', '－－', '——。', '暂无'])
      expect(isNoWork(text), text).toBe(true);
  });

  it('does not take work for no work', () => {
    for (const text of ['开园。', '—完成验收', '1', '无人机巡查', `${'-'.repeat(300)}`])
      expect(isNoWork(text), text).toBe(false);
  });
});

describe('quarterOfHeader', () => {
  it('reads the ways a quarter column is headed', () => {
    const cases: [string, string][] = [
      ['第一季度', 'Q1'],
      ['一季度', 'Q1'],
      ['1季度', 'Q1'],
      ['Q1', 'Q1'],
      ['第二季度', 'Q2'],
      ['三季度末', 'Q3'],
      ['第 四 季度', 'Q4'],
      ['四季度（12月底）', 'Q4'],
      ['２０２４年第三季度', 'Q3'],
      ['q2', 'Q2'],
    ];
    for (const [text, quarter] of cases) expect(quarterOfHeader(text), text).toBe(quarter);
  });

  it('returns null for other headers', () => {
    for (const text of ['第五季度', '季度', '计划安排', '截至一季度末已办结', '', 'Q5']) {
      expect(quarterOfHeader(text), text).toBeNull();
    }
  });
});

describe('parseOrdinal', () => {
  it('reads category headings', () => {
    expect(parseOrdinal('一、增加教育资源配置')).toEqual({ ordinal: 1, rest: '增加教育资源配置' });
    expect(parseOrdinal('十四、完善公共服务')).toEqual({ ordinal: 14, rest: '完善公共服务' });
    expect(parseOrdinal('（三）加强组织保障')).toEqual({ ordinal: 3, rest: '加强组织保障' });
    expect(parseOrdinal('(二十)其他')).toEqual({ ordinal: 20, rest: '其他' });
    expect(parseOrdinal('一、 增加 教育 资源 配置')).toEqual({ ordinal: 1, rest: '增加教育资源配置' });
  });

  it('drops a title’s single final full stop and bookmarks, keeps a paragraph whole', () => {
    expect(parseOrdinal('[bookmark: x]十、便民服务工程\n。')).toEqual({ ordinal: 10, rest: '便民服务工程' });
    expect(parseOrdinal('五、稳定就业。全年帮扶就业3000人。')).toEqual({
      ordinal: 5,
      rest: '稳定就业。全年帮扶就业3000人。',
    });
  });

  it('returns null when there is no heading', () => {
    for (const text of ['一线职工', '十一前', '一二·九', '1、甲', '', '第一批', '零、无', '两、甲']) {
      expect(parseOrdinal(text), text).toBeNull();
    }
  });
});

describe('parseItemNumber', () => {
  it('reads item and part numbers', () => {
    expect(parseItemNumber('1')).toEqual({ number: '1', rest: '' });
    expect(parseItemNumber('1．推进稳岗就业。')).toEqual({ number: '1', rest: '推进稳岗就业' });
    expect(parseItemNumber('12、新建公园')).toEqual({ number: '12', rest: '新建公园' });
    expect(parseItemNumber('(1) 实现新增就业 23000 人。')).toEqual({ number: '(1)', rest: '实现新增就业 23000 人' });
    expect(parseItemNumber('（2）改造操场')).toEqual({ number: '(2)', rest: '改造操场' });
    expect(parseItemNumber('⑴改造')).toEqual({ number: '(1)', rest: '改造' });
    expect(parseItemNumber('⑵')).toEqual({ number: '(2)', rest: '' });
    expect(parseItemNumber('③乙')).toEqual({ number: '(3)', rest: '乙' });
  });

  it('does not take quantities, dates or years for item numbers', () => {
    for (const text of ['1.5万人', '12月底', '2024年', '2024', '0', '1年内', '', '一、甲']) {
      expect(parseItemNumber(text), text).toBeNull();
    }
  });
});

describe('splitParts', () => {
  it('splits a cell into its numbered parts', () => {
    expect(splitParts('(1) 帮扶就业 500 人。 (2) 培训 80 人次。')).toEqual([
      { number: '(1)', text: '帮扶就业 500 人。' },
      { number: '(2)', text: '培训 80 人次。' },
    ]);
    expect(splitParts('总体安排：\n1．召开会议。\n2．开展调研，完成 1.5 万字报告。')).toEqual([
      { number: '', text: '总体安排：' },
      { number: '1', text: '召开会议。' },
      { number: '2', text: '开展调研，完成 1.5 万字报告。' },
    ]);
    expect(splitParts('(1) —— (2)交付使用。')).toEqual([
      { number: '(1)', text: '——' },
      { number: '(2)', text: '交付使用。' },
    ]);
  });

  it('needs marks counting up from one in one style', () => {
    expect(splitParts('完成改造。')).toEqual([]);
    expect(splitParts('道路(2)段施工')).toEqual([]);
    expect(splitParts('(1) 甲 (3) 乙 (2) 丙')).toEqual([
      { number: '(1)', text: '甲 (3) 乙' },
      { number: '(2)', text: '丙' },
    ]);
  });
});
