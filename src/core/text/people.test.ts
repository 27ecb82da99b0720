import { describe, expect, it } from 'vitest';
import { alignPersons, isPlausibleUnit, splitPersons, splitUnits } from './people.js';

describe('splitUnits', () => {
  it('splits on spaces, 、，; and line breaks', () => {
    expect(splitUnits('区教育局 区财政局')).toEqual(['区教育局', '区财政局']);
    expect(splitUnits('区住建委、各街镇')).toEqual(['区住建委', '各街镇']);
    expect(splitUnits('区民政局，区卫健委;区医保局\n甲镇')).toEqual(['区民政局', '区卫健委', '区医保局', '甲镇']);
    expect(splitUnits('区教育局（牵头）　乙街道')).toEqual(['区教育局', '乙街道']);
  });

  it('joins pieces that PDF spacing split inside a name', () => {
    expect(splitUnits('区 教育局')).toEqual(['区教育局']);
    expect(splitUnits('区科学技 术局 区慈善 会')).toEqual(['区科学技术局', '区慈善会']);
    expect(splitUnits('区城 管委 甲镇 乙集团 区水务公司')).toEqual(['区城管委', '甲镇', '乙集团', '区水务公司']);
  });

  it('keeps what it cannot place and drops empty marks', () => {
    expect(splitUnits('区教育局 区')).toEqual(['区教育局', '区']);
    expect(splitUnits('—— / ')).toEqual([]);
    expect(splitUnits('')).toEqual([]);
  });

  it('knows a unit name when it sees one', () => {
    expect(['区妇联', '区科协', '区总工会', '各镇街', '区委办公室', '甲村'].every(isPlausibleUnit)).toBe(true);
    expect(['区', '局', '区文化和', '张三'].some(isPlausibleUnit)).toBe(false);
  });
});

describe('splitPersons', () => {
  it('splits names and rejoins one-character pieces', () => {
    expect(splitPersons('李某某 王某某')).toEqual(['李某某', '王某某']);
    expect(splitPersons('赵 林')).toEqual(['赵林']);
    expect(splitPersons('张三、李四')).toEqual(['张三', '李四']);
    expect(splitPersons('甲一乙 孙 明 赵 林 周 正')).toEqual(['甲一乙', '孙明', '赵林', '周正']);
    expect(splitPersons('钱 小东')).toEqual(['钱小东']);
    expect(splitPersons('欧阳 修')).toEqual(['欧阳修']);
    expect(splitPersons('')).toEqual([]);
  });
});

describe('alignPersons', () => {
  it('keeps names in order and says nothing when the counts agree', () => {
    expect(alignPersons(['区教育局', '甲镇'], ['张三', '李四'])).toEqual({ persons: ['张三', '李四'], warnings: [] });
  });

  it('does not expect a person for a collective unit', () => {
    expect(alignPersons(['区文旅局', '各街镇'], ['张三']).warnings).toEqual([]);
  });

  it('warns, Chinese first, naming the units without a person', () => {
    const result = alignPersons(['区住建委', '甲镇', '乙镇', '丙镇'], ['张三', '李四']);
    expect(result.persons).toEqual(['张三', '李四']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^责任人2名、实施单位4个，以下单位未写责任人：乙镇、丙镇 \(2 persons for 4 units/,
    );
  });

  it('warns, naming the persons without a unit', () => {
    const result = alignPersons(['区教育局'], ['张三', '李四']);
    expect(result.persons).toEqual(['张三', '李四']);
    expect(result.warnings[0]).toMatch(/以下责任人没有对应单位：李四/);
  });
});
