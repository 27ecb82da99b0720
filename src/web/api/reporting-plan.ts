import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, conflictCurrent } from './client.js';
import type { Id } from './types.js';

export type ReportingFrequency = 'monthly' | 'quarterly';
export type Interpolation = 'step' | 'linear';

/** Points of each assessment rule (考核细则), summing to 100. */
export interface AssessmentWeights {
  reportsOnTime: number;
  milestonesMet: number;
  itemsDone: number;
  noticesAnswered: number;
}
export const WEIGHT_KEYS: readonly (keyof AssessmentWeights)[] = [
  'reportsOnTime',
  'milestonesMet',
  'itemsDone',
  'noticesAnswered',
];

export interface ReportingPeriod {
  period: string;
  startDate: string;
  /** The due day of the period's last month, moved to the next working day. */
  dueDate: string;
  open: boolean;
  locked: boolean;
}

/** GET /programmes/:id/reporting-plan; `version` is 0 while the plan is still the defaults. */
export interface ReportingPlan {
  programmeId: Id;
  year: number;
  frequency: ReportingFrequency;
  dueDay: number;
  lockedPeriods: string[];
  interpolation: Interpolation;
  /** Ratios of actual to expected, 0–1: at or above onTrackRatio is on track, below laggingRatio lagging. */
  onTrackRatio: number;
  laggingRatio: number;
  remindDaysBefore: number;
  /** HH:MM, Asia/Shanghai: no e-mail or robot messages in between. */
  quietStart: string;
  quietEnd: string;
  assessmentWeights: AssessmentWeights;
  version: number;
  periods: ReportingPeriod[];
}

export type ReportingPlanUpdate = Partial<
  Pick<
    ReportingPlan,
    | 'frequency'
    | 'dueDay'
    | 'lockedPeriods'
    | 'interpolation'
    | 'onTrackRatio'
    | 'laggingRatio'
    | 'remindDaysBefore'
    | 'quietStart'
    | 'quietEnd'
    | 'assessmentWeights'
  >
> & { version: number };

const planKey = (programmeId: Id) => ['reporting-plan', programmeId] as const;

export function useReportingPlan(programmeId: Id, enabled = true) {
  return useQuery({
    queryKey: planKey(programmeId),
    queryFn: () => api.get<ReportingPlan>(`/programmes/${programmeId}/reporting-plan`),
    enabled,
  });
}

/** Saves the plan; on success and on a 409 (which carries the stored plan) the cache holds what is stored now. */
export function useUpdateReportingPlan(programmeId: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportingPlanUpdate) =>
      api.put<ReportingPlan>(`/programmes/${programmeId}/reporting-plan`, input),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(programmeId), plan);
      void queryClient.invalidateQueries({ queryKey: ['history'] });
    },
    onError: (error) => {
      const current = conflictCurrent<ReportingPlan>(error);
      if (current) queryClient.setQueryData(planKey(programmeId), current);
    },
  });
}
