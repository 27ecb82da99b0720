import { Inflate } from 'fflate';
import { AppError } from '../../errors.js';
import { IMPORT_LIMITS } from '../model.js';

/**
 * Just enough of the zip format for .docx and .xlsx, written so that a hostile
 * file costs little: the central directory is read and checked (entry count,
 * declared sizes) before a byte is inflated, only the entries a reader asks
 * for are inflated, and inflation stops as soon as an entry grows past its
 * declared size or the total past IMPORT_LIMITS.inflatedBytes. fflate does the
 * inflating; the directory is parsed here because fflate's unzip trusts the
 * declared sizes and inflates whole entries at once.
 */

export type ZipFormat = 'docx' | 'xlsx';

export interface ZipEntry {
  /** Normalised: forward slashes, no leading slash. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The uncompressed size the directory declares; checked against the real one while inflating. */
  size: number;
  localHeaderOffset: number;
}

/** Counts what the readers inflate, so tests can check that a bomb is stopped early. */
export interface InflateStats {
  inflatedBytes: number;
}

/**
 * Compressed bytes handed to fflate at a time. Deflate expands at most
 * ~1:1032, so one push inflates to at most ~1 MB: that is how far a lying
 * entry can get before it is stopped.
 */
const INPUT_CHUNK = 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

const FORMAT_TEXT: Record<ZipFormat, { zh: string; en: string; saveAs: string; saveAsEn: string }> = {
  docx: {
    zh: 'Word (.docx)',
    en: 'Word (.docx)',
    saveAs: '请在 Word/WPS 中另存为 .docx 后重试',
    saveAsEn: 'open it in Word or WPS, save it as .docx and try again',
  },
  xlsx: {
    zh: 'Excel (.xlsx)',
    en: 'Excel (.xlsx)',
    saveAs: '请在 Excel/WPS 中另存为 .xlsx 后重试',
    saveAsEn: 'open it in Excel or WPS, save it as .xlsx and try again',
  },
};

export function notValidFile(format: ZipFormat, why: string, whyEn: string): AppError {
  const t = FORMAT_TEXT[format];
  return new AppError(
    'VALIDATION',
    `不是有效的 ${t.zh} 文件：${why}。${t.saveAs}。 This is not a valid ${t.en} file: ${whyEn}; ${t.saveAsEn}.`,
  );
}

function corrupt(format: ZipFormat, detail: string, detailEn: string): AppError {
  const t = FORMAT_TEXT[format];
  return new AppError(
    'VALIDATION',
    `${t.zh} 文件已损坏，无法解压（${detail}）。${t.saveAs}。 The ${t.en} file is damaged and cannot be unzipped (${detailEn}); ${t.saveAsEn}.`,
  );
}

/** Entry names come from the file: keep them short in messages. */
const shown = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

function tooBig(format: ZipFormat): AppError {
  const t = FORMAT_TEXT[format];
  const mb = Math.round(IMPORT_LIMITS.inflatedBytes / (1024 * 1024));
  return new AppError(
    'VALIDATION',
    `${t.zh} 文件解压后超过 ${mb} MB 的上限，可能是异常或恶意构造的文件，已停止读取。请确认文件来源，删去图片等无关内容后另存再试。 ` +
      `The ${t.en} file inflates to more than ${mb} MB, which looks malformed or hostile, so reading stopped; check where it came from, remove pictures and other extras, save it again and retry.`,
  );
}

