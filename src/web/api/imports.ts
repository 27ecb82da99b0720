import { useMutation } from '@tanstack/react-query';
import { api } from './client.js';
import type { ImportPreview, ProgrammeDocument, ReimportDiff } from './interchange.js';
import { useInvalidateProgrammes } from './programmes.js';
import type { Id } from './types.js';

/** What the importer reads: an uploaded file as base64, or pasted text. */
export type ImportSource = { fileName: string; contentBase64: string } | { text: string };

/** What the person says about the list; the importer takes it from the document when left out. */
export interface ImportOverrides {
  year?: number;
  jurisdiction?: string;
  title?: string;
}

/** Reads a list into a programme document with warnings. Writes nothing. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (input: ImportSource & ImportOverrides) => api.post<ImportPreview>('/programmes/import/preview', input),
  });
}

/** What importing a revised list into a programme would change. Writes nothing. */
export function usePreviewReimport() {
  return useMutation({
    mutationFn: ({ id, document }: { id: Id; document: ProgrammeDocument }) =>
      api.post<ReimportDiff>(`/programmes/${id}/reimport/preview`, document),
  });
}

/** Applies a revised list, keeping unchanged items and what is attached to them. */
export function useReimport() {
  const invalidate = useInvalidateProgrammes();
  return useMutation({
    mutationFn: ({ id, document }: { id: Id; document: ProgrammeDocument }) =>
      api.post<ReimportDiff>(`/programmes/${id}/reimport`, document),
    onSettled: invalidate,
  });
}
