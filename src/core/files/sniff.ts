import { AppError } from '../errors.js';
import { IMPORT_LIMITS } from '../import/model.js';
import { inflateEntries, looksLikeZip, readZipDirectory, type ZipFormat } from '../import/readers/zip.js';

/**
 * Evidence files (报送佐证材料): what a file is, told from its bytes alone,
 * never from its name or what the browser claimed. The name's extension must
 * agree with what the bytes say, so a renamed file is caught before anyone
 * opens it.
 */

export const EVIDENCE_LIMITS = {
  /** Bytes of one uploaded file (the upload route and the sniffer both use it). */
  fileBytes: 20 * 1024 * 1024,
  /** A .docx/.xlsx inside: the same entry and inflated-size limits as the importers. */
  zipEntries: IMPORT_LIMITS.zipEntries,
  inflatedBytes: IMPORT_LIMITS.inflatedBytes,
  /** Longest stored file name, in characters. */
  fileName: 200,
} as const;

export type EvidenceKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls';

export interface SniffedFile {
  kind: EvidenceKind;
  mime: string;
  /** Images get a thumbnail. */
  image: boolean;
}

const MIME: Record<EvidenceKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

/** The extensions a name may carry for each kind. */
const EXTENSIONS: Record<EvidenceKind, readonly string[]> = {
  jpeg: ['jpg', 'jpeg', 'jfif'],
  png: ['png'],
  gif: ['gif'],
  webp: ['webp'],
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  doc: ['doc'],
  xls: ['xls'],
};

const LABEL: Record<EvidenceKind, string> = {
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
  pdf: 'PDF 文件',
  docx: 'Word (.docx) 文件',
  xlsx: 'Excel (.xlsx) 文件',
  doc: '旧版 Word/Excel 文件 (.doc/.xls)',
  xls: '旧版 Word/Excel 文件 (.doc/.xls)',
};

export const unsupportedType = (): AppError =>
  new AppError(
    'VALIDATION',
    '不支持的文件类型。请上传图片(JPG/PNG/GIF/WebP)、PDF、Word或Excel文件。 ' +
      'Unsupported file type; upload an image (JPG/PNG/GIF/WebP), a PDF, or a Word or Excel file.',
  );

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The file's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The name as stored and offered for download: no folders, no control
 * characters or characters file systems refuse, at most 200 characters
 * (the extension kept).
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f:*?"<>|]/g, '_').trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return 'file';
  if (cleaned.length <= EVIDENCE_LIMITS.fileName) return cleaned;
  const ext = extensionOf(cleaned);
  const keep = EVIDENCE_LIMITS.fileName - (ext ? ext.length + 1 : 0);
  return ext ? `${cleaned.slice(0, keep)}.${ext}` : cleaned.slice(0, keep);
}

/** What a zip says it is: a Word or Excel package, or something else. Checks it against zip bombs. */
function sniffZip(bytes: Uint8Array, fileName: string): 'docx' | 'xlsx' | null {
  const guess: ZipFormat = extensionOf(fileName) === 'xlsx' ? 'xlsx' : 'docx';
  // Refuses too many entries before anything is inflated.
  const entries = readZipDirectory(bytes, guess).filter((entry) => !entry.name.endsWith('/'));
  const names = entries.map((entry) => entry.name);
  if (!names.includes('[Content_Types].xml')) return null;
  const word = names.some((name) => name.startsWith('word/'));
  const excel = names.some((name) => name.startsWith('xl/'));
  if (word === excel) return null;
  const format: ZipFormat = word ? 'docx' : 'xlsx';
  // Stored files are opened by people, not by us; still, refuse a package that
  // inflates past the importers' budget or lies about its sizes (only inflating
  // tells). Entry by entry, so no more than one entry is held in memory.
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > EVIDENCE_LIMITS.inflatedBytes) throw zipBomb(format);
  for (const entry of entries) inflateEntries(bytes, [entry], format);
  return format;
}

function sniffKind(bytes: Uint8Array, fileName: string): EvidenceKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Word and Excel share the compound-file container; the name tells which, the bytes that it is one.
    return extensionOf(fileName) === 'xls' ? 'xls' : 'doc';
  }
  if (looksLikeZip(bytes)) return sniffZip(bytes, fileName);
  return null;
}

/**
 * The file's type from its content. Refuses an empty or too large file, any
 * other type, a name whose extension disagrees with the content, and a Word
 * or Excel package that is a zip bomb.
 */
export function sniffEvidence(bytes: Uint8Array, fileName: string): SniffedFile {
  if (bytes.length === 0)
    throw new AppError('VALIDATION', '文件为空，请重新选择文件。 The file is empty; choose it again.');
  if (bytes.length > EVIDENCE_LIMITS.fileBytes) throw fileTooLarge();
  const kind = sniffKind(bytes, fileName);
  if (!kind) throw unsupportedType();
  const ext = extensionOf(fileName);
  if (!EXTENSIONS[kind].includes(ext)) {
    const expected = EXTENSIONS[kind].map((e) => `.${e}`).join('/');
    throw new AppError(
      'VALIDATION',
      `文件名“${shown(fileName)}”的扩展名与文件内容不符：内容是${LABEL[kind]}，扩展名应为 ${expected}。请确认文件后重新上传。 ` +
        `The file name's extension does not match its content (${kind}, expected ${expected}); check the file and upload it again.`,
      { fileName, detected: kind },
    );
  }
  return { kind, mime: MIME[kind], image: kind === 'jpeg' || kind === 'png' || kind === 'gif' || kind === 'webp' };
}

function zipBomb(format: ZipFormat): AppError {
  const mb = Math.round(EVIDENCE_LIMITS.inflatedBytes / (1024 * 1024));
  const label = format === 'docx' ? 'Word' : 'Excel';
  return new AppError(
    'VALIDATION',
    `该 ${label} 文件解压后超过 ${mb} MB，可能是异常或恶意构造的压缩包（zip 炸弹），已拒绝。请确认文件来源，另存后重新上传。 ` +
      `The ${label} file inflates to more than ${mb} MB and looks like a zip bomb, so it was refused; check where it came from, save it again and upload it.`,
  );
}

const shown = (name: string): string => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

export function fileTooLarge(): AppError {
  const mb = EVIDENCE_LIMITS.fileBytes / (1024 * 1024);
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `文件超过 ${mb} MB 的上限，请压缩图片或拆分文件后重新上传。 The file is larger than ${mb} MB; compress or split it and upload again.`,
  );
}
