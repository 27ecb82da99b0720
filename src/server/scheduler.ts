import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { shanghaiToday } from '../core/work/calendar.js';
import type { Db } from '../db/client.js';
import { releaseLease, tryAcquireLease } from '../db/repositories/leases.repository.js';
import { createTransports, type Transports } from './notify/transports.js';
import { type RunRemindersResult, runReminders, sentTotal } from './use-cases/reminders/run-reminders.js';

/** The lease every reminder run takes, in the server and in `minxin remind`. */
export const REMINDER_LEASE = 'reminders';
/** Longer than any run; a crashed holder's lease lapses after it. */
export const REMINDER_LEASE_MS = 10 * 60_000;

export interface SchedulerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface SchedulerOptions {
  db: Db;
  config: {
    MINXIN_REMINDER_INTERVAL: number;
    MINXIN_SMTP_URL?: string | undefined;
    MINXIN_MAIL_FROM: string;
    MINXIN_PUBLIC_URL?: string | undefined;
  };
  log: SchedulerLog;
  transports?: Transports;
  /** The first run after start (default: 5 s, or the interval when shorter). */
  firstDelayMs?: number;
}

export interface Scheduler {
  /** Run once now (if the lease is free); null when another process holds it. */
  runOnce(): Promise<RunRemindersResult | null>;
  /** Stop the timer, abort the sending and wait for a run in progress. */
  stop(): Promise<void>;
}

export const leaseHolder = (who: string): string =>
  `${who}:${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * The reminder scheduler inside the server process: every interval it takes
 * the 'reminders' lease and runs the reminders for today (Asia/Shanghai). It
 * runs on timers, outside any request; a slow webhook delays only the next
 * run. It never throws into the process: a failed run is logged and the
 * next one tries again.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const intervalMs = options.config.MINXIN_REMINDER_INTERVAL * 1000;
  const transports = options.transports ?? createTransports(options.config);
  const holder = leaseHolder('server');
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RunRemindersResult | null> | undefined;

  const runOnce = (): Promise<RunRemindersResult | null> => {
    running ??= (async () => {
      const lease = await tryAcquireLease(options.db, REMINDER_LEASE, holder, REMINDER_LEASE_MS);
      if (!lease.acquired) return null;
      try {
        const result = await runReminders(options.db, {
          date: shanghaiToday(),
          transports,
          config: options.config,
          ctx: { actor: { kind: 'system', name: 'scheduler' }, ip: null },
          signal: abort.signal,
          log: (message) => options.log.info({}, message),
        });
        if (sentTotal(result) > 0 || result.failed > 0 || result.dead > 0)
          options.log.info({ reminders: result }, 'reminders sent');
        return result;
      } finally {
        await releaseLease(options.db, REMINDER_LEASE, holder).catch(() => false);
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (delay: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => options.log.warn({ err: error }, 'reminder run failed'))
        .finally(() => schedule(intervalMs));
    }, delay);
    timer.unref();
  };
  if (intervalMs > 0) schedule(options.firstDelayMs ?? Math.min(5_000, intervalMs));

  return {
    runOnce,
    async stop() {
      abort.abort();
      if (timer) clearTimeout(timer);
      await running?.catch(() => null);
    },
  };
}
