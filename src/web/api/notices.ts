import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client.js';
import type { Id } from './types.js';

export type NoticeState = 'open' | 'replied' | 'closed' | 'escalated';
export const NOTICE_STATES: readonly NoticeState[] = ['open', 'escalated', 'replied', 'closed'];

/** A file as the server lists it (a notice reply's or an inspection's). */
export interface ServerFile {
  id: Id;
  fileName: string;
  mime: string;
  size: number;
  /** GET it to download the file. */
  url: string;
  /** A small WebP for images; null otherwise. */
  thumbnailUrl: string | null;
}

/** A supervision notice (督办单) as the server presents it. */
export interface Notice {
  id: Id;
  programmeId: Id;
  itemId: Id;
  itemNumber: string;
  itemName: string;
  unitId: Id;
  unitName: string;
  seq: number;
  /** 督办〔2026〕第3号 */
  number: string;
  reason: string;
  requiredAction: string;
  replyDue: string;
  state: NoticeState;
  /** The reply is due and neither given nor the notice closed. */
  overdue: boolean;
  reply: string | null;
  repliedAt: string | null;
  repliedBy: Id | null;
  closeNote: string | null;
  closedAt: string | null;
  escalationLevel: number;
  escalatedAt: string | null;
  escalationNote: string | null;
  issuedBy: Id | null;
  createdAt: string;
  version: number;
  attachments: ServerFile[];
}

export interface NoticePage {
  items: Notice[];
  total: number;
}

export interface NoticeFilter {
  state?: NoticeState;
  unitId?: Id;
  itemId?: Id;
  limit?: number;
  offset?: number;
}

export interface IssueNoticeInput {
  itemId: Id;
  unitId: Id;
  reason: string;
  requiredAction: string;
  replyDue: string;
}

export interface FileRef {
  sha256: string;
  fileName: string;
}

export const noticeKeys = {
  all: ['notices'] as const,
  list: (programmeId: Id, filter: NoticeFilter) => ['notices', 'list', programmeId, filter] as const,
  one: (id: Id) => ['notices', id] as const,
};

export const noticeDocxUrl = (id: Id): string => apiUrl(`/notices/${id}/docx`);

export function useNotices(programmeId: Id | undefined, filter: NoticeFilter = {}) {
  return useQuery({
    queryKey: noticeKeys.list(programmeId ?? 0, filter),
    queryFn: () => api.get<NoticePage>(`/programmes/${programmeId}/notices`, { limit: 200, ...filter }),
    enabled: programmeId !== undefined,
  });
}

export function useNotice(id: Id) {
  return useQuery({ queryKey: noticeKeys.one(id), queryFn: () => api.get<Notice>(`/notices/${id}`) });
}

/** Every notice write makes the lists, the notice, the dashboard and the history stale. */
function useNoticeMutation<Input>(mutationFn: (input: Input) => Promise<Notice>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all(
        [noticeKeys.all, ['history'], ['status']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export const useIssueNotice = () =>
  useNoticeMutation(({ itemId, ...input }: IssueNoticeInput) => api.post<Notice>(`/items/${itemId}/notices`, input));

export const useReplyNotice = () =>
  useNoticeMutation(({ id, ...input }: { id: Id; version: number; reply: string; attachments: FileRef[] }) =>
    api.post<Notice>(`/notices/${id}/reply`, input),
  );

export const useCloseNotice = () =>
  useNoticeMutation(({ id, note, version }: { id: Id; version: number; note?: string }) =>
    api.post<Notice>(`/notices/${id}/close`, note ? { version, note } : { version }),
  );

export const useEscalateNotice = () =>
  useNoticeMutation(({ id, ...input }: { id: Id; version: number; note: string }) =>
    api.post<Notice>(`/notices/${id}/escalate`, input),
  );
