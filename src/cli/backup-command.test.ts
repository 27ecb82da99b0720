import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_USAGE, backupCommand } from './backup-command.js';
import type { CommandIO } from './import-command.js';
import { RESTORE_USAGE, restoreCommand } from './restore-command.js';

/** The commands' refusals, which happen before any database is opened. */

const dir = mkdtempSync(path.join(tmpdir(), 'minxin-backup-cli-'));
const saved = { ...process.env };
beforeAll(() => {
  delete process.env.DATABASE_URL;
  process.env.MINXIN_DATA_DIR = path.join(dir, 'data');
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

function capture(): { io: CommandIO; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('minxin backup and restore, before touching a database', () => {
  it('exits 2 with the usage on wrong arguments, and 0 with it on --help', async () => {
    for (const [command, usage] of [
      [backupCommand, BACKUP_USAGE],
      [restoreCommand, RESTORE_USAGE],
    ] as const) {
      for (const args of [[], ['a', 'b'], ['--whatever', 'a']]) {
        const run = capture();
        expect(await command(args, run.io)).toBe(2);
        expect(run.err()).toContain(usage);
      }
      const help = capture();
      expect(await command(['--help'], help.io)).toBe(0);
      expect(help.out()).toBe(`${usage}\n`);
    }
  });

  it('refuses to back up a folder without a database, or over an existing file', async () => {
    const empty = capture();
    expect(await backupCommand([path.join(dir, 'x.minxin-backup')], empty.io)).toBe(1);
    expect(empty.err()).toMatch(/^数据目录 .* 中没有民心工程的数据库，请检查 MINXIN_DATA_DIR/);
    expect(existsSync(process.env.MINXIN_DATA_DIR ?? '')).toBe(false);
    const existing = path.join(dir, 'kept.minxin-backup');
    writeFileSync(existing, 'yesterday');
    const kept = capture();
    expect(await backupCommand([existing], kept.io)).toBe(1);
    expect(kept.err()).toMatch(/已存在，未覆盖.*--force/);
    const nowhere = capture();
    expect(await backupCommand([path.join(dir, 'no', 'such', 'dir', 'x.gz')], nowhere.io)).toBe(1);
    expect(nowhere.err()).toMatch(/^目录 .* 不存在/);
  });

  it('refuses a missing or damaged file without creating the target folder', async () => {
    const missing = capture();
    expect(await restoreCommand([path.join(dir, 'nowhere.minxin-backup')], missing.io)).toBe(1);
    expect(missing.err()).toMatch(/^找不到备份文件/);
    const damaged = path.join(dir, 'damaged.minxin-backup');
    writeFileSync(damaged, 'not gzip at all');
    const bad = capture();
    expect(await restoreCommand([damaged], bad.io)).toBe(1);
    expect(bad.err()).toMatch(/不是民心工程备份文件/);
    expect(existsSync(process.env.MINXIN_DATA_DIR ?? '')).toBe(false);
  });
});
