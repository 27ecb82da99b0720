import { ROBOT_MAX_BYTES, type RobotKind, robotDigests } from '../../../core/work/robot-messages.js';
import type { Db } from '../../../db/client.js';
import { type ChannelRow, findChannels } from '../../../db/repositories/channels.repository.js';
import {
  claimDueDeliveries,
  type DeliveryRow,
  deferDelivery,
  extendDeliveryHolds,
  markDeliveriesFailed,
  markDeliveriesSent,
  releaseDeliveryHolds,
} from '../../../db/repositories/deliveries.repository.js';
import { failureReason, PermanentDeliveryError, sendOutgoing, sendRobotMarkdown } from '../../notify/send-delivery.js';
import { ATTEMPT_TIMEOUT_MS, type Transports } from '../../notify/transports.js';

/** Waits after the 1st…5th failed attempt; the 6th failure is final (dead). */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

/**
 * How long claimed deliveries are held from other workers. Short, so that the
 * deliveries of a worker killed mid-round go out soon after; a live round
 * pushes the hold of what it still works on forward every third of it (a
 * robot's digest may take several messages, each up to 5 s).
 */
export const DELIVERY_HOLD_MS = 2 * 60_000;
const BATCH = 50;
/** The most deliveries of one robot channel taken into one round's digest. */
const ROBOT_BATCH = 1_000;
const CONCURRENCY = 4;

export interface ProcessOptions {
  /** When a delivery due now may go out instead (the end of quiet hours), or `now` itself. */
  releaseTime?: (delivery: DeliveryRow, now: Date) => Date;
  /** Per attempt; 5 s unless a test shortens it. */
  timeoutMs?: number;
  /** Stop after this many rounds of claims. */
  maxRounds?: number;
  /** Stop early (server shutting down): the deliveries not yet tried are given back, due for any worker. */
  signal?: AbortSignal | undefined;
  /** How long claims are held between heartbeats (default DELIVERY_HOLD_MS; tests shorten it). */
  holdMs?: number;
  /** The clock holds are set by; default `now` moved on by the real time elapsed since the call. */
  clock?: () => Date;
}

export interface ProcessResult {
  /** Deliveries (one per reminder and recipient or robot) that went out. */
  sent: { email: number; wecom: number; dingtalk: number };
  /** Robot messages posted: a digest carries many deliveries. */
  robotMessages: { wecom: number; dingtalk: number };
  failed: number;
  dead: number;
  deferred: number;
}

const isRobot = (channel: string): channel is RobotKind => channel === 'wecom' || channel === 'dingtalk';

/** One unit of sending: an e-mail (or a robot delivery whose channel is gone), or all due deliveries of one robot. */
type Job = { delivery: DeliveryRow } | { kind: RobotKind; channelId: number; rows: DeliveryRow[] };

/**
 * Send the deliveries due at `now`, a few jobs at a time, at most 5 s per
 * attempt. E-mail goes one message per delivery. The deliveries due for one
 * robot go as a digest — one markdown message, split only where the robot's
 * size limit demands — and the deliveries in one message succeed or fail
 * together; once a message of a robot fails, the rest of its digest fails
 * with it rather than hammer a failing robot. A failure schedules the next
 * attempt after a growing wait (1 min, 5 min, 30 min, 2 h, 6 h); after 6
 * attempts a delivery is dead. Deliveries held by quiet hours are deferred,
 * not sent. No transaction is open while a message is on the wire, so
 * requests never wait for a slow webhook. What a round claims is held from
 * other workers for `holdMs`, renewed while the round is on it; a stopped
 * round gives back what it never tried, a killed one holds it until the hold
 * passes.
 */
