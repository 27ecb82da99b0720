import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../client.js';
import { auditLog, jurisdictions, programmes } from '../schema.js';
import { bulletins } from '../schema-publish.js';
import { blobs } from '../schema-work.js';
import { backupDatabase } from './backup-database.js';
import { rowsOf } from './catalogue.js';
import { diffSnapshots, snapshotTables } from './compare-tables.js';
import { BACKUP_FORMAT, BackupWriter } from './format.js';
import { restoreDatabase, TargetNotEmptyError } from './restore-database.js';
import { migrateTo, readJournal } from './schema-level.js';

/** A small database through backup and restore, on two in-memory PGlite instances. */

const dir = mkdtempSync(path.join(tmpdir(), 'minxin-backup-round-'));
let source: Database;
let target: Database;
const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The database's own message (drizzle wraps it as the cause). */
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'no error',
    (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
  );

beforeAll(async () => {
  source = await openDatabase({ dataDir: 'memory://' });
  target = await openDatabase({ dataDir: 'memory://' });
  await source.migrate();
  const db = source.db;
  // The parent gets the larger id: the self-reference cannot be satisfied in id order.
  await db.insert(jurisdictions).values({ id: 5, name: '明湖区', level: 'district', parentId: null });
  await db.insert(jurisdictions).values({ id: 9, name: '滨江市', level: 'city' });
  await db.update(jurisdictions).set({ parentId: 9 }).where(sql`id = 5`);
  await db.insert(jurisdictions).values({ name: '东湖街道', level: 'town', parentId: 5 });
  await db.execute(sql`select setval('jurisdictions_id_seq', 40)`);
  const [programme] = await db
    .insert(programmes)
    .values({ jurisdictionId: 5, year: 2026, title: '明湖区2026年民心工程', state: 'published' })
    .returning();
  await db.insert(bulletins).values({
    programmeId: programme?.id ?? 0,
    seq: 1,
    cutoff: '2026-06-30',
    period: '上半年',
    title: '上半年进展情况通报',
    state: 'published',
    body: { paragraphs: ['“引号”与 \\ 反斜杠', 'tab\there'] },
    data: { items: [1.5, -0.1, 1e-7] },
    hash: 'a'.repeat(64),
    publishedAt: '2026-07-01T02:03:04.567+00:00',
  });
  await db.insert(blobs).values({ sha256: sha(every), size: every.length, mime: 'image/png', content: every });
  await db.insert(auditLog).values([
    { actorName: 'cli', action: 'create', entityType: 'jurisdiction', entityId: 5, after: { name: '明湖区' } },
    { actorName: 'cli', action: 'publish', entityType: 'bulletin', entityId: 1, before: null, ip: '127.0.0.1' },
  ]);
  await db.execute(sql`update change_clock set n = 42`);
}, 60_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore of a small database', () => {
  const file = path.join(dir, 'small.minxin-backup');

  it('gives back every table identically, evidence bytes and frozen records included', async () => {
    const backedUp = await backupDatabase(source, file);
    expect(backedUp).toMatchObject({ schemaVersion: readJournal().length, rows: expect.any(Number) });
    expect(backedUp.binaryBytes).toBe(256);
    const restored = await restoreDatabase(target, file);
    expect(restored.rows).toBe(backedUp.rows);
    expect(restored.overwritten).toEqual([]);
    expect(restored.liftedKeys).toContain('jurisdictions.jurisdictions_parent_id_jurisdictions_id_fk');

    const before = await snapshotTables(source.db);
    const after = await snapshotTables(target.db);
    expect(before.size).toBeGreaterThan(25);
    expect(diffSnapshots(before, after)).toEqual([]);
    const [blob] = await target.db.select().from(blobs);
    expect(sha(blob?.content ?? new Uint8Array())).toBe(sha(every));
  }, 60_000);

  it('sets sequences past the restored ids and keeps the append-only guards', async () => {
    const [next] = await rowsOf<{ id: number }>(
      target.db,
      sql`insert into jurisdictions (name, level) values ('新区', 'district') returning id`,
    );
    expect(next?.id).toBe(41);
    expect(await refusal(target.db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect(await refusal(target.db.execute(sql`update bulletins set title = 'x'`))).toMatch(/frozen/);
  });

  it('refuses a target that holds data, naming it, and overwrites it with --force', async () => {
    const refused = restoreDatabase(target, file);
    await expect(refused).rejects.toBeInstanceOf(TargetNotEmptyError);
    await expect(refused).rejects.toThrow(
      /^目标数据库 memory 不是空的：jurisdictions 4 行、audit_log 2 行.*共 5 张表 9 行.*--force/s,
    );
    const forced = await restoreDatabase(target, file, { force: true });
    expect(forced.overwritten).toContainEqual({ table: 'jurisdictions', rows: 4 });
    expect(diffSnapshots(await snapshotTables(source.db), await snapshotTables(target.db))).toEqual([]);
  }, 60_000);

  it('restores a backup from an older schema at its level, then migrates it up', async () => {
    const old = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateTo(old, 2);
      await old.db.execute(sql`insert into jurisdictions (name, level) values ('旧区', 'district')`);
      const file = path.join(dir, 'old.minxin-backup');
      const backedUp = await backupDatabase(old, file);
      expect(backedUp.schemaVersion).toBe(2);
      const restored = await restoreDatabase(target, file, { force: true });
      expect(restored.migratedTo.level).toBe(readJournal().length);
      const names = await rowsOf<{ name: string }>(target.db, sql`select name from jurisdictions`);
      expect(names).toEqual([{ name: '旧区' }]);
      const [clock] = await rowsOf<{ n: string }>(target.db, sql`select n::text from change_clock`);
      expect(clock?.n).toBe('0');
    } finally {
      await old.close();
    }
  }, 60_000);

  it('refuses a backup from a newer schema without touching the target', async () => {
    const future = path.join(dir, 'future.minxin-backup');
    const writer = new BackupWriter(future);
    await writer.header({
      format: BACKUP_FORMAT,
      schemaVersion: readJournal().length + 1,
      migration: '9999_from_the_future',
      createdAt: new Date().toISOString(),
      source: { kind: 'postgresql', location: 'db:5432/minxin' },
      tables: [],
      sequences: [],
    });
    await writer.finish();
    const before = await snapshotTables(target.db);
    await expect(restoreDatabase(target, future, { force: true })).rejects.toThrow(/^备份来自更新版本的民心工程/);
    expect(diffSnapshots(before, await snapshotTables(target.db))).toEqual([]);
  });
});
