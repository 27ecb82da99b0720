import type { Db } from '../../../db/client.js';
import { findChannels } from '../../../db/repositories/channels.repository.js';
import {
  claimDueDeliveries,
  type DeliveryRow,
  deferDelivery,
  markDeliveryFailed,
  markDeliverySent,
} from '../../../db/repositories/deliveries.repository.js';
import { failureReason, PermanentDeliveryError, sendOutgoing } from '../../notify/send-delivery.js';
import { ATTEMPT_TIMEOUT_MS, type Transports } from '../../notify/transports.js';

/** Waits after the 1st…5th failed attempt; the 6th failure is final (dead). */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

/** How long a claimed delivery is held from other workers: longer than any one attempt. */
const HOLD_MS = 60_000;
const BATCH = 50;
const CONCURRENCY = 4;

export interface ProcessOptions {
  /** When a delivery due now may go out instead (the end of quiet hours), or `now` itself. */
  releaseTime?: (delivery: DeliveryRow, now: Date) => Date;
  /** Per attempt; 5 s unless a test shortens it. */
  timeoutMs?: number;
  /** Stop after this many rounds of claims (each up to 50 deliveries). */
  maxRounds?: number;
  /** Stop early (server shutting down): the deliveries not yet tried are taken up by a later run. */
  signal?: AbortSignal | undefined;
}

export interface ProcessResult {
  sent: { email: number; wecom: number; dingtalk: number };
  failed: number;
  dead: number;
  deferred: number;
}

/**
 * Send the deliveries due at `now`: one attempt each, at most 5 s, a few at
 * a time. A failure schedules the next attempt after a growing wait (1 min,
 * 5 min, 30 min, 2 h, 6 h); after 6 attempts the delivery is dead. No
 * transaction is open while a message is on the wire, so requests never wait
 * for a slow webhook.
 */
export async function processDeliveries(
  db: Db,
  now: Date,
  transports: Transports,
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const result: ProcessResult = { sent: { email: 0, wecom: 0, dingtalk: 0 }, failed: 0, dead: 0, deferred: 0 };
  const timeoutMs = options.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const stopping = () => options.signal?.aborted === true;
  for (let round = 0; round < (options.maxRounds ?? 20) && !stopping(); round++) {
    const claimed = await claimDueDeliveries(db, now, BATCH, HOLD_MS);
    if (claimed.length === 0) break;
    const channels = await findChannels(db, [
      ...new Set(claimed.flatMap((d) => (d.channelId === null ? [] : [d.channelId]))),
    ]);
    const queue = [...claimed];
    const worker = async () => {
      for (let delivery = queue.shift(); delivery && !stopping(); delivery = queue.shift()) {
        const release = options.releaseTime?.(delivery, now) ?? now;
        if (release.getTime() > now.getTime()) {
          await deferDelivery(db, delivery.id, release);
          result.deferred++;
          continue;
        }
        const channel = delivery.channelId === null ? undefined : channels.get(delivery.channelId);
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
            options.signal
              ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal])
              : AbortSignal.timeout(timeoutMs),
          );
          await markDeliverySent(db, delivery.id, new Date());
          if (delivery.channel in result.sent) result.sent[delivery.channel as keyof ProcessResult['sent']]++;
        } catch (error) {
          const attempts = delivery.attempts + 1;
          const final = error instanceof PermanentDeliveryError || attempts >= MAX_ATTEMPTS;
          const wait = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0];
          await markDeliveryFailed(
            db,
            delivery.id,
            attempts,
            failureReason(error),
            final ? null : new Date(now.getTime() + wait),
          );
          if (final) result.dead++;
          else result.failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
  }
  return result;
}
