import { LEVEL_LABEL, type ReminderLevel } from './reminders.js';

/**
 * What a reminder looks like on each channel: an e-mail, a WeCom (企业微信)
 * group robot message and a DingTalk (钉钉) custom robot message, in the JSON
 * formats those services publish. Pure: signing and sending live in
 * src/server/notify.
 */

export type RobotKind = 'wecom' | 'dingtalk';

export interface MessageText {
  /** The colour label and the title: 【红色督办】…; the e-mail subject. */
  subject: string;
  /** Plain text with the link on its own line. */
  body: string;
}

/** The label of a level; `info` (test messages, notices) has none. */
export function levelLabel(level: string): string {
  return LEVEL_LABEL[level as ReminderLevel] ?? '';
}

/** A reminder as text: the colour label and title, the body, and where to look. */
export function composeMessage(level: string, title: string, body: string, link: string | null): MessageText {
  const lines = [body];
  if (link) lines.push(`查看详情 (details)：${link}`);
  return { subject: `${levelLabel(level)}${title}`, body: lines.join('\n\n') };
}

/** Markdown for the robots: a heading, then the paragraphs. */
export function robotMarkdown(message: MessageText): string {
  return `### ${message.subject}\n\n${message.body}`;
}

/** WeCom group robot: `{"msgtype":"markdown","markdown":{"content":"…"}}` (content at most 4096 bytes). */
export function wecomPayload(message: MessageText): { msgtype: 'markdown'; markdown: { content: string } } {
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(robotMarkdown(message), 4096) } };
}

/** DingTalk custom robot: `{"msgtype":"markdown","markdown":{"title":"…","text":"…"}}`. */
export function dingtalkPayload(message: MessageText): {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
} {
  return {
    msgtype: 'markdown',
    markdown: { title: message.subject, text: truncateUtf8(robotMarkdown(message), 5000) },
  };
}

/** Both robots answer HTTP 200 with `{"errcode":0,"errmsg":"ok"}` on success, another errcode otherwise. */
export function robotAnswerProblem(status: number, answer: unknown): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  if (typeof answer !== 'object' || answer === null) return '应答不是 JSON (the answer is not JSON)';
  const { errcode, errmsg } = answer as { errcode?: unknown; errmsg?: unknown };
  if (errcode === 0) return null;
  return `errcode ${String(errcode)}${typeof errmsg === 'string' ? `: ${errmsg}` : ''}`;
}

/** A DingTalk webhook with 加签: the URL plus `timestamp` (ms) and the url-encoded signature. */
export function signedDingtalkUrl(url: string, timestamp: number, signature: string): string {
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestamp));
  signed.searchParams.set('sign', signature);
  return signed.toString();
}

/** The string DingTalk signs: `timestamp + "\n" + secret`. */
export const dingtalkStringToSign = (timestamp: number, secret: string): string => `${timestamp}\n${secret}`;

function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    if (bytes + size > maxBytes - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}…`;
}
