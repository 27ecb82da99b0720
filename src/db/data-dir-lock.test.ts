import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.js';

const root = mkdtempSync(path.join(tmpdir(), 'minxin-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const folder = () => mkdtempSync(path.join(root, `d${n++}-`));
const plant = (dir: string, owner: Record<string, unknown>) =>
  writeFileSync(
    path.join(dir, LOCK_FILE),
    JSON.stringify({ host: hostname(), command: 'minxin serve', since: 'x', ...owner }),
  );

describe('the data folder lock', () => {
  it('is taken and released, and a second release leaves a newer lock alone', () => {
    const dir = folder();
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const again = lockDataDir(dir);
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    again();
  });

  it('refuses a folder another live process holds, saying who and what to do', () => {
    const dir = folder();
    plant(dir, { pid: process.ppid });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(
      /^数据目录 .* 正被另一个民心工程进程使用（进程号 \d+：minxin serve.*请先停止该进程/,
    );
  });

  it('takes over a lock left by a process that died, or by one before a reboot', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const dir = folder();
    plant(dir, { pid: dead });
    lockDataDir(dir)();
    const rebooted = folder();
    plant(rebooted, { pid: process.ppid, boot: 'another-boot' });
    if (existsSync('/proc/sys/kernel/random/boot_id')) lockDataDir(rebooted)();
    const reused = folder();
    plant(reused, { pid: process.ppid, start: '1' });
    if (existsSync(`/proc/${process.ppid}/stat`)) lockDataDir(reused)();
  });
});
