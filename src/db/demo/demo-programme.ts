/**
 * A demo programme for a FICTIONAL district, 明湖区, written for this project.
 *
 * Every place, school, road, unit person and leader here is invented. It has
 * the shape of a real published list (categories with a gap in the numbering,
 * items numbered across categories, (1)(2)(3) parts, quarterly milestones,
 * cumulative indicator checkpoints, a lead unit first and its co-units, the
 * responsible people in the same order, and supervising leaders) so that the
 * demo, the tests and the screenshots look like the real thing without
 * copying any real document.
 */
import type { InterchangeIndicator, InterchangeMilestone, ProgrammeDocument } from '../../core/interchange.js';

/** A unit that leads or co-leads several items: the demo reporter account belongs to it. */
export const DEMO_REPORTER_UNIT = '区教育局';

/** A supervising leader who answers for several items: the demo leader account. */
export const DEMO_LEADER = '周文清';

/** The four quarterly plans; "——" means no work is planned that quarter. */
function quarters(q1: string, q2: string, q3: string, q4: string): InterchangeMilestone[] {
  return [
    { period: 'Q1', text: q1 },
    { period: 'Q2', text: q2 },
    { period: 'Q3', text: q3 },
    { period: 'Q4', text: q4 },
  ];
}

/** Cumulative checkpoints at the end of each quarter. */
function cumulative(q1: number, q2: number, q3: number, q4: number): Record<string, number> {
  return { Q1: q1, Q2: q2, Q3: q3, Q4: q4 };
}

function indicator(
  name: string,
  unit: string,
  target: number,
  checkpoints: Record<string, number>,
  direction: 'increase' | 'decrease' = 'increase',
): InterchangeIndicator {
  return direction === 'increase'
    ? { name, unit, target, checkpoints }
    : { name, unit, target, direction, checkpoints };
}

const BY_JUNE = { text: '6月底', date: '2026-06-30' };
const BY_AUGUST = { text: '8月底', date: '2026-08-31' };
const BY_SEPTEMBER = { text: '9月底', date: '2026-09-30' };
const BY_OCTOBER = { text: '10月底', date: '2026-10-31' };
const BY_NOVEMBER = { text: '11月底', date: '2026-11-30' };
const BY_DECEMBER = { text: '12月底', date: '2026-12-31' };

const NONE = '——';

