import { beforeAll, describe, expect, it } from 'vitest';
import { programmeDocumentSchema } from '../interchange.js';
import { documentProblems } from '../validate-document.js';
import { type ImportResult, importFile } from './import-document.js';
import { categoryViews, hasSeeds, item, SEEDS_DIR, seedBytes } from './testing/view.js';

/**
 * 西青区2024年20项民心工程进度和责任清单, "wide rows": one tab-separated line per
 * row, copied out of a PDF. Written from reading the seed: spaces inside
 * words ("提升教 育教学 环境", "赵 林") go, a category repeated over a page
 * break stays one category, "——" and "---" plan no work, and the parts of
 * items 4, 6, 25, 26 and 27 are children with their own units and people.
 */

const FILE = 'xiqing-2024-district-list.txt';
const ALL = 'Q1 Q2 Q3 Q4';

describe.skipIf(!hasSeeds)(`the Xiqing 2024 list (${SEEDS_DIR} missing: seed tests skipped)`, () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importFile(seedBytes(FILE), FILE);
  });

  it('is read as wide rows, with its own title, jurisdiction and year', () => {
    expect(result.layout).toBe('wide-rows');
    const doc = result.document;
    expect(doc.title).toBe('西青区2024年20项民心工程进度和责任清单');
    expect(doc.jurisdiction).toBe('西青区');
    expect(doc.year).toBe(2024);
    expect(doc.parent ?? null).toBeNull();
    expect(programmeDocumentSchema.safeParse(doc).success).toBe(true);
    expect(documentProblems(doc)).toEqual([]);
  });

  it('has the twenty categories once each', () => {
    expect(result.document.categories.map((c) => [c.ordinal, c.title])).toEqual([
      [1, '增加教育资源配置'],
      [2, '着力完善养老服务'],
      [3, '改善群众居住条件'],
      [4, '提升医疗服务水平'],
      [5, '关爱儿童身心健康'],
      [6, '提升职工保障水平'],
      [7, '扎实推进就业创业'],
      [8, '强化便民服务能力'],
      [9, '提升农业基础设施'],
      [10, '着力实施灾后重建'],
      [11, '加强排水设施建设'],
      [12, '推进安全西青建设'],
      [13, '加快区域路网建设'],
      [14, '改善交通出行条件'],
      [15, '助力实现双碳目标'],
      [16, '建设完善公园设施'],
      [17, '提升文明创建水平'],
      [18, '丰富群众文化生活'],
      [19, '助力打造品质生活'],
      [20, '支持群众健身运动'],
    ]);
  });

  it('has every item and part with units, people, leaders, milestones and indicators', () => {
    const [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20] = categoryViews(
      result.document,
    ).map((c) => c.items);
    const 柴 = ['柴树芳'];
    const 庞 = ['庞铁强'];
    const 张 = ['张建凤'];
    expect(c1).toEqual([
      item('1', '建成赤龙中学', { lead: '区教育局', persons: ['李伟志'], leaders: 柴, milestones: 'Q1 Q2 Q3' }),
      item('2', '建成张家窝镇第一小学', {
        lead: '张家窝镇',
        co: ['区教育局'],
        persons: ['赵林', '李伟志'],
        leaders: 柴,
        milestones: 'Q1 Q2 Q3',
      }),
      item('3', '建成杨柳青镇第四幼儿园', {
        lead: '杨柳青镇',
        persons: ['高庆锡'],
        leaders: 柴,
        milestones: 'Q1 Q2 Q3',
      }),
      item('4', '提升教育教学环境', {
        children: [
          item('(1)', '为部分小学安装空调', {
            lead: '区教育局',
            co: ['李七庄街', '辛口镇', '精武镇', '大寺镇'],
            persons: ['李伟志', '王超', '王树军', '张艳红', '闫芹芹'],
            leaders: 柴,
            milestones: 'Q1 Q2 Q3',
          }),
          item('(2)', '改造中北第二小学操场，对操场草坪及塑胶跑道进行重新铺设', {
            lead: '区教育局',
            co: ['中北镇'],
            persons: ['李伟志', '杨静'],
            leaders: 柴,
            milestones: 'Q1 Q2 Q3',
          }),
          item('(3)', '对辛口镇中心小学所有教室学生课桌椅进行更换', {
            lead: '辛口镇',
            persons: ['王树军'],
            leaders: 柴,
            milestones: 'Q1 Q2',
          }),
        ],
      }),
    ]);
    expect(c2).toEqual([
      item('5', '新建公建养老机构', {
        lead: '区民政局',
        persons: ['郭金花'],
        leaders: 柴,
        milestones: ALL,
        indicators: ['床位 150张'],
      }),
    ]);
    // Item 6 prints two rows without part numbers, each with its own unit and plan.
    expect(c3).toEqual([
      item('6', '实施老旧小区改造工程', {
        children: [
          item('(1)', '对大寺镇（龙居花园四区、龙居花园六区）2个小区进行改造', {
            lead: '区住建委',
            co: ['大寺镇'],
            persons: ['赵雪原', '闫芹芹'],
            leaders: 庞,
            milestones: ALL,
          }),
          item(
            '(2)',
            '对西营门街官民里、夏茵里、秋爽里、赵苑西里、南岸家园、嘉汇园、兆发家园7个小区改造及小稍直口社区、嘉汇园社区配套用房更新',
            {
              lead: '西营门街',
              persons: ['刘小可'],
              leaders: 庞,
              milestones: ALL,
              indicators: ['改造建筑面积 371400平方米'],
            },
          ),
        ],
      }),
    ]);
    const one = (lead: string, person: string, leaders: string[], milestones = ALL) => ({
      lead,
      persons: [person],
      leaders,
      milestones,
    });
    expect(c4).toEqual([
      item('7', '建设智慧化预防接种门诊', one('区卫健委', '郭宜鹏', 柴)),
      item('8', '提升基层中医药服务能力', {
        ...one('区卫健委', '郭宜鹏', 柴),
        indicators: [
          '社区卫生服务中心设置中医馆 100% Q2=50 Q3=75 Q4=100',
          '社区卫生服务站设置中医阁 50% Q2=25 Q3=40 Q4=50',
        ],
      }),
      // 各街镇 names no one: one person for two units is no gap.
      item('9', '建设西青区基层医保经办服务体系', { ...one('区医保局', '苏胜利', 柴, 'Q1 Q2'), co: ['各街镇'] }),
    ]);
    expect(c5).toEqual([
      item('10', '实施残疾儿童康复救助工程', one('区残联', '刘月华', 柴)),
      item('11', '实施学生视力健康工程', one('区卫健委', '郭宜鹏', 柴)),
    ]);
    expect(c6).toEqual([item('12', '实施职工暖心行动', one('区总工会', '孙维君', ['张一谋']))]);
    // Item 13's parts share one unit and one person: they stay one item with two indicators.
    expect(c7).toEqual([
      item('13', '实施就业培训工程', {
        ...one('区人社局', '顾志昊', 柴),
        indicators: [
          '新增就业 23000人 Q1=4600 Q2=11000 Q3=16000 Q4=23000',
          '职业技能培训 10000人次 Q1=800 Q2=5000 Q3=7500 Q4=10000',
        ],
      }),
      item('14', '建成西青区人力资源服务产业园', one('中北镇', '杨静', 柴, 'Q1 Q2')),
      item('15', '实施天开西青园人才公寓项目', one('精武镇', '张艳红', 柴, 'Q1 Q2 Q3')),
    ]);
    expect(c8).toEqual([
      item('16', '提升改造津兰农贸市场', {
        lead: '区商务局',
        co: ['李七庄街'],
        persons: ['刘珊珊', '王超'],
        leaders: ['郭磊'],
        milestones: ALL,
      }),
    ]);
    const farms = {
      lead: '区农业农村委',
      co: ['辛口镇', '杨柳青镇'],
      persons: ['林小琳', '王树军', '高庆锡'],
      leaders: 张,
    };
    expect(c9).toEqual([
      item('17', '建设高标准农田', { ...farms, milestones: ALL, indicators: ['改造提升高标准农田面积 10000亩'] }),
    ]);
    expect(c10).toEqual([
      item('18', '提升改造蓄滞洪区内种植业农业设施', {
        ...farms,
        milestones: ALL,
        indicators: ['受灾农业设施提升改造 1000亩'],
      }),
      item('19', '实施水毁修复工程', one('区水务局', '靳丕玉', 张)),
      // "(1)…(2)…" under one unit: one item, its parts kept as text.
      item('20', '实施水毁村庄基础设施修复提升工程', one('辛口镇', '王树军', 张)),
    ]);
    expect(c11).toEqual([
      item('21', '实施紫光路积水片区应急排水临时工程', {
        lead: '区水务局',
        co: ['中北镇'],
        persons: ['靳丕玉', '杨静'],
        leaders: 张,
        milestones: ALL,
      }),
      item('22', '实施枣林大道雨水泵站工程', {
        lead: '区住建委',
        co: ['张家窝镇'],
        persons: ['赵雪原', '赵林'],
        leaders: 庞,
        milestones: ALL,
      }),
      item('23', '建设学府工业园1号雨水泵站项目', one('精武镇', '张艳红', 庞)),
    ]);
    expect(c12).toEqual([item('24', '实施供热老旧管网改造工程', one('区城管委', '李德成', 张))]);
    // One merged units cell over three roads; each road keeps the units of the people it names.
    const road = (number: string, name: string, unit: string, person: string) =>
      item(number, name, { lead: '区住建委', co: [unit], persons: ['赵雪原', person], leaders: 庞, milestones: ALL });
    expect(c13).toEqual([
      item('25', '新建沁杨道等3条道路', {
        children: [
          road('(1)', '沁杨道(柳望路-青静路)', '杨柳青镇', '高庆锡'),
          road('(2)', '慧群道(成智路-迎水南路)', '精武镇', '张艳红'),
          road('(3)', '泽润路(广源道-储厚道)', '大寺镇', '闫芹芹'),
        ],
      }),
    ]);
    expect(c14).toEqual([
      item('26', '提升改造道路设施', {
        children: [
          item('(1)', '提升4条城市道路', { ...one('区城管委', '李德成', 张), indicators: ['城市道路 4条'] }),
          item('(2)', '提升4条道路照明设施', {
            lead: '区住建委',
            co: ['区城管委', '杨柳青镇', '中北镇', '张家窝镇', '李七庄街'],
            persons: ['赵雪原', '李德成', '高庆锡', '杨静', '赵林', '王超'],
            leaders: 庞,
            milestones: ALL,
            indicators: ['道路照明设施 4条'],
          }),
          item('(3)', '提升中北工业园北园道路', one('中北镇', '杨静', 张, 'Q1 Q2 Q3')),
        ],
      }),
    ]);
    // Three parts in one cell, three units, three people: three children, named by their first clause. 充电柜 is planned as 11 a quarter;
    // the charging spaces (65, 22, 22, 22 of 110) add up to nothing and get no checkpoints, with a warning.
    expect(c15).toEqual([
      item('27', '建设公共充电设施', {
        children: [
          item('(1)', '在赤龙南街新增新能源汽车充电桩30个', {
            ...one('赤龙南街', '代继良', ['郭磊'], 'Q1 Q2 Q3'),
            indicators: ['新能源汽车充电桩 30个', '电动自行车充电位 350个', '充电柜 2台'],
          }),
          item('(2)', '在津门湖街高层小区新增电动自行车充电车位110个、充电柜33台', {
            ...one('津门湖街', '吴慧慧', ['郭磊']),
            indicators: ['电动自行车充电车位 110个', '充电柜 33台 Q2=11 Q3=22 Q4=33'],
          }),
          item('(3)', '在王稳庄示范镇新增电动自行车充电车位464个', {
            ...one('王稳庄镇', '房新民', ['郭磊']),
            indicators: ['电动自行车充电车位 464个'],
          }),
        ],
      }),
    ]);
    expect(c16).toEqual([
      item('28', '新建提升5处口袋公园、街景绿地', {
        lead: '区城管委',
        co: ['赤龙南街', '张家窝镇', '精武镇', '经开集团'],
        persons: ['李德成', '代继良', '赵林', '张艳红', '李光哲'],
        leaders: 张,
        milestones: ALL,
        indicators: ['口袋公园 5处'],
      }),
    ]);
    expect(c17).toEqual([
      item('29', '打造儿童友好样板社区', {
        lead: '区妇联',
        co: ['张家窝镇', '精武镇', '津门湖街'],
        persons: ['戴维微', '赵林', '张艳红', '吴慧慧'],
        leaders: 柴,
        milestones: ALL,
      }),
      item('30', '提升改造天津一二·九抗日救亡运动纪念馆', {
        lead: '李七庄街',
        co: ['区文旅局'],
        persons: ['王超', '杨万松'],
        leaders: 柴,
        milestones: ALL,
      }),
    ]);
    expect(c18).toEqual([
      // The space inside the slogan ("赓续文脉 艺润西青") goes with the PDF spaces: the text module cannot tell them apart.
      item('31', '实施“赓续文脉艺润西青”文化汇演', {
        ...one('区文旅局', '杨万松', 柴),
        co: ['各街镇'],
        indicators: ['演出 100场 Q2=20 Q3=60'],
      }),
      item('32', '举办第27届杨柳青灯展', {
        lead: '区文旅局',
        co: ['区城管委', '杨柳青镇', '区城投公司'],
        persons: ['杨万松', '李德成', '高庆锡', '解福奇'],
        leaders: ['卢盈', '柴树芳'],
        milestones: 'Q1',
      }),
    ]);
    // Ambiguous: 45 科普阵地 (25 by Q3, 20 more by Q4) reads as an indicator, but the task says "推动45个村（社区）完成…",
    // which the text module takes for a place; the quarter numbers come back as warnings.
    expect(c19).toEqual([
      item('33', '推进45个基层科普阵地创建达标', { ...one('区科协', '任秀元', ['齐中波']), co: ['各街镇'] }),
    ]);
    expect(c20).toEqual([
      item('34', '实施全民健身场地设施建设项目', { ...one('区体育局', '潘崢', 柴), indicators: ['健身园 20处'] }),
    ]);
  });

  it('splits quarter cells written (1)…(2)… among the parts and drops "——"', () => {
    const parts = result.document.categories[14]?.items[0]?.children ?? [];
    expect(parts[0]?.milestones?.map((m) => m.text)).toEqual([
      '完成佳和华庭、亲和润园汽车充电桩安装;完成电动自行车充电设施招标等准备工作。',
      '完成李宁文体中心、赤龙公园汽车充电桩合同签订;启动电动自行车充电设施建设。',
      '完成李宁文体中心、赤龙公园汽车充电桩建设,投入使用;电动自行车充电设施投入使用。',
    ]);
    expect(parts[2]?.milestones?.[3]).toEqual({ period: 'Q4', text: '完工验收。' });
    expect(parts[0]?.description).toBe('在赤龙南街新增新能源汽车充电桩 30 个,电动自行车充电位 350 个、充电柜 2 台。');
  });

  it('says where it guessed', () => {
    const says = (where: string, words: string) =>
      expect(result.warnings.some((w) => w.where === where && w.message.includes(words))).toBe(true);
    says('line 66', '多出 7 个空单元格');
    says('line 67', '多出 7 个空单元格');
    says('line 38, column 1', '已作为分项(2)导入');
    says('line 62, column 5', '按所列责任人推断为：区住建委、杨柳青镇');
    says('line 63, column 5', '按所列责任人推断为：区住建委、精武镇');
    says('line 64, column 5', '按所列责任人推断为：区住建委、大寺镇');
    says('line 69, column 4', '已拆为分项 (1)–(3)');
    says('line 69, column 1', '电动自行车充电车位');
    says('line 76, column 1', '25个');
  });
});
