import { describe, expect, it } from 'vitest';
import { commonLength, extractCheckpoints } from './checkpoints.js';

const jobs = [{ name: '新增就业', unit: '人', target: 20000 }];

describe('extractCheckpoints', () => {
  it('reads cumulative checkpoints and matches 城镇新增就业 to 新增就业', () => {
    const result = extractCheckpoints(
      {
        Q1: '截至一季度末实现城镇新增就业4千人。',
        Q2: '截至二季度末，实现城镇新增就业1万人',
        Q3: '到三季度末累计城镇新增就业１．６万人。',
        Q4: '全年累计完成城镇新增就业2万人。',
      },
      jobs,
    );
    expect(result).toEqual({ checkpoints: [{ Q1: 4000, Q2: 10000, Q3: 16000, Q4: 20000 }], warnings: [] });
  });

  it('matches several indicators by unit and name', () => {
    const indicators = [
      { name: '帮扶就业', unit: '人', target: 9000 },
      { name: '技能培训', unit: '人次', target: 4000 },
    ];
    const result = extractCheckpoints(
      {
        Q1: '(1) 实现帮扶就业 2000 人。 (2) 开展技能培训 500 人次。',
        Q2: '(1) 累计实现帮扶就业 4500 人。 (2) 累计开展技能培训 1800 人次。',
        Q4: '(1) 累计实现帮扶就业 9000 人。 (2) 累计开展技能培训 4000 人次。',
      },
      indicators,
    );
    expect(result.checkpoints).toEqual([
      { Q1: 2000, Q2: 4500, Q4: 9000 },
      { Q1: 500, Q2: 1800, Q4: 4000 },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('treats dashes, slashes, 无 and empty text as no work', () => {
    for (const none of ['——', '---', '-', '/', '无', '', '  ']) {
      expect(extractCheckpoints({ Q1: none, Q2: none, Q3: none, Q4: none }, jobs)).toEqual({
        checkpoints: [{}],
        warnings: [],
      });
    }
  });

  it('uses the one number of the one indicator whatever its words', () => {
    const road = [{ name: '改造背街小巷', unit: '公里', target: 9 }];
    expect(extractCheckpoints({ Q2: '累计完成路面铺装2.5公里。' }, road).checkpoints).toEqual([{ Q2: 2.5 }]);
  });

  it('warns, naming the quarter, about numbers that match no indicator', () => {
    const result = extractCheckpoints({ Q1: '完成开工率60%，踏勘4个备选点位。', Q3: '将3处驿站交付运营。' }, jobs);
    expect(result.checkpoints).toEqual([{}]);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/^一季度：数量“60%、4个”未对应任何量化指标/);
    expect(result.warnings[1]).toMatch(/^三季度：.*Q3/);
  });

  it('adds increments to the previous checkpoint and warns', () => {
    const result = extractCheckpoints({ Q1: '新增就业5200人。', Q2: '本季度新增就业6100人。' }, jobs);
    expect(result.checkpoints).toEqual([{ Q1: 5200, Q2: 11300 }]);
    expect(result.warnings[0]).toMatch(/^二季度：指标“新增就业”写的是本期增量/);
  });

  it('reads a flat series that sums to the target as increments, and drops a falling one', () => {
    const cabinets = [{ name: '换电柜', unit: '台', target: 30 }];
    const flat = extractCheckpoints(
      { Q2: '新增换电柜 10 台。', Q3: '新增换电柜 10 台。', Q4: '新增换电柜 10 台。' },
      cabinets,
    );
    expect(flat.checkpoints).toEqual([{ Q2: 10, Q3: 20, Q4: 30 }]);
    expect(flat.warnings).toHaveLength(1);
    const falling = extractCheckpoints({ Q1: '新增换电柜 20 台。', Q2: '新增换电柜 5 台。' }, cabinets);
    expect(falling.checkpoints).toEqual([{}]);
    expect(falling.warnings[0]).toMatch(/累计数值出现下降（20、5）/);
  });

  it('looks for each indicator in its own part when every indicator names one', () => {
    const indicators = [
      { name: '停车泊位', unit: '个', target: 100, part: '(1)' },
      { name: '停车泊位', unit: '个', target: 60, part: '(2)' },
    ];
    const quarters = {
      Q2: '(1) 新增停车泊位 40 个。 (2) ——',
      Q4: '(1) 累计新增停车泊位 100 个。 (2) 累计新增停车泊位 60 个。',
    };
    expect(extractCheckpoints(quarters, indicators).checkpoints).toEqual([{ Q2: 40, Q4: 100 }, { Q4: 60 }]);
    const unlabelled = indicators.map(({ part: _part, ...rest }) => rest);
    const result = extractCheckpoints(quarters, unlabelled);
    expect(result.checkpoints).toEqual([{}, {}]);
    expect(result.warnings.some((w) => w.includes('可对应多个量化指标'))).toBe(true);
  });

  it('survives no indicators and hostile input', () => {
    expect(extractCheckpoints({}, [])).toEqual({ checkpoints: [], warnings: [] });
    const long = '新增就业5人，'.repeat(3000);
    const result = extractCheckpoints({ Q1: long }, jobs);
    expect(result.checkpoints).toEqual([{ Q1: 5 }]);
  });
});

describe('commonLength', () => {
  it('is the length of the longest common substring', () => {
    expect(commonLength('城镇新增就业', '新增就业')).toBe(4);
    expect(commonLength('换电柜', '电动自行车换电车位')).toBe(2);
    expect(commonLength('', '新增')).toBe(0);
  });
});
