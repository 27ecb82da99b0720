import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { Id } from './types.js';

/** Status against plan, as GET /programmes/:id/status and GET /items/:id/progress give it. */
export type ItemStatus = 'not_started' | 'on_track' | 'at_risk' | 'lagging' | 'done' | 'overdue';

/** Worst first: the order lists and charts use. */
export const ITEM_STATUSES: readonly ItemStatus[] = [
  'overdue',
  'lagging',
  'at_risk',
  'not_started',
  'on_track',
  'done',
];

export interface ProjectionIndicator {
  indicatorId: Id;
  projected: number | null;
  target: number | null;
  shortfall: boolean;
}

export interface Projection {
  yearEnd: string;
  indicators: ProjectionIndicator[];
  warning: string | null;
}

export interface IndicatorStatus {
  indicatorId: Id;
  name: string;
  unit: string;
  expected: number | null;
  actual: number | null;
  ratio: number | null;
}

export interface ItemStatusRow {
  id: Id;
  number: string;
  name: string;
  parentNumber: string | null;
  status: ItemStatus;
  reasons: string[];
  parentId: Id | null;
  categoryId: Id;
  deadline: string | null;
  indicators: IndicatorStatus[];
  projection: Projection;
}

export interface CategoryStatusRow {
  id: Id;
  title: string;
  status: ItemStatus;
  reasons: string[];
  counts: Record<ItemStatus, number>;
}

export interface ProgrammeStatus {
  programmeId: Id;
  asOf: string;
  items: ItemStatusRow[];
  categories: CategoryStatusRow[];
  counts: Record<ItemStatus, number>;
}

export interface PeriodValue {
  period: string;
  value: number;
}

export interface IndicatorProgress {
  indicatorId: Id;
  name: string;
  unit: string;
  target: number | null;
  direction: 'increase' | 'decrease';
  /** Cumulative planned checkpoints. */
  planned: PeriodValue[];
  /** Cumulative values of the approved reports. */
  actual: PeriodValue[];
  projection: { yearEnd: string; projected: number | null; shortfall: boolean; warning: string | null };
}

export interface ItemProgress {
  itemId: Id;
  asOf: string;
  status: ItemStatus;
  reasons: string[];
  indicators: IndicatorProgress[];
}

export const statusKeys = {
  programme: (id: Id, date: string) => ['status', 'programme', id, date] as const,
  item: (id: Id, date: string) => ['status', 'item', id, date] as const,
};

/** Today in the business time zone (Asia/Shanghai), as YYYY-MM-DD. */
export function shanghaiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export function useProgrammeStatus(programmeId: Id | undefined, date: string) {
  return useQuery({
    queryKey: statusKeys.programme(programmeId ?? 0, date),
    queryFn: () => api.get<ProgrammeStatus>(`/programmes/${programmeId}/status`, { date }),
    enabled: programmeId !== undefined,
    // Reports reviewed elsewhere change the status: read it afresh on every visit.
    staleTime: 0,
  });
}

export function useItemProgress(itemId: Id, date?: string) {
  return useQuery({
    queryKey: statusKeys.item(itemId, date ?? ''),
    queryFn: () => api.get<ItemProgress>(`/items/${itemId}/progress`, { date }),
    staleTime: 0,
  });
}

/** A reporting period of a programme's plan (GET /programmes/:id/reporting-plan). */
export interface PlanPeriod {
  period: string;
  startDate: string;
  dueDate: string;
  open: boolean;
  locked: boolean;
}

/** The fields of a report the dashboard needs (GET /programmes/:id/reports). */
export interface ReportBrief {
  id: Id;
  itemId: Id;
  unitId: Id;
  period: string;
  state: 'draft' | 'submitted' | 'approved' | 'returned';
}

const REPORT_PAGE = 500;

/** The plan's periods and every report of a programme the reader may see, for the due-reports list. */
export function useDueReportInputs(programmeId: Id | undefined) {
  return useQuery({
    queryKey: ['status', 'due-inputs', programmeId ?? 0],
    enabled: programmeId !== undefined,
    staleTime: 0,
    queryFn: async () => {
      const plan = await api.get<{ periods: PlanPeriod[] }>(`/programmes/${programmeId}/reporting-plan`);
      const reports: ReportBrief[] = [];
      for (let offset = 0; ; offset += REPORT_PAGE) {
        const page = await api.get<{ items: ReportBrief[]; total: number }>(`/programmes/${programmeId}/reports`, {
          limit: REPORT_PAGE,
          offset,
        });
        reports.push(...page.items);
        if (page.items.length < REPORT_PAGE || reports.length >= page.total) break;
      }
      return { periods: plan.periods, reports };
    },
  });
}
