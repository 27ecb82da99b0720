import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';

/**
 * The backup file, `minxin.backup/v1`: gzip'd JSON lines, written and read as
 * a stream so a large database never has to fit in memory.
 *
 *   {"format":"minxin.backup/v1","schemaVersion":5,…,"tables":[…]}   the header
 *   {"table":"users"}                                                 a table starts
 *   ["1","admin",null,…]                                              one row: each column's PostgreSQL
 *                                                                     text form (bytea in base64), or null
 *   {"end":"minxin.backup/v1","tables":32,"rows":12345,"sha256":"…"}  the trailer
 *
 * Tables come in the header's order (parents before children); the trailer's
 * SHA-256 covers every byte before it, so a truncated or edited file is
 * refused before anything is written to a database.
 */

export const BACKUP_FORMAT = 'minxin.backup/v1';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const tableSchema = z.object({
  name: z.string().min(1),
  columns: z.array(z.object({ name: z.string().min(1), type: z.string() })).min(1),
  rows: z.number().int().min(0),
});

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** How many of Minxin's migrations the database had applied. */
  schemaVersion: z.number().int().min(1),
  /** The last of them, e.g. `0004_publish`. */
  migration: z.string().min(1),
  createdAt: z.string(),
  source: z.object({ kind: z.enum(['pglite', 'postgresql']), location: z.string() }),
  tables: z.array(tableSchema),
  /** Each sequence's last value handed out (null: never used), as a decimal string. */
  sequences: z.array(
    z.object({
      name: z.string(),
      value: z
        .string()
        .regex(/^-?\d+$/)
        .nullable(),
    }),
  ),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupTable = z.infer<typeof tableSchema>;
/** One row: each column's text form, or null. */
export type BackupRow = (string | null)[];

const trailerSchema = z.object({
  end: z.literal(BACKUP_FORMAT),
  tables: z.number().int(),
  rows: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const notABackup = (file: string) =>
  new BackupError(
    `文件 ${file} 不是民心工程备份文件（${BACKUP_FORMAT}），未做任何改动。请确认文件名，备份文件由 minxin backup 生成。 ` +
      `${file} is not a Minxin backup file; nothing was changed. Backups are made by "minxin backup".`,
  );
const truncated = (file: string) =>
  new BackupError(
    `备份文件 ${file} 不完整（可能在写入或复制时被截断），拒绝恢复，未做任何改动。请使用完整的备份文件。 ` +
      `The backup file ${file} is truncated (cut short while written or copied); nothing was restored. Use a complete backup.`,
  );
const corrupted = (file: string, what: string) =>
  new BackupError(
    `备份文件 ${file} 校验失败（${what}）：内容已被修改或损坏，拒绝恢复，未做任何改动。请使用原始备份文件。 ` +
      `The backup file ${file} fails its check (${what}): it was edited or damaged; nothing was restored. Use the original backup.`,
  );

export interface WrittenBackup {
  /** Bytes of the gzip'd file. */
  fileBytes: number;
  rows: number;
}

/**
 * Writes to `FILE.partial` and renames it at `finish()`, so an interrupted
 * backup never leaves a file that looks complete.
 */
export class BackupWriter {
  private readonly hash = createHash('sha256');
  private readonly gzip = createGzip();
  private readonly done: Promise<void>;
  private readonly partial: string;
  private tables = 0;
  private rows = 0;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    this.done = pipeline(this.gzip, createWriteStream(this.partial, { flags: 'w', mode: 0o600 }));
    // Surfaced by finish() or abort(); without a handler an early failure would be unhandled.
    this.done.catch(() => undefined);
  }

  private async line(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    this.hash.update(text);
    if (!this.gzip.write(text)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }

  header(header: BackupHeader): Promise<void> {
    return this.line(header);
  }

  table(name: string): Promise<void> {
    this.tables++;
    return this.line({ table: name });
  }

  row(values: BackupRow): Promise<void> {
    this.rows++;
    return this.line(values);
  }

  async finish(): Promise<WrittenBackup> {
    const trailer = { end: BACKUP_FORMAT, tables: this.tables, rows: this.rows, sha256: this.hash.digest('hex') };
    this.gzip.end(`${JSON.stringify(trailer)}\n`);
    await this.done;
    await rename(this.partial, this.file);
    return { fileBytes: statSync(this.file).size, rows: this.rows };
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => undefined);
    await rm(this.partial, { force: true });
  }
}

export interface BackupVisitor {
  header?(header: BackupHeader): Promise<void> | void;
  table?(table: BackupTable): Promise<void> | void;
  row?(table: BackupTable, values: BackupRow): Promise<void> | void;
}

/** Lines of a gzip'd file, as a stream; a gzip error (truncation included) rejects the iteration. */
async function* lines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  gunzip.setEncoding('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      pending += chunk;
      let start = 0;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
        yield pending.slice(start, end);
        start = end + 1;
      }
      pending = pending.slice(start);
    }
    if (pending !== '') yield pending;
  } finally {
    // A reader that stops early (a refused file) lets the file go at once.
    input.destroy();
    gunzip.destroy();
  }
}

