import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from './client.js';
import type { Id, ListResponse } from './types.js';

export interface Versioned {
  version: number;
}

/**
 * List, create, update and delete hooks for a flat resource such as /units.
 * Every write refreshes the resource's lists and the history.
 */
export function resourceHooks<Row, CreateInput, UpdateInput extends Versioned>(options: {
  key: string;
  path: string;
  /** Other cached queries a write makes stale (e.g. programme lists show jurisdiction names). */
  alsoInvalidates?: QueryKey[];
}) {
  const { key, path } = options;

  function useInvalidate() {
    const queryClient = useQueryClient();
    return () =>
      Promise.all(
        [[key], ['history'], ...(options.alsoInvalidates ?? [])].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
  }

  return {
    useList(params: QueryParams = {}, enabled = true) {
      return useQuery({
        queryKey: [key, 'list', params],
        queryFn: async () => (await api.get<ListResponse<Row>>(path, params)).items,
        enabled,
      });
    },
    useCreate() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (input: CreateInput) => api.post<Row>(path, input),
        onSettled: invalidate,
      });
    },
    useUpdate() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: ({ id, ...input }: UpdateInput & { id: Id }) => api.patch<Row>(`${path}/${id}`, input),
        onSettled: invalidate,
      });
    },
    useRemove() {
      const invalidate = useInvalidate();
      return useMutation({
        mutationFn: (id: Id) => api.delete(`${path}/${id}`),
        onSettled: invalidate,
      });
    },
  };
}
