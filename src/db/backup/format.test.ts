import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { dependencyOrder } from './catalogue.js';
import { BACKUP_FORMAT, type BackupHeader, type BackupRow, BackupWriter, readBackup } from './format.js';
import { checkRestorable, readJournal, seededTables } from './schema-level.js';

const dir = mkdtempSync(path.join(tmpdir(), 'minxin-backup-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = (rows: { users: number; blobs: number }): BackupHeader => ({
  format: BACKUP_FORMAT,
  schemaVersion: 1,
  migration: '0000_init',
  createdAt: '2026-11-22T08:00:00.000Z',
  source: { kind: 'pglite', location: 'memory' },
  tables: [
    {
      name: 'users',
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'name', type: 'text' },
      ],
      rows: rows.users,
    },
    { name: 'blobs', columns: [{ name: 'content', type: 'bytea' }], rows: rows.blobs },
  ],
  sequences: [{ name: 'users_id_seq', value: '2' }],
});

const users: BackupRow[] = [
  ['1', '区教育局 "张三"\n第二行 \\ 反斜杠 😀'],
  ['2', null],
];
const blobs: BackupRow[] = [[Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('base64')]];

async function write(name: string): Promise<string> {
  const file = path.join(dir, name);
  const writer = new BackupWriter(file);
  await writer.header(header({ users: users.length, blobs: blobs.length }));
  await writer.table('users');
  for (const row of users) await writer.row(row);
  await writer.table('blobs');
  for (const row of blobs) await writer.row(row);
  await writer.finish();
  return file;
}

async function read(file: string) {
  const seen: [string, BackupRow][] = [];
  const read = await readBackup(file, { row: (table, values) => void seen.push([table.name, values]) });
  return { header: read, seen };
}

describe('the backup file', () => {
  it('reads back every row as written, with its header', async () => {
    const file = await write('good.minxin-backup');
    const { header: back, seen } = await read(file);
    expect(back).toEqual(header({ users: 2, blobs: 1 }));
    expect(seen).toEqual([...users.map((r) => ['users', r]), ...blobs.map((r) => ['blobs', r])]);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1) ?? '')).toMatchObject({ end: BACKUP_FORMAT, tables: 2, rows: 3 });
  });

  it('refuses a truncated file before anything reaches a database', async () => {
    const bytes = readFileSync(await write('whole.gz'));
    for (const keep of [bytes.length - 9, Math.floor(bytes.length / 2), 30]) {
      const cut = path.join(dir, `cut-${keep}.gz`);
      writeFileSync(cut, bytes.subarray(0, keep));
      await expect(readBackup(cut)).rejects.toThrow(/^备份文件 .* 不完整.*truncated/s);
    }
    // Cut between lines and gzip'd again: whole gzip, but the trailer is missing.
    const text = gunzipSync(bytes).toString('utf8').split('\n');
    const noTrailer = path.join(dir, 'no-trailer.gz');
    writeFileSync(noTrailer, gzipSync(`${text.slice(0, 3).join('\n')}\n`));
    await expect(readBackup(noTrailer)).rejects.toThrow(/不完整/);
  });

  it('refuses an edited file by its checksum, naming what failed', async () => {
    const text = gunzipSync(readFileSync(await write('edit.gz'))).toString('utf8');
    const cases: [string, string, RegExp][] = [
      ['value', text.replace('张三', '李四'), /校验失败（SHA-256 不符/],
      ['row dropped', text.replace(/\["2",null\]\n/, ''), /校验失败（表 users 应有 2 行，实有 1 行/],
      ['row added', text.replace('["2",null]\n', '["2",null]\n["3","x"]\n'), /校验失败（表 users 应有 2 行/],
      ['bad row', text.replace('["2",null]', '["2",7]'), /校验失败（行格式不符/],
      ['header', text.replace('"schemaVersion":1', '"schemaVersion":2'), /SHA-256 不符/],
    ];
    for (const [what, edited, message] of cases) {
      const file = path.join(dir, `edited-${what}.gz`);
      writeFileSync(file, gzipSync(edited));
      await expect(readBackup(file), what).rejects.toThrow(message);
    }
  });

  it('says when a file is not a backup at all, or is missing', async () => {
    const plain = path.join(dir, 'plain.txt');
    writeFileSync(plain, 'hello');
    await expect(readBackup(plain)).rejects.toThrow(/^文件 .* 不是民心工程备份文件/);
    const json = path.join(dir, 'other.gz');
    writeFileSync(json, gzipSync('{"format":"minxin.programme/v1"}\n'));
    await expect(readBackup(json)).rejects.toThrow(/不是民心工程备份文件/);
    const future = path.join(dir, 'future.gz');
    writeFileSync(future, gzipSync('{"format":"minxin.backup/v2"}\n'));
    await expect(readBackup(future)).rejects.toThrow(/^备份格式 minxin.backup\/v2 不受本版本支持/);
    await expect(readBackup(path.join(dir, 'nowhere.gz'))).rejects.toThrow(/^找不到备份文件/);
  });

  it('leaves no file behind when a backup is abandoned', async () => {
    const file = path.join(dir, 'abandoned.gz');
    const writer = new BackupWriter(file);
    await writer.header(header({ users: 0, blobs: 0 }));
    await writer.abort();
    await expect(readBackup(file)).rejects.toThrow(/^找不到备份文件/);
    expect(() => readFileSync(`${file}.partial`)).toThrow();
  });
});

describe('schema levels', () => {
  const journal = readJournal();

  it('refuses a backup from a newer schema, and one from another migration history', () => {
    const last = journal.at(-1);
    expect(() => checkRestorable({ schemaVersion: journal.length, migration: last?.tag ?? '' })).not.toThrow();
    expect(() => checkRestorable({ schemaVersion: journal.length + 1, migration: '9999_future' })).toThrow(
      new RegExp(`^备份来自更新版本的民心工程（数据库结构第 ${journal.length + 1} 版.*upgrade Minxin`),
    );
    expect(() => checkRestorable({ schemaVersion: 1, migration: 'something_else' })).toThrow(/不一致，拒绝恢复/);
  });

  it('knows the tables the migrations write rows into', () => {
    expect([...seededTables(journal.length)]).toEqual(['change_clock']);
    expect(seededTables(1).size).toBe(0);
  });
});

describe('dependency order', () => {
  it('puts parents first, ignores self-references and still orders a cycle', () => {
    const keys = [
      { table: 'items', references: 'programmes' },
      { table: 'items', references: 'items' },
      { table: 'programmes', references: 'jurisdictions' },
      { table: 'a', references: 'b' },
      { table: 'b', references: 'a' },
    ];
    const order = dependencyOrder(['items', 'programmes', 'jurisdictions', 'a', 'b', 'z'], keys);
    expect(order.indexOf('jurisdictions')).toBeLessThan(order.indexOf('programmes'));
    expect(order.indexOf('programmes')).toBeLessThan(order.indexOf('items'));
    expect([...order].sort()).toEqual(['a', 'b', 'items', 'jurisdictions', 'programmes', 'z']);
  });
});
