import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/client.js';
import { releaseLease, tryAcquireLease } from '../db/repositories/leases.repository.js';

/** Why a job's lease was lost: another holder took it over, or it could not be renewed before it would lapse. */
export type LeaseLoss = 'taken' | 'not renewed in time';

/** What a job gets while it holds the lease. */
export interface HeldLease {
  /** The lease's fence when it was taken: it stays the same for as long as the lease is kept. */
  fence: number;
  /** Fires when the lease is lost or the caller stops the job: the job stops soon after. */
  signal: AbortSignal;
}

export interface WithLeaseOptions {
  db: Db;
  /** The lease's row in `leases`. */
  name: string;
  /** Who holds it: unique per process and run (see leaseHolder). */
  holder: string;
  /** How long the lease lasts unless renewed; it is renewed every third of that. */
  ttlMs: number;
  /** How long to keep trying while another holder has the lease (default 0: one try). */
  waitMs?: number;
  /** The pause between tries while waiting (default 1 s). */
  retryMs?: number;
  /** Stops the job from outside (the server shutting down); not counted as a loss. */
  signal?: AbortSignal | undefined;
  /** Told once, as the lease is lost, while the job is still stopping. */
  onLost?: (reason: LeaseLoss, fence: number) => void;
}

export type LeaseOutcome<T> =
  | { acquired: false }
  | {
      acquired: true;
      fence: number;
      /** What the job returned (a job whose lease was lost returns what it did before it stopped). */
      value: T;
      lost: LeaseLoss | null;
    };

/** A holder name that tells, in the `leases` table and the logs, which process of which machine holds a lease. */
export const leaseHolder = (who: string): string =>
  `${who}:${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/**
 * Run `job` while holding the lease `name`: take it (waiting up to `waitMs`
 * while another holder has it), renew it every third of `ttlMs` while the job
 * runs, and give it back at the end. A lease that outlived its holder is
 * taken over only once it lapses, so a job longer than `ttlMs` keeps its
 * lease as long as its process lives.
 *
 * The job's signal fires when a renewal finds the fence changed (another
 * holder took the lease) or when no renewal has succeeded for two thirds of
 * `ttlMs`: the job is told to stop while its lease is still valid, before
 * another holder can take it. The job must honour the signal; it is not
 * killed.
 */
export async function withLease<T>(
  options: WithLeaseOptions,
  job: (lease: HeldLease) => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const { db, name, holder, ttlMs } = options;
  const deadline = Date.now() + (options.waitMs ?? 0);
  let requestedAt = Date.now();
  let lease = await tryAcquireLease(db, name, holder, ttlMs);
  while (!lease.acquired || lease.fence === null) {
    if (Date.now() >= deadline || options.signal?.aborted) return { acquired: false };
    await sleep(Math.min(options.retryMs ?? 1_000, Math.max(0, deadline - Date.now())));
    requestedAt = Date.now();
    lease = await tryAcquireLease(db, name, holder, ttlMs);
  }
  const fence = lease.fence;

  const run = new AbortController();
  let lost: LeaseLoss | null = null;
  const lose = (reason: LeaseLoss) => {
    if (lost) return;
    lost = reason;
    options.onLost?.(reason, fence);
    run.abort(new Error(`lease ${name} lost: ${reason}`));
  };
  const stop = () => run.abort(options.signal?.reason);
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });

  // The time the last successful take or renewal was sent: the database's expiry is at least ttlMs after it.
  let renewedAt = requestedAt;
  let renewing: Promise<void> | undefined;
  const late = () => Date.now() - renewedAt >= (ttlMs * 2) / 3;
  const tick = () => {
    if (lost) return;
    // Also catches a renewal that hangs, and a process whose timers ran late (a busy event loop).
    if (late()) return lose('not renewed in time');
    if (renewing) return;
    const sentAt = Date.now();
    renewing = tryAcquireLease(db, name, holder, ttlMs)
      .then(
        (renewed) => {
          if (!renewed.acquired || renewed.fence !== fence) lose('taken');
          else renewedAt = sentAt;
        },
        () => {
          if (late()) lose('not renewed in time');
        },
      )
      .finally(() => {
        renewing = undefined;
      });
  };
  const renew = setInterval(tick, ttlMs / 3);
  renew.unref();

  try {
    const value = await job({ fence, signal: run.signal });
    return { acquired: true, fence, value, lost };
  } finally {
    clearInterval(renew);
    options.signal?.removeEventListener('abort', stop);
    await renewing;
    // Only gives the lease up if this holder still has it; a failed release just lets it lapse.
    await releaseLease(db, name, holder).catch(() => false);
  }
}
