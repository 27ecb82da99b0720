import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.js';
import { categoryHeading, chineseNumeral, periodLabel } from './format.js';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [35, '三十五'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1005, '一千零五'],
  ])('%i → %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });
});

describe('categoryHeading', () => {
  it('numbers a category the way the documents do, and leaves an unnumbered one alone', () => {
    expect(categoryHeading(3, '民生保障')).toBe('三、民生保障');
    expect(categoryHeading(null, '其他')).toBe('其他');
  });
});

describe('periodLabel', () => {
  it('names quarters and months in Chinese', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(periodLabel(t, 'Q1')).toBe('一季度');
    expect(periodLabel(t, 'Q4')).toBe('四季度');
    expect(periodLabel(t, 'M01')).toBe('1月');
    expect(periodLabel(t, 'M12')).toBe('12月');
  });
});
