/**
 * test:crash — no acknowledged write lost (issue 6, item 1).
 *
 * On PGlite, then on PostgreSQL (with TEST_DATABASE_URL): 200 concurrent
 * report submissions as the demo reporter (区教育局), each one
 * `POST /items/:id/reports` with `submit: true` and its own Idempotency-Key,
 * so one request is one whole submission; the server is SIGKILLed once 50
 * are acknowledged, started again on the same data, and checked: every 2xx
 * is there, whole and audited once, nothing is there twice; then every
 * submission is retried with its key and each is there exactly once.
 *
 * This is about the process dying (kill -9), not the machine: PGlite runs
 * with fsync off (docs/operations.md), so a power cut is not covered.
 *
 * CRASH_SUBMISSIONS (default 200) and CRASH_KILL_AFTER (default a quarter of
 * them) change the figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, ensureBuilt, postgresServerUrl, removeDir, startServer, tempDataDir } from '../lib.js';
import { type CrashFigures, printFigures, runCrash } from './crash-run.js';

const SUBMISSIONS = Number(process.env.CRASH_SUBMISSIONS ?? 200);
const KILL_AFTER = Number(process.env.CRASH_KILL_AFTER ?? Math.round(SUBMISSIONS / 4));

beforeAll(async () => {
  if (!(Number.isInteger(SUBMISSIONS) && SUBMISSIONS >= 4 && SUBMISSIONS <= 1000))
    throw new Error(`CRASH_SUBMISSIONS must be an integer 4–1000, not ${process.env.CRASH_SUBMISSIONS}`);
  if (!(Number.isInteger(KILL_AFTER) && KILL_AFTER >= 1 && KILL_AFTER < SUBMISSIONS))
    throw new Error(`CRASH_KILL_AFTER must be an integer 1–${SUBMISSIONS - 1}, not ${process.env.CRASH_KILL_AFTER}`);
  await ensureBuilt();
});

function expectNothingLost(figures: CrashFigures, problems: string[]): void {
  printFigures(figures);
  for (const problem of problems) console.error(`[test:crash] ${figures.database}: ${problem}`);
  expect(problems).toEqual([]);
  expect(figures.refused).toBe(0);
  expect(figures.acknowledgedBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER);
  // The kill came part-way: some submissions had no answer.
  expect(figures.unanswered).toBeGreaterThan(0);
  expect(figures.lost).toBe(0);
  expect(figures.duplicates).toBe(0);
  expect(figures.damaged).toBe(0);
  expect(figures.foundAfterRestart).toBeGreaterThanOrEqual(
    figures.acknowledgedBeforeKill + figures.acknowledgedInFlight,
  );
  expect(figures.retriedFound).toBe(SUBMISSIONS);
  expect(figures.retriedReplayed + figures.retriedCreated).toBe(SUBMISSIONS);
}

describe(`no acknowledged submission lost when the server is killed (${SUBMISSIONS} submissions, SIGKILL after ${KILL_AFTER})`, () => {
  it('on PGlite (same data folder after the kill)', async () => {
    const dataDir = await tempDataDir();
    try {
      const { figures, problems } = await runCrash({
        label: 'PGlite',
        submissions: SUBMISSIONS,
        killAfter: KILL_AFTER,
        start: (port) => startServer(port === undefined ? { dataDir } : { dataDir, port }),
      });
      expectNothingLost(figures, problems);
    } finally {
      await removeDir(dataDir);
    }
  });

  const postgres = postgresServerUrl();
  if (!postgres)
    console.warn(
      '[test:crash] PostgreSQL half skipped: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres to run it',
    );
  it.skipIf(!postgres)('on PostgreSQL (same database after the kill)', async () => {
    const database = await createPostgresDatabase();
    try {
      const { figures, problems } = await runCrash({
        label: 'PostgreSQL',
        submissions: SUBMISSIONS,
        killAfter: KILL_AFTER,
        start: (port) =>
          startServer(port === undefined ? { databaseUrl: database.url } : { databaseUrl: database.url, port }),
      });
      expectNothingLost(figures, problems);
    } finally {
      await database.drop();
    }
  });
});
