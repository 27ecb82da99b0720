/**
 * Backup and restore (issue 6, item 4): a served database with the demo year
 * and an uploaded photo goes through `minxin backup` and `minxin restore`
 * (the build, as child processes) into a fresh database, and every table the
 * catalogue lists is compared row by row, every column, bytea by SHA-256;
 * sequences must be past the restored ids; a server started on the restored
 * data signs in and serves the photo. On PGlite always; on PostgreSQL, and
 * across the two, with TEST_DATABASE_URL.
 *
 *   npm run test:backup
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:backup
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/db/backup/compare-tables.js';
import {
  createPostgresDatabase,
  ensureBuilt,
  postgresServerUrl,
  removeDir,
  signInApi,
  startServer,
  tempDataDir,
} from '../lib.js';
import {
  addEvidence,
  type CliRun,
  describePlace,
  downloadEvidence,
  type Evidence,
  makePng,
  type Place,
  type PlaceSnapshot,
  publishBulletin,
  reportedSeconds,
  runMinxin,
  snapshotPlace,
  totals,
  uploadPng,
} from './helpers.js';

const cleanup: (() => Promise<void>)[] = [];
let workDir: string;
let png: Buffer;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const say = (line: string) => console.log(`[backup] ${line}`);

beforeAll(async () => {
  await ensureBuilt();
  png = await makePng();
  workDir = await tempDataDir();
  cleanup.push(() => removeDir(workDir));
  say(
    `machine: load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
});

afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch((error: unknown) => console.warn(error));
});

interface Source {
  place: Place;
  evidence: Evidence;
  snapshot: PlaceSnapshot;
  file: string;
}

async function newPlace(): Promise<Place> {
  const url = postgresServerUrl();
  if (!url) throw new Error('no PostgreSQL');
  const database = await createPostgresDatabase();
  cleanup.push(() => database.drop());
  return { url: database.url };
}

async function newFolder(): Promise<Place> {
  const dataDir = await tempDataDir();
  cleanup.push(() => removeDir(dataDir));
  return { dataDir };
}

/**
 * PostgreSQL: a backup taken while the server takes uploads reads one snapshot, so it restores
 * cleanly (every foreign key holds, every table has the rows the header counted).
 */
async function backUpWhileWriting(url: string, place: Place): Promise<void> {
  const file = join(workDir, 'postgres-live.minxin-backup');
  const session = await signInApi(url, 'reporter');
  let writing = true;
  let uploads = 0;
  const writer = (async () => {
    while (writing) {
      await uploadPng(url, session, await makePng(uploads % 256, 17, Math.floor(uploads / 256)));
      uploads++;
    }
  })();
  const backup = await runMinxin(['backup', file], place);
  writing = false;
  await writer;
  expect(backup.code, backup.stderr).toBe(0);
  const target = await newPlace();
  const restore = await runMinxin(['restore', file], target);
  expect(restore.code, restore.stderr).toBe(0);
  const restored = await snapshotPlace(target);
  const blobs = restored.tables.get('blobs')?.rows.length ?? 0;
  expect(blobs).toBeGreaterThanOrEqual(1);
  expect(blobs).toBeLessThanOrEqual(1 + uploads);
  expect(uploads).toBeGreaterThan(0);
  say(
    `backup of PostgreSQL while serving: ${uploads} uploads during the ${backup.seconds.toFixed(1)} s backup; ` +
      `restored consistently with ${blobs} of them (${totals(restored.tables).rows} rows)`,
  );
}

/** Serve the place (the demo is seeded), upload and attach a photo, stop, back up. */
async function backUpServed(place: Place, name: string): Promise<Source> {
  const server = await startServer('url' in place ? { databaseUrl: place.url } : { dataDir: place.dataDir });
  const file = join(workDir, `${name}.minxin-backup`);
  let evidence: Evidence;
  try {
    evidence = await addEvidence(server.url, png);
    await publishBulletin(server.url, evidence.programmeId);
    if ('url' in place) await backUpWhileWriting(server.url, place);
    if ('dataDir' in place) {
      // The embedded database opens in one process at a time: a backup beside a running server is refused.
      const refused = await runMinxin(['backup', file], place);
      expect(refused.code, refused.stdout).toBe(1);
      expect(refused.stderr).toMatch(/^数据目录 .* 正被另一个民心工程进程使用（进程号 \d+：minxin serve/);
      say(`PGlite backup while the server runs: refused (exit 1) — ${refused.stderr.slice(0, 60)}…`);
    }
  } finally {
    await server.stop();
  }
  const backup = await runMinxin(['backup', file], place);
  expect(backup.code, backup.stderr).toBe(0);
  expect(backup.stdout).toMatch(/^已备份 \(backed up\)/);
  const snapshot = await snapshotPlace(place);
  const figures = totals(snapshot.tables);
  say(
    `backup ${describePlace(place)} → file: ${figures.tables} tables, ${figures.rows} rows, ` +
      `${kb(figures.binaryBytes)} in bytea (evidence), file ${kb(statSync(file).size)}, ` +
      `${reportedSeconds(backup.stdout)} s (command ${backup.seconds.toFixed(1)} s)`,
  );
  return { place, evidence, snapshot, file };
}

