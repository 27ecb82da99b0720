import { i18n } from '../i18n/index.js';
import { ApiError, request } from './client.js';

/** Evidence files (佐证材料): upload once, then name them in a report's `attachments`. */

export interface UploadedFile {
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  hasThumbnail: boolean;
}

/** The server's limit per file (src/core/files); checked here first so a person need not wait for the upload. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What the server accepts, by extension; the server checks the content too. */
export const ACCEPTED_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'pdf', 'doc', 'docx', 'xls', 'xlsx'] as const;
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.map((ext) => `.${ext}`).join(',');

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp']);

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function isImageName(fileName: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(fileName));
}

/** Why a file cannot be uploaded, in the interface language, or null when it may be tried. */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
    return i18n.t('reports.evidence.badType', { name: file.name });
  }
  if (file.size > MAX_FILE_BYTES) return i18n.t('reports.evidence.tooLarge', { name: file.name });
  if (file.size === 0) return i18n.t('reports.evidence.empty', { name: file.name });
  return null;
}

/** POST /files as multipart/form-data (field `file`); a 413 the proxy answers without a body still gets a clear message. */
export async function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return await request<UploadedFile>('/files', { method: 'POST', body: form });
  } catch (error) {
    if (error instanceof ApiError && error.status === 413 && error.code === 'INTERNAL') {
      throw new ApiError(413, 'TOO_LARGE', i18n.t('reports.evidence.tooLarge', { name: file.name }));
    }
    throw error;
  }
}
