import { describe, expect, it } from 'vitest';
import { programmeToCsv } from './programme-csv.js';
import { sampleDocument } from './testing/sample-document.js';

/** An RFC 4180 reader, to check the writer against the rule rather than against itself. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('programmeToCsv', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    const bytes = programmeToCsv(sampleDocument());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').endsWith('\r\n')).toBe(true);
  });

  it('writes one row per item and part, with the category and the item number on every row', () => {
    const rows = parseCsv(programmeToCsv(sampleDocument()).toString('utf8').slice(1));
    expect(rows[0]).toEqual([
      '大项',
      '序号',
      '分项',
      '项目名称',
      '任务明细',
      '实施单位（首位牵头）',
      '责任人',
      '第一季度',
      '第二季度',
      '第三季度',
      '第四季度',
      '完成时限',
      '分管区领导',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['一、增加教育资源配置', '1', '', '建成青石中学'],
      ['一、增加教育资源配置', '2', '', '提升教育教学环境'],
      ['一、增加教育资源配置', '2', '(1)', '小学教室安装空调'],
      ['一、增加教育资源配置', '2', '(1) ①', '东街街道小学'],
      ['一、增加教育资源配置', '2', '(1) ②', '西镇小学'],
      ['一、增加教育资源配置', '2', '(2)', '校园电路改造'],
      ['三、提升医疗服务水平', '', '', ''],
      ['十四、改善交通出行条件', '3', '', '提升改造道路设施'],
      ['', '4', '', '实施职工暖心行动'],
    ]);
    expect(rows.every((r) => r.length === 13)).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and defuses text a spreadsheet would run as a formula', () => {
    const text = programmeToCsv(sampleDocument()).toString('utf8');
    expect(text).toContain('"涉及13所小学，627间教室，含""电路改造"", 空调采购"');
    expect(text).toContain('"区教育局\n区住建委\n云溪街道"');
    expect(text).toContain('"\'=SUM(A1) 不是公式；逗号, 引号""和\n换行都要原样保留"');
    const rows = parseCsv(text.slice(1));
    expect(rows.find((r) => r[1] === '3')?.[10]).toBe('项目竣工,组织验收。');
    expect(rows.find((r) => r[1] === '1')?.[6]).toBe('孙立群\n钱海涛\n史伟杰');
  });
});
