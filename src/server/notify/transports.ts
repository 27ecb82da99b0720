import nodemailer from 'nodemailer';

/**
 * How messages leave the server: e-mail over SMTP and JSON posted to robot
 * webhooks. Injectable, so tests can count, slow down or fail them.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface HttpAnswer {
  status: number;
  /** The parsed JSON answer, or null when it is not JSON. */
  body: unknown;
}

export interface Transports {
  /** Absent when no SMTP server is configured: e-mail deliveries are then not created. */
  sendMail?: ((message: MailMessage, signal: AbortSignal) => Promise<void>) | undefined;
  postJson(url: string, payload: unknown, signal: AbortSignal): Promise<HttpAnswer>;
}

/** Time allowed for one attempt of one delivery. */
export const ATTEMPT_TIMEOUT_MS = 5_000;

export async function postJsonWithFetch(url: string, payload: unknown, signal: AbortSignal): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(payload),
    signal,
    redirect: 'error',
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

/** An SMTP sender for `smtp://user:pass@host:port` (or smtps://), with timeouts no longer than one attempt. */
export function smtpSender(smtpUrl: string, from: string): NonNullable<Transports['sendMail']> {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: ATTEMPT_TIMEOUT_MS,
    greetingTimeout: ATTEMPT_TIMEOUT_MS,
    socketTimeout: ATTEMPT_TIMEOUT_MS,
  });
  return async (message, signal) => {
    signal.throwIfAborted();
    // nodemailer takes no AbortSignal: race it, the socket timeouts above close the connection.
    const aborted = new Promise<never>((_, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason ?? new Error('aborted')), { once: true });
    });
    await Promise.race([
      transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text }),
      aborted,
    ]);
  };
}

export interface NotifyConfig {
  MINXIN_SMTP_URL?: string | undefined;
  MINXIN_MAIL_FROM: string;
}

/** The real transports for a configuration. */
export function createTransports(config: NotifyConfig): Transports {
  return {
    sendMail: config.MINXIN_SMTP_URL ? smtpSender(config.MINXIN_SMTP_URL, config.MINXIN_MAIL_FROM) : undefined,
    postJson: postJsonWithFetch,
  };
}

const perConfig = new WeakMap<object, Transports>();

/** One set of transports per configuration (one SMTP connection setup per server). */
export function transportsFor(config: NotifyConfig): Transports {
  let found = perConfig.get(config);
  if (!found) {
    found = createTransports(config);
    perConfig.set(config, found);
  }
  return found;
}
