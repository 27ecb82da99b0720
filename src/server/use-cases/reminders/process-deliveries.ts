import { ROBOT_MAX_BYTES, type RobotKind, robotDigests } from '../../../core/work/robot-messages.js';
import type { Db } from '../../../db/client.js';
import { type ChannelRow, findChannels } from '../../../db/repositories/channels.repository.js';
import {
  claimDueDeliveries,
  type DeliveryRow,
  deferDelivery,
  markDeliveriesFailed,
  markDeliveriesSent,
} from '../../../db/repositories/deliveries.repository.js';
import { failureReason, PermanentDeliveryError, sendOutgoing, sendRobotMarkdown } from '../../notify/send-delivery.js';
import { ATTEMPT_TIMEOUT_MS, type Transports } from '../../notify/transports.js';

/** Waits after the 1st…5th failed attempt; the 6th failure is final (dead). */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

/** How long claimed deliveries are held from other workers: longer than one round (a robot's digest may take several messages). */
const HOLD_MS = 10 * 60_000;
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
  /** Stop early (server shutting down): the deliveries not yet tried are taken up by a later run. */
  signal?: AbortSignal | undefined;
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
 * requests never wait for a slow webhook.
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
  const stopping = () => options.signal?.aborted === true;
  const signal = () =>
    options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs);

  /** Record a failed attempt of each row, with its own count of attempts and back-off. */
  const fail = async (rows: readonly DeliveryRow[], error: unknown) => {
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
      await markDeliveriesSent(db, [delivery.id], new Date());
      if (delivery.channel in result.sent) result.sent[delivery.channel as keyof ProcessResult['sent']]++;
    } catch (error) {
      await fail([delivery], error);
    }
  };

  const sendDigest = async (kind: RobotKind, rows: DeliveryRow[], channel: ChannelRow | undefined) => {
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
      await markDeliveriesSent(
        db,
        batch.map((r) => r.id),
        new Date(),
      );
      result.sent[kind] += batch.length;
      result.robotMessages[kind]++;
    }
  };

  for (let round = 0; round < (options.maxRounds ?? 20) && !stopping(); round++) {
    const claimed = await claimDueDeliveries(db, now, BATCH, HOLD_MS);
    if (claimed.length === 0) break;
    // The rest of what is due for the robots met in this claim joins their digests.
    const robotIds = [
      ...new Set(claimed.flatMap((d) => (isRobot(d.channel) && d.channelId !== null ? [d.channelId] : []))),
    ];
    claimed.push(...(await claimDueDeliveries(db, now, ROBOT_BATCH, HOLD_MS, robotIds)));
    const channels = await findChannels(db, [
      ...new Set(claimed.flatMap((d) => (d.channelId === null ? [] : [d.channelId]))),
    ]);

    const jobs: Job[] = [];
    const digests = new Map<string, { kind: RobotKind; channelId: number; rows: DeliveryRow[] }>();
    for (const delivery of claimed) {
      const release = options.releaseTime?.(delivery, now) ?? now;
      if (release.getTime() > now.getTime()) {
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
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
  }
  return result;
}
