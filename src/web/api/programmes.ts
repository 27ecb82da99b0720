import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from './client.js';
import type { Id, ImportResult, ListResponse, Programme, ProgrammeState, ProgrammeTree } from './types.js';

export const programmeKeys = {
  all: ['programmes'] as const,
  list: () => ['programmes', 'list'] as const,
  one: (id: Id) => ['programmes', id] as const,
  tree: (id: Id) => ['programmes', id, 'tree'] as const,
};

export interface ProgrammeInput {
  jurisdictionId: Id;
  year: number;
  title: string;
  parentId?: Id | null;
}

export interface ProgrammeUpdate {
  version: number;
  title?: string;
  year?: number;
  state?: ProgrammeState;
  parentId?: Id | null;
}

export type ExportFormat = 'json' | 'xlsx' | 'docx' | 'csv';

/** JSON (minxin.programme/v1) by default; xlsx, docx and csv are the official table. */
export const programmeExportUrl = (id: Id, format: ExportFormat = 'json'): string =>
  apiUrl(`/programmes/${id}/export`, format === 'json' ? undefined : { format });

/** Writes anywhere in a programme make its lists, trees, items and history stale. */
export function useInvalidateProgrammes() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [programmeKeys.all, ['items'], ['history']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

export function useProgrammes() {
  return useQuery({
    queryKey: programmeKeys.list(),
    queryFn: async () => (await api.get<ListResponse<Programme>>('/programmes')).items,
  });
}

export function useProgramme(id: Id | undefined) {
  return useQuery({
    queryKey: programmeKeys.one(id ?? 0),
    queryFn: () => api.get<Programme>(`/programmes/${id}`),
    enabled: id !== undefined,
  });
}

export function useProgrammeTree(id: Id) {
  return useQuery({
    queryKey: programmeKeys.tree(id),
    queryFn: () => api.get<ProgrammeTree>(`/programmes/${id}/tree`),
  });
}

export function useCreateProgramme() {
  const invalidate = useInvalidateProgrammes();
  return useMutation({
    mutationFn: (input: ProgrammeInput) => api.post<Programme>('/programmes', input),
    onSettled: invalidate,
  });
}

export function useUpdateProgramme() {
  const invalidate = useInvalidateProgrammes();
  return useMutation({
    mutationFn: ({ id, ...input }: ProgrammeUpdate & { id: Id }) => api.patch<Programme>(`/programmes/${id}`, input),
    onSettled: invalidate,
  });
}

export function useDeleteProgramme() {
  const invalidate = useInvalidateProgrammes();
  return useMutation({ mutationFn: (id: Id) => api.delete(`/programmes/${id}`), onSettled: invalidate });
}

export function useImportProgramme() {
  const invalidate = useInvalidateProgrammes();
  return useMutation({
    mutationFn: (document: unknown) => api.post<ImportResult>('/programmes/import', document),
    onSettled: invalidate,
  });
}
