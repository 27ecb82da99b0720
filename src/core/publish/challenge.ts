import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseChineseNumber } from '../text/numbers.js';

/**
 * The public feedback form's check against bots, without any outside service:
 * a small sum ("3 加 4 等于几？") whose token is signed with a server secret and
 * binds the question, the item and the time the form was issued. A form sent
 * back sooner than 3 seconds or later than 2 hours is refused. Pure: the
 * caller passes the secret, the clock and the random source.
 */

export const CHALLENGE_MIN_AGE_MS = 3_000;
export const CHALLENGE_MAX_AGE_MS = 2 * 3600_000;

export type Operator = '加' | '减';

export interface ChallengeQuestion {
  a: number;
  op: Operator;
  b: number;
}

export interface ChallengeClaims extends ChallengeQuestion {
  itemId: number;
  /** Milliseconds since the epoch when the form was issued. */
  issuedAt: number;
}

export interface Challenge {
  /** "3 加 4 等于几？" */
  question: string;
  /** Goes back with the form in a hidden field. */
  token: string;
  claims: ChallengeClaims;
}

export type ChallengeFailure = 'malformed' | 'forged' | 'other_item' | 'expired' | 'too_fast' | 'wrong_answer';

export type ChallengeCheck =
  | { ok: true; claims: ChallengeClaims }
  /** `claims` when the token itself was genuine (only the time or the answer was wrong). */
  | { ok: false; reason: ChallengeFailure; claims: ChallengeClaims | null };

const mac = (secret: string, purpose: string, data: string): Buffer =>
  createHmac('sha256', secret).update(`${purpose}\u0000${data}`).digest();

export const questionText = (q: ChallengeQuestion): string => `${q.a} ${q.op} ${q.b} 等于几？`;

export const answerOf = (q: ChallengeQuestion): number => (q.op === '加' ? q.a + q.b : q.a - q.b);

/** Two digits from 1 to 9, added, or subtracted with the larger first (no negative answers). */
export function pickQuestion(random: () => number): ChallengeQuestion {
  const digit = () => 1 + Math.min(8, Math.floor(random() * 9));
  const a = digit();
  const b = digit();
  if (random() < 0.5) return { a, op: '加', b };
  return { a: Math.max(a, b), op: '减', b: Math.min(a, b) };
}

const payloadOf = (c: ChallengeClaims): string =>
  `v1.${c.itemId}.${c.issuedAt}.${c.a}.${c.op === '加' ? 'p' : 'm'}.${c.b}`;

/** Sign a challenge (also used by tests to make one issued at a chosen time). */
export function signChallenge(secret: string, claims: ChallengeClaims): Challenge {
  const payload = payloadOf(claims);
  const token = `${payload}.${mac(secret, 'challenge', payload).toString('base64url')}`;
  return { question: questionText(claims), token, claims };
}

export function newChallenge(
  secret: string,
  options: { itemId: number; now: number; random: () => number },
): Challenge {
  return signChallenge(secret, { ...pickQuestion(options.random), itemId: options.itemId, issuedAt: options.now });
}

const TOKEN = /^v1\.(\d{1,10})\.(\d{1,15})\.([1-9])\.([pm])\.([1-9])\.([A-Za-z0-9_-]{43})$/;

/** The claims of a genuine token, or why it is not one. */
export function readChallenge(secret: string, token: string): ChallengeClaims | 'malformed' | 'forged' {
  const m = TOKEN.exec(token);
  if (!m) return 'malformed';
  const [, itemId, issuedAt, a, op, b, signature] = m;
  const claims: ChallengeClaims = {
    itemId: Number(itemId),
    issuedAt: Number(issuedAt),
    a: Number(a),
    op: op === 'p' ? '加' : '减',
    b: Number(b),
  };
  // Compare the text, not decoded bytes: the last base64 character has spare bits.
  const expected = Buffer.from(mac(secret, 'challenge', payloadOf(claims)).toString('base64url'));
  const given = Buffer.from(signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  return claims;
}

/** What a resident typed as the answer: 7, ７ or 七 (surrounding spaces and a trailing 。 ignored). */
export function readAnswer(text: string): number | null {
  const t = text
    .trim()
    .replace(/[。.]$/, '')
    .trim();
  if (t === '' || t.length > 6) return null;
  const n = parseChineseNumber(t);
  return n !== null && Number.isInteger(n) ? n : null;
}

/** Check a returned form: the token is genuine, for this item, 3 s … 2 h old, and the answer is right. */
export function checkChallenge(
  secret: string,
  options: { token: string; answer: string; itemId: number; now: number },
): ChallengeCheck {
  const claims = readChallenge(secret, options.token);
  if (typeof claims === 'string') return { ok: false, reason: claims, claims: null };
  if (claims.itemId !== options.itemId) return { ok: false, reason: 'other_item', claims: null };
  const age = options.now - claims.issuedAt;
  if (age > CHALLENGE_MAX_AGE_MS) return { ok: false, reason: 'expired', claims };
  if (age < CHALLENGE_MIN_AGE_MS) return { ok: false, reason: 'too_fast', claims };
  if (readAnswer(options.answer) !== answerOf(claims)) return { ok: false, reason: 'wrong_answer', claims };
  return { ok: true, claims };
}

/** The client as the database keeps it: an HMAC of its address, never the address itself. */
export function clientHash(secret: string, address: string): string {
  return mac(secret, 'client', address).toString('base64url');
}
