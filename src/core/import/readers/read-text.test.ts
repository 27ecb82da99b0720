import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { IMPORT_LIMITS } from '../model.js';
import { decodeText, readTextSource } from './read-text.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url));

const utf8 = (text: string) => new TextEncoder().encode(text);

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

/** The lines both text fixtures hold. */
const LINES = [
  '测试区2030年民心工程进度和责任清单',
  '',
  '大项\t序号\t项目名称\t任务明细\t实施单位（首位牵头）\t责任人\t时间节点计划任务安排\t\t\t\t分管区领导',
  '\t\t\t\t\t\t第一季度\t第二季度\t第三季度\t第四季度\t',
  '一、提升养老服务\t1\t新建社区老年食堂\t新建社区老年食堂6个。\t区民政局 区商务局\t王小明 赵丽\t完成选址。\t建成3个。\t建成6个。\t——\t钱多多',
  '\t2\t改造老旧小区\t(1)改造老旧小区8个。\t区住建委\t孙大成\t完成设计。\t开工建设。\t完成4个。\t完成8个。\t钱多多',
  '\t\t\t(2)加装电梯20部。\t区住建委 各街道\t孙大成 李四\t---\t加装5部。\t加装12部。\t加装20部。\t钱多多',
  '二、方便群众出行\t3\t新开公交线路\t新开公交线路5条。 优化公交站点12处。\t区交通局\t周一\t——\t开通2条。\t开通4条。\t开通5条，优化站点12处。\t吴二',
  '\t4\t修缮乡村道路\t修缮乡村道路30公里。\t区农业农村委\t郑三\t---\t完成10公里。\t完成20公里。\t完成30公里。\t吴二',
];

describe('decodeText', () => {
  it('reads valid UTF-8 as UTF-8, without a warning', () => {
    expect(decodeText(utf8('民心工程\t1．5万人'))).toEqual({
      text: '民心工程\t1．5万人',
      encoding: 'utf-8',
      warnings: [],
    });
  });

  it('reads a UTF-8 byte order mark and drops it', () => {
    const result = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('清单')]));
    expect(result).toEqual({ text: '清单', encoding: 'utf-8-bom', warnings: [] });
  });

  it('reads UTF-16 by its byte order mark, either way round', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...iconv.encode('清单\n', 'utf-16le')]))).toMatchObject({
      text: '清单\n',
      encoding: 'utf-16le',
      warnings: [],
    });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...iconv.encode('清单\n', 'utf-16be')]))).toMatchObject({
      text: '清单\n',
      encoding: 'utf-16be',
    });
  });

  it('recognises UTF-16 without a byte order mark by where its NULs fall, and says it guessed', () => {
    // 一 is U+4E00: one of its bytes is NUL too, on the other side.
    const result = decodeText(iconv.encode('第一季度\tQ1\n第二季度\tQ2\n', 'utf-16le'));
    expect(result.text).toBe('第一季度\tQ1\n第二季度\tQ2\n');
    expect(result.encoding).toBe('utf-16le');
    expect(result.warnings[0]?.message).toMatch(/^文件没有编码标记，已按 UTF-16LE 编码读取/);
    expect(decodeText(iconv.encode('第一季度\tQ1\n第二季度\tQ2\n', 'utf-16be')).encoding).toBe('utf-16be');
  });

  it('falls back to GB18030 for GBK bytes, with a warning naming the guess', () => {
    const result = decodeText(iconv.encode('西青区2024年20项民心工程', 'gbk'));
    expect(result.text).toBe('西青区2024年20项民心工程');
    expect(result.encoding).toBe('gb18030');
    expect(result.warnings).toEqual([
      {
        where: 'whole file',
        message: expect.stringMatching(/^文件没有编码标记，已按 GB18030（兼容 GBK） 编码读取/),
      },
    ]);
  });

  it('reads characters outside GBK when they are GB18030', () => {
    const text = '𠀀 € 鿿';
    expect(decodeText(iconv.encode(text, 'gb18030')).text).toBe(text);
  });

  it('refuses binary: NUL bytes, or many control characters', () => {
    for (const bytes of [
      new Uint8Array([0x4e, 0x00, 0x00, 0x41, 0x00, 0x42, 0x43]),
      new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41))),
    ]) {
      const error = errorOf(() => decodeText(bytes));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/^文件不是文本文件（含有二进制内容），无法读取。请上传/);
    }
  });

  it('allows the form feeds PDF extraction leaves between pages', () => {
    expect(decodeText(utf8('第一页\f第二页')).text).toBe('第一页\f第二页');
  });
});

describe('readTextSource', () => {
  it('reads the GBK fixture line by line, with an encoding warning', () => {
    const doc = readTextSource(fixture('xiqing-layout-gbk.txt'), 'xiqing-layout-gbk.txt');
    expect(doc.paragraphs).toEqual(LINES.map((text, i) => ({ text, place: `line ${i + 1}` })));
    expect(doc.tables).toEqual([]);
    expect(doc.warnings).toHaveLength(1);
  });

  it('reads the UTF-8-with-BOM fixture, CRLF line ends and all, with no warning', () => {
    const doc = readTextSource(fixture('xiqing-layout-utf8-bom.txt'), 'xiqing-layout-utf8-bom.txt');
    expect(doc.fileName).toBe('xiqing-layout-utf8-bom.txt');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(LINES);
    expect(doc.warnings).toEqual([]);
  });

  it('splits on CR, LF and CRLF, keeps blank and tab-only lines, and ignores one final line break', () => {
    const doc = readTextSource(utf8('甲\r\n\t\r\n\r乙\r丙\n'), 'a.txt');
    expect(doc.paragraphs).toEqual([
      { text: '甲', place: 'line 1' },
      { text: '\t', place: 'line 2' },
      { text: '', place: 'line 3' },
      { text: '乙', place: 'line 4' },
      { text: '丙', place: 'line 5' },
    ]);
  });

  it('refuses a file with nothing but white space', () => {
    const error = errorOf(() => readTextSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]), 'a.txt'));
    expect(error.message).toMatch(/^文件中没有文字/);
  });

  it('refuses more lines than the limit before splitting them', () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.lines + 1).fill(0x0a);
    bytes[0] = 0x41;
    const error = errorOf(() => readTextSource(bytes, 'a.txt'));
    expect(error.message).toMatch(/^文件超过 200000 行/);
  });
});
