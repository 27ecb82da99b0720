import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import type { HistoryEntry, Id, ListResponse } from './types.js';

/** The records the admin pages open a trail for, as the audit log names them. */
export type DirectoryEntityType = 'jurisdiction' | 'unit' | 'person' | 'user';

export interface HistoryFilter {
  entityType?: string;
  entityId?: Id;
  programmeId?: Id;
  limit?: number;
  /** Entries older than this entry id (paging). */
  before?: Id;
}

export function useHistory(filter: HistoryFilter) {
  return useQuery({
    queryKey: ['history', 'list', filter],
    queryFn: async () => (await api.get<ListResponse<HistoryEntry>>('/history', { ...filter })).items,
  });
}

export function useItemHistory(itemId: Id) {
  return useQuery({
    queryKey: ['history', 'item', itemId],
    queryFn: async () => (await api.get<ListResponse<HistoryEntry>>(`/items/${itemId}/history`)).items,
  });
}
