import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { IMPORT_LIMITS } from '../model.js';
import { readDocx } from './read-docx.js';
import { readXlsx } from './read-xlsx.js';
import { checkDeclaredXmlSize, checkXmlSize, type ZipEntry } from './zip.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const docx = (text: string) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });

const xlsx = (text: string) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${S}"><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet xmlns="${S}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`,
    ),
  });

async function errorOf(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('checkXmlSize', () => {
  it('counts characters across all the parts', () => {
    const half = 'a'.repeat(IMPORT_LIMITS.xmlChars / 2);
    expect(() => checkXmlSize('docx', [half, half], 10)).not.toThrow();
    expect(() => checkXmlSize('docx', [half, `${half}a`], 10)).toThrow(/解压后的内容超过 8 百万字符/);
  });

  // Found by the hostile-input suite (reliability/fuzz): an 88 KB .docx of one 30-million-character
  // paragraph held the import preview for 17 s and 2 GB; the same text in one cell of an .xlsx for 9 s.
  it('refuses a small Word or Excel file whose XML inflates past the limit, before parsing it', async () => {
    const long = '民'.repeat(IMPORT_LIMITS.xmlChars);
    for (const [name, read] of [
      ['docx', () => readDocx(docx(long), 'a.docx')],
      ['xlsx', () => readXlsx(xlsx(long), 'a.xlsx')],
    ] as const) {
      const error = await errorOf(read);
      expect(error.code, name).toBe('VALIDATION');
      expect(error.message).toMatch(/^(Word|Excel) \((\.docx|\.xlsx)\) 文件解压后的内容超过 8 百万字符，不像一份清单/);
    }
  });

  it('refuses before inflating when the declared sizes are already too long, leaving bombs to the bomb check', () => {
    const entry = (size: number): ZipEntry => ({
      name: 'word/document.xml',
      method: 8,
      flags: 0,
      compressedSize: 1,
      size,
      localHeaderOffset: 0,
    });
    expect(() => checkDeclaredXmlSize('docx', [entry(3 * IMPORT_LIMITS.xmlChars)])).not.toThrow();
    expect(() => checkDeclaredXmlSize('docx', [entry(3 * IMPORT_LIMITS.xmlChars + 1)])).toThrow(/8 百万字符/);
    expect(() => checkDeclaredXmlSize('docx', [entry(IMPORT_LIMITS.inflatedBytes + 1)])).not.toThrow();
  });
});
