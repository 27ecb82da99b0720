import { beforeAll, describe, expect, it } from 'vitest';
import { programmeDocumentSchema } from '../interchange.js';
import { documentProblems } from '../validate-document.js';
import { type ImportResult, importFile } from './import-document.js';
import { categoryViews, hasSeeds, item, SEEDS_DIR, seedBytes } from './testing/view.js';

/**
 * 天津市2024年20项民心工程涉及津南区任务清单, "vertical cells": every cell a
 * tab-led line. The expectations below were written from reading the seed.
 * Categories skip numbers (no 九、十一、十三、十六) because the district has
 * no task in them; 三、五、六、七、八、十二、十八 are printed once per item.
 */

const FILE = 'jinnan-2024-city-tasks.txt';
const unit = (lead: string, deadline: string, milestones = 'Q1 Q2 Q3 Q4') => ({ lead, deadline, milestones });
const dec = (text: string) => `${text} 2024-12-31`;

describe.skipIf(!hasSeeds)(`the Jinnan 2024 list (${SEEDS_DIR} missing: seed tests skipped)`, () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importFile(seedBytes(FILE), FILE);
  });

  it('is read as vertical cells, with title, jurisdiction, year and the city programme it carries out', () => {
    expect(result.layout).toBe('vertical-cells');
    const doc = result.document;
    expect(doc.title).toBe('天津市2024年20项民心工程涉及津南区任务清单');
    expect(doc.jurisdiction).toBe('津南区');
    expect(doc.year).toBe(2024);
    expect(doc.parent).toBe('天津市2024年20项民心工程');
    expect(programmeDocumentSchema.safeParse(doc).success).toBe(true);
    expect(documentProblems(doc)).toEqual([]);
  });

  it('has every category, once, in printed order', () => {
    expect(result.document.categories.map((c) => [c.ordinal, c.title])).toEqual([
      [1, '就业保障工程'],
      [2, '育才护苗工程'],
      [3, '健康守护工程'],
      [4, '就医减负工程'],
      [5, '惠工解忧工程'],
      [6, '扶弱解困工程'],
      [7, '养老助残工程'],
      // "八、惠民安居工程\n。": the stray break before 。 is joined.
      [8, '惠民安居工程'],
      // "[bookmark: …]十、商业便民工程。": the bookmark goes.
      [10, '商业便民工程'],
      [12, '燃气供热工程'],
      // An empty cell whose second paragraph holds the category.
      [14, '休闲宜工程'],
      [15, '路网完工程'],
      [17, '消防提升工程'],
      [18, '全民健工程'],
      [19, '文化惠民工程'],
    ]);
  });

  it('has every item with its unit, deadline, milestones and indicators', () => {
    const items = categoryViews(result.document).flatMap((c) => c.items.map((i) => ({ category: c.ordinal, ...i })));
    expect(items).toEqual([
      {
        category: 1,
        ...item('1', '促进高质量充分就业', {
          ...unit('区人社局', dec('12月底')),
          indicators: ['城镇新增就业 20000人 Q1=5000 Q2=10000 Q3=15000 Q4=20000'],
        }),
      },
      // 新增义务教育学位3360个 is only in the fourth quarter's text: a warning, not an indicator.
      { category: 2, ...item('2', '持续推进义务教育优质均衡发展', unit('区教育局', '9月底 2024-09-30')) },
      { category: 3, ...item('3', '为已婚适龄妇女提供“两癌”筛查服务', unit('区卫生健康委', dec('12月底'))) },
      { category: 3, ...item('4', '实施“红十字·校园守护”行动', unit('区红十字会', dec('12月底'))) },
      // 提高1000元 is a change of a limit, not a number to reach.
      { category: 4, ...item('5', '统筹提高医保待遇水平', unit('区医疗保障局', '3月底 2024-03-31')) },
      { category: 5, ...item('6', '开展职工大病救助', unit('区总工会', dec('12月底'))) },
      { category: 5, ...item('7', '开展职工住院关爱慰问', unit('区总工会', dec('12月底'))) },
      {
        category: 6,
        ...item('8', '实施基层社会救助能力提升工程，持续完善社会救助体系', unit('区民政局', '11月底 2024-11-30')),
      },
      {
        category: 6,
        // Third and fourth quarter cells are empty: no milestone, no checkpoint.
        ...item('9', '开展农民工、困难职工和新就业形态劳动者免费健康查体', {
          ...unit('区总工会', '7月底 2024-07-31', 'Q1 Q2'),
          indicators: ['查体 1600人 Q2=1600'],
        }),
      },
      {
        category: 7,
        ...item('10', '开展养老服务质量提升行动', {
          ...unit('区民政局', dec('12月底')),
          indicators: ['机构老年人认知障碍照护专区 1个', '智慧化养老服务综合体 1家'],
        }),
      },
      { category: 7, ...item('11', '持续做好残疾儿童康复救助', unit('区残联', dec('12月底'))) },
      {
        category: 8,
        ...item('12', '规范发展保障性租赁住房', {
          ...unit('区住房建设委', dec('12月底')),
          indicators: ['保障性租赁住房 700套（间） Q4=700'],
        }),
      },
      {
        category: 8,
        ...item('13', '持续开展农村困难群众危房改造', {
          ...unit('区住房建设委', dec('12月底')),
          indicators: ['改造 5户 Q4=5'],
        }),
      },
      {
        category: 8,
        ...item('14', '推动居住小区闲置地下停车场启用', {
          ...unit('区住房建设委', dec('12月底')),
          indicators: ['停车泊位 420个'],
        }),
      },
      {
        category: 10,
        // "将2处公建配套菜市场移交…" hands the markets over; it is not progress towards building them.
        ...item('15', '新建和改造提升标准化菜市场', {
          ...unit('区商务局', dec('12月底')),
          indicators: ['公建配套菜市场 2处'],
        }),
      },
      {
        category: 12,
        ...item('16', '实施老旧燃气管网提升改造', {
          ...unit('区城市管理委', dec('12月底')),
          indicators: ['改造燃气管道 8.5公里'],
        }),
      },
      {
        category: 12,
        ...item('17', '实施供热管网提升改造', {
          ...unit('区城市管理委', '9月底 2024-09-30'),
          indicators: ['改造供热管道 8.46公里'],
        }),
      },
      // Ambiguous: "对…320个点位实施…改造" could be a target of 320; the text module reads 对 N 个 as a place, not a target.
      {
        category: 12,
        ...item('18', '开展城市供热“冬病夏治”，提升供暖服务质量', unit('区城市管理委', '9月底 2024-09-30')),
      },
      { category: 14, ...item('19', '继续推进“植物园链”建设', unit('区城市管理委', '10月底 2024-10-31')) },
      {
        category: 14,
        ...item('20', '新建、提升口袋公园', {
          ...unit('区城市管理委', '10月底 2024-10-31'),
          indicators: ['口袋公园提升建设 3个 Q3=3'],
        }),
      },
      {
        category: 15,
        ...item('21', '提升改造农村公路桥梁', {
          ...unit('区交通运输管理局', dec('12月底')),
          indicators: ['提升改造农村公路 13公里 Q2=2.499 Q3=4.332'],
        }),
      },
      { category: 17, ...item('22', '开展消防宣传和技能培训', unit('区消防救援支队', dec('12月底'))) },
      {
        category: 18,
        ...item('23', '建设群众健身场地及设施', {
          ...unit('区文化和旅游局', dec('12月底')),
          indicators: ['足篮排多功能运动场 3处', '户外微场地 4处', '室外智能健身房 1处'],
        }),
      },
      { category: 18, ...item('24', '发放数字体育惠民卡补贴名额', unit('区文化和旅游局', dec('12月底'))) },
      { category: 18, ...item('25', '丰富运动赛事', unit('区文化和旅游局', '10月底 2024-10-31')) },
      // The closing quote without an opening one is printed so.
      { category: 19, ...item('26', '举办天津市第九届市民文化艺术节”', unit('区文化和旅游局', '11月底 2024-11-30')) },
    ]);
  });

  it('keeps the quarter texts and task as printed, paragraphs and all', () => {
    const item8 = result.document.categories[5]?.items[0];
    expect(item8?.description).toMatch(/^指导各镇街按照市局相关政策要求/);
    expect(item8?.milestones?.[0]).toEqual({
      period: 'Q1',
      text: '1.召开津南区社会救助工作会议，就重点工作进行分析解读。\n2.摸排了解困难群众实际需求，对接职能部门和社会组织，推进“物质+服务”改革任务。\n3.组织开展津南区社会救助业务知识大赛活动，以赛代训，提高基层工作人员业务能力。',
    });
    const item1 = result.document.categories[0]?.items[0];
    expect(item1?.description).toBe('全年城镇新增就业2万人。');
    expect(item1?.milestones?.[1]?.text).toBe(
      '坚持就业优先战略，持续推进“宜业津南”计划，截至二季度末，实现城镇新增就业1万人。',
    );
  });

  it('warns about the distribution list after the table and the quarter numbers that match no indicator', () => {
    const warnings = result.warnings.map((w) => `${w.where}: ${w.message.split(' ')[0]}`);
    expect(warnings).toContain(
      'line 309: 清单后的文字“办公室，区纪委监委，区法院，区检察院，各人民团体。”不属于清单，未导入。',
    );
    expect(result.warnings.find((w) => w.where === 'line 31')?.message).toContain('3360个');
    // Only those kinds: nothing else was guessed.
    expect(result.warnings.every((w) => /未对应任何量化指标|不属于清单/.test(w.message))).toBe(true);
  });
});