/** True when the bytes start like a zip archive (a local header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** Reads and checks the central directory; inflates nothing. */
export function readZipDirectory(bytes: Uint8Array, format: ZipFormat): ZipEntry[] {
  if (bytes.length < 22) throw notValidFile(format, '文件太短，不是压缩包', 'it is too short to be a zip archive');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => {
    const value = view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
      throw corrupt(format, '目录中的数值过大', 'a directory value is too large');
    return Number(value);
  };

  // The end record sits in the last 22 + up to 65535 (comment) bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === SIG_END && at + 22 + u16(at + 20) <= bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw notValidFile(format, '找不到压缩包目录', 'no zip directory was found');
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) throw corrupt(format, '分卷压缩包', 'it is a multi-volume archive');

  let count = u16(end + 10);
  let directorySize = u32(end + 12);
  let directoryOffset = u32(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== SIG_END64_LOCATOR)
      throw corrupt(format, '缺少 ZIP64 目录', 'the ZIP64 directory is missing');
    const end64 = u64(locator + 8);
    if (end64 + 56 > bytes.length || u32(end64) !== SIG_END64)
      throw corrupt(format, 'ZIP64 目录位置错误', 'the ZIP64 directory is misplaced');
    count = u64(end64 + 32);
    directorySize = u64(end64 + 40);
    directoryOffset = u64(end64 + 48);
  }

  if (count > IMPORT_LIMITS.zipEntries) {
    const t = FORMAT_TEXT[format];
    throw new AppError(
      'VALIDATION',
      `${t.zh} 文件中的压缩条目过多（${count} 个，上限 ${IMPORT_LIMITS.zipEntries} 个），不像正常的文件，已拒绝读取。${t.saveAs}。 ` +
        `The ${t.en} file holds too many zip entries (${count}, at most ${IMPORT_LIMITS.zipEntries}); ${t.saveAsEn}.`,
    );
  }
  if (directoryOffset + directorySize > bytes.length)
    throw corrupt(format, '目录超出文件末尾', 'the directory runs past the end of the file');

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== SIG_CENTRAL)
      throw corrupt(format, '目录条目错误', 'a directory entry is malformed');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localHeaderOffset = u32(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length)
      throw corrupt(format, '目录条目超出文件末尾', 'a directory entry runs past the end of the file');
    const name = decoder
      .decode(bytes.subarray(at + 46, at + 46 + nameLength))
      .replaceAll('\\', '/')
      .replace(/^\/+/, '');

    if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64: the real values follow, in this order, in extra field 0x0001.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(extra);
        const length = u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          const fieldEnd = field + length;
          const take = () => {
            if (field + 8 > fieldEnd) throw corrupt(format, 'ZIP64 扩展字段过短', 'a ZIP64 field is too short');
            const value = u64(field);
            field += 8;
            return value;
          };
          if (size === 0xffffffff) size = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
          break;
        }
        extra += 4 + length;
      }
    }
    entries.push({ name, method, flags, compressedSize, size, localHeaderOffset });
    at = next;
  }
  return entries;
}

/** The first entry with this name, if any. */
export function findEntry(entries: readonly ZipEntry[], name: string): ZipEntry | undefined {
  return entries.find((entry) => entry.name === name);
}

class InflateLimit extends Error {}

/**
 * Inflates the given entries, all or nothing. Their declared sizes must fit
 * the budget before anything is inflated, and each entry must inflate to
 * exactly its declared size: inflation stops at the first byte past it.
 */
export function inflateEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  format: ZipFormat,
  stats?: InflateStats,
): Map<string, Uint8Array> {
  let declared = 0;
  for (const entry of entries) declared += entry.size;
  if (declared > IMPORT_LIMITS.inflatedBytes) throw tooBig(format);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.flags & 0x1) {
      const t = FORMAT_TEXT[format];
      throw new AppError(
        'VALIDATION',
        `${t.zh} 文件设置了密码或已加密，无法读取。请取消密码后另存再试。 The ${t.en} file is encrypted; remove the password, save it again and retry.`,
      );
    }
    const local = entry.localHeaderOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== SIG_LOCAL) {
      throw corrupt(format, `条目 ${shown(entry.name)} 的位置错误`, `entry ${shown(entry.name)} is misplaced`);
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const stop = start + entry.compressedSize;
    if (stop > bytes.length)
      throw corrupt(
        format,
        `条目 ${shown(entry.name)} 超出文件末尾`,
        `entry ${shown(entry.name)} runs past the end of the file`,
      );
    const data = bytes.subarray(start, stop);

    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        throw corrupt(format, `条目 ${shown(entry.name)} 的大小不符`, `entry ${shown(entry.name)} has the wrong size`);
      if (stats) stats.inflatedBytes += data.length;
      out.set(entry.name, data);
      continue;
    }
    if (entry.method !== 8) {
      throw corrupt(
        format,
        `条目 ${shown(entry.name)} 使用了不支持的压缩方式 ${entry.method}`,
        `entry ${shown(entry.name)} uses unsupported compression method ${entry.method}`,
      );
    }
    out.set(entry.name, inflateCapped(data, entry, format, stats));
  }
  return out;
}

