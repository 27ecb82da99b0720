import type { InterchangeItem, ProgrammeDocument } from '../../src/core/interchange.js';
import { PROGRAMME_FORMAT } from '../../src/core/interchange.js';

/** Factories: a valid record with sensible values, overridable field by field. */

export function buildItem(overrides: Partial<InterchangeItem> = {}): InterchangeItem {
  return {
    number: '1',
    name: '新建社区食堂',
    description: '在三个街道各新建一处社区食堂。',
    target: '新建社区食堂3处',
    leadUnit: '测试区民政局',
    coUnits: ['测试区财政局'],
    persons: ['甲一', '乙二'],
    leaders: ['丙三'],
    deadline: { text: '12月底', date: '2030-12-31' },
    milestones: [
      { period: 'Q1', text: '完成选址' },
      { period: 'Q4', text: '全部投入运营' },
    ],
    indicators: [{ name: '社区食堂', unit: '处', target: 3, direction: 'increase', checkpoints: { Q2: 1, Q4: 3 } }],
    children: [],
    ...overrides,
  };
}

export function buildProgrammeDocument(overrides: Partial<ProgrammeDocument> = {}): ProgrammeDocument {
  return {
    format: PROGRAMME_FORMAT,
    title: '测试区2030年民心工程',
    jurisdiction: '测试区',
    year: 2030,
    parent: null,
    categories: [
      {
        ordinal: 1,
        title: '养老服务',
        items: [
          buildItem(),
          buildItem({
            number: '2',
            name: '改造老旧小区',
            leadUnit: '测试区住建委',
            coUnits: [],
            persons: ['丁四'],
            children: [
              buildItem({
                number: '(1)',
                name: '改造东片小区',
                leadUnit: '测试区住建委',
                coUnits: [],
                persons: ['丁四'],
                indicators: [],
              }),
              buildItem({
                number: '(2)',
                name: '改造西片小区',
                leadUnit: '东街街道',
                coUnits: [],
                persons: ['戊五'],
                indicators: [],
              }),
            ],
          }),
        ],
      },
      {
        ordinal: 3,
        title: '教育',
        items: [buildItem({ number: '3', name: '新建幼儿园', leadUnit: '测试区教育局', coUnits: [], persons: [] })],
      },
    ],
    warnings: [],
    ...overrides,
  };
}
