import { describe, expect, it } from 'vitest';
import { canonicalUnit, parseQuantity, parseRange, readQuantity } from './quantity.js';

describe('parseQuantity', () => {
  it('reads the forms of the glossary', () => {
    expect(parseQuantity('2万人')).toEqual({ value: 20000, unit: '人' });
    expect(parseQuantity('1．5万人')).toEqual({ value: 15000, unit: '人' });
    expect(parseQuantity('1.8153 万平米')).toEqual({ value: 18153, unit: '平方米' });
    expect(parseQuantity('三条')).toEqual({ value: 3, unit: '条' });
    expect(parseQuantity('两个')).toEqual({ value: 2, unit: '个' });
    expect(parseQuantity('700套（间）')).toEqual({ value: 700, unit: '套（间）' });
    expect(parseQuantity('700套(间)')).toEqual({ value: 700, unit: '套（间）' });
    expect(parseQuantity('80%')).toEqual({ value: 80, unit: '%' });
    expect(parseQuantity('８０％')).toEqual({ value: 80, unit: '%' });
  });

  it('marks approximations', () => {
    expect(parseQuantity('1.65万人以上')).toEqual({ value: 16500, unit: '人', approx: 'at_least' });
    expect(parseQuantity('约42亩')).toEqual({ value: 42, unit: '亩', approx: 'about' });
    expect(parseQuantity('不少于1800人')).toEqual({ value: 1800, unit: '人', approx: 'at_least' });
    expect(parseQuantity('200余间')).toEqual({ value: 200, unit: '间', approx: 'about' });
    expect(parseQuantity('2.4 万余平方米')).toEqual({ value: 24000, unit: '平方米', approx: 'about' });
    expect(parseQuantity('不超过5家')).toEqual({ value: 5, unit: '家', approx: 'at_most' });
    expect(parseQuantity('120 张以上')).toEqual({ value: 120, unit: '张', approx: 'at_least' });
  });

  it('keeps money in the unit it is written in and multiplies everything else', () => {
    expect(parseQuantity('500万元')).toEqual({ value: 500, unit: '万元' });
    expect(parseQuantity('2.35亿元')).toEqual({ value: 2.35, unit: '亿元' });
    expect(parseQuantity('五万元')).toEqual({ value: 5, unit: '万元' });
    expect(parseQuantity('1000元')).toEqual({ value: 1000, unit: '元' });
    expect(parseQuantity('1.2万人次')).toEqual({ value: 12000, unit: '人次' });
    expect(parseQuantity('1万亩')).toEqual({ value: 10000, unit: '亩' });
    expect(parseQuantity('5千人')).toEqual({ value: 5000, unit: '人' });
    expect(parseQuantity('8.5千米')).toEqual({ value: 8.5, unit: '千米' });
  });

  it('knows the units of the lists, longest first', () => {
    const units = ['人', '人次', '个', '所', '家', '处', '张', '户', '条', '座', '辆', '台', '场', '次', '项'];
    for (const unit of units) expect(parseQuantity(`12${unit}`)?.unit, unit).toBe(unit);
    expect(parseQuantity('13公里')?.unit).toBe('公里');
    expect(parseQuantity('6.3米')?.unit).toBe('米');
    expect(parseQuantity('24个班')?.unit).toBe('个班');
    expect(parseQuantity('3个百分点')?.unit).toBe('个百分点');
    expect(parseQuantity('1200名')?.unit).toBe('名');
    expect(parseQuantity('2458㎡')).toEqual({ value: 2458, unit: '平方米' });
    expect(parseQuantity('30平方')).toEqual({ value: 30, unit: '平方米' });
  });

  it('reads a bare number with an empty unit', () => {
    expect(parseQuantity('42')).toEqual({ value: 42, unit: '' });
    expect(parseQuantity('2万')).toEqual({ value: 20000, unit: '' });
  });

  it('returns null for ranges, words and non-numbers', () => {
    for (const text of ['0.3至5万元', '18至60岁', '', '新增就业', '两癌', '2万人次培训', '第3批', 'x'.repeat(500)]) {
      expect(parseQuantity(text), text).toBeNull();
    }
  });
});

describe('parseRange', () => {
  it('reads ranges and carries the upper bound unit to a bare lower bound', () => {
    expect(parseRange('0.3至5万元')).toEqual({ min: 0.3, max: 5, unit: '万元' });
    expect(parseRange('18至60岁')).toEqual({ min: 18, max: 60, unit: '岁' });
    expect(parseRange('6-12周岁')).toEqual({ min: 6, max: 12, unit: '周岁' });
    expect(parseRange('1至2万人')).toEqual({ min: 10000, max: 20000, unit: '人' });
    expect(parseRange('5000元至8000元')).toEqual({ min: 5000, max: 8000, unit: '元' });
  });

  it('returns null for single quantities, mixed units and reversed bounds', () => {
    for (const text of ['5万元', '5人至8户', '9至3个', '至5个', '']) expect(parseRange(text), text).toBeNull();
  });
});

describe('canonicalUnit and readQuantity', () => {
  it('records area as 平方米 and brackets 套（间） the Chinese way', () => {
    expect(canonicalUnit('平米')).toBe('平方米');
    expect(canonicalUnit('套(间)')).toBe('套（间）');
    expect(canonicalUnit('处')).toBe('处');
  });

  it('reads a quantity in the middle of a sentence and says where it ends', () => {
    const text = '新增充电车位 128 个。';
    const q = readQuantity(text, text.indexOf('128'));
    expect(q).toMatchObject({ value: 128, unit: '个', chinese: false });
    expect(text.slice(q?.end)).toBe('。');
  });
});
