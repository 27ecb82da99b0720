import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { IMPORT_LIMITS, type SourceDocument } from '../model.js';
import { readDocx } from './read-docx.js';
import { readSource } from './read-source.js';
import { readTextSource } from './read-text.js';
import { readXlsx } from './read-xlsx.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url)));

/** The Chinese sentence comes first; it may open with a product name. */
const CHINESE_FIRST = /^(?:Word \(\.docx\) |Excel \(\.xlsx\) )?[\u4e00-\u9fff]/;

async function errorOf(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('readSource dispatches by content', () => {
  it('reads each good fixture with the reader its content calls for', async () => {
    expect((await readSource(fixture('xiqing-layout.docx'), 'xiqing-layout.docx')).tables[0]?.name).toBe('table 1');
    expect((await readSource(fixture('xiqing-layout.xlsx'), 'xiqing-layout.xlsx')).tables.map((t) => t.name)).toEqual([
      '说明',
      '清单',
    ]);
    const text = await readSource(fixture('xiqing-layout-gbk.txt'), 'xiqing-layout-gbk.txt');
    expect(text.paragraphs[0]).toEqual({ text: '测试区2030年民心工程进度和责任清单', place: 'line 1' });
  });

  it('trusts the content over the name: a .docx named .xlsx, a workbook with no extension', async () => {
    expect((await readSource(fixture('xiqing-layout.docx'), 'list.xlsx')).tables[0]?.rows[0]?.[0]).toBe('大项');
    expect((await readSource(fixture('xiqing-layout.xlsx'), 'list')).tables).toHaveLength(2);
  });

  it('reads pasted or unnamed text as text', async () => {
    const doc = await readSource(new TextEncoder().encode('一、完善社区养老服务。\n二、改善群众出行条件。'), '');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['一、完善社区养老服务。', '二、改善群众出行条件。']);
  });
});

describe('readSource refuses what it cannot read, saying what to do', () => {
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  it.each([
    ['empty.docx', 'VALIDATION', /^文件是空的/],
    ['garbage.docx', 'VALIDATION', /^不是有效的 Word \(\.docx\) 文件：文件内容不是 \.docx 格式/],
    ['image-renamed.docx', 'VALIDATION', /^不是有效的 Word \(\.docx\) 文件：文件内容是图片/],
    ['bomb.docx', 'VALIDATION', /^Word \(\.docx\) 文件解压后超过 100 MB 的上限/],
    ['bomb-lying.docx', 'VALIDATION', /^Word \(\.docx\) 文件已损坏，无法解压/],
    ['bomb.xlsx', 'VALIDATION', /^Excel \(\.xlsx\) 文件解压后超过 100 MB 的上限/],
    ['bomb-lying.xlsx', 'VALIDATION', /^Excel \(\.xlsx\) 文件已损坏，无法解压/],
  ])('%s → %s', async (name, code, message) => {
    const error = await errorOf(() => readSource(fixture(name), name));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a file over the size limit, a 100 MB one included, before looking inside', async () => {
    for (const size of [IMPORT_LIMITS.fileBytes + 1, 100 * 1024 * 1024]) {
      const error = await errorOf(() => readSource(new Uint8Array(size), 'big.docx'));
      expect(error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(error.message).toMatch(/^文件超过 20 MB 的上限/);
    }
  });

  it('refuses a PDF, suggesting to paste its text', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    for (const name of ['list.pdf', 'list.docx', 'list.txt']) {
      expect((await errorOf(() => readSource(pdf, name))).message).toMatch(/^暂不支持读取 PDF 文件。请.*粘贴/);
    }
  });

  it('refuses old binary Office files, naming the format to save as', async () => {
    expect((await errorOf(() => readSource(ole, 'list.doc'))).message).toMatch(/^这是旧版 Word \(\.doc\) 文件.*\.docx/);
    expect((await errorOf(() => readSource(ole, 'list.xls'))).message).toMatch(
      /^这是旧版 Excel \(\.xls\) 文件.*\.xlsx/,
    );
    expect((await errorOf(() => readSource(ole, 'list'))).message).toMatch(/^这是旧版 Office 文件/);
  });

  it('refuses a web page saved with an Excel name, and an RTF saved with a Word name', async () => {
    const html = new TextEncoder().encode('<html><body><table><tr><td>甲</td></tr></table></body></html>');
    expect((await errorOf(() => readSource(html, 'list.xls'))).message).toMatch(
      /^不是有效的 Excel \(\.xlsx\) 文件：这是网页/,
    );
    const rtf = new TextEncoder().encode('{\\rtf1\\ansi 甲}');
    expect((await errorOf(() => readSource(rtf, 'list.doc'))).message).toMatch(
      /^不是有效的 Word \(\.docx\) 文件：这是 RTF/,
    );
  });

  it('refuses a zip holding neither Word nor Excel', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    expect((await errorOf(() => readSource(zip, 'a.zip'))).message).toMatch(
      /^这是一个压缩包，但其中既没有 Word 文档也没有 Excel 工作簿/,
    );
  });

  it('refuses binary with a text name', async () => {
    expect((await errorOf(() => readSource(fixture('image-renamed.docx'), 'list.txt'))).message).toMatch(
      /^无法读取这种文件/,
    );
    expect((await errorOf(() => readSource(fixture('garbage.docx'), 'list.txt'))).message).toMatch(/^文件不是文本文件/);
  });
});