export const demoProgramme: ProgrammeDocument = {
  format: 'minxin.programme/v1',
  title: '明湖区2026年20项民心工程',
  jurisdiction: '明湖区',
  year: 2026,
  parent: null,
  categories: [
    {
      ordinal: 1,
      title: '教育提质工程',
      items: [
        {
          number: '1',
          name: '建成明湖区实验小学云溪校区',
          description:
            '项目位于云溪街道荷风路以东、鹭鸣道以北，占地面积约31亩，总建筑面积约2.26万平方米，规划36个教学班。' +
            '主要建设内容包括教学楼、综合楼、风雨操场、地下车库以及室外运动场、景观绿化等配套设施。',
          target: '完成主体及配套工程建设，秋季学期投入使用，新增小学学位1620个。',
          leadUnit: '区教育局',
          coUnits: ['区住建委', '云溪街道'],
          persons: ['孙立群', '钱海涛', '史伟杰'],
          leaders: ['周文清'],
          deadline: BY_SEPTEMBER,
          milestones: [
            { period: 'Q1', text: '完成室内装饰装修工程的30%；完成机电安装工程的40%。' },
            { period: 'Q2', text: '完成室内装饰装修和机电安装工程；启动室外运动场及景观绿化施工。' },
            {
              period: 'Q3',
              text: '8月底前完成室外工程并通过竣工验收；完成教师配备和教学设施设备采购安装，具备开学条件。',
              dueDate: '2026-08-31',
            },
            { period: 'Q4', text: NONE },
          ],
          indicators: [
            indicator('新增小学学位', '个', 1620, cumulative(0, 0, 1620, 1620)),
            indicator('室内装饰装修完成比例', '%', 100, cumulative(30, 100, 100, 100)),
          ],
        },
        {
          number: '2',
          name: '新增普惠性学前教育学位',
          description:
            '新建青枫镇中心幼儿园分园、白鹭镇第二幼儿园，改扩建湖滨街道第一幼儿园、柳岸街道幼儿园，' +
            '扶持2所民办幼儿园转为普惠性民办园，持续扩大普惠性学前教育资源供给。',
          target: '新增普惠性学前教育学位1080个，普惠性幼儿园覆盖率达到92%。',
          leadUnit: '区教育局',
          coUnits: ['区财政局', '青枫镇', '白鹭镇'],
          persons: ['孙立群', '邓国栋', '贺长林', '葛春燕'],
          leaders: ['周文清'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '完成4所幼儿园施工招标；启动民办园普惠性认定申报工作。',
            '2所改扩建园完成主体施工；完成2所民办园普惠性认定初审。',
            '2所改扩建园秋季投入使用；完成民办园普惠性认定，累计新增普惠性学位540个。',
            '2所新建园完成竣工验收并投入使用，累计新增普惠性学位1080个。',
          ),
          indicators: [
            indicator('新增普惠性学前教育学位', '个', 1080, cumulative(0, 0, 540, 1080)),
            indicator('新建、改扩建幼儿园', '所', 4, cumulative(0, 0, 2, 4)),
            indicator('普惠性幼儿园覆盖率', '%', 92, cumulative(89.5, 90, 91, 92)),
          ],
        },
        {
          number: '3',
          name: '改善中小学校办学条件',
          description: '对部分中小学校食堂、运动场地和教室照明进行提升改造，改善学生就餐、运动和学习环境。',
          target: '完成12所学校食堂提升改造、6所学校运动场改造、300间教室照明改造。',
          leadUnit: '区教育局',
          coUnits: ['区住建委'],
          persons: ['孙立群', '钱海涛'],
          leaders: ['周文清'],
          deadline: BY_DECEMBER,
          children: [
            {
              number: '(1)',
              name: '中小学校食堂提升改造',
              description:
                '对12所中小学校食堂进行后厨布局优化、排油烟设施更新和“互联网+明厨亮灶”改造，' +
                '改造后全部达到食品安全量化分级A级标准。',
              target: '完成12所学校食堂提升改造，秋季开学投入使用。',
              leadUnit: '区教育局',
              coUnits: ['区市场监管局'],
              persons: ['孙立群', '冯敬亭'],
              leaders: ['周文清'],
              deadline: BY_AUGUST,
              milestones: quarters(
                '完成12所学校食堂现状勘察和改造方案设计。',
                '完成施工招标；利用节假日开展非就餐区域施工。',
                '利用暑期完成全部改造并通过验收，秋季开学投入使用。',
                NONE,
              ),
              indicators: [indicator('完成食堂提升改造', '所', 12, cumulative(0, 0, 12, 12))],
            },
            {
              number: '(2)',
              name: '学校运动场改造',
              description: '对6所学校的塑胶跑道、人造草坪及照明设施进行翻新改造，改造面积约3.6万平方米。',
              target: '完成6所学校运动场改造。',
              leadUnit: '区教育局',
              coUnits: ['区体育局'],
              persons: ['孙立群', '吴可心'],
              leaders: ['周文清'],
              deadline: BY_SEPTEMBER,
              milestones: quarters(
                '完成6所学校运动场改造设计和预算评审。',
                '完成施工招标；完成1所学校运动场改造。',
                '利用暑期完成其余5所学校运动场改造并通过验收。',
                NONE,
              ),
              indicators: [
                indicator('完成运动场改造', '所', 6, cumulative(0, 1, 6, 6)),
                indicator('运动场改造面积', '平方米', 36000, cumulative(0, 6000, 36000, 36000)),
              ],
            },
            {
              number: '(3)',
              name: '教室照明改造',
              description:
                '对300间普通教室照明进行改造，课桌面平均照度不低于300勒克斯、黑板面平均照度不低于500勒克斯，保护学生视力。',
              target: '完成300间教室照明改造并通过第三方检测。',
              leadUnit: '区教育局',
              coUnits: [],
              persons: ['孙立群'],
              leaders: ['周文清'],
              deadline: BY_DECEMBER,
              milestones: quarters(
                '完成教室照明现状检测，确定改造清单。',
                '完成灯具设备采购招标。',
                '利用暑期完成200间教室照明改造。',
                '完成剩余100间教室照明改造并通过第三方检测。',
              ),
              indicators: [indicator('完成教室照明改造', '间', 300, cumulative(0, 0, 200, 300))],
            },
          ],
        },
      ],
    },
    {
      ordinal: 2,
      title: '养老服务工程',
      items: [
        {
          number: '4',
          name: '建设社区嵌入式养老服务设施',
          description:
            '在湖滨街道、柳岸街道、青枫镇各建设1家社区嵌入式养老服务综合体，每家设置养老床位不少于30张，' +
            '提供日间照料、助餐、助浴、康复护理等服务；新增老年助餐点15个，扩大老年助餐服务覆盖面。',
          target: '建成社区嵌入式养老服务综合体3家，新增养老床位90张，新增老年助餐点15个。',
          leadUnit: '区民政局',
          coUnits: ['湖滨街道', '柳岸街道', '青枫镇'],
          persons: ['杜晓梅', '秦朗', '邵婉清', '贺长林'],
          leaders: ['陈永和'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '完成3家综合体选址和设计方案；新增老年助餐点3个。',
            '启动3家综合体改造施工；累计新增老年助餐点7个。',
            '建成湖滨街道综合体并投入运营；累计新增老年助餐点11个。',
            '建成柳岸街道、青枫镇综合体并投入运营；累计新增老年助餐点15个。',
          ),
          indicators: [
            indicator('建成社区嵌入式养老服务综合体', '家', 3, cumulative(0, 0, 1, 3)),
            indicator('新增养老床位', '张', 90, cumulative(0, 0, 30, 90)),
            indicator('新增老年助餐点', '个', 15, cumulative(3, 7, 11, 15)),
          ],
        },
        {
          number: '5',
          name: '实施困难老年人家庭居家适老化改造',
          description:
            '为经济困难的高龄、失能、残疾老年人家庭实施居家适老化改造，开展地面防滑处理、加装扶手、改造卫浴设施，' +
            '配置助行器具和紧急呼叫设备；同时为特殊困难老年人提供每月探访关爱服务。',
          target: '完成居家适老化改造600户，特殊困难老年人月探访率保持100%。',
          leadUnit: '区民政局',
          coUnits: ['区残联', '各街镇'],
          persons: ['杜晓梅', '唐静怡', '各街镇主要负责人'],
          leaders: ['陈永和'],
          deadline: BY_NOVEMBER,
          milestones: quarters(
            '完成改造对象摸底评估，确定第三方服务机构。',
            '累计完成居家适老化改造200户。',
            '累计完成居家适老化改造450户。',
            '11月底前完成全部600户改造并组织验收。',
          ),
          indicators: [
            indicator('完成居家适老化改造', '户', 600, cumulative(0, 200, 450, 600)),
            indicator('特殊困难老年人月探访率', '%', 100, cumulative(100, 100, 100, 100)),
          ],
        },
      ],
    },
    {
      ordinal: 3,
      title: '健康守护工程',
      items: [
        {
          number: '6',
          name: '提升基层医疗卫生服务能力',
          description:
            '改造提升社区卫生服务中心，做实家庭医生签约服务，为65岁及以上老年人提供免费健康体检，' +
            '让群众在家门口享受优质便捷的基本医疗和公共卫生服务。',
          target:
            '完成2家社区卫生服务中心提升改造；重点人群家庭医生签约覆盖率达到80%；为6.5万名65岁及以上老年人提供免费健康体检。',
          leadUnit: '区卫健委',
          coUnits: [],
          persons: ['韩振东'],
          leaders: ['周文清'],
          deadline: BY_DECEMBER,
          children: [
            {
              number: '(1)',
              name: '社区卫生服务中心提升改造',
              description:
                '对柳岸街道、望荷镇2家社区卫生服务中心实施改造，增设康复、中医、口腔等科室，更新数字化X线摄影、彩色超声等医疗设备。',
              target: '2家社区卫生服务中心完成改造并投入使用。',
              leadUnit: '区卫健委',
              coUnits: ['柳岸街道', '望荷镇'],
              persons: ['韩振东', '邵婉清', '鲁正平'],
              leaders: ['周文清'],
              deadline: BY_OCTOBER,
              milestones: quarters(
                '完成改造方案和设备采购清单编制。',
                '启动改造施工，完成设备采购招标。',
                '完成主体改造，医疗设备进场安装调试。',
                '10月底前2家中心投入使用。',
              ),
              indicators: [indicator('完成提升改造的社区卫生服务中心', '家', 2, cumulative(0, 0, 0, 2))],
            },
            {
              number: '(2)',
              name: '做实家庭医生签约服务',
              description: '优化家庭医生团队配置，为老年人、孕产妇、儿童、慢性病患者等重点人群提供签约服务和健康管理。',
              target: '重点人群家庭医生签约覆盖率达到80%。',
              leadUnit: '区卫健委',
              coUnits: ['区医保局'],
              persons: ['韩振东', '宋佳宁'],
              leaders: ['周文清'],
              deadline: BY_DECEMBER,
              milestones: quarters(
                '重点人群签约覆盖率达到72%。',
                '重点人群签约覆盖率达到75%；开展签约服务质量督导。',
                '重点人群签约覆盖率达到78%。',
                '重点人群签约覆盖率达到80%，完成年度履约评价。',
              ),
              indicators: [indicator('重点人群家庭医生签约覆盖率', '%', 80, cumulative(72, 75, 78, 80))],
            },
            {
              number: '(3)',
              name: '老年人免费健康体检',
              description: '为65岁及以上老年人提供生活方式和健康状况评估、体格检查、辅助检查和健康指导。',
              target: '为6.5万名65岁及以上老年人提供免费健康体检。',
              leadUnit: '区卫健委',
              coUnits: ['各街镇'],
              persons: ['韩振东', '各街镇主要负责人'],
              leaders: ['周文清'],
              deadline: BY_DECEMBER,
              milestones: quarters(
                '完成体检机构遴选和宣传动员，完成体检8000人。',
                '累计完成体检3万人。',
                '累计完成体检5.2万人。',
                '累计完成体检6.5万人，体检结果全部反馈本人。',
              ),
              indicators: [indicator('老年人健康体检', '人', 65000, cumulative(8000, 30000, 52000, 65000))],
            },
          ],
        },
        {
          number: '7',
          name: '开展儿童青少年近视和脊柱侧弯筛查',
          description:
            '为全区中小学生和在园幼儿开展视力和脊柱侧弯筛查，建立屈光发育档案，对筛查异常的学生及时转诊复查并跟踪干预。',
          target: '完成筛查8.2万人次，筛查结果建档率100%。',
          leadUnit: '区卫健委',
          coUnits: ['区教育局'],
          persons: ['韩振东', '孙立群'],
          leaders: ['周文清'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '制定工作方案，完成筛查人员培训。',
            '完成春季学期筛查3.5万人次。',
            '对筛查异常学生开展复查转诊和跟踪干预。',
            '完成秋季学期筛查，累计筛查8.2万人次，结果全部录入档案。',
          ),
          indicators: [indicator('近视和脊柱侧弯筛查', '人次', 82000, cumulative(0, 35000, 35000, 82000))],
        },
      ],
    },
    {
      ordinal: 4,
      title: '就业创业工程',
      items: [
        {
          number: '8',
          name: '促进高质量充分就业',
          description:
            '落实就业优先政策，开展“春风行动”、民营企业招聘月等公共就业服务活动，加强高校毕业生、就业困难人员等重点群体就业帮扶。',
          target: '全年城镇新增就业1.2万人，帮扶就业困难人员就业800人。',
          leadUnit: '区人社局',
          coUnits: [],
          persons: ['罗宏斌'],
          leaders: ['陈永和'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '举办“春风行动”专场招聘会，实现城镇新增就业3000人。',
            '累计实现城镇新增就业6500人，帮扶就业困难人员就业400人。',
            '累计实现城镇新增就业9500人。',
            '累计实现城镇新增就业1.2万人，帮扶就业困难人员就业800人。',
          ),
          indicators: [
            indicator('城镇新增就业', '人', 12000, cumulative(3000, 6500, 9500, 12000)),
            indicator('帮扶就业困难人员就业', '人', 800, cumulative(180, 400, 620, 800)),
          ],
        },
        {
          number: '9',
          name: '开展职业技能培训',
          description:
            '围绕家政服务、养老护理、电工焊工、直播电商等领域开展补贴性职业技能培训，在居民集中区域建设“家门口”零工驿站。',
          target: '开展补贴性职业技能培训5000人次，建成零工驿站2个。',
          leadUnit: '区人社局',
          coUnits: ['区总工会', '区妇联'],
          persons: ['罗宏斌', '白承志', '范秋云'],
          leaders: ['陈永和', '林书航'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '公布年度培训目录，完成培训1000人次。',
            '累计完成培训2500人次，建成零工驿站1个。',
            '累计完成培训3800人次。',
            '累计完成培训5000人次，建成零工驿站2个。',
          ),
          indicators: [
            indicator('补贴性职业技能培训', '人次', 5000, cumulative(1000, 2500, 3800, 5000)),
            indicator('建成零工驿站', '个', 2, cumulative(0, 1, 1, 2)),
          ],
        },
      ],
    },
    {
      ordinal: 5,
      title: '安居宜居工程',
      items: [
        {
          number: '10',
          name: '实施老旧小区改造提升',
          description:
            '对2000年以前建成的老旧小区实施改造，重点更新水电气热等基础设施，同步完善无障碍、停车、充电、养老托育等配套设施。',
          target: '完成12个老旧小区改造，涉及居民4860户、建筑面积38.5万平方米。',
          leadUnit: '区住建委',
          coUnits: ['湖滨街道', '柳岸街道', '云溪街道'],
          persons: ['钱海涛', '秦朗', '邵婉清', '史伟杰'],
          leaders: ['许明远'],
          deadline: BY_DECEMBER,
          indicators: [indicator('完成老旧小区改造', '个', 12, cumulative(0, 2, 6, 12))],
          children: [
            {
              number: '(1)',
              name: '湖滨街道老旧小区改造',
              description: '改造湖滨里、荷塘新村等5个小区，涉及居民2100户、建筑面积16.2万平方米。',
              target: '完成5个小区改造。',
              leadUnit: '湖滨街道',
              coUnits: ['区住建委'],
              persons: ['秦朗', '钱海涛'],
              leaders: ['许明远'],
              deadline: BY_DECEMBER,
              milestones: quarters(
                '完成居民意见征询和改造方案公示。',
                '完成湖滨里改造，其余4个小区开工。',
                '累计完成3个小区改造。',
                '完成全部5个小区改造并组织竣工验收。',
              ),
              indicators: [
                indicator('完成改造小区', '个', 5, cumulative(0, 1, 3, 5)),
                indicator('改造建筑面积', '平方米', 162000, cumulative(0, 30000, 95000, 162000)),
              ],
            },
            {
              number: '(2)',
              name: '柳岸街道老旧小区改造',
              description: '改造柳岸西里、春晖园等4个小区，涉及居民1620户、建筑面积12.8万平方米。',
              target: '完成4个小区改造。',
              leadUnit: '柳岸街道',
              coUnits: ['区住建委'],
              persons: ['邵婉清', '钱海涛'],
              leaders: ['许明远'],
              deadline: BY_DECEMBER,
              milestones: quarters(
                '完成改造方案设计和施工招标。',
                '完成柳岸西里改造，其余3个小区开工。',
                '累计完成2个小区改造。',
                '完成全部4个小区改造并组织竣工验收。',
              ),
              indicators: [indicator('完成改造小区', '个', 4, cumulative(0, 1, 2, 4))],
            },
            {
              number: '(3)',
              name: '云溪街道老旧小区改造',
              description: '改造云溪东里等3个小区，涉及居民1140户、建筑面积9.5万平方米。',
              target: '完成3个小区改造。',
              leadUnit: '云溪街道',
              coUnits: ['区住建委'],
              persons: ['史伟杰', '钱海涛'],
              leaders: ['许明远'],
              deadline: BY_DECEMBER,
              milestones: quarters(
                '完成居民意见征询。',
                '完成施工招标，3个小区全部开工。',
                '完成云溪东里改造。',
                '完成全部3个小区改造并组织竣工验收。',
              ),
              indicators: [indicator('完成改造小区', '个', 3, cumulative(0, 0, 1, 3))],
            },
          ],
        },
        {
          number: '11',
          name: '推进城镇燃气老旧管网更新改造',
          description:
            '对使用年限超过20年的老旧燃气管道和存在安全隐患的庭院管网、立管进行更新改造，同步为居民用户加装燃气泄漏报警装置。',
          target: '完成燃气老旧管网更新改造45公里，为3000户居民加装燃气泄漏报警装置。',
          leadUnit: '区城管委',
          coUnits: ['区住建委', '区城投集团'],
          persons: ['彭建军', '钱海涛', '方志诚'],
          leaders: ['许明远'],
          deadline: BY_NOVEMBER,
          milestones: quarters(
            '完成管网隐患排查，确定改造清单和施工计划。',
            '累计完成管网更新改造13公里，加装报警装置1000户。',
            '累计完成管网更新改造33公里，加装报警装置2200户。',
            '11月底前完成全部45公里管网更新改造，加装报警装置3000户，采暖季前全部通气。',
          ),
          indicators: [
            indicator('燃气老旧管网更新改造', '公里', 45, cumulative(0, 13, 33, 45)),
            indicator('剩余待更新燃气老旧管网', '公里', 0, cumulative(45, 32, 12, 0), 'decrease'),
            indicator('加装燃气泄漏报警装置', '户', 3000, cumulative(0, 1000, 2200, 3000)),
          ],
        },
      ],
    },
    {
      ordinal: 6,
      title: '交通畅行工程',
      items: [
        {
          number: '12',
          name: '建设改造城市道路和停车设施',
          description:
            '新建和大修一批城市道路，在医院、学校、老旧小区周边增设公共停车泊位，缓解群众出行难、停车难问题。',
          target: '新建道路4条9.4公里，大修道路6条9.2公里，新增公共停车泊位1200个。',
          leadUnit: '区交通局',
          coUnits: ['区城管委', '区城投集团'],
          persons: ['谢一鸣', '彭建军', '方志诚'],
          leaders: ['许明远'],
          deadline: BY_DECEMBER,
          children: [
            {
              number: '(1)',
              name: '新建荷风路等4条道路',
              description:
                '新建荷风路（枫林大街—鹭鸣道）、鹭鸣道东延线、望荷镇北环路、白鹭镇中心路4条道路，总长9.4公里，同步建设雨污水管网、照明和绿化。',
              target: '4条道路建成通车。',
              leadUnit: '区城投集团',
              coUnits: ['区交通局'],
              persons: ['方志诚', '谢一鸣'],
              leaders: ['许明远'],
              deadline: BY_DECEMBER,
              milestones: quarters(
                '完成施工图设计和施工招标，4条道路全部开工。',
                '完成地下管网施工的60%；荷风路完成路基施工。',
                '荷风路、鹭鸣道东延线建成通车。',
                '望荷镇北环路、白鹭镇中心路建成通车。',
              ),
              indicators: [
                indicator('新建道路长度', '公里', 9.4, cumulative(0, 2.5, 6, 9.4)),
                indicator('建成通车道路', '条', 4, cumulative(0, 0, 2, 4)),
              ],
            },
            {
              number: '(2)',
              name: '大修枫林大街等6条道路',
              description: '对枫林大街、湖滨路、柳岸道等6条道路实施路面大修和人行道改造，总长9.2公里。',
              target: '完成6条道路大修。',
              leadUnit: '区交通局',
              coUnits: ['区城管委'],
              persons: ['谢一鸣', '彭建军'],
              leaders: ['许明远'],
              deadline: BY_NOVEMBER,
              milestones: quarters(
                '完成道路病害检测和大修方案设计。',
                '完成湖滨路、柳岸道大修。',
                '累计完成5条道路大修。',
                '11月底前完成枫林大街大修，全部通过验收。',
              ),
              indicators: [indicator('道路大修长度', '公里', 9.2, cumulative(0, 3.1, 7.4, 9.2))],
            },
            {
              number: '(3)',
              name: '增设公共停车泊位',
              description:
                '利用边角地、闲置地和道路资源，在医院、学校、老旧小区周边增设公共停车泊位，推行错时共享停车。',
              target: '新增公共停车泊位1200个。',
              leadUnit: '区城管委',
              coUnits: ['区公安分局'],
              persons: ['彭建军', '潘永峰'],
              leaders: ['许明远'],
              deadline: BY_DECEMBER,
              milestones: quarters(
                '完成停车资源普查，新增泊位200个。',
                '累计新增泊位500个。',
                '累计新增泊位900个。',
                '累计新增泊位1200个。',
              ),
              indicators: [indicator('新增公共停车泊位', '个', 1200, cumulative(200, 500, 900, 1200))],
            },
          ],
        },
        {
          number: '13',
          name: '优化公交线网和候车设施',
          description:
            '新辟、优化公交线路，重点解决新建居住区、学校、医院周边群众出行不便问题；更新改造公交候车亭，增设实时到站信息显示屏。',
          target: '新辟优化公交线路8条，更新改造公交候车亭60座。',
          leadUnit: '区交通局',
          coUnits: [],
          persons: ['谢一鸣'],
          leaders: ['许明远'],
          deadline: BY_OCTOBER,
          milestones: quarters(
            '开展公交出行需求调查，新辟优化线路2条。',
            '累计新辟优化线路4条，更新改造候车亭20座。',
            '累计新辟优化线路7条，更新改造候车亭45座。',
            '10月底前完成全部8条线路和60座候车亭。',
          ),
          indicators: [
            indicator('新辟优化公交线路', '条', 8, cumulative(2, 4, 7, 8)),
            indicator('更新改造公交候车亭', '座', 60, cumulative(0, 20, 45, 60)),
          ],
        },
      ],
    },
    // 七 is not on this year's list: the numbering skips it, as published lists sometimes do.
    {
      ordinal: 8,
      title: '生态环境工程',
      items: [
        {
          number: '14',
          name: '持续改善环境空气质量',
          description:
            '深化扬尘、机动车、餐饮油烟等污染源治理，对建筑工地实施视频监控和在线监测全覆盖，开展重点行业挥发性有机物综合治理。',
          target: '全年PM2.5平均浓度控制在36微克/立方米以内，空气质量优良天数比例达到72%。',
          leadUnit: '区生态环境局',
          coUnits: ['区住建委', '区城管委', '区公安分局'],
          persons: ['蒋雨晴', '钱海涛', '彭建军', '潘永峰'],
          leaders: ['郑雅琴'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '制定年度大气污染防治工作方案，开展采暖季污染源专项检查。',
            '完成重点行业挥发性有机物治理项目10个；建筑工地在线监测覆盖率100%。',
            '开展夏季臭氧污染防控攻坚，累计完成挥发性有机物治理项目20个。',
            '做好秋冬季重污染天气应对，完成全年空气质量目标。',
          ),
          indicators: [
            indicator('PM2.5平均浓度', '微克/立方米', 36, cumulative(52, 44, 38, 36), 'decrease'),
            indicator('空气质量优良天数比例', '%', 72, cumulative(60, 66, 71, 72)),
          ],
        },
        {
          number: '15',
          name: '建设口袋公园和滨水绿道',
          description: '利用边角地、拆违腾退地建设口袋公园，沿明湖和主要河道建设滨水绿道，为群众提供家门口的休闲空间。',
          target: '新建口袋公园10个，新建滨水绿道12公里。',
          leadUnit: '区城管委',
          coUnits: ['区水务局', '区规划资源局'],
          persons: ['彭建军', '袁子墨', '程一帆'],
          leaders: ['郑雅琴'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '完成口袋公园选址和绿道线路规划设计。',
            '建成口袋公园3个，建成绿道4公里。',
            '累计建成口袋公园7个、绿道9公里。',
            '累计建成口袋公园10个、绿道12公里。',
          ),
          indicators: [
            indicator('新建口袋公园', '个', 10, cumulative(0, 3, 7, 10)),
            indicator('新建滨水绿道', '公里', 12, cumulative(0, 4, 9, 12)),
          ],
        },
      ],
    },
    {
      ordinal: 9,
      title: '文体惠民工程',
      items: [
        {
          number: '16',
          name: '建设全民健身设施',
          description:
            '新建、更新社区健身园，建设笼式足球场、篮球场等多功能运动场地，推动学校体育场地在课余时间和节假日向社会开放。',
          target: '新建更新社区健身园30个，建设多功能运动场地8片，新增向社会开放的学校体育场地10所。',
          leadUnit: '区体育局',
          coUnits: ['区教育局', '各街镇'],
          persons: ['吴可心', '孙立群', '各街镇主要负责人'],
          leaders: ['林书航'],
          deadline: BY_OCTOBER,
          milestones: quarters(
            '完成健身园和运动场地选址；新建更新社区健身园5个。',
            '累计新建更新健身园15个，建成多功能运动场地3片。',
            '累计新建更新健身园26个，建成多功能运动场地6片。',
            '10月底前全部完成，向社会开放学校体育场地10所。',
          ),
          indicators: [
            indicator('新建更新社区健身园', '个', 30, cumulative(5, 15, 26, 30)),
            indicator('建设多功能运动场地', '片', 8, cumulative(0, 3, 6, 8)),
            indicator('向社会开放学校体育场地', '所', 10, cumulative(2, 5, 8, 10)),
          ],
        },
        {
          number: '17',
          name: '开展公共文化惠民活动',
          description:
            '举办“明湖文化季”系列活动，开展惠民演出、公益电影放映和非遗展演进社区；新建城市书房，实现区图书馆与街镇分馆通借通还。',
          target: '开展文化惠民演出300场、公益电影放映1200场，建成城市书房4个。',
          leadUnit: '区文旅局',
          coUnits: ['各街镇'],
          persons: ['曹思远', '各街镇主要负责人'],
          leaders: ['林书航', '周文清'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '发布年度文化惠民活动计划，开展惠民演出50场、公益电影放映200场。',
            '累计开展惠民演出140场、公益电影放映550场，建成城市书房1个。',
            '举办“明湖文化季”，累计开展惠民演出230场，建成城市书房3个。',
            '累计开展惠民演出300场、公益电影放映1200场，建成城市书房4个。',
          ),
          indicators: [
            indicator('文化惠民演出', '场', 300, cumulative(50, 140, 230, 300)),
            indicator('公益电影放映', '场', 1200, cumulative(200, 550, 900, 1200)),
            indicator('建成城市书房', '个', 4, cumulative(0, 1, 3, 4)),
          ],
        },
      ],
    },
    {
      ordinal: 10,
      title: '食品安全工程',
      items: [
        {
          number: '18',
          name: '守护群众“舌尖上的安全”',
          description:
            '对食用农产品、学校食堂、养老机构食堂等重点品种和重点场所开展食品安全抽检，推进农贸市场快检室建设，对小餐饮、小作坊实施规范提升。',
          target: '完成食品安全抽检4200批次，建成农贸市场快检室8个，规范提升小餐饮、小作坊300家。',
          leadUnit: '区市场监管局',
          coUnits: ['区商务局'],
          persons: ['冯敬亭', '姜德安'],
          leaders: ['郑雅琴'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '制定年度抽检计划，完成抽检800批次，建成快检室2个。',
            '累计完成抽检2000批次，建成快检室4个，规范提升小餐饮、小作坊130家。',
            '累计完成抽检3200批次，建成快检室6个，规范提升220家。',
            '累计完成抽检4200批次，建成快检室8个，规范提升300家。',
          ),
          indicators: [
            indicator('食品安全抽检', '批次', 4200, cumulative(800, 2000, 3200, 4200)),
            indicator('建成农贸市场快检室', '个', 8, cumulative(2, 4, 6, 8)),
            indicator('规范提升小餐饮、小作坊', '家', 300, cumulative(40, 130, 220, 300)),
          ],
        },
      ],
    },
    {
      ordinal: 11,
      title: '社区服务工程',
      items: [
        {
          number: '19',
          name: '建设“一刻钟便民生活圈”',
          description:
            '在社区周边布局便利店、菜市场、早餐店、家政维修等便民服务网点，改造提升社区菜市场，引进品牌连锁便利店。',
          target: '建成一刻钟便民生活圈6个，改造提升社区菜市场3个，新增品牌连锁便利店20家。',
          leadUnit: '区商务局',
          coUnits: ['各街镇'],
          persons: ['姜德安', '各街镇主要负责人'],
          leaders: ['陈永和'],
          deadline: BY_DECEMBER,
          milestones: quarters(
            '完成便民服务网点摸底，新增品牌连锁便利店4家。',
            '建成生活圈2个，完成1个菜市场改造，累计新增便利店10家。',
            '累计建成生活圈4个，完成2个菜市场改造，累计新增便利店15家。',
            '累计建成生活圈6个，完成3个菜市场改造，累计新增便利店20家。',
          ),
          indicators: [
            indicator('建成一刻钟便民生活圈', '个', 6, cumulative(0, 2, 4, 6)),
            indicator('改造提升社区菜市场', '个', 3, cumulative(0, 1, 2, 3)),
            indicator('新增品牌连锁便利店', '家', 20, cumulative(4, 10, 15, 20)),
          ],
        },
        {
          number: '20',
          name: '推进高频政务服务事项“就近可办”',
          description:
            '推动社保、医保、户籍、不动产登记等高频政务服务事项下沉街镇便民服务中心和社区党群服务中心，' +
            '布设政务服务自助终端，让群众办事少跑腿、就近办。',
          target: '新增“就近可办”事项120项，布设政务服务自助终端40台。',
          leadUnit: '区政务服务办',
          coUnits: ['区数据局', '各街镇'],
          persons: ['陆清远', '夏知远', '各街镇主要负责人'],
          leaders: ['陈永和'],
          deadline: BY_JUNE,
          milestones: [
            { period: 'M03', text: '梳理发布第一批“就近可办”事项清单30项。' },
            { period: 'Q2', text: '6月底前累计新增“就近可办”事项120项，布设自助终端40台。' },
            { period: 'Q3', text: NONE },
            { period: 'Q4', text: NONE },
          ],
          indicators: [
            indicator('新增“就近可办”事项', '项', 120, { M03: 30, Q2: 120 }),
            indicator('布设政务服务自助终端', '台', 40, { M03: 0, Q2: 40 }),
          ],
        },
      ],
    },
  ],
};
