import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { Id } from './types.js';

/** The in-app inbox (消息): reminders and escalations addressed to the signed-in user. */

export type InboxLevel = 'info' | 'blue' | 'yellow' | 'red';

export interface InboxMessage {
  id: Id;
  level: InboxLevel;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxMessage[];
  total: number;
  unread: number;
}

export const inboxKeys = {
  all: ['inbox'] as const,
  list: (unreadOnly: boolean, limit: number, offset: number) => ['inbox', 'list', unreadOnly, limit, offset] as const,
  count: ['inbox', 'count'] as const,
};

export function useInbox(unreadOnly: boolean, limit: number, offset: number) {
  return useQuery({
    queryKey: inboxKeys.list(unreadOnly, limit, offset),
    queryFn: () => api.get<InboxPage>('/me/inbox', { unread: unreadOnly ? 'true' : undefined, limit, offset }),
    placeholderData: keepPreviousData,
  });
}

/** The unread count for the header's bell; checked again every minute. */
export function useUnreadCount() {
  return useQuery({
    queryKey: inboxKeys.count,
    queryFn: async () => (await api.get<InboxPage>('/me/inbox', { unread: 'true', limit: 1 })).unread,
    refetchInterval: 60_000,
  });
}

function useInvalidateInbox() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: inboxKeys.all });
}

export function useMarkRead() {
  const invalidate = useInvalidateInbox();
  return useMutation({ mutationFn: (id: Id) => api.post<unknown>(`/me/inbox/${id}/read`), onSettled: invalidate });
}

export function useMarkAllRead() {
  const invalidate = useInvalidateInbox();
  return useMutation({ mutationFn: () => api.post<unknown>('/me/inbox/read-all'), onSettled: invalidate });
}
