import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { strToU8, zipSync, zlibSync } from 'fflate';
import { ROOT } from '../lib.js';
import { ODD_CHARACTERS } from './fuzz-kit.js';

/**
 * Files made to hurt the importers and the upload sniffing: Word and Excel
 * packages built by hand (deep nesting, huge spans, entity tricks, more cells
 * than the limit, lying zips), texts in odd encodings, and mutations of the
 * committed fixtures (test/fixtures/import, made by make-fixtures.ts).
 */

export interface HostileFile {
  name: string;
  fileName: string;
  bytes: Uint8Array;
}

export const FIXTURES_DIR = join(ROOT, 'test/fixtures/import');
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES_DIR, name)));

/** The valid fixtures, each under its own name. */
export const VALID_FIXTURES = [
  'xiqing-layout.docx',
  'xiqing-layout.xlsx',
  'numbered-list.docx',
  'xiqing-layout-gbk.txt',
  'xiqing-layout-utf8-bom.txt',
] as const;
/** The broken ones the readers must already refuse. */
export const BAD_FIXTURES = [
  'bomb-lying.docx',
  'bomb-lying.xlsx',
  'bomb.docx',
  'bomb.xlsx',
  'empty.docx',
  'garbage.docx',
  'image-renamed.docx',
  'no-list.xlsx',
] as const;

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

export function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${para(text)}</w:tc>`;

export function xlsx(sheets: string[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook ${S} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
        .map((_, i) => `<sheet name="清单${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet ${S}>${sheet}</worksheet>`);
  });
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A list in the wide-rows layout as an xlsx sheet with `rows` items (for the size tests). */
export function listSheet(rows: number, cellText = (r: number, c: number) => `第${r}项第${c}列`): string {
  const header = ['序号', '项目名称', '任务明细', '责任单位', '责任人', '完成时间'];
  const out: string[] = [
    `<row r="1">${inline('A1', '测试区2030年民心工程清单')}</row>`,
    `<row r="2">${header.map((h, c) => inline(`${String.fromCharCode(65 + c)}2`, h)).join('')}</row>`,
  ];
  for (let r = 0; r < rows; r++) {
    const n = r + 3;
    const cells = [String(r + 1), `新建社区食堂${r + 1}`, cellText(r, 2), '区民政局', '王小明', '12月底'];
    out.push(`<row r="${n}">${cells.map((t, c) => inline(`${String.fromCharCode(65 + c)}${n}`, t)).join('')}</row>`);
  }
  return `<sheetData>${out.join('')}</sheetData>`;
}

/** A zip whose one entry declares `declared` bytes but inflates to `real`. */
function lyingZip(name: string, real: number, declared: number): Uint8Array {
  const zip = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), [name]: new Uint8Array(real) });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // Patch every header naming the entry: local (size at +22) and central (size at +24).
  for (let at = 0; at + 4 <= zip.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50 && view.getUint32(at + 22, true) === real) view.setUint32(at + 22, declared, true);
    if (sig === 0x02014b50 && view.getUint32(at + 24, true) === real) view.setUint32(at + 24, declared, true);
  }
  return zip;
}

