import type { Actor } from '../../../core/actor.js';
import { forbidden } from '../../../core/errors.js';
import { canManageDeliveries } from '../../../core/work/reminder-policies.js';
import type { Db } from '../../../db/client.js';
import {
  type DeliveryRow,
  type DeliveryState,
  listDeliveries,
} from '../../../db/repositories/deliveries.repository.js';
import type { DeliveryOut } from '../../schemas/reminders.js';

export function presentDelivery(row: DeliveryRow): DeliveryOut {
  return {
    id: row.id,
    channel: row.channel,
    channelId: row.channelId,
    recipient: row.recipient,
    level: row.level,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastError: row.lastError,
    sentAt: row.sentAt,
    createdAt: row.createdAt,
  };
}

/** The delivery log, newest first: what went out, what failed and why, what waits for its next attempt. */
export async function listDeliveryLog(
  db: Db,
  actor: Actor,
  query: { state?: DeliveryState | undefined; limit: number; offset: number },
): Promise<{ items: DeliveryOut[]; total: number }> {
  if (!canManageDeliveries(actor)) throw forbidden();
  const page = await listDeliveries(db, query);
  return { items: page.items.map(presentDelivery), total: page.total };
}
