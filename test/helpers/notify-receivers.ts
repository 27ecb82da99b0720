import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Stand-ins for the outside services reminders talk to: an SMTP server and the robots' webhooks. */

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Decode RFC 2047 encoded words (=?UTF-8?B?…?= / ?Q?) in a header. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function parseMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeHeader(/^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '');
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(unfolded)?.[1]?.toLowerCase();
  const body = rest.join('\n\n');
  let text = body;
  if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable')
    text = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return { subject, text };
}

export async function startSmtpServer(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const parsed = parseMail(Buffer.concat(chunks).toString('utf8'));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parsed,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: Server }).server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedPost {
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** For /dingtalk: whether timestamp and sign matched the secret. */
  signed?: boolean;
}

/**
 * One HTTP server playing several robots: /wecom and /dingtalk answer
 * errcode 0 (DingTalk checks its signature against `dingtalkSecret`), /fail
 * answers 500, /hang never answers.
 */
export async function startRobotReceiver(dingtalkSecret: string): Promise<{
  base: string;
  posts: ReceivedPost[];
  hanging: () => number;
  close(): Promise<void>;
}> {
  const posts: ReceivedPost[] = [];
  const open = new Set<ServerResponse>();
  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    const post: ReceivedPost = { path: url.pathname, query: url.searchParams, body };
    const answer = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    switch (url.pathname) {
      case '/wecom':
        posts.push(post);
        return answer(200, { errcode: 0, errmsg: 'ok' });
      case '/dingtalk': {
        const timestamp = url.searchParams.get('timestamp') ?? '';
        const expected = createHmac('sha256', dingtalkSecret)
          .update(`${timestamp}\n${dingtalkSecret}`)
          .digest('base64');
        post.signed = url.searchParams.get('sign') === expected && Math.abs(Date.now() - Number(timestamp)) < 3600_000;
        posts.push(post);
        return post.signed
          ? answer(200, { errcode: 0, errmsg: 'ok' })
          : answer(200, { errcode: 310000, errmsg: 'sign not match' });
      }
      case '/fail':
        posts.push(post);
        return answer(500, { error: 'boom' });
      case '/hang':
        posts.push(post);
        open.add(res);
        return;
      default:
        return answer(404, {});
    }
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    posts,
    hanging: () => open.size,
    close: () =>
      new Promise((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
