import { useMutation } from '@tanstack/react-query';
import { api } from './client.js';
import { useInvalidateProgrammes } from './programmes.js';
import type { Category, Id } from './types.js';

export interface CategoryInput {
  ordinal: number | null;
  title: string;
}

export interface CategoryUpdate extends Partial<CategoryInput> {
  version: number;
  position?: number;
}

export function useCreateCategory() {
  const invalidate = useInvalidateProgrammes();
  return useMutation({
    mutationFn: ({ programmeId, ...input }: CategoryInput & { programmeId: Id }) =>
      api.post<Category>(`/programmes/${programmeId}/categories`, input),
    onSettled: invalidate,
  });
}

export function useUpdateCategory() {
  const invalidate = useInvalidateProgrammes();
  return useMutation({
    mutationFn: ({ id, ...input }: CategoryUpdate & { id: Id }) => api.patch<Category>(`/categories/${id}`, input),
    onSettled: invalidate,
  });
}

export function useDeleteCategory() {
  const invalidate = useInvalidateProgrammes();
  return useMutation({ mutationFn: (id: Id) => api.delete(`/categories/${id}`), onSettled: invalidate });
}
