import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { Id } from './types.js';

export type FeedbackState = 'pending' | 'approved' | 'rejected';
export const FEEDBACK_STATES: readonly FeedbackState[] = ['pending', 'approved', 'rejected'];

/** A resident's comment (with its rating) as the moderation queue shows it. */
export interface FeedbackComment {
  id: Id;
  programmeId: Id;
  itemId: Id;
  itemNumber: string;
  itemName: string;
  rating: number;
  comment: string | null;
  state: FeedbackState;
  createdAt: string;
  moderatedAt: string | null;
  moderatedBy: Id | null;
  moderatorName: string | null;
  rejectReason: string | null;
  version: number;
}

export interface FeedbackPage {
  items: FeedbackComment[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RatingSummary {
  /** Mean rating (two decimals), null without ratings. */
  average: number | null;
  count: number;
}

export interface ItemSatisfaction extends RatingSummary {
  itemId: Id;
  number: string;
  name: string;
  parentItemId: Id | null;
  leadUnitId: Id | null;
  leadUnitName: string | null;
  /** How many ratings of 1, 2, 3, 4 and 5. */
  distribution: number[];
  pendingComments: number;
}

export interface UnitSatisfaction extends RatingSummary {
  unitId: Id;
  name: string;
  itemCount: number;
}

export interface Satisfaction {
  programmeId: Id;
  overall: RatingSummary;
  items: ItemSatisfaction[];
  units: UnitSatisfaction[];
}

export interface ModerateInput {
  id: Id;
  state: 'approved' | 'rejected';
  reason?: string;
  version: number;
}

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (programmeId: Id, state: FeedbackState, page: number) =>
    ['feedback', 'list', programmeId, state, page] as const,
  satisfaction: (programmeId: Id) => ['feedback', 'satisfaction', programmeId] as const,
};

export const FEEDBACK_PAGE_SIZE = 20;

export function useFeedback(programmeId: Id | undefined, state: FeedbackState, page: number) {
  return useQuery({
    queryKey: feedbackKeys.list(programmeId ?? 0, state, page),
    queryFn: () => api.get<FeedbackPage>('/feedback', { programmeId, state, page, pageSize: FEEDBACK_PAGE_SIZE }),
    enabled: programmeId !== undefined,
  });
}

export function useSatisfaction(programmeId: Id | undefined) {
  return useQuery({
    queryKey: feedbackKeys.satisfaction(programmeId ?? 0),
    queryFn: () => api.get<Satisfaction>(`/programmes/${programmeId}/satisfaction`),
    enabled: programmeId !== undefined,
  });
}

/** Approve or reject a comment; the queue and the counts of waiting comments follow. */
export function useModerateFeedback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ModerateInput) => api.patch<FeedbackComment>(`/feedback/${id}`, body),
    onSettled: () =>
      Promise.all([feedbackKeys.all, ['history']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
