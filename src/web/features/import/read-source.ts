import { ApiError, errorMessage } from '../../api/client.js';
import { PROGRAMME_FORMAT, type ProgrammeDocument } from '../../api/interchange.js';
import { i18n } from '../../i18n/index.js';

/** The server refuses larger files (IMPORT_LIMITS.fileBytes); saying so before the upload spares the wait. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const ACCEPTED_EXTENSIONS = ['.txt', '.docx', '.xlsx', '.json'] as const;

/** A file chosen for import: either bytes for the server's importer, or an interchange document read here. */
export type ChosenFile =
  | { kind: 'list'; fileName: string; size: number; contentBase64: string }
  | { kind: 'interchange'; fileName: string; size: number; document: ProgrammeDocument };

/** Thrown for a file that cannot be used; `message` is for people. */
export class SourceError extends Error {}

const extensionOf = (name: string): string => name.slice(name.lastIndexOf('.')).toLowerCase();

function readAs<T extends string | ArrayBuffer>(file: Blob, how: 'dataUrl' | 'text'): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(new SourceError(i18n.t('import.errors.readFailed')));
    if (how === 'dataUrl') reader.readAsDataURL(file);
    else reader.readAsText(file, 'utf-8');
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The local check of a .json file before it is treated as a programme: the
 * format tag and the category → item shape. The server validates the rest.
 */
export function asInterchange(value: unknown): ProgrammeDocument | null {
  if (!isObject(value) || value.format !== PROGRAMME_FORMAT || !Array.isArray(value.categories)) return null;
  const wellFormed = value.categories.every(
    (category) =>
      isObject(category) &&
      Array.isArray(category.items) &&
      category.items.every((item) => isObject(item) && typeof item.name === 'string'),
  );
  return wellFormed ? (value as unknown as ProgrammeDocument) : null;
}

export async function readChosenFile(file: File): Promise<ChosenFile> {
  const extension = extensionOf(file.name);
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new SourceError(i18n.t('import.errors.badExtension'));
  }
  if (file.size > MAX_FILE_BYTES) throw new SourceError(i18n.t('import.errors.tooLarge'));
  if (file.size === 0) throw new SourceError(i18n.t('import.errors.empty'));

  if (extension === '.json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse((await readAs<string>(file, 'text')).replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError(i18n.t('import.errors.notJson'));
    }
    const document = asInterchange(parsed);
    if (!document) throw new SourceError(i18n.t('import.errors.notInterchange'));
    return { kind: 'interchange', fileName: file.name, size: file.size, document };
  }

  const dataUrl = await readAs<string>(file, 'dataUrl');
  const contentBase64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return { kind: 'list', fileName: file.name, size: file.size, contentBase64 };
}

/** What to tell a person about a failed read, preview or commit. */
export function importErrorMessage(error: unknown): string {
  if (error instanceof SourceError) return error.message;
  // A proxy in front of the server may answer 413 without our error body.
  if (error instanceof ApiError && error.status === 413 && error.code === 'INTERNAL') {
    return i18n.t('import.errors.tooLarge');
  }
  return errorMessage(error);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
