import { BackupError } from '../db/backup/format.js';
import { restoreDatabase, verifyBackup } from '../db/backup/restore-database.js';
import { fileAndForce, openConfigured, processIO, sizeText } from './backup-command.js';
import type { CommandIO } from './import-command.js';

/**
 * `minxin restore FILE [--force]`: checks the whole file first, then loads it
 * into the configured database (DATABASE_URL or MINXIN_DATA_DIR), which must
 * be empty unless --force. Exit 0 on success, 1 when it refused or failed
 * (nothing half-restored: the rows load in one transaction), 2 on wrong usage.
 */

export const RESTORE_USAGE = `用法 (usage): minxin restore FILE [--force]

  从 minxin backup 生成的备份文件恢复整个数据库到 DATABASE_URL 或 MINXIN_DATA_DIR 指向的数据库。
  Restores a backup made by "minxin backup" into the configured database.
  先完整校验文件（格式、校验和、数据库结构版本），目标须为空库或新的数据目录；恢复后自动升级到本版本的数据库结构。
  The file is checked first; the target must be empty; the schema is migrated up afterwards.
  恢复前请停止使用该数据库的所有服务进程。 Stop every server using the target first.
  --force     目标已有数据时删除并覆盖（包括审计日志） (overwrite a target that holds data, audit trail included)`;

export async function restoreCommand(args: string[], io: CommandIO = processIO): Promise<number> {
  const parsed = fileAndForce(args);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n\n${RESTORE_USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${RESTORE_USAGE}\n`);
    return 0;
  }
  let header: Awaited<ReturnType<typeof verifyBackup>>;
  try {
    // Before the target is opened (or, on the embedded database, created): a bad file changes nothing.
    header = await verifyBackup(parsed.file);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
  const database = await openConfigured({ mustExist: false });
  if (typeof database === 'string') {
    io.stderr(`${database}\n`);
    return 1;
  }
  try {
    const result = await restoreDatabase(database, parsed.file, { force: parsed.force, verified: header });
    const lines = [
      `已恢复 (restored) ${parsed.file} → ${database.kind} ${database.location}`,
      `  备份时间 taken: ${header.createdAt}  来源 from: ${header.source.kind} ${header.source.location}`,
      `  表 tables: ${result.tables}  行 rows: ${result.rows}  二进制内容 binary: ${sizeText(result.binaryBytes)}  用时 took: ${result.seconds.toFixed(1)} s`,
      `  数据库结构 schema: ${result.schemaVersion} (${result.migration}) → ${result.migratedTo.level} (${result.migratedTo.tag})`,
    ];
    if (result.overwritten.length > 0)
      lines.push(`  已覆盖原有数据 (overwritten): ${result.overwritten.map((t) => `${t.table} ${t.rows}`).join(', ')}`);
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
