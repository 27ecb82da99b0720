import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * PGlite takes no lock on its data folder: a second process opens it without
 * complaint, and two PostgreSQL engines in one folder overwrite each other's
 * pages (checked: a second `PGlite.create(dir)` succeeds while the first is
 * open). So each process that opens a folder writes `minxin.lock` with its pid,
 * and another process refuses the folder while that pid is alive. A lock left
 * by a process that died (kill -9, power cut) is taken over.
 */

export const LOCK_FILE = 'minxin.lock';

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
  /** Which opening in this process holds it: release removes only its own lock. */
  token?: string;
  /** Linux: the boot and the process's start time, so a pid reused after a reboot or a crash is not taken for the owner. */
  boot?: string;
  start?: string;
}

export class DataDirLockedError extends Error {
  readonly owner: LockOwner;
  constructor(dir: string, owner: LockOwner) {
    super(
      `数据目录 ${dir} 正被另一个民心工程进程使用（进程号 ${owner.pid}：${owner.command}，自 ${owner.since} 起）。` +
        '内置数据库 (PGlite) 同一时间只能由一个进程打开：请先停止该进程（如 minxin serve）再运行此命令；' +
        `若确认该进程已不存在，删除 ${path.join(dir, LOCK_FILE)} 后重试。需要在服务运行时备份，请使用 PostgreSQL。 ` +
        `The data folder is in use by another Minxin process (pid ${owner.pid}). The embedded database can be opened ` +
        'by one process at a time: stop that process (e.g. minxin serve) first, or use PostgreSQL for backups while serving.',
    );
    this.name = 'DataDirLockedError';
    this.owner = owner;
  }
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Linux's /proc/PID/stat: the state (Z for a zombie) and the start time in clock ticks after boot. */
function procStat(pid: number): { state: string; start: string } | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name in parentheses may hold spaces: count fields after its closing bracket.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', start: fields[19] ?? '' };
}

const bootId = (): string => readProc('/proc/sys/kernel/random/boot_id') ?? '';

function alive(owner: LockOwner): boolean {
  if (owner.boot && bootId() && owner.boot !== bootId()) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(owner.pid);
  if (!stat) return true;
  return stat.state !== 'Z' && (!owner.start || owner.start === stat.start);
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      host: String(parsed.host ?? ''),
      command: String(parsed.command ?? ''),
      since: String(parsed.since ?? ''),
      token: String(parsed.token ?? ''),
      boot: String(parsed.boot ?? ''),
      start: String(parsed.start ?? ''),
    };
  } catch {
    return null;
  }
}

/** Take the folder for this process; returns the release function. Throws DataDirLockedError when held. */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: ['minxin', ...process.argv.slice(2)].join(' '),
    since: new Date().toISOString(),
    token: randomUUID(),
    boot: bootId(),
    start: procStat(process.pid)?.start ?? '',
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      const owner = readOwner(file);
      // Another process on this machine that is still running holds it; our own pid is a lock this
      // process left unreleased, and a dead (or zombie, or since reused) pid one left by a crash:
      // both are taken over.
      if (owner && owner.pid !== process.pid && owner.host === me.host && alive(owner))
        throw new DataDirLockedError(path.resolve(dir), owner);
      if (owner && owner.host !== me.host) throw new DataDirLockedError(path.resolve(dir), owner);
      try {
        unlinkSync(file);
      } catch {
        // Someone else removed it first: try again.
      }
    }
  }
  return () => {
    if (readOwner(file)?.token !== me.token) return;
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
}
