import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase } from '../db/backup/backup-database.js';
import { BackupError } from '../db/backup/format.js';
import { type Database, openDatabase } from '../db/client.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { loadConfig } from '../server/config.js';
import type { CommandIO } from './import-command.js';

/**
 * `minxin backup FILE`: the configured database (DATABASE_URL or
 * MINXIN_DATA_DIR) — every table, the evidence files included — in one
 * gzip'd file (src/db/backup/format.ts). Exit 0 on success, 1 when it could
 * not back up, 2 on wrong usage.
 */

export const BACKUP_USAGE = `用法 (usage): minxin backup FILE [--force]

  把整个数据库（全部表，包括佐证材料文件和审计日志）写入一个备份文件（gzip 压缩的 minxin.backup/v1）。
  Writes the whole database (every table, evidence files and audit trail included) to one file.
  PostgreSQL (DATABASE_URL)：服务运行时也可备份，备份是同一时刻的一致快照。
    On PostgreSQL a backup may run while servers run: it reads one consistent snapshot.
  内置数据库 (MINXIN_DATA_DIR)：请先停止服务，数据目录同一时间只能由一个进程打开。
    On the embedded database stop the server first: its folder opens in one process at a time.
  --force     覆盖已存在的 FILE (overwrite an existing FILE)`;

export const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export const sizeText = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The configured database, or the message to print when it cannot be opened. */
export async function openConfigured(options: { mustExist: boolean }): Promise<Database | string> {
  const config = loadConfig();
  if (!config.DATABASE_URL && options.mustExist && !existsSync(path.join(config.MINXIN_DATA_DIR, 'PG_VERSION')))
    return (
      `数据目录 ${path.resolve(config.MINXIN_DATA_DIR)} 中没有民心工程的数据库，请检查 MINXIN_DATA_DIR（或设置 DATABASE_URL 使用 PostgreSQL）。 ` +
      `No Minxin database in ${path.resolve(config.MINXIN_DATA_DIR)}: check MINXIN_DATA_DIR (or set DATABASE_URL).`
    );
  try {
    return await openDatabase({ url: config.DATABASE_URL, dataDir: config.MINXIN_DATA_DIR, poolSize: 2 });
  } catch (error) {
    if (error instanceof DataDirLockedError) return error.message;
    throw error;
  }
}

/** Parses `FILE [--force]`; a string is the usage error to print. */
export function fileAndForce(args: string[]): { file: string; force: boolean; help: boolean } | string {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) return { file: '', force: false, help: true };
    if (positionals.length !== 1) return '需要且只需要一个文件名 (exactly one FILE is required)';
    return { file: positionals[0] ?? '', force: values.force ?? false, help: false };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function backupCommand(args: string[], io: CommandIO = processIO): Promise<number> {
  const parsed = fileAndForce(args);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n\n${BACKUP_USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${BACKUP_USAGE}\n`);
    return 0;
  }
  if (!existsSync(path.dirname(path.resolve(parsed.file)))) {
    io.stderr(
      `目录 ${path.dirname(path.resolve(parsed.file))} 不存在，请先创建或换一个位置。 The folder for ${parsed.file} does not exist.\n`,
    );
    return 1;
  }
  if (existsSync(parsed.file) && !parsed.force) {
    io.stderr(
      `文件 ${parsed.file} 已存在，未覆盖。请换一个文件名，或加 --force 覆盖。 ${parsed.file} exists: choose another name or add --force.\n`,
    );
    return 1;
  }
  const database = await openConfigured({ mustExist: true });
  if (typeof database === 'string') {
    io.stderr(`${database}\n`);
    return 1;
  }
  try {
    const result = await backupDatabase(database, parsed.file);
    io.stdout(
      `已备份 (backed up) ${database.kind} ${database.location} → ${parsed.file}\n` +
        `  数据库结构 schema: ${result.schemaVersion} (${result.migration})  表 tables: ${result.tables}  行 rows: ${result.rows}\n` +
        `  二进制内容 binary (evidence files): ${sizeText(result.binaryBytes)}  备份文件 file: ${sizeText(result.fileBytes)}  用时 took: ${result.seconds.toFixed(1)} s\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
