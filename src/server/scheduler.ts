import { shanghaiToday } from '../core/work/calendar.js';
import type { Db } from '../db/client.js';
import { leaseHolder, withLease } from './lease-keeper.js';
import { createTransports, type Transports } from './notify/transports.js';
import { type RunRemindersResult, runReminders, sentTotal } from './use-cases/reminders/run-reminders.js';

/** The lease every reminder run takes, in the server and in `minxin remind`. */
export const REMINDER_LEASE = 'reminders';
/** The default of MINXIN_LEASE_SECONDS: a killed holder's runs are taken over after it. */
export const REMINDER_LEASE_MS = 10 * 60_000;

export interface SchedulerLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  /** Each run's start and end, and each tick that found the lease taken (MINXIN_LOG_LEVEL=debug). */
  debug?(object: object, message: string): void;
}

export interface SchedulerOptions {
  db: Db;
  config: {
    MINXIN_REMINDER_INTERVAL: number;
    /** How long a run holds the lease without renewing it (default REMINDER_LEASE_MS). */
    MINXIN_LEASE_SECONDS?: number | undefined;
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

/**
 * The reminder scheduler inside the server process: every interval it takes
 * the 'reminders' lease and runs the reminders for today (Asia/Shanghai). It
 * runs on timers, outside any request; a slow webhook delays only the next
 * run. It never throws into the process: a failed run is logged and the
 * next one tries again. A run keeps its lease renewed (src/server/lease-keeper.ts),
 * so a run longer than the lease is never joined by another process; a run
 * that finds its lease lost stops sending.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const intervalMs = options.config.MINXIN_REMINDER_INTERVAL * 1000;
  const leaseMs = (options.config.MINXIN_LEASE_SECONDS ?? REMINDER_LEASE_MS / 1000) * 1000;
  const transports = options.transports ?? createTransports(options.config);
  const holder = leaseHolder('server');
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RunRemindersResult | null> | undefined;

  const runOnce = (): Promise<RunRemindersResult | null> => {
    running ??= (async () => {
      const outcome = await withLease(
        {
          db: options.db,
          name: REMINDER_LEASE,
          holder,
          ttlMs: leaseMs,
          signal: abort.signal,
          onLost: (reason, fence) => options.log.warn({ holder, fence, reason }, 'reminder lease lost: the run stops'),
        },
        async ({ fence, signal }) => {
          const started = Date.now();
          options.log.debug?.({ holder, fence }, 'reminder run started');
          try {
            const result = await runReminders(options.db, {
              date: shanghaiToday(),
              transports,
              config: options.config,
              ctx: { actor: { kind: 'system', name: 'scheduler' }, ip: null },
              signal,
              log: (message) => options.log.info({}, message),
            });
            if (sentTotal(result) > 0 || result.failed > 0 || result.dead > 0)
              options.log.info({ reminders: result }, 'reminders sent');
            return result;
          } finally {
            // Logged while the lease is still held: the run's logged span lies inside its lease.
            options.log.debug?.({ holder, fence, ms: Date.now() - started }, 'reminder run finished');
          }
        },
      );
      if (!outcome.acquired) {
        options.log.debug?.({ holder }, 'reminder lease held by another process');
        return null;
      }
      return outcome.value;
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
