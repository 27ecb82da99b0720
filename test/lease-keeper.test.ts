import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.js';
import { releaseLease, tryAcquireLease } from '../src/db/repositories/leases.repository.js';
import { leases } from '../src/db/schema-work.js';
import { type LeaseLoss, withLease } from '../src/server/lease-keeper.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/**
 * The lease keeper on a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): a job longer than its lease keeps it, a job whose lease
 * is taken over or cannot be renewed is told to stop before the lease lapses.
 */

const TTL = 1_200;
let test: TestDatabase;
let db: Db;
let n = 0;
/** A lease of its own for each test. */
const fresh = () => `keeper-test-${++n}`;

/** Make a lease lapse at once, as if its holder had been killed long ago. */
const expire = (name: string) =>
  db.update(leases).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(leases.name, name));

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.database.db;
});
afterAll(() => test?.drop());

describe('withLease', () => {
  it('keeps the lease for a job three times longer than it, then gives it back', async () => {
    const name = fresh();
    const probes: boolean[] = [];
    const outcome = await withLease({ db, name, holder: 'keeper', ttlMs: TTL }, async ({ signal }) => {
      const started = Date.now();
      while (Date.now() - started < 3 * TTL) {
        await sleep(150);
        if (Date.now() - started > TTL) probes.push((await tryAcquireLease(db, name, 'intruder', 60_000)).acquired);
      }
      return signal.aborted;
    });
    expect(outcome).toMatchObject({ acquired: true, value: false, lost: null });
    expect(probes.length, 'no probe after the lease time').toBeGreaterThan(5);
    expect(probes.filter(Boolean)).toEqual([]);
    // Given back at the end: another holder takes it at once, with the next fence.
    const after = await tryAcquireLease(db, name, 'next', 60_000);
    expect(after.acquired).toBe(true);
    expect(after.fence).toBe((outcome.acquired ? outcome.fence : 0) + 1);
  }, 20_000);

  it('stops the job within a renewal when another holder takes the lease over', async () => {
    const name = fresh();
    const lost: LeaseLoss[] = [];
    let takenAt = 0;
    let stoppedAt = 0;
    const outcome = await withLease(
      { db, name, holder: 'keeper', ttlMs: TTL, onLost: (reason) => lost.push(reason) },
      async ({ signal }) => {
        await sleep(TTL / 2);
        await expire(name);
        const thief = await tryAcquireLease(db, name, 'thief', 60_000);
        expect(thief.acquired).toBe(true);
        takenAt = Date.now();
        while (!signal.aborted && Date.now() - takenAt < 3 * TTL) await sleep(20);
        stoppedAt = Date.now();
        return 'stopped';
      },
    );
    expect(outcome).toMatchObject({ acquired: true, value: 'stopped', lost: 'taken' });
    expect(lost).toEqual(['taken']);
    expect(stoppedAt - takenAt, 'not stopped within a third of the lease (plus slack)').toBeLessThan(TTL / 3 + 400);
    // The end of the job did not give away the thief's lease.
    expect((await tryAcquireLease(db, name, 'third', 60_000)).acquired).toBe(false);
    await releaseLease(db, name, 'thief');
  }, 20_000);

  it('stops the job before the lease lapses when the database stops answering renewals', async () => {
    const name = fresh();
    let broken = false;
    // The renewals fail as they would with the database unreachable; the take itself went through.
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'insert' && broken)
          return () => {
            throw new Error('connection terminated');
          };
        return Reflect.get(target, property, receiver);
      },
    }) as Db;
    let takenAt = 0;
    let stoppedAt = 0;
    const outcome = await withLease({ db: flaky, name, holder: 'keeper', ttlMs: TTL }, async ({ signal }) => {
      takenAt = Date.now();
      broken = true;
      while (!signal.aborted && Date.now() - takenAt < 3 * TTL) await sleep(20);
      stoppedAt = Date.now();
      return null;
    });
    expect(outcome).toMatchObject({ acquired: true, lost: 'not renewed in time' });
    expect(stoppedAt - takenAt, 'stopped after the lease had lapsed').toBeLessThan(TTL);
    expect(stoppedAt - takenAt, 'stopped before a renewal was due').toBeGreaterThanOrEqual(TTL / 3);
  }, 20_000);

  it('waits for a lease held by another holder when told to, and runs nothing when it does not get it', async () => {
    const name = fresh();
    expect((await tryAcquireLease(db, name, 'other', 800)).acquired).toBe(true);
    let ran = false;
    const refused = await withLease({ db, name, holder: 'keeper', ttlMs: TTL }, async () => {
      ran = true;
    });
    expect(refused).toEqual({ acquired: false });
    expect(ran).toBe(false);
    const began = Date.now();
    const waited = await withLease(
      { db, name, holder: 'keeper', ttlMs: TTL, waitMs: 5_000, retryMs: 100 },
      async () => Date.now() - began,
    );
    expect(waited.acquired).toBe(true);
    // It got the lease only once the other's had lapsed.
    expect(waited.acquired && waited.value).toBeGreaterThanOrEqual(500);
  }, 20_000);

  it('passes a stop from outside to the job without calling it a loss', async () => {
    const name = fresh();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    const outcome = await withLease(
      { db, name, holder: 'keeper', ttlMs: TTL, signal: stop.signal },
      async ({ signal }) => {
        while (!signal.aborted) await sleep(20);
        return 'stopped';
      },
    );
    expect(outcome).toMatchObject({ acquired: true, value: 'stopped', lost: null });
    expect((await tryAcquireLease(db, name, 'next', 60_000)).acquired).toBe(true);
  });
});
