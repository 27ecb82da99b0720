import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CommandIO, importCommand } from '../../cli/import-command.js';
import { programmeDocumentSchema } from '../interchange.js';
import { PROSE_LIST, WIDE_ROWS } from './testing/fixtures.js';

/** `minxin import`: exit 0 with the programme, 1 when the file is no list, 2 on wrong usage. */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'minxin-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CommandIO & { out: string; err: string } {
  const captured = {
    out: '',
    err: '',
    stdout: (text: string) => {
      captured.out += text;
    },
    stderr: (text: string) => {
      captured.err += text;
    },
  };
  return captured;
}

function file(name: string, content: string | Uint8Array): string {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
}

describe('minxin import', () => {
  it('prints the programme as minxin.programme/v1 and the warnings on stderr, one per line', async () => {
    const capture = io();
    expect(await importCommand([file('wide.txt', WIDE_ROWS)], capture)).toBe(0);
    const doc = programmeDocumentSchema.parse(JSON.parse(capture.out));
    expect(doc.title).toBe('明湖区2026年10项民心工程进度和责任清单');
    const lines = capture.err.trim().split('\n');
    expect(lines[0]).toMatch(/^line 13, column 4: 子项 3 的任务明细分为 2 个分项/);
    expect(lines[lines.length - 1]).toMatch(
      /^已读取 \(read\) wide\.txt \[wide-rows\]：2 个大项 categories，4 个子项 items，4 个分项 parts，1 条提示/,
    );
  });

  it('writes --out and lets the flags override the document', async () => {
    const capture = io();
    const out = path.join(dir, 'out.json');
    const code = await importCommand(
      [
        file('prose.txt', PROSE_LIST),
        '--year',
        '2030',
        '--jurisdiction',
        '白沙镇',
        '--title',
        '白沙镇实事',
        '--out',
        out,
      ],
      capture,
    );
    expect(code).toBe(0);
    expect(capture.out).toBe('');
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect([doc.format, doc.title, doc.jurisdiction, doc.year]).toEqual([
      'minxin.programme/v1',
      '白沙镇实事',
      '白沙镇',
      2030,
    ]);
  });

  it('exits 1 with the reason when the file cannot be read as a list', async () => {
    for (const [name, content, reason] of [
      ['notes.txt', '今天开会。\n明天继续。', '无法识别为民心工程清单'],
      ['garbage.bin', new Uint8Array([0, 1, 2, 3, 255, 0, 7, 0, 9]), '二进制'],
      ['empty.txt', '', '空的'],
      ['picture.docx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), '图片'],
      ['untitled.txt', PROSE_LIST.replace('青石镇2025年民心工程', ''), '--year'],
    ] as const) {
      const capture = io();
      expect(await importCommand([file(name, content)], capture), name).toBe(1);
      expect(capture.err, name).toContain(reason);
      expect(capture.out).toBe('');
    }
    const missing = io();
    expect(await importCommand([path.join(dir, 'nowhere.txt')], missing)).toBe(1);
    expect(missing.err).toContain('文件不存在');
  });

  it('exits 2 on wrong usage, with the usage', async () => {
    for (const args of [
      [],
      ['--year'],
      ['a.txt', 'b.txt'],
      ['a.txt', '--colour', 'red'],
      ['a.txt', '--year', '24'],
      ['a.txt', '--year', '1888'],
    ]) {
      const capture = io();
      expect(await importCommand(args, capture), args.join(' ')).toBe(2);
      expect(capture.err).toContain('minxin import FILE');
    }
  });

  it('is wired into the minxin command', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const { main } = await import('../../cli/main.js');
      expect(await main(['import'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain('需要清单文件');
  });
});
