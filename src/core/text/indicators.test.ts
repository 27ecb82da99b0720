import { describe, expect, it } from 'vitest';
import { extractIndicators, extractIndicatorsByPart } from './indicators.js';

describe('extractIndicators', () => {
  it('reads several numbered indicators in one text', () => {
    expect(extractIndicators('(1) 实现新增就业 23000 人。 (2) 开展职业技能培训 10000 人次。')).toEqual([
      { name: '新增就业', unit: '人', target: 23000 },
      { name: '职业技能培训', unit: '人次', target: 10000 },
    ]);
  });

  it('multiplies 万 and keeps 以上 as at_least', () => {
    expect(extractIndicators('稳定就业岗位，全年新增就业1.65万人以上。')).toEqual([
      { name: '新增就业', unit: '人', target: 16500, approx: 'at_least' },
    ]);
    expect(extractIndicators('全年城镇新增就业１．５万人。')).toEqual([
      { name: '城镇新增就业', unit: '人', target: 15000 },
    ]);
  });

  it('names what precedes the number, without framing verbs or bracketed asides', () => {
    expect(extractIndicators('建设养老服务综合体(含助餐点)8个,开设家庭养老床位200张。')).toEqual([
      { name: '养老服务综合体', unit: '个', target: 8 },
      { name: '家庭养老床位', unit: '张', target: 200 },
    ]);
    expect(extractIndicators('新建社区食堂12个、助餐点30处，筹集公租房500套（间）。')).toEqual([
      { name: '社区食堂', unit: '个', target: 12 },
      { name: '助餐点', unit: '处', target: 30 },
      { name: '公租房', unit: '套（间）', target: 500 },
    ]);
    expect(extractIndicators('新增普惠托位300个。')).toEqual([{ name: '普惠托位', unit: '个', target: 300 }]);
  });

  it('keeps the kind of work in the name', () => {
    expect(extractIndicators('改造雨污管网6.5公里，提升改造背街小巷12条。')).toEqual([
      { name: '改造雨污管网', unit: '公里', target: 6.5 },
      { name: '提升改造背街小巷', unit: '条', target: 12 },
    ]);
  });

  it('takes "verb N unit thing" only after a work verb', () => {
    expect(extractIndicators('年内建成4个社区图书室，惠及180户低收入家庭。')).toEqual([
      { name: '社区图书室', unit: '个', target: 4 },
      { name: '低收入家庭', unit: '户', target: 180 },
    ]);
    expect(extractIndicators('在16个社区开展宣传，对9个楼院开展走访，涉及甲街、乙镇共 7 所学校。')).toEqual([]);
  });

  it('finds the name in the clause before when the number follows 达到', () => {
    expect(extractIndicators('为80岁以上老人提供上门助浴服务，达到1.5万人次。')).toEqual([
      { name: '上门助浴服务', unit: '人次', target: 15000 },
    ]);
  });

  it('skips years, dates, ages, ordinals, addresses, ranges and estimates', () => {
    const text =
      '该项目位于幸福路 8 号，用地约 30 亩，2025年6月底前开工，第3批实施，为18至60岁居民分档给予0.2至3万元补助，预计打造 90 余间宿舍。';
    expect(extractIndicators(text)).toEqual([]);
  });

  it('skips descriptions of the project, dimensions, changes and qualifying amounts', () => {
    const text =
      '建筑面积 3200 平方米，建成后可招生 12 个班,540 名学生。道路长420米,宽16米。报销限额提高2000元，由3000元提高至6000元。对支出超过2万元的会员给予救助。';
    expect(extractIndicators(text)).toEqual([]);
  });

  it('takes percentages only as rates or after 实现/达到/完成', () => {
    expect(extractIndicators('年末实现100%村卫生室标准化，至少60%社区建成健康小屋，覆盖率达到95%。')).toEqual([
      { name: '村卫生室标准化', unit: '%', target: 100 },
      { name: '社区建成健康小屋', unit: '%', target: 60, approx: 'at_least' },
      { name: '覆盖率', unit: '%', target: 95 },
    ]);
    expect(extractIndicators('报销比例分别为60%、40%，提高3个百分点，完成任务数的70%。')).toEqual([]);
    expect(extractIndicators('改造完成率超过85%，开工率达到70%。')).toEqual([
      { name: '改造完成率', unit: '%', target: 85, approx: 'at_least' },
      { name: '开工率', unit: '%', target: 70 },
    ]);
  });

  it('ignores Chinese numerals in running text', () => {
    expect(extractIndicators('坚持一户一策，关爱一老一小，建设一座公厕。')).toEqual([]);
  });

  it('leaves out a subject before a framing verb and a trailing conjunction', () => {
    expect(extractIndicators('甲镇完成健身路径安装27处，乙街完成6个。')).toEqual([
      { name: '健身路径安装', unit: '处', target: 27 },
    ]);
    expect(extractIndicators('完成甲馆、乙馆等3家区属场馆和9家社区场馆的改造。')).toEqual([
      { name: '区属场馆', unit: '家', target: 3 },
    ]);
  });

  it('lists the same indicator once and returns [] for empty or hostile input', () => {
    expect(extractIndicators('新建公园3个。新建公园3个。')).toEqual([{ name: '公园', unit: '个', target: 3 }]);
    expect(extractIndicators('')).toEqual([]);
    expect(extractIndicators('1'.repeat(30_000))).toEqual([]);
  });
});

describe('extractIndicatorsByPart', () => {
  it('labels each indicator with its part', () => {
    expect(extractIndicatorsByPart('(1) 新增充电桩 40 个。 (2) 新增换电柜 12 台。')).toEqual([
      { name: '充电桩', unit: '个', target: 40, part: '(1)' },
      { name: '换电柜', unit: '台', target: 12, part: '(2)' },
    ]);
    expect(extractIndicatorsByPart('新增充电桩 40 个。')).toEqual([
      { name: '充电桩', unit: '个', target: 40, part: '' },
    ]);
  });
});
