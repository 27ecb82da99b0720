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

/** The most a robot takes in one markdown message, in UTF-8 bytes: WeCom 4096; DingTalk's is larger, 20000 kept. */
export const ROBOT_MAX_BYTES: Readonly<Record<RobotKind, number>> = { wecom: 4096, dingtalk: 20_000 };

/** WeCom group robot: `{"msgtype":"markdown","markdown":{"content":"…"}}` (content at most 4096 bytes). */
export function wecomPayload(message: MessageText): { msgtype: 'markdown'; markdown: { content: string } } {
  return wecomMarkdown(robotMarkdown(message));
}

export function wecomMarkdown(content: string): { msgtype: 'markdown'; markdown: { content: string } } {
  return { msgtype: 'markdown', markdown: { content: truncateUtf8(content, ROBOT_MAX_BYTES.wecom) } };
}

/** DingTalk custom robot: `{"msgtype":"markdown","markdown":{"title":"…","text":"…"}}`. */
export function dingtalkPayload(message: MessageText): {
  msgtype: 'markdown';
  markdown: { title: string; text: string };
} {
  return dingtalkMarkdown(message.subject, robotMarkdown(message));
}

export function dingtalkMarkdown(
  title: string,
  text: string,
): { msgtype: 'markdown'; markdown: { title: string; text: string } } {
  return { msgtype: 'markdown', markdown: { title, text: truncateUtf8(text, ROBOT_MAX_BYTES.dingtalk) } };
}

/** One reminder going into a robot digest: its level and its e-mail-style text. */
export interface DigestEntry extends MessageText {
  level: string;
}

/** One robot message of a digest: its title (DingTalk's `title`), its markdown, and which entries it carries. */
export interface RobotDigest {
  title: string;
  markdown: string;
  /** Indexes into the entries given, in the order shown. */
  entries: number[];
}

export const DIGEST_TITLE = '【民心工程提醒】';
const DIGEST_RANK: Readonly<Record<string, number>> = { red: 0, yellow: 1, blue: 2 };
const SEPARATOR = '\n\n';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** One reminder as a digest block: its number and subject in bold, its body quoted. */
function digestBlock(number: number, entry: MessageText): string {
  const lines = entry.body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `> ${line}`);
  return [`**${number}. ${entry.subject}**`, ...lines].join('\n');
}

function digestHeader(total: number, counts: Readonly<Record<string, number>>, part: number, parts: number): string {
  const split = parts > 1 ? `（第${part}/${parts}部分）` : '';
  const summary = (['red', 'yellow', 'blue'] as const)
    .filter((level) => (counts[level] ?? 0) > 0)
    .map((level) => `${levelLabel(level)}${counts[level]}条`)
    .join(' ');
  return `### ${DIGEST_TITLE}${total}条${split}${summary ? `\n${summary}` : ''}`;
}

/**
 * The reminders due for one robot as few messages as its size limit allows:
 * a heading (【民心工程提醒】N条, and how many of each colour), then one block per
 * reminder, red first, then yellow, then blue (the order given within a
 * colour), numbered 1…N across all messages. A message is full when the next
 * block would take it over `maxBytes` (UTF-8); a single block too long for
 * any message is cut short. Every entry is in exactly one message.
 */
export function robotDigests(entries: readonly DigestEntry[], maxBytes: number): RobotDigest[] {
  if (entries.length === 0) return [];
  const order = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (DIGEST_RANK[a.entry.level] ?? 3) - (DIGEST_RANK[b.entry.level] ?? 3) || a.index - b.index);
  const counts: Record<string, number> = {};
  for (const { entry } of order) counts[entry.level] = (counts[entry.level] ?? 0) + 1;
  const total = entries.length;
  // Room for the longest heading any part could have (the most parts is one per entry).
  const room = maxBytes - utf8Length(digestHeader(total, counts, total, total)) - utf8Length(SEPARATOR);
  const groups: { blocks: string[]; entries: number[]; bytes: number }[] = [];
  let current: (typeof groups)[number] | undefined;
  for (const [i, { entry, index }] of order.entries()) {
    const block = truncateUtf8(digestBlock(i + 1, entry), room);
    const size = utf8Length(block);
    if (!current || current.bytes + utf8Length(SEPARATOR) + size > room) {
      current = { blocks: [], entries: [], bytes: -utf8Length(SEPARATOR) };
      groups.push(current);
    }
    current.blocks.push(block);
    current.entries.push(index);
    current.bytes += utf8Length(SEPARATOR) + size;
  }
  return groups.map((group, i) => ({
    title: `${DIGEST_TITLE}${total}条${groups.length > 1 ? `（${i + 1}/${groups.length}）` : ''}`,
    markdown: [digestHeader(total, counts, i + 1, groups.length), ...group.blocks].join(SEPARATOR),
    entries: group.entries,
  }));
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
