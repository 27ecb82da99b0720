/**
 * The backup at scale (the full form; not in CI): a database with
 * BACKUP_SCALE_MB megabytes of evidence files (1 MB each, random bytes) and
 * 200,000 audit rows goes through `minxin backup` and `minxin restore`; the
 * tables must compare identical and neither command's peak memory may grow
 * with the data (both stream: cursor → gzip, gzip → batched INSERTs).
 *
 *   BACKUP_SCALE_MB=256 npm run test:backup                (PGlite)
 *   BACKUP_SCALE_MB=256 TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:backup
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/db/backup/compare-tables.js';
import { openDatabase } from '../../src/db/client.js';
import { blobs } from '../../src/db/schema-work.js';
import { createPostgresDatabase, ensureBuilt, postgresServerUrl, removeDir, tempDataDir } from '../lib.js';
import { describePlace, type Place, reportedSeconds, runMinxin, sha256, snapshotPlace, totals } from './helpers.js';

const megabytes = Number(process.env.BACKUP_SCALE_MB ?? 0);
const AUDIT_ROWS = 200_000;
/** Peak memory a command may reach, whatever the data's size: Node, the engine (PGlite ~300 MB) and a few batches. */
const PEAK_LIMIT_MB = 700;
const cleanup: (() => Promise<void>)[] = [];
const say = (line: string) => console.log(`[backup scale] ${line}`);

async function newPlace(): Promise<Place> {
  if (postgresServerUrl()) {
    const database = await createPostgresDatabase();
    cleanup.push(() => database.drop());
    return { url: database.url };
  }
  const dataDir = await tempDataDir();
  cleanup.push(() => removeDir(dataDir));
  return { dataDir };
}

afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch((error: unknown) => console.warn(error));
});

if (!megabytes) console.log('[backup scale] BACKUP_SCALE_MB is not set: the scale run is skipped (the full form)');

describe.skipIf(!megabytes)('backup and restore at scale', () => {
  let source: Place;

  beforeAll(async () => {
    await ensureBuilt();
    source = await newPlace();
    const database = await openDatabase('url' in source ? { url: source.url, poolSize: 2 } : source);
    try {
      await database.migrate();
      for (let i = 0; i < megabytes; i += 8) {
        const files = Array.from({ length: Math.min(8, megabytes - i) }, () => randomBytes(1024 * 1024));
        await database.db
          .insert(blobs)
          .values(
            files.map((content) => ({ sha256: sha256(content), size: content.length, mime: 'image/jpeg', content })),
          );
      }
      await database.db.execute(
        sql`insert into audit_log (actor_name, action, entity_type, entity_id, after)
            select 'scale', 'update', 'report', i, jsonb_build_object('progress', repeat('截至11月底累计完成', 8), 'i', i)
            from generate_series(1, ${AUDIT_ROWS}) as i`,
      );
    } finally {
      await database.close();
    }
  });

  it(`keeps memory flat through ${megabytes} MB of files and ${AUDIT_ROWS} audit rows`, async () => {
    const file = join(await tempDataDir(), 'scale.minxin-backup');
    cleanup.push(() => removeDir(join(file, '..')));
    const backup = await runMinxin(['backup', file], source);
    expect(backup.code, backup.stderr).toBe(0);
    const target = await newPlace();
    // PGlite creating a new folder peaks near 830 MB by itself (its initdb), whatever is restored next:
    // create the folder first, so the restore's own memory is what is measured.
    const created = 'dataDir' in target ? await runMinxin(['migrate'], target) : undefined;
    if (created) say(`creating the empty PGlite folder (minxin migrate): peak memory ${created.peakMb.toFixed(0)} MB`);
    const restore = await runMinxin(['restore', file], target);
    expect(restore.code, restore.stderr).toBe(0);

    const before = await snapshotPlace(source);
    const after = await snapshotPlace(target);
    expect(diffSnapshots(before.tables, after.tables)).toEqual([]);
    const figures = totals(after.tables);
    const mb = figures.binaryBytes / 1024 / 1024;
    const backupSeconds = reportedSeconds(backup.stdout);
    const restoreSeconds = reportedSeconds(restore.stdout);
    say(
      `${describePlace(source)}: ${figures.tables} tables, ${figures.rows} rows, ${mb.toFixed(0)} MB of files, ` +
        `backup file ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`,
    );
    say(
      `backup  ${backupSeconds} s (${(mb / backupSeconds).toFixed(1)} MB/s of files), peak memory ${backup.peakMb.toFixed(0)} MB`,
    );
    say(
      `restore ${restoreSeconds} s (${(mb / restoreSeconds).toFixed(1)} MB/s of files), peak memory ${restore.peakMb.toFixed(0)} MB`,
    );
    expect(backup.peakMb).toBeLessThan(PEAK_LIMIT_MB);
    expect(restore.peakMb).toBeLessThan(PEAK_LIMIT_MB);
  });
});
