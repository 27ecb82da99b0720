import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { Id } from './types.js';

export type DeliveryState = 'pending' | 'sent' | 'failed' | 'dead';
export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'sent', 'failed', 'dead'];

/** One message to one recipient over one channel, with its retries. */
export interface Delivery {
  id: Id;
  channel: string;
  channelId: Id | null;
  recipient: string;
  level: string;
  subject: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  sentAt: string | null;
  createdAt: string;
}

export interface DeliveryList {
  items: Delivery[];
  total: number;
}

const DELIVERIES_KEY = 'deliveries';

export function useDeliveries(filter: { state?: DeliveryState | null; limit?: number; offset?: number } = {}) {
  return useQuery({
    queryKey: [DELIVERIES_KEY, filter],
    queryFn: () =>
      api.get<DeliveryList>('/deliveries', {
        state: filter.state ?? undefined,
        limit: filter.limit,
        offset: filter.offset,
      }),
  });
}

/** Puts a failed or abandoned delivery back in the queue for an attempt now. */
export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: Id) => api.post<Delivery>(`/deliveries/${id}/retry`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [DELIVERIES_KEY] }),
  });
}
