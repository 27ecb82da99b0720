import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../core/actor.js';
import { AppError } from '../core/errors.js';
import { EXPORT_FORMATS, isExportFormat } from '../core/export/export-file.js';
import { programmeDocumentSchema } from '../core/interchange.js';
import { type Database, openDatabase } from '../db/client.js';
import { loadConfig } from '../server/config.js';
import { startServer } from '../server/main.js';
import { exportProgrammeFile } from '../server/use-cases/programmes/export-programme-file.js';
import { importProgramme } from '../server/use-cases/programmes/import-programme.js';
import { addUser } from './add-user.js';
import { backupCommand } from './backup-command.js';
import { bulletinCommand } from './bulletin-command.js';
import { importCommand } from './import-command.js';
import { remindCommand } from './remind-command.js';
import { restoreCommand } from './restore-command.js';

const USAGE = `用法 (usage): minxin <command> [options]

  serve                         启动服务器 (start the server; PORT, HOST, DATABASE_URL, MINXIN_DATA_DIR)
  migrate                       升级数据库结构 (bring the database schema up to date)
  user add --username NAME --role ROLE [--password P] [--display-name N]
           [--jurisdiction-id N] [--unit-id N] [--person-id N]
                                创建账号；首个管理员用它创建 (create an account, e.g. the first admin)
  load FILE.json                将 minxin.programme/v1 文件载入为草稿 (load an interchange file as a draft)
  export ID [--format json|xlsx|docx|csv] [--out FILE]
                                导出民心工程：minxin.programme/v1（默认）或官方格式清单
                                (export a programme as JSON, or the official table as xlsx, docx or csv)
  import FILE [--year N] [--jurisdiction NAME] [--title TEXT] [--out FILE]
                                读取清单 (.docx/.xlsx/.txt)，输出 minxin.programme/v1 (read a published list)
  remind [--date YYYY-MM-DD]    按日期发送提醒，重复运行不重复发送 (send the reminders for a date; safe to repeat)
  bulletin PROGRAMME --date YYYY-MM-DD --format docx|md|html --out FILE
                                起草进展情况通报（成绩单）(draft the bulletin of a programme at a cut-off)
  backup FILE [--force]         备份整个数据库（含佐证材料）到一个文件 (back up every table, evidence files included)
  restore FILE [--force]        从备份恢复到空数据库 (restore a backup into an empty database)

角色 roles: ${ROLES.join(', ')}`;

class UsageError extends Error {}

const system = { actor: { kind: 'system' as const, name: 'cli' }, ip: null };

async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.MINXIN_DATA_DIR, poolSize: 2 });
  try {
    await database.migrate();
    return await run(database);
  } finally {
    await database.close();
  }
}

async function serve(): Promise<void> {
  const server = await startServer(loadConfig());
  const shutdown = async (signal: string) => {
    server.app.log.info({ signal }, 'stopping');
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'serve':
      await serve();
      return 0;
    case 'migrate':
      await withDatabase(async (database) => {
        console.log(`数据库已是最新 (schema up to date): ${database.kind} ${database.location}`);
      });
      return 0;
    case 'user': {
      const [sub, ...options] = rest;
      if (sub !== 'add') throw new UsageError('只支持 user add (only "user add" is supported)');
      const { values } = parseArgs({
        args: options,
        options: {
          username: { type: 'string' },
          role: { type: 'string' },
          password: { type: 'string' },
          'display-name': { type: 'string' },
          'jurisdiction-id': { type: 'string' },
          'unit-id': { type: 'string' },
          'person-id': { type: 'string' },
        },
        strict: true,
      });
      if (!values.username || !values.role)
        throw new UsageError('需要 --username 和 --role (--username and --role are required)');
      if (!(ROLES as readonly string[]).includes(values.role))
        throw new UsageError(`未知角色 unknown role: ${values.role}`);
      const optionalId = (v: string | undefined) => (v === undefined ? null : Number(v));
      const result = await withDatabase((database) =>
        addUser(database.db, {
          username: values.username as string,
          role: values.role as Role,
          password: values.password,
          displayName: values['display-name'] ?? '',
          jurisdictionId: optionalId(values['jurisdiction-id']),
          unitId: optionalId(values['unit-id']),
          personId: optionalId(values['person-id']),
        }),
      );
      console.log(`已创建账号 (created) ${result.username} [${result.role}]`);
      if (result.generatedPassword) console.log(`密码 (password, shown once): ${result.generatedPassword}`);
      return 0;
    }
    case 'load': {
      const file = rest[0];
      if (!file) throw new UsageError('需要文件名 (a file is required)');
      const parsed = programmeDocumentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) {
        console.error(`文件不是有效的 minxin.programme/v1 (not a valid interchange file): ${file}`);
        for (const issue of parsed.error.issues.slice(0, 20))
          console.error(`  ${issue.path.join('.')}: ${issue.message}`);
        return 1;
      }
      const result = await withDatabase((database) => importProgramme(database.db, system, parsed.data));
      console.log(`已载入为草稿 (loaded as draft) id=${result.id}, ${result.itemCount} 个子项 items`);
      return 0;
    }
    case 'export': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { out: { type: 'string' }, format: { type: 'string', default: 'json' } },
        allowPositionals: true,
      });
      const id = Number(positionals[0]);
      if (!Number.isInteger(id) || id <= 0) throw new UsageError('需要民心工程编号 (a programme id is required)');
      const format = values.format;
      if (!isExportFormat(format))
        throw new UsageError(`未知格式 unknown format: ${format}（可用 available: ${EXPORT_FORMATS.join(', ')}）`);
      if (format !== 'json' && format !== 'csv' && !values.out && process.stdout.isTTY)
        throw new UsageError(
          `${format} 是二进制文件，请用 --out 指定文件名或重定向输出 (use --out FILE or redirect stdout)`,
        );
      const file = await withDatabase((database) => exportProgrammeFile(database.db, system.actor, id, format));
      if (values.out) {
        writeFileSync(values.out, file.bytes);
        console.error(`已导出 (exported) ${values.out}`);
      } else process.stdout.write(file.bytes);
      return 0;
    }
    case 'import':
      return importCommand(rest);
    case 'remind':
      return remindCommand(rest);
    case 'bulletin':
      return bulletinCommand(rest);
    case 'backup':
      return backupCommand(rest);
    case 'restore':
      return restoreCommand(rest);
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`未知命令 unknown command: ${command}`);
  }
}

export async function run(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    if (code !== 0) process.exitCode = code;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof AppError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
