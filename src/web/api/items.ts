import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import { useInvalidateProgrammes } from './programmes.js';
import type { Deadline, Direction, Id, Indicator, ItemDetail, ItemNode, Milestone, UnitRole } from './types.js';

export const itemKeys = {
  one: (id: Id) => ['items', id] as const,
};

export interface ItemFields {
  number: string;
  name: string;
  description?: string;
  target?: string;
  deadline?: Deadline | null;
}

export interface MilestoneInput {
  period: string;
  text: string;
  dueDate?: string | null;
}

export interface IndicatorInput {
  name: string;
  unit: string;
  target: number | null;
  direction: Direction;
  checkpoints: Record<string, number>;
}

type Versioned<T> = Partial<T> & { id: Id; version: number };

export function useItem(id: Id) {
  return useQuery({ queryKey: itemKeys.one(id), queryFn: () => api.get<ItemDetail>(`/items/${id}`) });
}

/** A mutation whose success refreshes everything a programme shows. */
function useProgrammeMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const invalidate = useInvalidateProgrammes();
  return useMutation({ mutationFn, onSettled: invalidate });
}

export const useCreateItem = () =>
  useProgrammeMutation(({ categoryId, ...input }: ItemFields & { categoryId: Id; parentItemId?: Id | null }) =>
    api.post<ItemNode>(`/categories/${categoryId}/items`, input),
  );

export const useUpdateItem = () =>
  useProgrammeMutation(({ id, ...input }: Versioned<ItemFields>) => api.patch<ItemNode>(`/items/${id}`, input));

export const useDeleteItem = () => useProgrammeMutation((id: Id) => api.delete(`/items/${id}`));

export const useAddItemUnit = () =>
  useProgrammeMutation(({ itemId, ...input }: { itemId: Id; unitId: Id; role: UnitRole }) =>
    api.post<unknown>(`/items/${itemId}/units`, input),
  );

export const useRemoveItemUnit = () => useProgrammeMutation((id: Id) => api.delete(`/item-units/${id}`));

export const useAddItemPerson = () =>
  useProgrammeMutation(({ itemId, ...input }: { itemId: Id; personId: Id; unitId?: Id | null }) =>
    api.post<unknown>(`/items/${itemId}/persons`, input),
  );

export const useRemoveItemPerson = () => useProgrammeMutation((id: Id) => api.delete(`/item-persons/${id}`));

export const useAddItemLeader = () =>
  useProgrammeMutation(({ itemId, personId }: { itemId: Id; personId: Id }) =>
    api.post<unknown>(`/items/${itemId}/leaders`, { personId }),
  );

export const useRemoveItemLeader = () => useProgrammeMutation((id: Id) => api.delete(`/item-leaders/${id}`));

export const useCreateMilestone = () =>
  useProgrammeMutation(({ itemId, ...input }: MilestoneInput & { itemId: Id }) =>
    api.post<Milestone>(`/items/${itemId}/milestones`, input),
  );

export const useUpdateMilestone = () =>
  useProgrammeMutation(({ id, ...input }: Versioned<MilestoneInput>) =>
    api.patch<Milestone>(`/milestones/${id}`, input),
  );

export const useDeleteMilestone = () => useProgrammeMutation((id: Id) => api.delete(`/milestones/${id}`));

export const useCreateIndicator = () =>
  useProgrammeMutation(({ itemId, ...input }: IndicatorInput & { itemId: Id }) =>
    api.post<Indicator>(`/items/${itemId}/indicators`, input),
  );

export const useUpdateIndicator = () =>
  useProgrammeMutation(({ id, ...input }: Versioned<IndicatorInput>) =>
    api.patch<Indicator>(`/indicators/${id}`, input),
  );

export const useDeleteIndicator = () => useProgrammeMutation((id: Id) => api.delete(`/indicators/${id}`));
