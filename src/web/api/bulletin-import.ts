import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.js';
import type { Id } from './types.js';

/** What is read: pasted text, or a .txt file (UTF-8 or GBK) as base64 that the server decodes. */
export type BulletinSource = { text: string } | { fileName: string; contentBase64: string };

export interface BulletinParagraph {
  /** The section heading (district) or theme (city) the paragraph sits under. */
  category?: string;
  text: string;
  /** 0-based order in the bulletin. */
  position: number;
}

export interface BulletinMatch {
  paragraph: BulletinParagraph;
  itemId: Id;
  itemNumber: string;
  itemName: string;
  categoryTitle: string;
  leadUnitName: string;
  /** Why this item, in words (Chinese, from the server). */
  evidence: string;
  claimedDone: boolean;
  values: Array<{ indicatorId: Id; indicatorName: string; unit: string; value: number; text: string }>;
  /** A report of the lead unit already there for the period: applying it would be refused. */
  existingReportId: Id | null;
}

export type UnmatchedKind = 'none' | 'tie' | 'duplicate' | 'no-lead-unit';

export interface BulletinUnmatched {
  paragraph: BulletinParagraph;
  kind: UnmatchedKind;
  reason: string;
  candidates: Array<{ itemId: Id; number: string; name: string }>;
}

/** POST /programmes/:id/bulletin-import/preview */
export interface BulletinPreview {
  script: 'hans' | 'hant';
  genre: 'district' | 'city';
  title: string | null;
  cutoff: { year?: number; month: number; day?: number } | null;
  /** The period asked for, else the cut-off's; null when neither is known. */
  period: string | null;
  matches: BulletinMatch[];
  unmatched: BulletinUnmatched[];
  dropped: string[];
}

export interface BulletinApplyResult {
  period: string;
  created: number;
  values: number;
  done: number;
  reportIds: Id[];
}

/** Reads the bulletin and matches it to the programme's items. Writes nothing. */
export function usePreviewBulletinImport(programmeId: Id) {
  return useMutation({
    mutationFn: (input: BulletinSource & { period?: string }) =>
      api.post<BulletinPreview>(`/programmes/${programmeId}/bulletin-import/preview`, input),
  });
}

/** Writes the accepted matches as approved reports for the period, all or nothing. */
export function useApplyBulletinImport(programmeId: Id) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulletinSource & { period: string; accept: Id[] }) =>
      api.post<BulletinApplyResult>(`/programmes/${programmeId}/bulletin-import/apply`, input),
    onSuccess: () =>
      Promise.all(
        [['reports'], ['status'], ['history'], ['my-work']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
