import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client.js';
import type { Id } from './types.js';

/**
 * Bulletins (进展情况通报) as the office's API presents them. The web keeps
 * its own copy of the shapes it reads (it never imports src/core).
 */

export type BulletinGenre = 'district' | 'city';
export type BulletinState = 'draft' | 'published';
export type BulletinFormat = 'docx' | 'md' | 'html';

export interface BulletinParagraph {
  itemId: Id | null;
  text: string;
}

export interface BulletinSection {
  categoryId: Id | null;
  number: string;
  heading: string;
  paragraphs: BulletinParagraph[];
}

export interface BulletinBody {
  genre: BulletinGenre;
  lede: string;
  sections: BulletinSection[];
  closing: string;
  source: string;
}

export interface BulletinSummary {
  id: Id;
  programmeId: Id;
  seq: number | null;
  cutoff: string;
  period: string;
  title: string;
  state: BulletinState;
  prevHash: string | null;
  hash: string | null;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Bulletin extends BulletinSummary {
  body: BulletinBody;
  /** The facts the text was drawn from; the web only shows the text. */
  data: unknown;
}

export interface ChainCheck {
  ok: boolean;
  count: number;
  brokenAt?: number;
  reason?: string;
}

export const bulletinKeys = {
  all: ['bulletins'] as const,
  list: (programmeId: Id) => ['bulletins', 'list', programmeId] as const,
  chain: (programmeId: Id) => ['bulletins', 'chain', programmeId] as const,
  one: (id: Id) => ['bulletins', 'one', id] as const,
};

export const bulletinExportUrl = (id: Id, format: BulletinFormat): string =>
  apiUrl(`/bulletins/${id}/export.${format}`);
/** The public page of a published bulletin. */
export const bulletinPublicUrl = (b: Pick<BulletinSummary, 'programmeId' | 'seq'>): string =>
  `/p/${b.programmeId}/bulletins/${b.seq}`;

export function useBulletins(programmeId: Id | undefined) {
  return useQuery({
    queryKey: bulletinKeys.list(programmeId ?? 0),
    queryFn: () => api.get<{ items: BulletinSummary[] }>(`/programmes/${programmeId}/bulletins`),
    enabled: programmeId !== undefined,
  });
}

export function useBulletinChain(programmeId: Id | undefined) {
  return useQuery({
    queryKey: bulletinKeys.chain(programmeId ?? 0),
    queryFn: () => api.get<ChainCheck>(`/programmes/${programmeId}/bulletins/verify`),
    enabled: programmeId !== undefined,
  });
}

export function useBulletin(id: Id) {
  return useQuery({ queryKey: bulletinKeys.one(id), queryFn: () => api.get<Bulletin>(`/bulletins/${id}`) });
}

/** Every bulletin write makes the lists, the chain and the bulletin stale (and the history). */
function useBulletinMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([bulletinKeys.all, ['history']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export const useDraftBulletin = () =>
  useBulletinMutation(({ programmeId, ...input }: { programmeId: Id; cutoff: string; genre?: BulletinGenre }) =>
    api.post<Bulletin>(`/programmes/${programmeId}/bulletins`, input),
  );

export const useUpdateBulletin = () =>
  useBulletinMutation(({ id, ...input }: { id: Id; version: number; title?: string; body?: BulletinBody }) =>
    api.patch<Bulletin>(`/bulletins/${id}`, input),
  );

export const useRefreshBulletin = () =>
  useBulletinMutation(({ id, version }: { id: Id; version: number }) =>
    api.post<Bulletin>(`/bulletins/${id}/refresh`, { version }),
  );

export const usePublishBulletin = () =>
  useBulletinMutation(({ id, version }: { id: Id; version: number }) =>
    api.post<Bulletin>(`/bulletins/${id}/publish`, { version }),
  );

export const useDeleteBulletin = () => useBulletinMutation((id: Id) => api.delete(`/bulletins/${id}`));
