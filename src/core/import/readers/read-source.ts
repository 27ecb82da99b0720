import { AppError } from '../../errors.js';
import { IMPORT_LIMITS, type SourceDocument } from '../model.js';
import { readDocx } from './read-docx.js';
import { readTextSource } from './read-text.js';
import { readXlsx } from './read-xlsx.js';
import { oldOfficeError, pdfError, sniff } from './sniff.js';
import { notValidFile, type ReaderOptions, readZipDirectory, type ZipFormat } from './zip.js';

/**
 * Any uploaded list → a SourceDocument. The content decides, not the name: a
 * .docx renamed .xlsx still reads. The name only matters for text, which has
 * no signature, and for saying what a broken file was meant to be.
 */

const WORD_EXTENSIONS = new Set(['docx', 'docm', 'dotx', 'doc', 'wps', 'rtf']);
const EXCEL_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xls', 'et']);

function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName);
  return match?.[1]?.toLowerCase() ?? '';
}

/** What the file's name says it should be, for the messages about files that are not. */
function intendedFormat(extension: string): ZipFormat | null {
  if (WORD_EXTENSIONS.has(extension)) return 'docx';
  if (EXCEL_EXTENSIONS.has(extension)) return 'xlsx';
  return null;
}

export function readSource(bytes: Uint8Array, fileName: string, options: ReaderOptions = {}): Promise<SourceDocument> {
  // Synchronous checks throw as rejections, so callers handle one kind of failure.
  try {
    return dispatch(bytes, fileName, options);
  } catch (error) {
    return Promise.reject(error);
  }
}

function dispatch(bytes: Uint8Array, fileName: string, options: ReaderOptions): Promise<SourceDocument> {
  if (bytes.length === 0) {
    throw new AppError(
      'VALIDATION',
      '文件是空的（0 字节）。请检查是否选错了文件，或重新保存后再上传。 The file is empty (0 bytes); check that you chose the right file, or save it again and upload it.',
    );
  }
  if (bytes.length > IMPORT_LIMITS.fileBytes) {
    const mb = Math.round(IMPORT_LIMITS.fileBytes / (1024 * 1024));
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `文件超过 ${mb} MB 的上限。一份清单通常不到 1 MB，请删去图片等无关内容，或只保留清单部分后重试。 ` +
        `The file is larger than ${mb} MB; a list is usually under 1 MB, so remove pictures and other extras, or keep only the list, and retry.`,
    );
  }
  const extension = extensionOf(fileName);
  const intended = intendedFormat(extension);

  switch (sniff(bytes)) {
    case 'zip': {
      const names = readZipDirectory(bytes, intended ?? 'docx').map((entry) => entry.name);
      if (names.some((name) => name.startsWith('word/'))) return Promise.resolve(readDocx(bytes, fileName, options));
      if (names.some((name) => name.startsWith('xl/'))) return readXlsx(bytes, fileName, options);
      throw new AppError(
        'VALIDATION',
        '这是一个压缩包，但其中既没有 Word 文档也没有 Excel 工作簿。请上传 .docx、.xlsx 或 .txt 文件，或直接粘贴清单文字。 ' +
          'This is a zip archive holding neither a Word document nor an Excel workbook; upload a .docx, .xlsx or .txt file, or paste the text of the list.',
      );
    }
    case 'pdf':
      throw pdfError();
    case 'ole':
      throw oldOfficeError(intended ?? 'unknown');
    case 'rtf':
      throw notValidFile('docx', '这是 RTF 格式的文件', 'it is an RTF file');
    case 'html':
      if (intended)
        throw notValidFile(
          intended,
          '这是网页（HTML）或 XML 格式的文件，只是扩展名像 Office 文件',
          'it is a web page (HTML) or XML file with an Office name',
        );
      return Promise.resolve(readTextSource(bytes, fileName));
    case 'image':
      if (intended)
        throw notValidFile(
          intended,
          '文件内容是图片（可能是改了扩展名的图片）',
          'it is a picture with its name changed',
        );
      throw unsupported();
    case 'archive':
      throw unsupported();
    default:
      if (intended) {
        throw notValidFile(
          intended,
          `文件内容不是 .${intended} 格式（可能已损坏，或是改了扩展名的其他文件）`,
          `its content is not .${intended} (it may be damaged, or another kind of file renamed)`,
        );
      }
      if (extension === 'pdf') throw pdfError();
      return Promise.resolve(readTextSource(bytes, fileName));
  }
}

function unsupported(): AppError {
  return new AppError(
    'VALIDATION',
    '无法读取这种文件。请上传 Word (.docx)、Excel (.xlsx) 或纯文本 (.txt) 文件，或直接粘贴清单文字。 ' +
      'This kind of file cannot be read; upload a .docx, .xlsx or .txt file, or paste the text of the list.',
  );
}
