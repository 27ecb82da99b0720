import type { ItemDetail, ItemNode, Programme, SessionUser } from '../api/types.js';

// Small, realistic records for component tests.

export const adminUser: SessionUser = {
  id: 1,
  username: 'admin',
  displayName: '系统管理员',
  role: 'admin',
  jurisdictionId: null,
  unitId: null,
  personId: null,
};

export const sessionOf = (user: SessionUser) => ({ status: 200, body: { user, csrfToken: 'csrf-test' } });

export const programme: Programme = {
  id: 12,
  title: '西青区2024年20项民心工程',
  year: 2024,
  state: 'published',
  jurisdictionId: 2,
  jurisdictionName: '西青区',
  parentId: null,
  parentTitle: null,
  version: 3,
  itemCount: 2,
};

const part: ItemNode = {
  id: 102,
  number: '(1)',
  name: '新建公办幼儿园',
  description: '',
  target: '',
  deadline: null,
  position: 1,
  version: 1,
  parentItemId: 101,
  categoryId: 7,
  units: [],
  persons: [],
  leaders: [],
  milestones: [],
  indicators: [],
  children: [],
};

export const item: ItemDetail = {
  id: 101,
  number: '1',
  name: '增加学前教育学位',
  description: '新建、改扩建幼儿园 5 所',
  target: '新增学位 2700 个',
  deadline: { text: '12月底', date: '2024-12-31' },
  position: 1,
  version: 2,
  parentItemId: null,
  categoryId: 7,
  programmeId: 12,
  categoryTitle: '教育',
  units: [
    { id: 2, unitId: 21, name: '区住建委', role: 'co', position: 2, version: 1 },
    { id: 1, unitId: 20, name: '区教育局', role: 'lead', position: 1, version: 1 },
  ],
  persons: [{ id: 5, personId: 50, name: '王明', unitId: 20, position: 1, version: 1 }],
  leaders: [{ id: 6, personId: 60, name: '赵林', position: 1, version: 1 }],
  milestones: [
    { id: 8, period: 'Q2', text: '完成选址', dueDate: null, position: 1, version: 1 },
    { id: 9, period: 'M09', text: '主体完工', dueDate: '2024-09-30', position: 2, version: 1 },
  ],
  indicators: [
    {
      id: 11,
      name: '新增学位',
      unit: '个',
      target: 2700,
      direction: 'increase',
      checkpoints: { Q2: 900, Q4: 2700 },
      position: 1,
      version: 1,
    },
  ],
  children: [part],
};
