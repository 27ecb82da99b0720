import type { ReminderIntent } from '../../../core/work/reminders.js';
import { levelReaches } from '../../../core/work/reminders.js';
import { composeMessage } from '../../../core/work/robot-messages.js';
import type { Db } from '../../../db/client.js';
import type { ChannelRow } from '../../../db/repositories/channels.repository.js';
import type { NewDelivery } from '../../../db/repositories/deliveries.repository.js';
import {
  leaderUsersOfItem,
  type NewInboxMessage,
  type RecipientUser,
  unitHeadUsers,
  usersOfUnit,
} from '../../../db/repositories/inbox.repository.js';

/**
 * Turn planned reminders into inbox messages and queued deliveries: the
 * audience becomes people (reporters of the unit, its head, the item's
 * leaders), each person gets one inbox message, each address one e-mail per
 * e-mail channel, each robot channel one delivery (sent later in a digest with
 * the others due for that robot). Dedupe keys make a repeated run add nothing.
 */

export interface Outbox {
  inbox: NewInboxMessage[];
  deliveries: NewDelivery[];
}

export interface OutboxOptions {
  channels: readonly ChannelRow[];
  /** E-mail deliveries only when an SMTP server is configured. */
  email: boolean;
  /** The first attempt: now, or the end of quiet hours. */
  releaseAt: Date;
  /** MINXIN_PUBLIC_URL: links in e-mail and robot messages; without it they carry no link. */
  publicUrl?: string | undefined;
}

/** Who hears a reminder, looked up once per unit and item within one run. */
export class AudienceResolver {
  readonly #cache = new Map<string, Promise<RecipientUser[]>>();
  constructor(private readonly db: Db) {}

  #once(key: string, load: () => Promise<RecipientUser[]>): Promise<RecipientUser[]> {
    let found = this.#cache.get(key);
    if (!found) {
      found = load();
      this.#cache.set(key, found);
    }
    return found;
  }

  async of(intent: ReminderIntent): Promise<RecipientUser[]> {
    const groups = await Promise.all(
      intent.audience.map((who) => {
        if (who === 'reporters') return this.#once(`r${intent.unitId}`, () => usersOfUnit(this.db, intent.unitId));
        if (who === 'unit_head') return this.#once(`h${intent.unitId}`, () => unitHeadUsers(this.db, intent.unitId));
        return this.#once(`l${intent.itemId}`, () => leaderUsersOfItem(this.db, intent.itemId));
      }),
    );
    return [...new Map(groups.flat().map((user) => [user.id, user])).values()];
  }
}

export async function buildOutbox(
  intents: readonly ReminderIntent[],
  audience: AudienceResolver,
  options: OutboxOptions,
): Promise<Outbox> {
  const outbox: Outbox = { inbox: [], deliveries: [] };
  const emailChannels = options.email ? options.channels.filter((c) => c.kind === 'email') : [];
  const robots = options.channels.filter((c) => c.kind !== 'email' && c.url);
  for (const intent of intents) {
    const people = await audience.of(intent);
    for (const user of people)
      outbox.inbox.push({
        userId: user.id,
        level: intent.level,
        title: intent.title,
        body: intent.body,
        link: intent.link,
        dedupeKey: intent.key,
      });
    const link = options.publicUrl ? `${options.publicUrl.replace(/\/+$/, '')}${intent.link}` : null;
    const message = composeMessage(intent.level, intent.title, intent.body, link);
    const base = {
      programmeId: intent.programmeId,
      level: intent.level,
      subject: message.subject,
      body: message.body,
      nextAttemptAt: options.releaseAt,
    };
    for (const channel of emailChannels) {
      if (!levelReaches(intent.level, channel.minLevel)) continue;
      const addresses = new Set(people.flatMap((u) => (u.email ? [u.email.trim().toLowerCase()] : [])));
      for (const address of addresses)
        outbox.deliveries.push({
          ...base,
          channel: 'email',
          channelId: channel.id,
          recipient: address,
          dedupeKey: `${intent.key}|email|${channel.id}|${address}`,
        });
    }
    for (const channel of robots) {
      if (!levelReaches(intent.level, channel.minLevel)) continue;
      outbox.deliveries.push({
        ...base,
        channel: channel.kind,
        channelId: channel.id,
        recipient: channel.name,
        dedupeKey: `${intent.key}|${channel.kind}|${channel.id}`,
      });
    }
  }
  return outbox;
}
