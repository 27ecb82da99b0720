/**
 * An SMTP server standing in for the city's mail relay, for the multi-process
 * suite: it records every message it accepted (envelope recipient and decoded
 * subject), and can slow or hold the messages so that a reminder run lasts
 * longer than its lease, or is caught in the middle of sending.
 */
import type { AddressInfo, Server } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { decodeHeader } from '../../test/helpers/notify-receivers.js';

export interface AcceptedMail {
  to: string;
  subject: string;
  at: number;
}

/**
 * pass: answer at once; stall: hold the messages for `ms` after the first one
 * arrives, then answer them all (a run lasts at least that long whatever it
 * sends); hold: answer none until `drop()`.
 */
export type Pace = { kind: 'pass' } | { kind: 'stall'; ms: number } | { kind: 'hold' };

export interface SmtpStandIn {
  url: string;
  /** Messages accepted (answered 250), in order. */
  accepted: AcceptedMail[];
  /** Messages received and not yet answered. */
  held(): number;
  /** How the next messages are answered. */
  pace(pace: Pace): void;
  /** Refuse the held messages (their sender is gone): they count as not delivered. */
  drop(): void;
  close(): Promise<void>;
}

function subjectOf(raw: string): string {
  const head = (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
  return decodeHeader(/^subject:\s*(.*)$/im.exec(head)?.[1] ?? '');
}

export async function startSmtpStandIn(): Promise<SmtpStandIn> {
  const accepted: AcceptedMail[] = [];
  const waiting = new Set<(error?: Error) => void>();
  let pace: Pace = { kind: 'pass' };
  /** When a stall ends (set by its first message). */
  let opensAt: number | undefined;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const subject = subjectOf(Buffer.concat(chunks).toString('utf8'));
        const recipients = session.envelope.rcptTo.map((r) => r.address.trim().toLowerCase());
        const answer = (error?: Error) => {
          if (!waiting.delete(answer)) return;
          if (!error) for (const to of recipients) accepted.push({ to, subject, at: Date.now() });
          callback(error ?? null);
        };
        waiting.add(answer);
        if (pace.kind === 'pass') answer();
        else if (pace.kind === 'stall') {
          opensAt ??= Date.now() + pace.ms;
          setTimeout(answer, Math.max(0, opensAt - Date.now()));
        }
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: Server }).server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    held: () => waiting.size,
    pace(next) {
      pace = next;
      opensAt = undefined;
    },
    drop() {
      for (const answer of [...waiting]) answer(new Error('dropped: the sender is gone'));
    },
    close: () =>
      new Promise((resolve) => {
        for (const answer of [...waiting]) answer(new Error('closing'));
        server.close(() => resolve());
      }),
  };
}
