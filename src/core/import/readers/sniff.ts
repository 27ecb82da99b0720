import { AppError } from '../../errors.js';

/** What the first bytes of a file say it is, whatever its name says. */
export type Sniffed = 'zip' | 'pdf' | 'ole' | 'rtf' | 'html' | 'image' | 'archive' | 'unknown';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

export function sniff(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office'))
  ) {
    return 'html';
  }
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x42, 0x4d]) ||
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
  ) {
    return 'image';
  }
  if (
    startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) ||
    startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) ||
    startsWith(bytes, [0x1f, 0x8b])
  ) {
    return 'archive';
  }
  return 'unknown';
}

/**
 * An OLE compound file is an old binary Office document (.doc, .xls, .wps,
 * .et), or a new one protected by a password, which Office wraps the same way.
 */
export function oldOfficeError(kind: 'docx' | 'xlsx' | 'unknown'): AppError {
  if (kind === 'docx') {
    return new AppError(
      'VALIDATION',
      '这是旧版 Word (.doc) 文件或设置了密码的文件，无法直接读取。请在 Word/WPS 中打开，取消密码并“另存为” .docx 后重试。 ' +
        'This is an old Word (.doc) file or a password-protected one; open it in Word or WPS, remove any password, save it as .docx and try again.',
    );
  }
  if (kind === 'xlsx') {
    return new AppError(
      'VALIDATION',
      '这是旧版 Excel (.xls) 文件或设置了密码的文件，无法直接读取。请在 Excel/WPS 中打开，取消密码并“另存为” .xlsx 后重试。 ' +
        'This is an old Excel (.xls) file or a password-protected one; open it in Excel or WPS, remove any password, save it as .xlsx and try again.',
    );
  }
  return new AppError(
    'VALIDATION',
    '这是旧版 Office 文件（.doc/.xls/.wps）或设置了密码的文件，无法直接读取。请取消密码并另存为 .docx 或 .xlsx 后重试。 ' +
      'This is an old Office file (.doc/.xls/.wps) or a password-protected one; remove any password, save it as .docx or .xlsx and try again.',
  );
}

export function pdfError(): AppError {
  return new AppError(
    'VALIDATION',
    '暂不支持读取 PDF 文件。请在 PDF 阅读器中全选并复制清单文字，粘贴到导入页面；或使用原始的 Word/Excel 文件。 ' +
      'PDF files are not supported yet; copy the text of the list from a PDF reader and paste it into the import page, or use the original Word or Excel file.',
  );
}
