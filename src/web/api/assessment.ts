import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client.js';
import type { Id } from './types.js';

export type RuleKey = 'reportsOnTime' | 'milestonesMet' | 'itemsDone' | 'noticesAnswered';

export interface AssessmentRule {
  rule: RuleKey;
  label: string;
  weight: number;
  numerator: number;
  denominator: number;
  rate: number;
  points: number;
  /** 按时报送 22/24 期（91.7%），得 27.5 分 */
  explanation: string;
  /** What lost points. */
  misses: string[];
}

export interface AssessmentAdjustment {
  id: Id;
  points: number;
  reason: string;
  by: string;
  at: string;
}

export interface UnitAssessment {
  unitId: Id;
  unitName: string;
  rules: AssessmentRule[];
  adjustments: AssessmentAdjustment[];
  base: number;
  total: number;
  rank: number;
}

export interface Assessment {
  programmeId: Id;
  title: string;
  jurisdictionName: string;
  year: number;
  asOf: string;
  /** own-unit: a reporter sees only its own unit. */
  scope: 'all' | 'own-unit';
  weights: Record<RuleKey, number>;
  units: UnitAssessment[];
}

export interface AdjustmentInput {
  programmeId: Id;
  unitId: Id;
  points: number;
  reason: string;
}

export const assessmentKeys = {
  all: ['assessment'] as const,
  one: (programmeId: Id, date: string) => ['assessment', programmeId, date] as const,
};

export const assessmentExportUrl = (programmeId: Id, date: string): string =>
  apiUrl(`/programmes/${programmeId}/assessment/export`, { date });

export function useAssessment(programmeId: Id, date: string) {
  return useQuery({
    queryKey: assessmentKeys.one(programmeId, date),
    queryFn: () => api.get<Assessment>(`/programmes/${programmeId}/assessment`, { date }),
  });
}

function useInvalidateAssessment() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([assessmentKeys.all, ['history']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useAddAdjustment() {
  const invalidate = useInvalidateAssessment();
  return useMutation({
    mutationFn: ({ programmeId, ...input }: AdjustmentInput) =>
      api.post<AssessmentAdjustment>(`/programmes/${programmeId}/assessment/adjustments`, input),
    onSettled: invalidate,
  });
}

export function useDeleteAdjustment() {
  const invalidate = useInvalidateAssessment();
  return useMutation({ mutationFn: (id: Id) => api.delete(`/assessment-adjustments/${id}`), onSettled: invalidate });
}