/**
 * The readers' promise to every caller: a document, or an AppError whose
 * message is Chinese first. Anything else (a TypeError from deep inside
 * exceljs, a RangeError from a runaway loop) is a bug.
 */
async function outcome(run: () => SourceDocument | Promise<SourceDocument>): Promise<'ok' | 'refused'> {
  const started = performance.now();
  try {
    const doc = await run();
    expect(Array.isArray(doc.paragraphs) && Array.isArray(doc.tables) && Array.isArray(doc.warnings)).toBe(true);
    for (const table of doc.tables) {
      expect(table.places.length).toBe(table.rows.length);
    }
    return 'ok';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(['VALIDATION', 'PAYLOAD_TOO_LARGE']).toContain(error.code);
    expect(error.message).toMatch(CHINESE_FIRST);
    return 'refused';
  } finally {
    // A hang detector, not a benchmark: small inputs take milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  }
}

type Reader = (bytes: Uint8Array) => SourceDocument | Promise<SourceDocument>;

const READERS = {
  source: (bytes) => readSource(bytes, 'fuzz.docx'),
  sourceText: (bytes) => readSource(bytes, 'fuzz.txt'),
  docx: (bytes) => readDocx(bytes, 'fuzz.docx'),
  xlsx: (bytes) => readXlsx(bytes, 'fuzz.xlsx'),
  text: (bytes) => readTextSource(bytes, 'fuzz.txt'),
} satisfies Record<string, Reader>;

const READER_NAMES = Object.keys(READERS) as (keyof typeof READERS)[];

/** Byte-level damage: overwrite, delete or insert runs of bytes, or cut the file short. */
const damage = (length: number) =>
  fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        at: fc.nat(length - 1),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(length - 1), length: fc.integer({ min: 1, max: 64 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(length - 1),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(length - 1) }),
    ),
    { minLength: 1, maxLength: 6 },
  );

type Damage = ReturnType<typeof damage> extends fc.Arbitrary<infer T> ? T : never;

function applyDamage(original: Uint8Array, edits: Damage): Uint8Array {
  let bytes = original.slice();
  for (const edit of edits) {
    const at = Math.min(edit.at, Math.max(0, bytes.length - 1));
    if (edit.kind === 'set') bytes.set(edit.bytes.subarray(0, bytes.length - at), at);
    else if (edit.kind === 'cut')
      bytes = new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + edit.length)]);
    else if (edit.kind === 'insert')
      bytes = new Uint8Array([...bytes.subarray(0, at), ...edit.bytes, ...bytes.subarray(at)]);
    else bytes = bytes.slice(0, at);
  }
  return bytes;
}

