import type { InterchangeItem, ProgrammeDocument } from '../../interchange.js';
import { PROGRAMME_FORMAT } from '../../interchange.js';

/** An invented programme with what the layouts must carry: parts and parts of parts, month milestones, an empty category, a list without categories. */

const item = (overrides: Partial<InterchangeItem> & Pick<InterchangeItem, 'number' | 'name'>): InterchangeItem => ({
  description: '',
  target: '',
  leadUnit: null,
  coUnits: [],
  persons: [],
  leaders: [],
  deadline: null,
  milestones: [],
  indicators: [],
  children: [],
  ...overrides,
});

export function sampleDocument(): ProgrammeDocument {
  return {
    format: PROGRAMME_FORMAT,
    title: '青石区2026年10项民心工程',
    jurisdiction: '青石区',
    year: 2026,
    parent: null,
    categories: [
      {
        ordinal: 1,
        title: '增加教育资源配置',
        items: [
          item({
            number: '1',
            name: '建成青石中学',
            description: '占地面积约42亩，总建筑面积1.8万平方米，可招生24个班、1200名学生。',
            target: '秋季学期投入使用',
            leadUnit: '区教育局',
            coUnits: ['区住建委', '云溪街道'],
            persons: ['孙立群', '钱海涛', '史伟杰'],
            leaders: ['周文清'],
            deadline: { text: '8月底', date: '2026-08-31' },
            milestones: [
              { period: 'Q1', text: '完成内部装饰装修的20%' },
              { period: 'Q2', text: '完成内部装饰装修的60%' },
              { period: 'M07', text: '竣工验收' },
              { period: 'Q3', text: '具备开学条件' },
              { period: 'Q4', text: '——' },
            ],
            indicators: [
              { name: '新增学位', unit: '个', target: 1200, checkpoints: { Q1: 0, Q2: 0, Q3: 1200, Q4: 1200 } },
            ],
          }),
          item({
            number: '2',
            name: '提升教育教学环境',
            description: '为部分小学安装空调，改造电路。',
            leadUnit: '区教育局',
            coUnits: ['东街街道', '西镇'],
            persons: ['孙立群', '王超', '张艳红'],
            leaders: ['周文清', '陈永和'],
            deadline: { text: '年底前', date: null },
            children: [
              item({
                number: '(1)',
                name: '小学教室安装空调',
                description: '涉及13所小学，627间教室，含"电路改造", 空调采购',
                leadUnit: '区教育局',
                persons: ['孙立群'],
                milestones: [{ period: 'Q2', text: '完成空调安装调试' }],
                children: [
                  item({ number: '①', name: '东街街道小学', leadUnit: '东街街道', persons: ['王超'] }),
                  item({ number: '②', name: '西镇小学', leadUnit: '西镇', persons: ['张艳红'] }),
                ],
              }),
              item({
                number: '(2)',
                name: '校园电路改造',
                leadUnit: '区教育局',
                milestones: [{ period: 'Q3', text: '项目调试，组织验收。' }],
              }),
            ],
          }),
        ],
      },
      { ordinal: 3, title: '提升医疗服务水平', items: [] },
      {
        ordinal: 14,
        title: '改善交通出行条件',
        items: [
          item({
            number: '3',
            name: '提升改造道路设施',
            description: '=SUM(A1) 不是公式；逗号, 引号"和\n换行都要原样保留',
            leadUnit: '区城管委',
            persons: ['李德成'],
            leaders: ['张建凤'],
            deadline: { text: '12月底', date: '2026-12-31' },
            milestones: [
              { period: 'Q1', text: '完成工程招标' },
              { period: 'Q4', text: '项目竣工,组织验收。' },
            ],
          }),
        ],
      },
      {
        ordinal: null,
        title: '',
        items: [item({ number: '4', name: '实施职工暖心行动', leadUnit: '区总工会', persons: ['刘月华'] })],
      },
    ],
    warnings: [],
  };
}
