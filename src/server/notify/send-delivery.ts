import {
  dingtalkMarkdown,
  robotAnswerProblem,
  robotMarkdown,
  signedDingtalkUrl,
  wecomMarkdown,
} from '../../core/work/robot-messages.js';
import { dingtalkSignature } from './dingtalk-sign.js';
import type { Transports } from './transports.js';

/** What one attempt needs: the message, where it goes, and the robot's webhook when it is one. */
export interface Outgoing {
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  robot?: { url: string | null; secret: string | null } | undefined;
}

/** A failure that no retry will mend (no SMTP, no webhook): the delivery goes straight to dead. */
export class PermanentDeliveryError extends Error {}

/** Make one attempt; resolves when the service accepted the message, throws with the reason otherwise. */
export async function sendOutgoing(
  message: Outgoing,
  transports: Transports,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<void> {
  const text = { subject: message.subject, body: message.body };
  if (message.channel === 'email') {
    if (!transports.sendMail) throw new PermanentDeliveryError('未配置 SMTP 服务器 (MINXIN_SMTP_URL is not set)');
    await transports.sendMail({ to: message.recipient, subject: message.subject, text: message.body }, signal);
    return;
  }
  await sendRobotMarkdown(
    message.channel,
    message.robot,
    { title: message.subject, markdown: robotMarkdown(text) },
    transports,
    signal,
    now,
  );
}

/** Post one markdown message to a WeCom or DingTalk robot (DingTalk signed when it has a secret). */
export async function sendRobotMarkdown(
  channel: string,
  robot: Outgoing['robot'],
  message: { title: string; markdown: string },
  transports: Transports,
  signal: AbortSignal,
  now: () => number = Date.now,
): Promise<void> {
  const url = robot?.url;
  if (!url) throw new PermanentDeliveryError('渠道已删除或未设置 Webhook 地址 (the channel or its webhook is gone)');
  let target = url;
  let payload: unknown;
  if (channel === 'wecom') payload = wecomMarkdown(message.markdown);
  else if (channel === 'dingtalk') {
    payload = dingtalkMarkdown(message.title, message.markdown);
    const secret = robot?.secret;
    if (secret) {
      const timestamp = now();
      target = signedDingtalkUrl(url, timestamp, dingtalkSignature(secret, timestamp));
    }
  } else throw new PermanentDeliveryError(`未知渠道 (unknown channel): ${channel}`);
  const answer = await transports.postJson(target, payload, signal);
  const problem = robotAnswerProblem(answer.status, answer.body);
  if (problem) throw new Error(problem);
}

/** A readable reason from whatever an attempt threw. */
export function failureReason(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return '超时未应答 (timed out)';
    const cause = (error as { cause?: unknown }).cause;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.message}${detail}`;
  }
  return String(error);
}
