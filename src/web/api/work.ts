import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { ReportState } from './reports.js';
import type { Id, UnitRole } from './types.js';

/** "My work" (我的任务): the reporter's items and what is due, from GET /me/work. */

export interface WorkPeriod {
  period: string;
  dueDate: string;
  report: { id: Id; state: ReportState; returnReason: string | null; version: number } | null;
  dueSoon: boolean;
  overdue: boolean;
  needsAction: boolean;
}

export interface WorkItem {
  programmeId: Id;
  programmeTitle: string;
  itemId: Id;
  number: string;
  name: string;
  parentItemId: Id | null;
  role: UnitRole;
  periods: WorkPeriod[];
}

export interface MyWork {
  asOf: string;
  unitId: Id | null;
  items: WorkItem[];
}

export function useMyWork(date?: string) {
  return useQuery({ queryKey: ['my-work', date ?? null], queryFn: () => api.get<MyWork>('/me/work', { date }) });
}
