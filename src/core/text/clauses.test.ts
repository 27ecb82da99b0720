import { describe, expect, it } from 'vitest';
import { scanCandidates, scanCountables } from './clauses.js';

const shown = (t: string) => scanCountables(t).map((c) => t.slice(c.start, c.end));

describe('scanCountables', () => {
  it('finds the quantities that count something', () => {
    expect(shown('完成新增学位 1240 个，改造管网6.2公里，完成率70%。')).toEqual(['1240 个', '6.2公里', '70%']);
  });

  it('leaves out dates, ordinals, ages, addresses, item numbers and range bounds', () => {
    expect(
      shown('(1) 2024年6月底前，第 70 次会议，为3-16周岁学生，康乐道 1 号，0.3至5万元，5000元至1万元，5G基站。'),
    ).toEqual([]);
  });
});

describe('scanCandidates', () => {
  it('gives the name of what each number counts and whether it comes first', () => {
    const found = scanCandidates('新建口袋公园5个，完成3个街心花园绿化。', 'target');
    expect(found.map((c) => [c.name, c.value, c.numberFirst])).toEqual([
      ['口袋公园', 5, false],
      ['街心花园绿化', 3, true],
    ]);
  });

  it('allows any percentage in checkpoint mode, and parallel clauses after a committed one', () => {
    const t = '实现60%的社区设置健康驿站，30%的村设置健康小屋。完成年度任务数的70%。';
    expect(scanCandidates(t, 'target')).toHaveLength(1);
    expect(scanCandidates(t, 'checkpoint').map((c) => [c.name, c.value])).toEqual([
      ['社区设置健康驿站', 60],
      ['村设置健康小屋', 30],
      ['任务数', 70],
    ]);
  });

  it('starts a clause after an item mark or a 截至 opening', () => {
    const t = '(1) —— (2)新增充电柜 7 台。截至二季度末实现城镇新增就业1万人';
    expect(scanCandidates(t, 'checkpoint').map((c) => [c.name, c.value])).toEqual([
      ['充电柜', 7],
      ['城镇新增就业', 10000],
    ]);
  });
});
