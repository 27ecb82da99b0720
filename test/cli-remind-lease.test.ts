import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { remindCommand } from '../src/cli/remind-command.js';
import type { Db } from '../src/db/client.js';
import { insertDeliveries } from '../src/db/repositories/deliveries.repository.js';
import { releaseLease, tryAcquireLease } from '../src/db/repositories/leases.repository.js';
import { deliveries, leases } from '../src/db/schema-work.js';
import type { MailMessage, Transports } from '../src/server/notify/transports.js';
import { REMINDER_LEASE } from '../src/server/scheduler.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';

/**
 * `minxin remind` keeps the 'reminders' lease for as long as it runs, with a
 * 2 s lease (MINXIN_LEASE_SECONDS=2) and e-mail slower than that, and stops
 * sending, exit 1, when another process takes the lease over. The command
 * runs on a database the test opened, so the test can reach the lease while
 * the command holds it.
 */

const LEASE_MS = 2_000;
/** Per message: 28 messages four at a time take 4.9 s, well past the lease. */
const SEND_MS = 700;
const COUNT = 28;
const saved = { ...process.env };
let test: TestDatabase;
let db: Db;
let batch = 0;

async function queue(): Promise<number[]> {
  batch++;
  const rows = await insertDeliveries(
    db,
    Array.from({ length: COUNT }, (_, i) => ({
      channel: 'email' as const,
      channelId: null,
      recipient: `user${i}@example.gov.cn`,
      dedupeKey: `cli-lease-test:${batch}:${i}`,
      level: 'blue',
      subject: `提醒 ${batch}-${i}`,
      body: '请按时报送。',
      nextAttemptAt: new Date(Date.now() - 60_000),
    })),
  );
  return rows.map((r) => r.id);
}

/** Slow e-mail: each message takes SEND_MS, or fails when its attempt is aborted. */
function slowMail() {
  const started: { at: number; message: MailMessage }[] = [];
  const transports: Transports = {
    postJson: async () => ({ status: 200, body: { errcode: 0 } }),
    sendMail: async (message, signal) => {
      started.push({ at: Date.now(), message });
      await sleep(SEND_MS, undefined, { signal });
    },
  };
  return { started, transports };
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) } };
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.database.db;
  process.env.MINXIN_LEASE_SECONDS = String(LEASE_MS / 1000);
  delete process.env.MINXIN_SMTP_URL;
  delete process.env.MINXIN_TODAY;
}, 60_000);
afterEach(async () => {
  await releaseLease(db, REMINDER_LEASE, 'thief');
  await releaseLease(db, REMINDER_LEASE, 'intruder');
});
afterAll(async () => {
  process.env = saved;
  await test?.drop();
});

describe('minxin remind and its lease', () => {
  it('keeps the lease through a run longer than it, and gives it back at the end', async () => {
    const ids = await queue();
    const mail = slowMail();
    const run = io();
    let done = false;
    const probes: { at: number; acquired: boolean }[] = [];
    const command = remindCommand(['--date', '2026-03-02'], run.io, {
      transports: mail.transports,
      database: test.database,
    }).finally(() => {
      done = true;
    });
    while (mail.started.length === 0) await sleep(20);
    const sending = Date.now();
    // Another process tries to take the lease all through the run, as a server's scheduler would; only
    // while a full round of sends is still to come, so the run is surely on when the probe arrives.
    while (!done) {
      await sleep(200);
      if (mail.started.length > COUNT - 4) continue;
      const at = Date.now();
      probes.push({ at, acquired: (await tryAcquireLease(db, REMINDER_LEASE, 'intruder', 60_000)).acquired });
    }
    expect(await command, run.err.join('')).toBe(0);
    expect(run.out.join('')).toContain(`邮件 e-mail: ${COUNT}`);
    expect(Date.now() - sending, 'the run was not longer than the lease').toBeGreaterThan(LEASE_MS + 500);
    expect(probes.filter((p) => p.at - sending > LEASE_MS).length).toBeGreaterThan(2);
    expect(probes.filter((p) => p.acquired)).toEqual([]);
    // Given back at the end: a scheduler gets it at once.
    expect((await tryAcquireLease(db, REMINDER_LEASE, 'intruder', 60_000)).acquired).toBe(true);
    const rows = await db.select().from(deliveries).where(inArray(deliveries.id, ids));
    expect(rows.every((d) => d.state === 'sent')).toBe(true);
  }, 30_000);

  it('stops sending and exits 1 when another process takes its lease over mid-run', async () => {
    const ids = await queue();
    const mail = slowMail();
    const run = io();
    const command = remindCommand(['--date', '2026-03-02'], run.io, {
      transports: mail.transports,
      database: test.database,
    });
    while (mail.started.length < 5) await sleep(20);
    // The command's lease lapses (as if it had stalled) and another process takes it.
    await db.update(leases).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(leases.name, REMINDER_LEASE));
    expect((await tryAcquireLease(db, REMINDER_LEASE, 'thief', 60_000)).acquired).toBe(true);
    const takenAt = Date.now();

    expect(await command).toBe(1);
    expect(run.err.join('')).toContain('提醒发送中断：另一进程接管了提醒任务。');
    // It stopped at its next renewal (a third of the lease), not after all of them.
    const late = mail.started.filter((s) => s.at > takenAt + LEASE_MS / 3 + 300);
    expect(late.map((s) => s.message.subject)).toEqual([]);
    expect(mail.started.length).toBeLessThan(COUNT);
    // The thief still holds the lease, and what the command never tried is due for it now.
    expect((await tryAcquireLease(db, REMINDER_LEASE, 'intruder', 60_000)).acquired).toBe(false);
    const held = await db
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(
        and(inArray(deliveries.id, ids), eq(deliveries.state, 'pending'), gt(deliveries.nextAttemptAt, sql`now()`)),
      );
    expect(held).toEqual([]);
    const untried = await db
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(inArray(deliveries.id, ids), eq(deliveries.state, 'pending'), eq(deliveries.attempts, 0)));
    expect(untried.length).toBe(COUNT - mail.started.length);
  }, 30_000);
});
