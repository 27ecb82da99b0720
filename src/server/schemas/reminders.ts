import { z } from 'zod';
import { idField, nameField, versionField } from './common.js';

/** Reminder channels, the delivery log and the inbox. */

export const reminderLevel = z.enum(['blue', 'yellow', 'red']);
export const channelKind = z.enum(['email', 'wecom', 'dingtalk']);

/** https only; plain http only to this machine (tests, a local relay). */
export const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        if (url.username || url.password) return false;
        if (url.protocol === 'https:') return true;
        return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      } catch {
        return false;
      }
    },
    {
      message:
        'Webhook 地址须为 https:// 开头的完整网址（仅本机可用 http://127.0.0.1）。 The webhook must be an https:// URL (http only for 127.0.0.1/localhost).',
    },
  );

const secret = z.string().trim().min(1).max(200);

export const channelOut = z.object({
  id: z.number(),
  jurisdictionId: z.number().nullable(),
  kind: channelKind,
  name: z.string(),
  url: z.string().nullable(),
  /** The DingTalk signing secret is never returned; only whether one is set. */
  hasSecret: z.boolean(),
  minLevel: reminderLevel,
  enabled: z.boolean(),
  version: z.number(),
});
export type ChannelOut = z.infer<typeof channelOut>;

export const channelCreate = z.strictObject({
  jurisdictionId: idField.nullable().default(null),
  kind: channelKind,
  name: nameField(100, '渠道名称', 'channel name'),
  url: webhookUrl.nullable().default(null),
  secret: secret.nullable().default(null),
  minLevel: reminderLevel.default('blue'),
  enabled: z.boolean().default(true),
});
export type ChannelCreate = z.infer<typeof channelCreate>;

export const channelUpdate = z.strictObject({
  version: versionField,
  name: nameField(100, '渠道名称', 'channel name').optional(),
  url: webhookUrl.nullable().optional(),
  /** A new secret; null removes it; absent keeps it. */
  secret: secret.nullable().optional(),
  minLevel: reminderLevel.optional(),
  enabled: z.boolean().optional(),
});

export const channelList = z.object({ items: z.array(channelOut) });

export const channelTestOut = z.object({
  ok: z.boolean(),
  /** The reason when it failed, Chinese first. */
  error: z.string().nullable(),
  /** The test message in the delivery log. */
  deliveryId: z.number(),
});

export const deliveryState = z.enum(['pending', 'sent', 'failed', 'dead']);

export const deliveryOut = z.object({
  id: z.number(),
  channel: z.string(),
  channelId: z.number().nullable(),
  recipient: z.string(),
  level: z.string(),
  subject: z.string(),
  state: deliveryState,
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryOut = z.infer<typeof deliveryOut>;

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const deliveryQuery = z.object({ state: deliveryState.optional(), ...page });
export const deliveryList = z.object({ items: z.array(deliveryOut), total: z.number() });

export const inboxMessageOut = z.object({
  id: z.number(),
  level: z.enum(['info', 'blue', 'yellow', 'red']),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InboxMessageOut = z.infer<typeof inboxMessageOut>;

export const inboxQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  ...page,
});
export const inboxList = z.object({ items: z.array(inboxMessageOut), total: z.number(), unread: z.number() });
export const readAllOut = z.object({ marked: z.number(), unread: z.number() });