export async function processDeliveries(
  db: Db,
  now: Date,
  transports: Transports,
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const result: ProcessResult = {
    sent: { email: 0, wecom: 0, dingtalk: 0 },
    robotMessages: { wecom: 0, dingtalk: 0 },
    failed: 0,
    dead: 0,
    deferred: 0,
  };
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const holdMs = options.holdMs ?? DELIVERY_HOLD_MS;
  const calledAt = Date.now();
  const clock = options.clock ?? (() => new Date(now.getTime() + Date.now() - calledAt));
  const stopping = () => options.signal?.aborted === true;
  /** The claimed deliveries not yet finished, with the hold last set on each: only these are sent. */
  const held = new Map<number, string>();
  const claim = async (limit: number, channelIds?: readonly number[]) => {
    const until = new Date(clock().getTime() + holdMs);
    const rows = await claimDueDeliveries(db, now, limit, until, channelIds);
    for (const row of rows) held.set(row.id, until.toISOString());
    return rows;
  };
  /** Off the held set before its outcome is written: a heartbeat meanwhile leaves the row alone. */
  const settle = (rows: readonly DeliveryRow[]) => {
    for (const row of rows) held.delete(row.id);
  };
  const heartbeat = keepHolds(db, held, holdMs, clock);
  const signal = () =>
    options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs);

  /** Record a failed attempt of each row, with its own count of attempts and back-off. */
  const fail = async (rows: readonly DeliveryRow[], error: unknown) => {
    settle(rows);
    const reason = failureReason(error);
    const permanent = error instanceof PermanentDeliveryError;
    for (const attempts of new Set(rows.map((r) => r.attempts + 1))) {
      const ids = rows.filter((r) => r.attempts + 1 === attempts).map((r) => r.id);
      const final = permanent || attempts >= MAX_ATTEMPTS;
      const wait = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0];
      await markDeliveriesFailed(db, ids, attempts, reason, final ? null : new Date(now.getTime() + wait));
      if (final) result.dead += ids.length;
      else result.failed += ids.length;
    }
  };

  const sendOne = async (delivery: DeliveryRow, channel: ChannelRow | undefined) => {
    // Its hold lapsed and another worker claimed it: that worker sends it.
    if (!held.has(delivery.id)) return;
    try {
      if (delivery.channelId !== null && !channel?.enabled)
        throw new PermanentDeliveryError('渠道已停用或已删除 (the channel is disabled or deleted)');
      await sendOutgoing(
        {
          channel: delivery.channel,
          recipient: delivery.recipient,
          subject: delivery.subject,
          body: delivery.body,
          robot: channel ? { url: channel.url, secret: channel.secret } : undefined,
        },
        transports,
        signal(),
      );
      settle([delivery]);
      await markDeliveriesSent(db, [delivery.id], new Date());
      if (delivery.channel in result.sent) result.sent[delivery.channel as keyof ProcessResult['sent']]++;
    } catch (error) {
      await fail([delivery], error);
    }
  };

  const sendDigest = async (kind: RobotKind, claimed: DeliveryRow[], channel: ChannelRow | undefined) => {
    const rows = claimed.filter((r) => held.has(r.id));
    if (rows.length === 0) return;
    if (!channel?.enabled)
      return fail(rows, new PermanentDeliveryError('渠道已停用或已删除 (the channel is disabled or deleted)'));
    const digests = robotDigests(rows, ROBOT_MAX_BYTES[kind]);
    let failure: unknown;
    for (const digest of digests) {
      const batch = digest.entries.map((i) => rows[i] as DeliveryRow);
      if (failure !== undefined) {
        await fail(batch, failure);
        continue;
      }
      if (stopping()) return;
      try {
        await sendRobotMarkdown(kind, { url: channel.url, secret: channel.secret }, digest, transports, signal());
      } catch (error) {
        failure = error;
        await fail(batch, error);
        continue;
      }
      settle(batch);
      await markDeliveriesSent(
        db,
        batch.map((r) => r.id),
        new Date(),
      );
      result.sent[kind] += batch.length;
      result.robotMessages[kind]++;
    }
  };

  /** One round: claim a batch and send it. False when nothing was due. */
  const sendRound = async (): Promise<boolean> => {
    const claimed = await claim(BATCH);
    if (claimed.length === 0) return false;
    // The rest of what is due for the robots met in this claim joins their digests.
    const robotIds = [
      ...new Set(claimed.flatMap((d) => (isRobot(d.channel) && d.channelId !== null ? [d.channelId] : []))),
    ];
    claimed.push(...(await claim(ROBOT_BATCH, robotIds)));
    const channels = await findChannels(db, [
      ...new Set(claimed.flatMap((d) => (d.channelId === null ? [] : [d.channelId]))),
    ]);

    const jobs: Job[] = [];
    const digests = new Map<string, { kind: RobotKind; channelId: number; rows: DeliveryRow[] }>();
    for (const delivery of claimed) {
      const release = options.releaseTime?.(delivery, now) ?? now;
      if (release.getTime() > now.getTime()) {
        settle([delivery]);
        await deferDelivery(db, delivery.id, release);
        result.deferred++;
        continue;
      }
      if (!isRobot(delivery.channel) || delivery.channelId === null) {
        jobs.push({ delivery });
        continue;
      }
      const key = `${delivery.channel}:${delivery.channelId}`;
      let digest = digests.get(key);
      if (!digest) {
        digest = { kind: delivery.channel, channelId: delivery.channelId, rows: [] };
        digests.set(key, digest);
        jobs.push(digest);
      }
      digest.rows.push(delivery);
    }

    const worker = async () => {
      for (let job = jobs.shift(); job && !stopping(); job = jobs.shift()) {
        if ('delivery' in job)
          await sendOne(
            job.delivery,
            job.delivery.channelId === null ? undefined : channels.get(job.delivery.channelId),
          );
        else await sendDigest(job.kind, job.rows, channels.get(job.channelId));
      }
    };
    // Every worker finishes before an error goes up: the claims given back at the end are then none in flight.
    const workers = await Promise.allSettled(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
    for (const outcome of workers) if (outcome.status === 'rejected') throw outcome.reason;
    return true;
  };

  try {
    for (let round = 0; round < (options.maxRounds ?? 20) && !stopping(); round++) {
      if (!(await sendRound())) break;
    }
  } finally {
    await heartbeat.stop();
    // Claimed but never tried (stopped, or an error): due again now instead of after the hold.
    await releaseDeliveryHolds(db, held, now).catch(() => 0);
  }
  return result;
}

/**
 * The heartbeat of a worker's claims: every third of the hold it pushes the
 * hold of the deliveries still in `held` forward, and drops from `held` those
 * it finds no longer carrying this worker's hold (another worker has them).
 * A failed beat is skipped: the holds then lapse, as a dead worker's would.
 */
function keepHolds(db: Db, held: Map<number, string>, holdMs: number, clock: () => Date): { stop(): Promise<void> } {
  let beating: Promise<void> | undefined;
  const beat = async () => {
    const holds = new Map(held);
    const until = new Date(clock().getTime() + holdMs).toISOString();
    const extended = new Set(await extendDeliveryHolds(db, holds, new Date(until)));
    for (const id of holds.keys()) {
      // A row settled meanwhile stays out of `held`.
      if (!held.has(id)) continue;
      if (extended.has(id)) held.set(id, until);
      else held.delete(id);
    }
  };
  const timer = setInterval(() => {
    if (beating || held.size === 0) return;
    beating = beat()
      .catch(() => undefined)
      .finally(() => {
        beating = undefined;
      });
  }, holdMs / 3);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await beating;
    },
  };
}
