import { describe, expect, it } from 'vitest';
import { demoProgramme } from '../../db/demo/demo-programme.js';
import { normalizeDocument } from '../tree.js';
import { readEmbeddedDocument } from './embedded-document.js';
import { programmeToDocx } from './programme-docx.js';
import { readDocxBack } from './testing/read-back.js';
import { sampleDocument } from './testing/sample-document.js';

describe('programmeToDocx', () => {
  it('writes an A4 landscape page with the title and the table, header repeated, categories merged by vMerge', async () => {
    const { documentXml, source } = readDocxBack(await programmeToDocx(sampleDocument()));
    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(source.paragraphs[0]?.text).toBe('青石区2026年10项民心工程进度和责任清单');
    expect(documentXml).toContain('w:eastAsia="方正小标宋简体"');
    expect(documentXml).toMatch(/<w:sz w:val="44"\/>/);
    expect(documentXml).toContain('w:eastAsia="仿宋_GB2312"');

    expect(source.tables).toHaveLength(1);
    const rows = source.tables[0]?.rows ?? [];
    expect(rows[0]).toEqual([
      '大项',
      '序号',
      '项目名称',
      '任务明细',
      '实施单位（首位牵头）',
      '责任人',
      '时间节点计划任务安排',
      null,
      null,
      null,
      '完成时限',
      '分管区领导',
    ]);
    expect(rows[1]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      '第一季度',
      '第二季度',
      '第三季度',
      '第四季度',
      null,
      null,
    ]);
    expect((documentXml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(2);
    expect(documentXml).toContain('<w:gridSpan w:val="4"/>');
    // Eight header cells span two rows; 一、 spans its six rows (the other categories have one row each).
    const count = (pattern: RegExp) => (documentXml.match(pattern) ?? []).length;
    expect(count(/<w:vMerge w:val="restart"\/>/g)).toBe(8 + 1);
    expect(count(/<w:vMerge w:val="continue"\/>/g)).toBe(8 + 5);

    expect(rows.slice(2).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['一、增加教育资源配置', '1', '建成青石中学'],
      [null, '2', '提升教育教学环境'],
      [null, '(1)', '小学教室安装空调'],
      [null, '①', '东街街道小学'],
      [null, '②', '西镇小学'],
      [null, '(2)', '校园电路改造'],
      ['三、提升医疗服务水平', '', ''],
      ['十四、改善交通出行条件', '3', '提升改造道路设施'],
      ['', '4', '实施职工暖心行动'],
    ]);
    // Several units in one cell are paragraphs of their own.
    expect(rows[2]?.[4]).toBe('区教育局\n区住建委\n云溪街道');
    expect(rows[2]?.slice(6, 10)).toEqual([
      '完成内部装饰装修的20%',
      '完成内部装饰装修的60%',
      '7月：竣工验收\n具备开学条件',
      '——',
    ]);
  });

  it('carries the whole programme in hidden paragraphs after the table, so reading it back gives the identical document', async () => {
    const doc = sampleDocument();
    const { documentXml, source } = readDocxBack(await programmeToDocx(doc));
    const chunks = source.paragraphs.filter((p) => p.text.startsWith('minxin:'));
    expect(chunks.length).toBeGreaterThan(0);
    // Hidden: the paragraph mark and the run are vanished.
    const last = documentXml.slice(documentXml.lastIndexOf('<w:p>'));
    expect(last).toMatch(/<w:vanish\/>[\s\S]*<w:vanish\/>[\s\S]*minxin:/);
    expect(readEmbeddedDocument(source)).toEqual({
      kind: 'document',
      document: normalizeDocument(doc),
      visibleTableMatches: true,
    });
  });

  it('round-trips the demo programme', async () => {
    const { source } = readDocxBack(await programmeToDocx(demoProgramme));
    const result = readEmbeddedDocument(source);
    expect(result.kind === 'document' && result.visibleTableMatches).toBe(true);
    expect(result.kind === 'document' && result.document).toEqual(normalizeDocument(demoProgramme));
  });

  it('says the embedded data is damaged when a chunk is missing', async () => {
    const big = sampleDocument();
    const category = big.categories[0];
    if (category) category.items = category.items.map((item) => ({ ...item, description: '长'.repeat(10_000) }));
    const { source } = readDocxBack(await programmeToDocx(big));
    const chunks = source.paragraphs.filter((p) => p.text.startsWith('minxin:'));
    expect(chunks.length).toBeGreaterThan(1);
    const result = readEmbeddedDocument({ ...source, paragraphs: source.paragraphs.filter((p) => p !== chunks[1]) });
    expect(result.kind).toBe('damaged');
  });
});