/** The hand-made hostile files, each a few KB to a few MB. */
export function handMadeFiles(): HostileFile[] {
  const files: HostileFile[] = [];
  const add = (name: string, fileName: string, bytes: Uint8Array) => files.push({ name, fileName, bytes });
  for (const depth of [1_000, 100_000]) {
    add(`docx: unknown elements ${depth} deep`, 'a.docx', docx(`${'<w:x>'.repeat(depth)}${'</w:x>'.repeat(depth)}`));
    add(`docx: paragraphs ${depth} deep`, 'a.docx', docx(`${'<w:p>'.repeat(depth)}${'</w:p>'.repeat(depth)}`));
    // exceljs reads nesting element by element (~9 µs each here): 30 000 deep stays well within a second.
    const x = Math.min(depth, 30_000);
    add(`xlsx: elements ${x} deep`, 'a.xlsx', xlsx([`<sheetData>${'<x>'.repeat(x)}${'</x>'.repeat(x)}</sheetData>`]));
  }
  for (const depth of [50, 500]) {
    const open = '<w:tbl><w:tr><w:tc>';
    const close = `${para('x')}</w:tc></w:tr></w:tbl>`;
    add(
      `docx: tables nested ${depth} deep`,
      'a.docx',
      docx(`${para('测试区2030年民心工程')}${open.repeat(depth)}${close.repeat(depth)}`),
    );
  }
  add(
    'docx: a cell spanning 2^31 columns',
    'a.docx',
    docx(
      `<w:tbl><w:tr>${tc('一、安居', '<w:gridSpan w:val="2147483647"/>')}${tc('x')}</w:tr><w:tr>${tc('1')}${tc('食堂')}</w:tr></w:tbl>`,
    ),
  );
  add(
    'docx: 1 000 columns × 20 rows',
    'a.docx',
    docx(`<w:tbl>${`<w:tr>${tc('序号').repeat(1_000)}</w:tr>`.repeat(20)}</w:tbl>`),
  );
  add(
    'docx: vertical merge continued without a start',
    'a.docx',
    docx(
      `<w:tbl>${`<w:tr>${tc('', '<w:vMerge/>')}${tc('', '<w:vMerge w:val="continue"/>')}</w:tr>`.repeat(300)}</w:tbl>`,
    ),
  );
  add('docx: 600 000 empty paragraphs', 'a.docx', docx('<w:p/>'.repeat(600_000)));
  // A million characters: the fuzz bounds its long texts here; blocking.test.ts times the limits themselves.
  add('docx: one paragraph of a million characters', 'a.docx', docx(para('民'.repeat(1_000_000))));
  add(
    'docx: billion laughs',
    'a.docx',
    docx(para('&lol9;'), {
      'word/document.xml': `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY lol "lol">${Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
      ).join('')}]><w:document ${W}><w:body>${para('&lol9;')}</w:body></w:document>`,
    }),
  );
  add(
    'docx: external entity',
    'a.docx',
    docx('', {
      'word/document.xml': `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body>${para('&x;')}</w:body></w:document>`,
    }),
  );
  add(
    'docx: numbering of 100 000 levels and a self-referencing style',
    'a.docx',
    docx(
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="99999"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>一、</w:t></w:r></w:p>`,
      {
        'word/numbering.xml': `<?xml version="1.0"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">${'<w:lvl w:ilvl="1"><w:start w:val="-2147483648"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1%2%3%4%5%6%7%8%9"/></w:lvl>'.repeat(
          5_000,
        )}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>`,
      },
    ),
  );
  add('docx: character references to NUL and surrogates', 'a.docx', docx(para('&#0;&#xD800;&#x110000;&#xFFFE;')));
  add(
    'docx: odd Unicode in a table',
    'a.docx',
    docx(`<w:tbl><w:tr>${ODD_CHARACTERS.map((c) => tc(c.replace(/[<&]/g, ''))).join('')}</w:tr></w:tbl>`),
  );
  add('docx: body missing', 'a.docx', docx('', { 'word/document.xml': `<w:document ${W}/>` }));
  add('docx: document.xml is not XML', 'a.docx', docx('', { 'word/document.xml': '\u0000\u0001PK not xml <<<<' }));

  add(
    'xlsx: one cell at XFD1048576',
    'a.xlsx',
    xlsx([
      `<dimension ref="A1:XFD1048576"/><sheetData><row r="1048576">${inline('XFD1048576', '一、安居')}</row></sheetData>`,
    ]),
  );
  add(
    'xlsx: a merge over the whole sheet, 2 000 times',
    'a.xlsx',
    xlsx([`${listSheet(3)}<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(2_000)}</mergeCells>`]),
  );
  add(
    'xlsx: 250 000 cells',
    'a.xlsx',
    xlsx([`<sheetData><row r="1">${'<c t="inlineStr"><is><t>1</t></is></c>'.repeat(250_000)}</row></sheetData>`]),
  );
  add(
    'xlsx: a shared string index of 2^31',
    'a.xlsx',
    xlsx([`<sheetData><row r="1"><c r="A1" t="s"><v>2147483647</v></c></row></sheetData>`], {
      'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${S}><si><t>一</t></si></sst>`,
    }),
  );
  add(
    'xlsx: 100 000 shared strings',
    'a.xlsx',
    xlsx([listSheet(3)], {
      'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${S}>${'<si><t>民心</t></si>'.repeat(100_000)}</sst>`,
    }),
  );
  add('xlsx: 100 sheets', 'a.xlsx', xlsx(Array.from({ length: 100 }, () => listSheet(2))));
  add(
    "xlsx: a row number past Excel's",
    'a.xlsx',
    xlsx([`<sheetData><row r="99999999999">${inline('A99999999999', 'x')}</row></sheetData>`]),
  );
  add(
    'xlsx: formulas and errors',
    'a.xlsx',
    xlsx([
      `<sheetData><row r="1"><c r="A1"><f>1/0</f><v>#DIV/0!</v></c><c r="B1" t="e"><v>#REF!</v></c><c r="C1" t="d"><v>not a date</v></c><c r="D1"><v>1e999</v></c></row></sheetData>`,
    ]),
  );
  add(
    'xlsx: DOCTYPE in the workbook',
    'a.xlsx',
    xlsx([listSheet(2)], {
      'xl/workbook.xml': `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(1000)}">]><workbook ${S}><sheets><sheet name="&a;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    }),
  );

  add(
    'zip: 3 000 entries',
    'a.docx',
    zipSync(Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`word/x${i}.xml`, strToU8('x')]))),
  );
  add(
    'zip: entry names climbing out',
    'a.docx',
    zipSync({ '../../word/document.xml': strToU8('<w:document/>'), '/etc/passwd': strToU8('x') }),
  );
  add('zip: declares 10 bytes, inflates 50 MB', 'a.docx', lyingZip('word/document.xml', 50 * 1024 * 1024, 10));
  add('zip: declares 4 GB', 'a.xlsx', lyingZip('xl/workbook.xml', 1024, 0xffffffff));
  add('zip: empty archive', 'a.docx', zipSync({}));
  add(
    'zip: a docx inside a docx',
    'a.docx',
    zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': fixture('xiqing-layout.docx') }),
  );
  const encrypted = docx(para('x'));
  encrypted[6] = (encrypted[6] ?? 0) | 1; // the local header's "encrypted" flag
  add('zip: encrypted flag', 'a.docx', encrypted);
  const zlibbed = zlibSync(strToU8('一、安居工程\n1. 新建食堂'));
  add('zip: a zlib stream named .docx', 'a.docx', zlibbed);
  add('zip: only the end record', 'a.xlsx', new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]));

  const encoder = new TextEncoder();
  add('text: one line of 5 MB', 'a.txt', encoder.encode(`测试区2030年民心工程\n一、${'民'.repeat(1_700_000)}`));
  add('text: 250 000 lines', 'a.txt', encoder.encode('一、\n'.repeat(250_000)));
  add(
    'text: 50 000 numbered items',
    'a.txt',
    encoder.encode(
      `测试区2030年民心工程\n${Array.from({ length: 50_000 }, (_, i) => `${i + 1}．新建食堂。`).join('\n')}`,
    ),
  );
  add(
    'text: every odd character',
    'a.txt',
    encoder.encode(`测试区2030年民心工程\n一、${ODD_CHARACTERS.join('\n二、')}`),
  );
  add(
    'text: UTF-16LE with BOM',
    'a.txt',
    new Uint8Array(Buffer.from('\ufeff测试区2030年民心工程\n一、新建食堂。', 'utf16le')),
  );
  add('text: UTF-16 BOM then odd length', 'a.txt', new Uint8Array([0xff, 0xfe, 0x41]));
  add('text: GB18030 BOM then garbage', 'a.txt', new Uint8Array([0x84, 0x31, 0x95, 0x33, 0xff, 0xff, 0x81, 0x30]));
  add(
    'text: invalid UTF-8 (GBK guess)',
    'a.txt',
    new Uint8Array([0xb2, 0xe2, 0xca, 0xd4, 0xc7, 0xf8, 0xff, 0xfe, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2]),
  );
  add(
    'text: RTL overrides and combining marks',
    'a.txt',
    encoder.encode(
      `\u202e测试区2030年民心工程\u202c\n一、\u0301\u0301新建\u200f食堂。\n二、${'\u0301'.repeat(10_000)}`,
    ),
  );
  add('text: a name claiming PDF', 'a.pdf', encoder.encode('一、新建食堂。'));
  add('text: PDF header', 'a.txt', encoder.encode('%PDF-1.7\n一、新建食堂。'));
  add('text: HTML with a script', 'a.txt', encoder.encode('<html><script>alert(1)</script>一、新建食堂。</html>'));
  add('text: RTF', 'a.docx', encoder.encode('{\\rtf1\\ansi 一、新建食堂。}'));
  add('text: OLE header (old .doc)', 'a.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
  return files;
}

// ---------------------------------------------------------------- images

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A 1-bit grey PNG of the given size. With `rows` it holds that many rows of
 * zeros (the rest missing); the file stays small whatever it declares.
 */
export function png(width: number, height: number, rows = height): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grey
  const raw = new Uint8Array(Math.min(rows, height) * (1 + Math.ceil(width / 8)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlibSync(raw, { level: 9 })),
    pngChunk('IEND', new Uint8Array()),
  ]);
}
