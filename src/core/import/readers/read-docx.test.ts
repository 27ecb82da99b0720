import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { IMPORT_LIMITS } from '../model.js';
import { formatNumber } from './docx-numbering.js';
import { MAX_DOCX_ELEMENTS, readDocx } from './read-docx.js';
import { FIXTURE_LIST_ROWS } from './testing/fixture-rows.js';
import type { InflateStats } from './zip.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url));

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx holding just this body. */
function docx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml), ...extra });
}

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${content}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

/** The error a call throws, failing the test when it throws something else or nothing. */
function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('readDocx on the 西青-layout fixture', () => {
  const doc = readDocx(fixture('xiqing-layout.docx'), 'xiqing-layout.docx');

  it('reads the paragraphs outside the table in order, with tabs and line breaks', () => {
    expect(doc.paragraphs).toEqual([
      { text: '附件', place: 'paragraph 1' },
      { text: '测试区2030年民心工程进度和责任清单', place: 'paragraph 2' },
      { text: '联系人：测试员\t电话：00000000\n（此件主动公开）', place: 'paragraph 3' },
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads the table on its grid: vMerge continuations and gridSpan as null, two paragraphs joined', () => {
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0];
    expect(table?.name).toBe('table 1');
    expect(table?.rows).toEqual(FIXTURE_LIST_ROWS);
  });

  it('names every cell by table, row and grid column', () => {
    const places = doc.tables[0]?.places ?? [];
    expect(places).toHaveLength(7);
    expect(places.every((row) => row.length === 11)).toBe(true);
    expect(places[0]?.[7]).toBe('table 1, row 1, column 8');
    expect(places[5]?.[3]).toBe('table 1, row 6, column 4');
  });
});

describe('readDocx rebuilds Word automatic numbering', () => {
  const doc = readDocx(fixture('numbered-list.docx'), 'numbered-list.docx');

  it('gives numbered paragraphs their numbers, nested levels and counts past ten included', () => {
    expect(doc.paragraphs.map((x) => x.text)).toEqual([
      '测试区2030年为民办实事项目',
      '经区政府研究，确定2030年为民办实事项目如下：',
      '一、完善社区养老服务。',
      '二、改善群众出行条件。',
      '(1)新开公交线路5条。',
      '(2)修缮乡村道路30公里。',
      '三、提升教育资源供给。',
      '四、加强医疗卫生服务。',
      '五、扩大就业创业渠道。',
      '六、改造老旧小区。',
      '七、提升住房保障水平。',
      '八、丰富群众文化生活。',
      '九、加强食品安全监管。',
      '十、提升城市环境质量。',
      '十一、完善便民服务设施。',
      '十二、强化社会救助保障。',
      '测试区人民政府办公室',
    ]);
  });

  it('numbers a 序号 column numbered by Word', () => {
    expect(doc.tables[0]?.rows.map((row) => row[0])).toEqual(['序号', '1', '2', '3']);
  });

  it('says, once, that the numbers were rebuilt', () => {
    expect(doc.warnings).toEqual([
      {
        where: 'whole document',
        message: expect.stringMatching(/^文档使用了 Word 自动编号，编号不在文字中，已按编号格式还原/),
      },
    ]);
  });

  it('formats the numbers Chinese lists use', () => {
    const cases: [number, string, string][] = [
      [1, 'chineseCounting', '一'],
      [10, 'chineseCounting', '十'],
      [14, 'chineseCounting', '十四'],
      [20, 'chineseCounting', '二十'],
      [105, 'chineseCountingThousand', '一百零五'],
      [110, 'chineseCountingThousand', '一百一十'],
      [1001, 'chineseCountingThousand', '一千零一'],
      [12, 'chineseLegalSimplified', '壹拾贰'],
      [3, 'ideographTraditional', '丙'],
      [11, 'ideographTraditional', '甲'],
      [3, 'decimalEnclosedCircleChinese', '③'],
      [2, 'decimalEnclosedParen', '⑵'],
      [21, 'decimalEnclosedCircle', '21'],
      [12, 'decimalFullWidth', '１２'],
      [4, 'decimalZero', '04'],
      [28, 'lowerLetter', 'bb'],
      [14, 'upperRoman', 'XIV'],
      [7, 'none', ''],
      [7, 'somethingNew', '7'],
    ];
    expect(cases.map(([n, format]) => formatNumber(n, format))).toEqual(cases.map(([, , expected]) => expected));
  });

  it('honours a start override and goes on without numbers when numbering.xml is broken', () => {
    const numbered = (id: string) =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${id}"/></w:numPr></w:pPr><w:r><w:t>项</w:t></w:r></w:p>`;
    const numbering = `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>`;
    const body = numbered('1') + numbered('1') + numbered('2') + numbered('0') + numbered('9');
    const good = readDocx(docx(body, { 'word/numbering.xml': strToU8(numbering) }), 'a.docx');
    // numId 0 means "no numbering"; numId 9 names no list, and is said.
    expect(good.paragraphs.map((x) => x.text)).toEqual(['1. 项', '2. 项', '5. 项', '项', '项']);
    const firstClause = (w: { message: string }) => w.message.split('，')[0];
    expect(good.warnings.map(firstClause)).toEqual(['文档的自动编号定义缺失或已损坏', '文档使用了 Word 自动编号']);
    for (const numberingXml of ['<w:numbering><<<\u0000', undefined]) {
      const extra: Record<string, Uint8Array> =
        numberingXml === undefined ? {} : { 'word/numbering.xml': strToU8(numberingXml) };
      const broken = readDocx(docx(body, extra), 'a.docx');
      expect(broken.paragraphs.map((x) => x.text)).toEqual(['项', '项', '项', '项', '项']);
      expect(broken.warnings.map(firstClause)).toEqual(['文档的自动编号定义缺失或已损坏']);
    }
  });
});

describe('readDocx on crafted documents', () => {
  it('ignores bookmarks, deleted text, field codes and proofing marks, and keeps inserted text and hyperlinks', () => {
    const body =
      '<w:p><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>建成</w:t></w:r><w:bookmarkEnd w:id="0"/>' +
      '<w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>社区</w:t></w:r></w:ins>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>食堂</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:proofErr w:type="spellStart"/><w:hyperlink r:id="x"><w:r><w:t>6个</w:t></w:r></w:hyperlink></w:p>';
    const doc = readDocx(docx(body), 'a.docx');
    expect(doc.paragraphs).toEqual([{ text: '建成社区食堂6个', place: 'paragraph 1' }]);
  });

  it('leaves out hidden text, which Word neither shows nor prints', () => {
    const body =
      '<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>' +
      '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r></w:p>';
    expect(readDocx(docx(body), 'a.docx').paragraphs[0]?.text).toBe('可见也可见');
  });

  it('decodes entities and numeric character references, and keeps spaces', () => {
    const doc = readDocx(docx(p('区教育局 &amp; 区卫健委 &#x4E2D;&#25991; &lt;一&gt;')), 'a.docx');
    expect(doc.paragraphs[0]?.text).toBe('区教育局 & 区卫健委 中文 <一>');
  });

  it('reads paragraphs and tables inside content controls, and skips empty paragraphs', () => {
    const body = `<w:sdt><w:sdtPr/><w:sdtContent>${p('标题')}${tbl(tr(tc(p('甲'))))}</w:sdtContent></w:sdt><w:p/>${p('落款')}`;
    const doc = readDocx(docx(body), 'a.docx');
    expect(doc.paragraphs.map((x) => x.text)).toEqual(['标题', '落款']);
    expect(doc.tables[0]?.rows).toEqual([['甲']]);
  });

  it('honours gridBefore and gridAfter, restart merges, and pads short rows', () => {
    const body = tbl(
      tr(tc(p('类'), '<w:vMerge w:val="restart"/>'), tc(p('1')), tc(p('甲'))),
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p('2'))}</w:tr>`,
      tr(tc(p(''), '<w:vMerge/>'), tc(p('3')), tc(p('丙'))),
      tr(tc(p('新类'), '<w:vMerge w:val="restart"/>')),
    );
    const table = readDocx(docx(body), 'a.docx').tables[0];
    expect(table?.rows).toEqual([
      ['类', '1', '甲'],
      ['', '2', ''],
      [null, '3', '丙'],
      ['新类', '', ''],
    ]);
    expect(table?.places[1]).toEqual([
      'table 1, row 2, column 1',
      'table 1, row 2, column 2',
      'table 1, row 2, column 3',
    ]);
  });

  it('flattens a nested table into the cell text, rows as lines and cells separated by tabs', () => {
    const nested = tbl(tr(tc(p('指标')), tc(p('目标'))), tr(tc(p('就业')), tc(p('1万人'))));
    const body = tbl(tr(tc(`${p('说明')}${nested}<w:p/>`), tc(p('乙'))));
    expect(readDocx(docx(body), 'a.docx').tables[0]?.rows).toEqual([['说明\n指标\t目标\n就业\t1万人', '乙']]);
  });

  it('skips rows deleted with track changes', () => {
    const body = tbl(
      tr(tc(p('留'))),
      `<w:tr><w:trPr><w:del w:id="1"/></w:trPr>${tc(p('删'))}</w:tr>`,
      tr(tc(p('也留'))),
    );
    expect(readDocx(docx(body), 'a.docx').tables[0]?.rows).toEqual([['留'], ['也留']]);
  });

  it('warns, with the place, about text in a text box it does not read', () => {
    const box =
      '<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>';
    const body = tbl(tr(tc(`<w:p><w:r><w:t>正文</w:t></w:r>${box}</w:p>`)));
    const doc = readDocx(docx(body), 'a.docx');
    expect(doc.tables[0]?.rows).toEqual([['正文']]);
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]?.where).toBe('table 1, row 1, column 1');
    expect(doc.warnings[0]?.message).toMatch(/^文本框或图形中的文字未读取：“框内文字”/);
  });

  it('reads a document whose namespace prefix is not w:', () => {
    const xml = `<?xml version="1.0"?><x:document xmlns:x="${W}"><x:body><x:p><x:r><x:t>甲</x:t></x:r></x:p></x:body></x:document>`;
    const doc = readDocx(zipSync({ 'word/document.xml': strToU8(xml) }), 'a.docx');
    expect(doc.paragraphs[0]?.text).toBe('甲');
  });
});

describe('readDocx refuses bad files with a Chinese-first message', () => {
  const chineseFirst = /^[\u4e00-\u9fff]/;

  it('refuses random bytes, a renamed picture and an old .doc', () => {
    for (const name of ['garbage.docx', 'image-renamed.docx']) {
      const error = errorOf(() => readDocx(fixture(name), name));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/^不是有效的 Word \(\.docx\) 文件/);
      expect(error.message).toContain('请在 Word/WPS 中另存为 .docx 后重试');
    }
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(errorOf(() => readDocx(ole, 'old.doc')).message).toMatch(/^这是旧版 Word \(\.doc\) 文件.*另存为” \.docx/);
  });

  it('refuses a zip without word/document.xml', () => {
    const error = errorOf(() => readDocx(zipSync({ 'a.txt': strToU8('hello') }), 'a.docx'));
    expect(error.message).toMatch(/^不是有效的 Word \(\.docx\) 文件：压缩包中没有 Word 正文/);
  });

  it('refuses a body that is not XML, or holds a DOCTYPE', () => {
    const notXml = zipSync({ 'word/document.xml': strToU8('<<<>>>\u0000') });
    expect(errorOf(() => readDocx(notXml, 'a.docx')).message).toMatch(chineseFirst);
    const laughs = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="${W}"><w:body>${p('&b;')}</w:body></w:document>`;
    const error = errorOf(() => readDocx(zipSync({ 'word/document.xml': strToU8(laughs) }), 'a.docx'));
    expect(error.message).toContain('DOCTYPE');
  });

  it('refuses nesting deeper than any real document', () => {
    const deep = `${'<w:tbl><w:tr><w:tc>'.repeat(60)}${p('底')}${'</w:tc></w:tr></w:tbl>'.repeat(60)}`;
    expect(errorOf(() => readDocx(docx(deep), 'a.docx')).code).toBe('VALIDATION');
  });

  it('refuses a cell spanning more columns than the cell limit, without building the row', () => {
    const body = tbl(tr(tc(p('甲'), `<w:gridSpan w:val="${IMPORT_LIMITS.cells * 10}"/>`)));
    const error = errorOf(() => readDocx(docx(body), 'a.docx'));
    expect(error.message).toMatch(/^文档中的表格超过 200000 个单元格/);
  });

  it('refuses a body of more elements than the parser may build, before parsing it', () => {
    const error = errorOf(() => readDocx(docx('<w:p/>'.repeat(MAX_DOCX_ELEMENTS)), 'a.docx'));
    expect(error.message).toMatch(/^Word \(\.docx\) 文件的内容结构过于庞大（超过 500000 个 XML 元素）/);
  });

  it('refuses a zip with more entries than the limit before inflating anything', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= IMPORT_LIMITS.zipEntries; i++) files[`word/media/${i}.txt`] = new Uint8Array();
    const stats: InflateStats = { inflatedBytes: 0 };
    const error = errorOf(() => readDocx(docx(p('甲'), files), 'a.docx', { stats }));
    expect(error.message).toMatch(/^Word \(\.docx\) 文件中的压缩条目过多（2003 个，上限 2000 个）/);
    expect(stats.inflatedBytes).toBe(0);
  });

  it('refuses a bomb that declares its size without inflating a byte', () => {
    const stats: InflateStats = { inflatedBytes: 0 };
    const error = errorOf(() => readDocx(fixture('bomb.docx'), 'bomb.docx', { stats }));
    expect(error.message).toMatch(/^Word \(\.docx\) 文件解压后超过 100 MB 的上限/);
    expect(stats.inflatedBytes).toBe(0);
  });

  it('stops a bomb that lies about its size as soon as it grows past the lie', () => {
    const stats: InflateStats = { inflatedBytes: 0 };
    const error = errorOf(() => readDocx(fixture('bomb-lying.docx'), 'bomb-lying.docx', { stats }));
    expect(error.message).toMatch(
      /^Word \(\.docx\) 文件已损坏，无法解压（条目 word\/document\.xml 解压后大于声明的大小/,
    );
    // One push of compressed input at most: far below the 150 MB inside and the 100 MB limit.
    expect(stats.inflatedBytes).toBeGreaterThan(1000);
    expect(stats.inflatedBytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('refuses an encrypted entry', () => {
    const zip = docx(p('甲'));
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Set the "encrypted" flag on every local and central header.
    for (let at = 0; at + 4 <= zip.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50) view.setUint16(at + 6, 1, true);
      if (signature === 0x02014b50) view.setUint16(at + 8, 1, true);
    }
    expect(errorOf(() => readDocx(zip, 'a.docx')).message).toMatch(/^Word \(\.docx\) 文件设置了密码或已加密/);
  });
});
