import { useMutation } from '@tanstack/react-query';
import { api } from './client.js';
import { resourceHooks } from './resource.js';
import type { Id } from './types.js';

/** wecom 企业微信群机器人, dingtalk 钉钉群机器人, email: mail to each recipient's address. */
export type ChannelKind = 'wecom' | 'dingtalk' | 'email';
export const CHANNEL_KINDS: readonly ChannelKind[] = ['wecom', 'dingtalk', 'email'];

/** The escalation levels, lowest first: 蓝色提醒, 黄色预警, 红色督办. */
export type ReminderLevel = 'blue' | 'yellow' | 'red';
export const REMINDER_LEVELS: readonly ReminderLevel[] = ['blue', 'yellow', 'red'];

export interface Channel {
  id: Id;
  /** null: every jurisdiction (kept by admins). */
  jurisdictionId: Id | null;
  kind: ChannelKind;
  name: string;
  /** The robot's webhook address; null for e-mail. */
  url: string | null;
  /** The DingTalk signing secret is write-only: only whether one is set comes back. */
  hasSecret: boolean;
  minLevel: ReminderLevel;
  enabled: boolean;
  version: number;
}

export interface ChannelInput {
  jurisdictionId: Id | null;
  kind: ChannelKind;
  name: string;
  url?: string | null;
  secret?: string | null;
  minLevel: ReminderLevel;
  enabled: boolean;
}

/** Leave `secret` out to keep the stored one; null clears it. */
export interface ChannelUpdate {
  version: number;
  name?: string;
  url?: string | null;
  secret?: string | null;
  minLevel?: ReminderLevel;
  enabled?: boolean;
}

/** What POST /channels/:id/test answers: whether the message went out, and if not, why (Chinese first). */
export interface ChannelTestResult {
  ok: boolean;
  error: string | null;
  /** The test message's row in the delivery log. */
  deliveryId: number;
}

export const channelHooks = resourceHooks<Channel, ChannelInput, ChannelUpdate>({
  key: 'channels',
  path: '/channels',
});

export const useChannels = () => channelHooks.useList();

export function useTestChannel() {
  return useMutation({
    mutationFn: (id: Id) => api.post<ChannelTestResult>(`/channels/${id}/test`),
  });
}
