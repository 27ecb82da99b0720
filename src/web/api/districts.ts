import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client.js';
import type { ItemStatus } from './status.js';
import type { Id } from './types.js';

/** The city's view across the district programmes that carry it out (GET /programmes/:id/districts). */

export interface DistrictItem {
  itemId: Id;
  number: string;
  name: string;
  status: ItemStatus;
  reasons: string[];
  leadUnit: string | null;
}

export interface IndicatorContribution {
  jurisdictionName: string;
  itemId: Id;
  indicatorName: string;
  target: number | null;
  actual: number | null;
}

/** One unit of measure of a city item: the districts' indicators in that unit, summed. */
export interface IndicatorSum {
  unit: string;
  city: { name: string; target: number | null }[];
  targetSum: number | null;
  actualSum: number | null;
  missingTargets: number;
  missingActuals: number;
  contributions: IndicatorContribution[];
}

export interface CityItemRollup {
  id: Id;
  number: string;
  name: string;
  categoryTitle: string;
  /** The worst status of its district items; null when no district item serves it. */
  status: ItemStatus | null;
  districts: { jurisdictionName: string; programmeId: Id; items: DistrictItem[] }[];
  indicators: IndicatorSum[];
  /** Districts with a lagging or overdue item for this city item. */
  lagging: string[];
}

export interface DistrictRow {
  jurisdictionName: string;
  programmeId: Id;
  programmeTitle: string;
  counts: Record<ItemStatus, number>;
  done: number;
  total: number;
  linked: number;
  lagging: number;
}

export interface DistrictRollup {
  programmeId: Id;
  title: string;
  asOf: string;
  cityItems: CityItemRollup[];
  districts: DistrictRow[];
}

/** The city view; null when no district programme carries this one out (the API answers 404 or empty). */
export function useDistricts(programmeId: Id, date: string) {
  return useQuery({
    queryKey: ['districts', programmeId, date],
    queryFn: async (): Promise<DistrictRollup | null> => {
      try {
        const view = await api.get<DistrictRollup>(`/programmes/${programmeId}/districts`, { date });
        return view.districts.length === 0 ? null : view;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
