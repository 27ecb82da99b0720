import iconv from 'iconv-lite';
import { AppError } from '../../errors.js';
import type { ImportWarning } from '../../interchange.js';
import { IMPORT_LIMITS, type SourceDocument } from '../model.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  warnings: ImportWarning[];
}

/** Where a warning about the whole file points. */
const WHOLE_FILE = 'whole file';

/**
 * Above this share of control characters (and U+FFFD from undecodable bytes)
 * the bytes are not text. Real lists hold none but tabs, line breaks and the
 * form feeds PDF extraction leaves between pages.
 */
const MAX_CONTROL_SHARE = 0.02;

export function notText(): AppError {
  return new AppError(
    'VALIDATION',
    '文件不是文本文件（含有二进制内容），无法读取。请上传 Word (.docx)、Excel (.xlsx) 或纯文本 (.txt) 文件，或直接粘贴清单文字。 ' +
      'The file is not text (it holds binary data); upload a .docx, .xlsx or .txt file, or paste the text of the list.',
  );
}

function strictDecode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function guessWarning(encoding: string, encodingEn = encoding): ImportWarning {
  return {
    where: WHOLE_FILE,
    message:
      `文件没有编码标记，已按 ${encoding} 编码读取；请核对预览中的文字，如有乱码请将文件另存为 UTF-8 后重试。 ` +
      `The file does not say its encoding and was read as ${encodingEn}; check the preview, and if the text looks garbled save the file as UTF-8 and retry.`,
  };
}

function replacedWarning(encoding: string): ImportWarning {
  return {
    where: WHOLE_FILE,
    message:
      `文件中有按 ${encoding} 无法识别的字节，已替换为 “�”；请核对预览中的文字，或将文件另存为 UTF-8 后重试。 ` +
      `Some bytes are not valid ${encoding} and were replaced with “�”; check the preview, or save the file as UTF-8 and retry.`,
  };
}

/**
 * UTF-16 without a byte order mark shows itself by NULs mostly on one side:
 * the high bytes of ASCII (tabs, digits, line breaks). A few fall on the
 * other side, from characters like 一 (U+4E00). Binary has NULs anywhere.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (odd > 3 * even) return 'utf-16le';
  if (even > 3 * odd) return 'utf-16be';
  return null;
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) ||
      c === 0x7f ||
      (c >= 0x80 && c <= 0x9f) ||
      c === 0xfffd;
    if (control) bad++;
  }
  return bad / text.length;
}

/** Decodes a text file: by its byte order mark, else as UTF-8 when it is valid UTF-8, else as GB18030 (which contains GBK). */
export function decodeText(bytes: Uint8Array): DecodedText {
  const warnings: ImportWarning[] = [];
  const b0 = bytes[0];
  const b1 = bytes[1];
  let text: string;
  let encoding: TextEncoding;

  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    const body = bytes.subarray(3);
    const strict = strictDecode('utf-8', body);
    if (strict === null) warnings.push(replacedWarning('UTF-8'));
    text = strict ?? new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  } else if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    const strict = strictDecode(encoding, bytes.subarray(2));
    if (strict === null) throw notText();
    text = strict;
  } else if (b0 === 0x84 && b1 === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
    encoding = 'gb18030';
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 4, bytes.byteLength - 4), 'gb18030');
  } else if (bytes.includes(0)) {
    const side = utf16WithoutBom(bytes);
    const strict = side === null ? null : strictDecode(side, bytes);
    if (side === null || strict === null) throw notText();
    encoding = side;
    text = strict;
    warnings.push(guessWarning(side === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'));
  } else {
    const strict = strictDecode('utf-8', bytes);
    if (strict !== null) {
      encoding = 'utf-8';
      text = strict;
    } else {
      encoding = 'gb18030';
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
      warnings.push(guessWarning('GB18030（兼容 GBK）', 'GB18030 (GBK)'));
      if (text.includes('\ufffd')) warnings.push(replacedWarning('GB18030'));
    }
  }

  if (text.includes('\u0000') || controlShare(text) > MAX_CONTROL_SHARE) throw notText();
  return { text, encoding, warnings };
}

/** Counts lines without splitting, so a file of a million line breaks is refused before it costs an array. */
function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) lines++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) lines++;
  }
  return lines;
}

/**
 * A text file as paragraphs, one per line and exactly as written (leading
 * tabs and blank lines matter to the text layouts, which find the tables in
 * the lines themselves). A final line break does not make an empty last line.
 */
export function readTextSource(bytes: Uint8Array, fileName: string): SourceDocument {
  const { text, warnings } = decodeText(bytes);
  if (text.trim() === '') {
    throw new AppError(
      'VALIDATION',
      '文件中没有文字。请检查是否选错了文件，或直接粘贴清单文字。 The file holds no text; check that you chose the right file, or paste the text of the list.',
    );
  }
  if (countLines(text) > IMPORT_LIMITS.lines) {
    throw new AppError(
      'VALIDATION',
      `文件超过 ${IMPORT_LIMITS.lines} 行，不像一份清单。请只保留清单部分后重试。 ` +
        `The file has more than ${IMPORT_LIMITS.lines} lines, too many for a list; keep only the list and retry.`,
    );
  }
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return {
    fileName,
    paragraphs: lines.map((line, i) => ({ text: line, place: `line ${i + 1}` })),
    tables: [],
    warnings,
  };
}
