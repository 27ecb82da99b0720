import type { Report, ReportingPlan } from '../../api/reports.js';
import type { SessionUser } from '../../api/types.js';
import { adminUser, item } from '../../testing/fixtures.js';

// Records for the reports component tests, built on the shared item fixture (101, indicator 11, units 20 lead / 21 co).

export const reporterUser: SessionUser = {
  id: 3,
  username: 'reporter',
  displayName: '张填报',
  role: 'reporter',
  jurisdictionId: 2,
  unitId: 20,
  personId: null,
};

export const supervisorUser: SessionUser = {
  ...adminUser,
  id: 2,
  username: 'supervisor',
  role: 'supervisor',
  jurisdictionId: 2,
};

export const plan: ReportingPlan = {
  programmeId: 12,
  year: 2024,
  frequency: 'quarterly',
  dueDay: 25,
  lockedPeriods: [],
  interpolation: 'step',
  onTrackRatio: 0.9,
  laggingRatio: 0.7,
  remindDaysBefore: 3,
  quietStart: '22:00',
  quietEnd: '08:00',
  assessmentWeights: { reportsOnTime: 30, milestonesMet: 30, itemsDone: 30, noticesAnswered: 10 },
  version: 1,
  periods: [
    { period: 'Q1', startDate: '2024-01-01', dueDate: '2024-03-25', open: true, locked: false },
    { period: 'Q2', startDate: '2024-04-01', dueDate: '2024-06-25', open: true, locked: false },
    { period: 'Q3', startDate: '2024-07-01', dueDate: '2024-09-25', open: false, locked: false },
    { period: 'Q4', startDate: '2024-10-01', dueDate: '2024-12-25', open: false, locked: false },
  ],
};

export function reportOf(overrides: Partial<Report> = {}): Report {
  return {
    id: 500,
    programmeId: 12,
    itemId: item.id,
    itemNumber: item.number,
    itemName: item.name,
    unitId: 20,
    unitName: '区教育局',
    period: 'Q2',
    state: 'draft',
    percentComplete: 40,
    claimedStatus: 'in_progress',
    returnReason: null,
    submittedAt: null,
    firstSubmittedAt: null,
    reviewedAt: null,
    version: 1,
    updatedAt: '2024-06-20T02:00:00Z',
    progress: '已完成选址 3 处',
    fundsPlanned: 1200,
    fundsAllocated: 800,
    fundsDisbursed: 500,
    problems: '',
    nextSteps: '',
    submittedBy: null,
    reviewedBy: null,
    createdAt: '2024-06-18T02:00:00Z',
    role: 'lead',
    values: [{ indicatorId: 11, value: 720 }],
    attachments: [],
    shares: [],
    consolidated: [{ indicatorId: 11, value: 720, source: 'lead' }],
    ...overrides,
  };
}
