import type { Notice } from '../../../api/notices.js';
import type { ItemStatusRow, ProgrammeStatus } from '../../../api/status.js';
import type { Category, ItemNode } from '../../../api/types.js';

// A small programme under supervision for component tests: two categories, three items, one with a part.

const node = (over: Partial<ItemNode> & Pick<ItemNode, 'id' | 'number' | 'name' | 'categoryId'>): ItemNode => ({
  description: '',
  target: '',
  deadline: null,
  position: 1,
  version: 1,
  parentItemId: null,
  units: [],
  persons: [],
  leaders: [],
  milestones: [],
  indicators: [],
  children: [],
  ...over,
});

const education = { id: 20, unitId: 20, name: '区教育局', role: 'lead' as const, position: 1, version: 1 };
const housing = { id: 21, unitId: 21, name: '区住建委', role: 'lead' as const, position: 1, version: 1 };
const zhou = { id: 60, personId: 60, name: '周文清', position: 1, version: 1 };
const li = { id: 61, personId: 61, name: '李华', position: 1, version: 1 };

export const categories: Category[] = [
  {
    id: 7,
    ordinal: 1,
    title: '教育',
    position: 1,
    version: 1,
    items: [
      node({
        id: 101,
        number: '1',
        name: '增加学前教育学位',
        categoryId: 7,
        units: [education, { ...housing, id: 22, role: 'co', position: 2 }],
        leaders: [zhou],
        children: [node({ id: 102, number: '(1)', name: '新建公办幼儿园', categoryId: 7, parentItemId: 101 })],
      }),
      node({ id: 103, number: '2', name: '改造薄弱学校', categoryId: 7, units: [education], leaders: [zhou] }),
    ],
  },
  {
    id: 8,
    ordinal: 2,
    title: '住房',
    position: 2,
    version: 1,
    items: [node({ id: 104, number: '3', name: '老旧小区改造', categoryId: 8, units: [housing], leaders: [li] })],
  },
];

const projection = { yearEnd: '2026-12-31', indicators: [], warning: null };
const common = { deadline: '2026-12-31', indicators: [], projection };

export const statusRows: ItemStatusRow[] = [
  {
    id: 101,
    categoryId: 7,
    number: '1',
    name: '增加学前教育学位',
    parentNumber: null,
    parentId: null,
    status: 'lagging',
    reasons: ['二季度末应达900个，实报500个（56%）'],
    ...common,
  },
  {
    id: 102,
    categoryId: 7,
    number: '(1)',
    name: '新建公办幼儿园',
    parentNumber: '1',
    parentId: 101,
    status: 'lagging',
    reasons: ['6月底应完成：完成选址（未报送）'],
    ...common,
  },
  {
    id: 103,
    categoryId: 7,
    number: '2',
    name: '改造薄弱学校',
    parentNumber: null,
    parentId: null,
    status: 'on_track',
    reasons: [],
    ...common,
  },
  {
    id: 104,
    categoryId: 8,
    number: '3',
    name: '老旧小区改造',
    parentNumber: null,
    parentId: null,
    status: 'overdue',
    reasons: ['截止日期2026年6月30日已过，尚未完成'],
    ...common,
  },
];

const counts = { overdue: 1, lagging: 1, at_risk: 0, not_started: 0, on_track: 1, done: 0 };
export const programmeStatus: ProgrammeStatus = {
  programmeId: 12,
  asOf: '2026-07-10',
  items: statusRows,
  categories: [],
  counts,
};

export const notice: Notice = {
  id: 5,
  programmeId: 12,
  itemId: 101,
  itemNumber: '1',
  itemName: '增加学前教育学位',
  unitId: 20,
  unitName: '区教育局',
  seq: 3,
  number: '督办〔2026〕第3号',
  reason: '二季度学位建设滞后',
  requiredAction: '说明原因并提出整改措施',
  replyDue: '2026-07-20',
  state: 'open',
  overdue: false,
  reply: null,
  repliedAt: null,
  repliedBy: null,
  closeNote: null,
  closedAt: null,
  escalationLevel: 0,
  escalatedAt: null,
  escalationNote: null,
  issuedBy: 2,
  createdAt: '2026-07-10T02:00:00Z',
  version: 1,
  attachments: [],
};
