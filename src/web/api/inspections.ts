import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { FileRef, ServerFile } from './notices.js';
import type { Id } from './types.js';

/** 实地督查: an on-site inspection of an item. */
export interface Inspection {
  id: Id;
  programmeId: Id;
  itemId: Id;
  itemNumber: string;
  itemName: string;
  date: string;
  inspectors: string;
  findings: string;
  followUp: string;
  createdBy: Id | null;
  createdAt: string;
  version: number;
  /** Every attached file; images have a thumbnail. */
  photos: ServerFile[];
}

export interface InspectionInput {
  date: string;
  inspectors: string;
  findings: string;
  followUp: string;
  attachments: FileRef[];
}

export const inspectionKeys = {
  all: ['inspections'] as const,
  item: (itemId: Id) => ['inspections', 'item', itemId] as const,
};

export function useItemInspections(itemId: Id) {
  return useQuery({
    queryKey: inspectionKeys.item(itemId),
    queryFn: async () => (await api.get<{ items: Inspection[]; total: number }>(`/items/${itemId}/inspections`)).items,
  });
}

function useInvalidateInspections() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([inspectionKeys.all, ['history']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateInspection() {
  const invalidate = useInvalidateInspections();
  return useMutation({
    mutationFn: ({ itemId, ...input }: InspectionInput & { itemId: Id }) =>
      api.post<Inspection>(`/items/${itemId}/inspections`, input),
    onSettled: invalidate,
  });
}

export function useDeleteInspection() {
  const invalidate = useInvalidateInspections();
  return useMutation({ mutationFn: (id: Id) => api.delete(`/inspections/${id}`), onSettled: invalidate });
}