/** Restore the source's file into a fresh place and compare every table; returns the run. */
async function restoreAndCompare(source: Source, target: Place): Promise<CliRun> {
  const run = await runMinxin(['restore', source.file], target);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^已恢复 \(restored\)/);
  const restored = await snapshotPlace(target);
  expect(diffSnapshots(source.snapshot.tables, restored.tables)).toEqual([]);
  expect(restored.sequencesBehind).toEqual([]);
  const figures = totals(restored.tables);
  const blobs = restored.tables.get('blobs');
  expect(blobs?.rows.some((row) => row.includes(source.evidence.sha256))).toBe(true);
  say(
    `restore file → ${describePlace(target)}: ${figures.tables} tables, ${figures.rows} rows identical ` +
      `(bytea ${kb(figures.binaryBytes)} by SHA-256), ${restored.sequences} sequences past their ids, ` +
      `${reportedSeconds(run.stdout)} s (command ${run.seconds.toFixed(1)} s)`,
  );
  return run;
}

/** A server on the restored data: the reporter signs in and gets the photo back, byte for byte. */
async function serveRestored(place: Place, evidence: Evidence): Promise<void> {
  const server = await startServer('url' in place ? { databaseUrl: place.url } : { dataDir: place.dataDir });
  try {
    const downloaded = await downloadEvidence(server.url, evidence);
    expect(downloaded.bytes.equals(evidence.png)).toBe(true);
    expect(downloaded.thumbnail).toBe('200 image/webp');
    await signInApi(server.url, 'admin');
    say(`server on the restored ${describePlace(place)}: signed in, photo ${evidence.png.length} bytes identical`);
  } finally {
    await server.stop();
  }
}

function basics(snapshot: PlaceSnapshot): void {
  const figures = totals(snapshot.tables);
  expect(figures.tables).toBeGreaterThanOrEqual(30);
  expect(figures.rows).toBeGreaterThan(1000);
  expect(snapshot.tables.get('audit_log')?.rows.length).toBeGreaterThan(100);
  expect(snapshot.tables.get('bulletins')?.rows.some((r) => r.includes('"published"'))).toBe(true);
  expect(figures.binaryBytes).toBeGreaterThan(0);
}

let pgliteSource: Source | undefined;

describe('backup and restore on PGlite', () => {
  it('backs up a served database with an evidence file, restores it identically into a fresh folder and serves it', async () => {
    pgliteSource = await backUpServed(await newFolder(), 'pglite');
    basics(pgliteSource.snapshot);
    const target = await newFolder();
    await restoreAndCompare(pgliteSource, target);
    await serveRestored(target, pgliteSource.evidence);

    // Restoring again over the data is refused, naming what would be overwritten.
    const again = await runMinxin(['restore', pgliteSource.file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^目标数据库 .* 不是空的：.*audit_log \d+ 行.*--force/);
    say(`restore over data without --force: refused (exit 1), ${again.stderr.match(/共 \d+ 张表 \d+ 行/)?.[0]}`);
  });
});

const postgres = postgresServerUrl();
if (!postgres)
  console.warn(
    '[backup] TEST_DATABASE_URL is not set: the PostgreSQL half and the cross restores are SKIPPED ' +
      '(TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:backup)',
  );

describe.skipIf(!postgres)('backup and restore on PostgreSQL, and across', () => {
  let pgSource: Source | undefined;

  it('backs up a served PostgreSQL database, restores it identically into a new database and serves it', async () => {
    pgSource = await backUpServed(await newPlace(), 'postgres');
    basics(pgSource.snapshot);
    const target = await newPlace();
    await restoreAndCompare(pgSource, target);
    await serveRestored(target, pgSource.evidence);
  });

  it('restores a PGlite backup into PostgreSQL and a PostgreSQL backup into PGlite', async () => {
    if (!pgliteSource || !pgSource) throw new Error('the two backups above must have run');
    await restoreAndCompare(pgliteSource, await newPlace());
    await restoreAndCompare(pgSource, await newFolder());
  });
});
