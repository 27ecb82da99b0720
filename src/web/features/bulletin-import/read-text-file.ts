import type { BulletinSource } from '../../api/bulletin-import.js';
import { i18n } from '../../i18n/index.js';

/** The server refuses more (BULLETIN_MAX_BYTES); saying so before the upload spares the wait. */
export const MAX_BULLETIN_BYTES = 200 * 1024;

/** A .txt file chosen for import: its bytes go to the server as base64, which decodes UTF-8 or GBK. */
export interface ChosenText {
  fileName: string;
  size: number;
  contentBase64: string;
}

/** Thrown for a file that cannot be used; `message` is for people. */
export class TextFileError extends Error {}

export async function readTextFile(file: File): Promise<ChosenText> {
  if (!file.name.toLowerCase().endsWith('.txt')) throw new TextFileError(i18n.t('bulletinImport.source.badExtension'));
  if (file.size > MAX_BULLETIN_BYTES) throw new TextFileError(i18n.t('bulletinImport.source.tooLarge'));
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new TextFileError(i18n.t('bulletinImport.source.readFailed')));
    reader.readAsDataURL(file);
  });
  return { fileName: file.name, size: file.size, contentBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

/** What the API is sent: the file when one is chosen, else the pasted text. */
export function sourceOf(file: ChosenText | null, text: string): BulletinSource {
  return file ? { fileName: file.fileName, contentBase64: file.contentBase64 } : { text };
}
