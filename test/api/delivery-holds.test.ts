import { setTimeout as sleep } from 'node:timers/promises';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { claimDueDeliveries, insertDeliveries } from '../../src/db/repositories/deliveries.repository.js';
import { deliveries } from '../../src/db/schema-work.js';
import type { MailMessage, Transports } from '../../src/server/notify/transports.js';
import { DELIVERY_HOLD_MS, processDeliveries } from '../../src/server/use-cases/reminders/process-deliveries.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * Claimed deliveries are held from other workers only briefly: a worker
 * killed mid-round (no heartbeat) holds them for DELIVERY_HOLD_MS, a live
 * round keeps pushing the hold of what it still works on, and a stopped round
 * gives back what it never tried. E-mail deliveries straight in the queue, a
 * stand-in mail transport; PGlite, or PostgreSQL with TEST_DATABASE_URL.
 */

let test: TestDatabase;
let db: Db;
let batch = 0;

/** `count` e-mail deliveries due at `due`; returns their ids. */
async function queue(count: number, due: Date): Promise<number[]> {
  batch++;
  const rows = await insertDeliveries(
    db,
    Array.from({ length: count }, (_, i) => ({
      channel: 'email' as const,
      channelId: null,
      recipient: `user${i}@example.gov.cn`,
      dedupeKey: `holds-test:${batch}:${i}`,
      level: 'blue',
      subject: `提醒 ${batch}-${i}`,
      body: '请按时报送。',
      nextAttemptAt: due,
    })),
  );
  return rows.map((r) => r.id);
}

const stateOf = async (ids: number[]) =>
  db.select().from(deliveries).where(inArray(deliveries.id, ids)).orderBy(deliveries.id);

/** A mail transport that records what it sends; each message waits for `gate` (when given) or its abort. */
function mailer(gate?: Promise<void>) {
  const sent: MailMessage[] = [];
  const started: MailMessage[] = [];
  const transports: Transports = {
    postJson: async () => ({ status: 200, body: { errcode: 0 } }),
    sendMail: async (message, signal) => {
      started.push(message);
      if (gate)
        await new Promise<void>((resolve, reject) => {
          void gate.then(resolve);
          signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        });
      sent.push(message);
    },
  };
  return { sent, started, transports };
}

function gate() {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.database.db;
});
afterAll(() => test?.drop());

describe('the hold on claimed deliveries', () => {
  it('is short: what a killed worker claimed goes out once its hold has passed', async () => {
    expect(DELIVERY_HOLD_MS).toBeLessThanOrEqual(2 * 60_000);
    const t = new Date('2026-03-02T02:00:00Z');
    const ids = await queue(3, new Date(t.getTime() - 60_000));
    // The dead worker claimed them as a round does, then never sent, finished nor beat again.
    const claimed = await claimDueDeliveries(db, t, 50, new Date(t.getTime() + DELIVERY_HOLD_MS));
    expect(claimed.map((d) => d.id).sort()).toEqual(ids);

    const early = mailer();
    const before = await processDeliveries(db, new Date(t.getTime() + DELIVERY_HOLD_MS - 1_000), early.transports);
    expect(before.sent.email).toBe(0);
    expect(early.started).toEqual([]);

    const late = mailer();
    const after = await processDeliveries(db, new Date(t.getTime() + DELIVERY_HOLD_MS + 1_000), late.transports);
    expect(after.sent.email).toBe(3);
    expect((await stateOf(ids)).map((d) => d.state)).toEqual(['sent', 'sent', 'sent']);
  });

  it('is kept up by a live round: a second worker takes none of its deliveries while they are slow to send', async () => {
    const hold = 600;
    const t = new Date('2026-03-03T02:00:00Z');
    const ids = await queue(6, new Date(t.getTime() - 60_000));
    const slow = gate();
    const first = mailer(slow.promise);
    const began = Date.now();
    const running = processDeliveries(db, t, first.transports, { holdMs: hold, timeoutMs: 30_000 });
    // Three holds long: without a heartbeat the first worker's claims lapsed long ago.
    await sleep(3 * hold);
    expect(first.started.length).toBe(4);
    const second = mailer();
    const elapsed = Date.now() - began;
    const meanwhile = await processDeliveries(db, new Date(t.getTime() + elapsed), second.transports, { holdMs: hold });
    expect(meanwhile.sent.email).toBe(0);
    expect(second.started).toEqual([]);

    slow.open();
    const done = await running;
    expect(done.sent.email).toBe(6);
    expect(first.sent.map((m) => m.subject).sort()).toEqual((await stateOf(ids)).map((d) => d.subject).sort());
    expect((await stateOf(ids)).every((d) => d.state === 'sent' && d.attempts === 1)).toBe(true);
  }, 20_000);

  it('is given back by a round that is stopped: what it never tried is due again at once', async () => {
    const t = new Date('2026-03-04T02:00:00Z');
    const ids = await queue(8, new Date(t.getTime() - 60_000));
    const never = gate();
    const first = mailer(never.promise);
    const stop = new AbortController();
    const running = processDeliveries(db, t, first.transports, { signal: stop.signal, timeoutMs: 30_000 });
    while (first.started.length < 4) await sleep(20);
    stop.abort();
    const stopped = await running;
    // The four on the wire were cut off (failed, retried later); the other four were never tried.
    expect(stopped).toMatchObject({ sent: { email: 0 }, failed: 4 });

    const second = mailer();
    const next = await processDeliveries(db, t, second.transports);
    expect(next.sent.email).toBe(4);
    const started = new Set(first.started.map((m) => m.subject));
    expect(second.sent.filter((m) => started.has(m.subject))).toEqual([]);
    const states = (await stateOf(ids)).map((d) => d.state);
    expect(states.filter((s) => s === 'sent').length).toBe(4);
    expect(states.filter((s) => s === 'failed').length).toBe(4);
  }, 20_000);
});