function inflateCapped(data: Uint8Array, entry: ZipEntry, format: ZipFormat, stats?: InflateStats): Uint8Array {
  const result = new Uint8Array(entry.size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (stats) stats.inflatedBytes += chunk.length;
    if (length + chunk.length > entry.size) throw new InflateLimit();
    result.set(chunk, length);
    length += chunk.length;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += INPUT_CHUNK) {
      inflater.push(data.subarray(at, at + INPUT_CHUNK), at + INPUT_CHUNK >= data.length);
    }
  } catch (error) {
    // An entry that grows past its declared size is how a bomb gets past the checks above.
    if (error instanceof InflateLimit)
      throw corrupt(
        format,
        `条目 ${shown(entry.name)} 解压后大于声明的大小，可能是恶意构造的压缩包`,
        `entry ${shown(entry.name)} inflates past its declared size, which is how zip bombs are built`,
      );
    throw corrupt(format, `条目 ${shown(entry.name)} 解压失败`, `entry ${shown(entry.name)} cannot be inflated`);
  }
  if (length !== entry.size)
    throw corrupt(format, `条目 ${shown(entry.name)} 的大小不符`, `entry ${shown(entry.name)} has the wrong size`);
  return result;
}

/** What a caller may pass to the zip-based readers: a counter, for tests and for logs. */
export interface ReaderOptions {
  stats?: InflateStats;
}

/**
 * Counts the elements XML text opens, cheaply, before a parser builds an
 * object for each: markup compresses about 1000:1, so a small upload can
 * inflate to millions of elements within the byte limit. Refuses more than
 * `max`, and more than IMPORT_LIMITS.xmlChars characters in all.
 */
export function checkXmlSize(format: ZipFormat, texts: Iterable<string>, max: number): void {
  let tags = 0;
  let chars = 0;
  for (const text of texts) {
    chars += text.length;
    for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
      if (text.charCodeAt(at + 1) !== 0x2f && ++tags > max) {
        const t = FORMAT_TEXT[format];
        throw new AppError(
          'VALIDATION',
          `${t.zh} 文件的内容结构过于庞大（超过 ${max} 个 XML 元素），不像一份清单，已停止读取。请只保留清单部分后另存再试。 ` +
            `The ${t.en} file's content is too large (more than ${max} XML elements) for a list, so reading stopped; keep only the list, save it again and retry.`,
        );
      }
    }
  }
  // Long text costs as much as many elements (the parser decodes entities in it pass after pass).
  if (chars > IMPORT_LIMITS.xmlChars) throw xmlTooLong(format);
}

/**
 * The same character limit before inflating, from the sizes the directory
 * declares (inflating checks them): UTF-8 spends at most three bytes on a
 * character, so more than three bytes per allowed character is too long.
 */
export function checkDeclaredXmlSize(format: ZipFormat, entries: readonly ZipEntry[]): void {
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  // Past the inflation budget it is a zip bomb, and inflateEntries says so.
  if (declared > 3 * IMPORT_LIMITS.xmlChars && declared <= IMPORT_LIMITS.inflatedBytes) throw xmlTooLong(format);
}

function xmlTooLong(format: ZipFormat): AppError {
  const t = FORMAT_TEXT[format];
  const millions = IMPORT_LIMITS.xmlChars / 1_000_000;
  return new AppError(
    'VALIDATION',
    `${t.zh} 文件解压后的内容超过 ${millions} 百万字符，不像一份清单，已停止读取。请只保留清单部分后另存再试。 ` +
      `The ${t.en} file's content is longer than ${millions} million characters once unzipped, too long for a list, so reading stopped; keep only the list, save it again and retry.`,
  );
}