/** Markup-level damage inside the zip: the XML is cut, repeated or salted with tags, and zipped again. */
const XML_SALT = [
  '<',
  '>',
  '</w:tc>',
  '<w:tc>',
  '<w:tr>',
  '<w:gridSpan w:val="99999999"/>',
  '<w:vMerge/>',
  '&',
  '&#0;',
  '<c r="XFD1048576">',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<row r="0">',
  '"',
  '<![CDATA[',
  '<!--',
  '\u0000',
  '<v>1e309</v>',
  '<f t="shared" ref="A1:XFD1048576" si="0"/>',
];

interface XmlEdit {
  at: number;
  length: number;
  salt: string;
  repeat: number;
}

const xmlDamage: fc.Arbitrary<XmlEdit[]> = fc.array(
  fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 0, max: 200 }),
    salt: fc.constantFrom(...XML_SALT),
    repeat: fc.integer({ min: 0, max: 3 }),
  }),
  { minLength: 1, maxLength: 4 },
);

function damageInside(zip: Uint8Array, edits: readonly XmlEdit[]): Uint8Array {
  const parts = unzipSync(zip);
  const names = Object.keys(parts).filter((name) => name.endsWith('.xml'));
  edits.forEach((edit, i) => {
    const name = names[i % names.length];
    const part = name === undefined ? undefined : parts[name];
    if (name === undefined || part === undefined) return;
    const xml = new TextDecoder().decode(part);
    const at = Math.floor(edit.at * xml.length);
    const cut = xml.slice(at, at + edit.length);
    parts[name] = strToU8(xml.slice(0, at) + edit.salt + cut.repeat(edit.repeat) + xml.slice(at + edit.length));
  });
  return zipSync(parts);
}

/** `FUZZ_SCALE=20 npx vitest run …` fuzzes twenty times longer. */
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_SCALE ?? '1'));

describe('no input crashes a reader with anything but an AppError, or hangs it', () => {
  const docx = fixture('xiqing-layout.docx');
  const xlsx = fixture('xiqing-layout.xlsx');
  const text = fixture('xiqing-layout-gbk.txt');

  it(
    'random bytes, through every entry point',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 2048 }),
            // Random bytes behind a zip signature, to get past the first check.
            fc
              .uint8Array({ maxLength: 2048 })
              .map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
          ),
          fc.constantFrom(...READER_NAMES),
          async (bytes, reader) => {
            await outcome(() => READERS[reader](bytes));
          },
        ),
        { numRuns: runs(300) },
      );
    },
    runs(60_000),
  );

  it(
    'byte-level damage to the good fixtures',
    async () => {
      const cases: { bytes: Uint8Array; read: Reader }[] = [
        { bytes: docx, read: READERS.docx },
        { bytes: xlsx, read: READERS.xlsx },
        { bytes: text, read: READERS.text },
      ];
      for (const { bytes, read } of cases) {
        await fc.assert(
          fc.asyncProperty(damage(bytes.length), async (edits) => {
            await outcome(() => read(applyDamage(bytes, edits)));
          }),
          { numRuns: runs(150) },
        );
      }
    },
    runs(120_000),
  );

  it(
    'markup-level damage inside the .docx and .xlsx fixtures',
    async () => {
      const seen = { ok: 0, refused: 0 };
      const cases: [Uint8Array, Reader][] = [
        [docx, READERS.docx],
        [xlsx, READERS.xlsx],
      ];
      for (const [bytes, read] of cases) {
        await fc.assert(
          fc.asyncProperty(xmlDamage, async (edits) => {
            seen[await outcome(() => read(damageInside(bytes, edits)))]++;
          }),
          { numRuns: runs(100) },
        );
      }
      // The damage reaches both outcomes, so the property is not vacuous.
      expect(seen.ok).toBeGreaterThan(0);
      expect(seen.refused).toBeGreaterThan(0);
    },
    runs(120_000),
  );
});
