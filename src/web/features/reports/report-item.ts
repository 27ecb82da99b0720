import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import { itemKeys } from '../../api/items.js';
import type { Id, ItemDetail } from '../../api/types.js';

/**
 * The item a report is about, asked for once the report has said which
 * (GET /items/0 while the report loads would answer 400). Shares the cache of useItem.
 */
export function useReportItem(itemId: Id | undefined) {
  return useQuery({
    queryKey: itemKeys.one(itemId ?? 0),
    queryFn: () => api.get<ItemDetail>(`/items/${itemId}`),
    enabled: itemId !== undefined,
  });
}
