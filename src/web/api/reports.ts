import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from './client.js';
import { useReportingPlan as usePlan } from './reporting-plan.js';
import type { Id, UnitRole } from './types.js';

/** Progress reports (进展报告), their review and the periods they belong to; shapes of src/server/schemas/reports.ts. */

export type ReportState = 'draft' | 'submitted' | 'approved' | 'returned';
export const REPORT_STATES: readonly ReportState[] = ['draft', 'submitted', 'approved', 'returned'];

export type ClaimedStatus = 'not_started' | 'in_progress' | 'done' | 'blocked';
export const CLAIMED_STATUSES: readonly ClaimedStatus[] = ['not_started', 'in_progress', 'done', 'blocked'];

export interface ReportValue {
  indicatorId: Id;
  value: number;
}

export interface Attachment {
  id: Id;
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
}

export interface ReportSummary {
  id: Id;
  programmeId: Id;
  itemId: Id;
  itemNumber: string;
  itemName: string;
  unitId: Id;
  unitName: string;
  period: string;
  state: ReportState;
  percentComplete: number | null;
  claimedStatus: ClaimedStatus;
  returnReason: string | null;
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  reviewedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface ReportShare {
  id: Id;
  unitId: Id;
  unitName: string;
  state: ReportState;
  progress: string;
  percentComplete: number | null;
  values: ReportValue[];
}

export interface Report extends ReportSummary {
  progress: string;
  fundsPlanned: number | null;
  fundsAllocated: number | null;
  fundsDisbursed: number | null;
  problems: string;
  nextSteps: string;
  submittedBy: Id | null;
  reviewedBy: Id | null;
  createdAt: string;
  role: UnitRole | null;
  values: ReportValue[];
  attachments: Attachment[];
  /** The lead unit's report only: the co-units' reports for the same item and period. */
  shares: ReportShare[] | null;
  consolidated: { indicatorId: Id; value: number; source: 'lead' | 'shares' }[] | null;
}

export interface FileRef {
  sha256: string;
  fileName: string;
}

/** What a report form sends; `values` and `attachments` replace the stored ones. */
export interface ReportFields {
  progress?: string;
  percentComplete?: number | null;
  claimedStatus?: ClaimedStatus;
  fundsPlanned?: number | null;
  fundsAllocated?: number | null;
  fundsDisbursed?: number | null;
  problems?: string;
  nextSteps?: string;
  values?: ReportValue[];
  attachments?: FileRef[];
}

export interface ReportPage {
  items: ReportSummary[];
  total: number;
}

// The plan and its periods are the reporting-plan API's types.
export type { ReportingPeriod, ReportingPlan } from './reporting-plan.js';

export interface ReviewFilter {
  state?: ReportState | undefined;
  period?: string | undefined;
  unitId?: Id | undefined;
  limit?: number;
  offset?: number;
}

export const reportKeys = {
  all: ['reports'] as const,
  one: (id: Id) => ['reports', 'one', id] as const,
  ofItem: (itemId: Id, period?: string) => ['reports', 'item', itemId, period ?? null] as const,
  queue: (programmeId: Id, filter: ReviewFilter) => ['reports', 'queue', programmeId, filter] as const,
};

export function useReport(id: Id | undefined) {
  return useQuery({
    queryKey: reportKeys.one(id ?? 0),
    queryFn: () => api.get<Report>(`/reports/${id}`),
    enabled: id !== undefined && id > 0,
  });
}

export function useItemReports(itemId: Id, period?: string) {
  return useQuery({
    queryKey: reportKeys.ofItem(itemId, period),
    queryFn: () => api.get<ReportPage>(`/items/${itemId}/reports`, { period, limit: 500 }),
  });
}

export function useReviewQueue(programmeId: Id, filter: ReviewFilter) {
  return useQuery({
    queryKey: reportKeys.queue(programmeId, filter),
    queryFn: () =>
      api.get<ReportPage>(`/programmes/${programmeId}/reports`, {
        state: filter.state,
        period: filter.period,
        unitId: filter.unitId,
        limit: filter.limit,
        offset: filter.offset,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The reporting plan (one cache with the settings page's editor). */
export function useReportingPlan(programmeId: Id | undefined) {
  return usePlan(programmeId ?? 0, programmeId !== undefined);
}

/** Every write refreshes reports, "my work", the item's status and the inbox (a review posts messages). */
function useInvalidateReports() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [['reports'], ['my-work'], ['reporting-plan'], ['history'], ['inbox']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** A random key (crypto.randomUUID needs a secure context; plain HTTP inside a government network may not be one). */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new report; `submit: true` also submits it in the same transaction. */
export type ReportCreate = ReportFields & { itemId: Id; period: string; unitId?: Id; submit?: boolean };

/**
 * Creates a report, or creates and submits it in one call. The form's key goes
 * with every try, so a double click or a retry after a lost answer gets the
 * same report back instead of a 409 or a second report; a new key is taken
 * once one is created.
 */
export function useCreateReport() {
  const invalidate = useInvalidateReports();
  const key = useRef(newIdempotencyKey());
  return useMutation({
    mutationFn: ({ itemId, ...input }: ReportCreate) =>
      api.post<Report>(`/items/${itemId}/reports`, input, { 'idempotency-key': key.current }),
    onSuccess: () => {
      key.current = newIdempotencyKey();
    },
    onSettled: invalidate,
  });
}

export function useUpdateReport() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, ...input }: ReportFields & { id: Id; version: number }) =>
      api.patch<Report>(`/reports/${id}`, input),
    onSettled: invalidate,
  });
}

export type ReportAction = 'submit' | 'approve' | 'return' | 'reopen';

export function useReportAction() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, action, version, reason }: { id: Id; action: ReportAction; version: number; reason?: string }) =>
      api.post<Report>(`/reports/${id}/${action}`, reason === undefined ? { version } : { version, reason }),
    onSettled: invalidate,
  });
}

export function useDeleteReport() {
  const invalidate = useInvalidateReports();
  return useMutation({ mutationFn: (id: Id) => api.delete(`/reports/${id}`), onSettled: invalidate });
}

export interface LockResult {
  programmeId: Id;
  period: string;
  locked: boolean;
  lockedPeriods: string[];
}

export function useSetPeriodLocked() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ programmeId, period, locked }: { programmeId: Id; period: string; locked: boolean }) =>
      api.post<LockResult>(`/programmes/${programmeId}/periods/${period}/${locked ? 'lock' : 'unlock'}`),
    onSettled: invalidate,
  });
}