function parse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * Reads a backup from start to end, checking as it goes: the header, each
 * row's shape, each table's row count and the trailer's checksum. Throws a
 * BackupError naming what is wrong; the visitor sees everything before the
 * fault, so a restore must run in a transaction it can roll back.
 */
export async function readBackup(file: string, visitor: BackupVisitor = {}): Promise<BackupHeader> {
  try {
    statSync(file);
  } catch {
    throw new BackupError(`找不到备份文件 ${file}，请检查路径。 Backup file not found: ${file}`);
  }
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let tableIndex = -1;
  let current: BackupTable | undefined;
  let seen = 0;
  let total = 0;
  let finished = false;
  const closeTable = () => {
    if (current && seen !== current.rows)
      throw corrupted(file, `表 ${current.name} 应有 ${current.rows} 行，实有 ${seen} 行 (row count)`);
  };
  try {
    for await (const line of lines(file)) {
      if (finished) throw corrupted(file, '结尾之后还有内容 (data after the trailer)');
      if (!header) {
        const parsed = headerSchema.safeParse(parse(line));
        if (!parsed.success) {
          const format = (parse(line) as { format?: unknown } | undefined)?.format;
          if (typeof format === 'string' && format.startsWith('minxin.backup/') && format !== BACKUP_FORMAT)
            throw new BackupError(
              `备份格式 ${format} 不受本版本支持（支持 ${BACKUP_FORMAT}），请升级民心工程后再恢复。 ` +
                `Backup format ${format} is not supported by this version (${BACKUP_FORMAT}): upgrade Minxin.`,
            );
          throw notABackup(file);
        }
        header = parsed.data;
        hash.update(`${line}\n`);
        await visitor.header?.(header);
        continue;
      }
      if (line.startsWith('[')) {
        const values = parse(line);
        if (
          !current ||
          !Array.isArray(values) ||
          values.length !== current.columns.length ||
          !values.every((v) => v === null || typeof v === 'string')
        )
          throw corrupted(file, '行格式不符 (malformed row)');
        hash.update(`${line}\n`);
        seen++;
        total++;
        if (seen > current.rows) closeTable();
        await visitor.row?.(current, values as BackupRow);
        continue;
      }
      const record = parse(line) as { table?: unknown; end?: unknown } | undefined;
      if (record && typeof record.table === 'string') {
        closeTable();
        current = header.tables[++tableIndex];
        if (!current || current.name !== record.table)
          throw corrupted(file, `表顺序不符 (unexpected table ${record.table})`);
        seen = 0;
        hash.update(`${line}\n`);
        await visitor.table?.(current);
        continue;
      }
      const trailer = trailerSchema.safeParse(record);
      if (!trailer.success) throw corrupted(file, '无法识别的行 (unreadable line)');
      closeTable();
      if (tableIndex !== header.tables.length - 1 || trailer.data.tables !== header.tables.length)
        throw corrupted(file, '表的数目不符 (table count)');
      if (trailer.data.rows !== total) throw corrupted(file, '行数不符 (row count)');
      if (trailer.data.sha256 !== hash.digest('hex')) throw corrupted(file, 'SHA-256 不符 (checksum mismatch)');
      finished = true;
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'Z_BUF_ERROR') throw truncated(file);
    if (code === 'Z_DATA_ERROR') throw header ? corrupted(file, 'gzip 数据损坏 (bad gzip data)') : notABackup(file);
    throw error;
  }
  if (!header) throw notABackup(file);
  if (!finished) throw truncated(file);
  return header;
}
