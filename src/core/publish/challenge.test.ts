import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerOf,
  CHALLENGE_MAX_AGE_MS,
  CHALLENGE_MIN_AGE_MS,
  checkChallenge,
  clientHash,
  newChallenge,
  pickQuestion,
  readAnswer,
  readChallenge,
  signChallenge,
} from './challenge.js';

const SECRET = 'test-secret-0123456789';
const T0 = Date.UTC(2026, 5, 1, 2, 0, 0);

describe('the feedback challenge', () => {
  it('asks a sum of two digits whose answer is never negative', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 3, maxLength: 3 }), (rs) => {
        let i = 0;
        const q = pickQuestion(() => rs[i++] ?? 0);
        expect(q.a).toBeGreaterThanOrEqual(1);
        expect(q.b).toBeLessThanOrEqual(9);
        expect(answerOf(q)).toBeGreaterThanOrEqual(0);
        expect(answerOf(q)).toBeLessThanOrEqual(18);
      }),
    );
  });

  it('writes the question in Chinese and accepts the right answer after 3 seconds', () => {
    const c = signChallenge(SECRET, { a: 3, op: '加', b: 4, itemId: 12, issuedAt: T0 });
    expect(c.question).toBe('3 加 4 等于几？');
    const check = checkChallenge(SECRET, { token: c.token, answer: '7', itemId: 12, now: T0 + CHALLENGE_MIN_AGE_MS });
    expect(check).toEqual({ ok: true, claims: c.claims });
  });

  it('says why a form is refused: wrong answer, too fast, expired, another item, forged, malformed', () => {
    const c = signChallenge(SECRET, { a: 9, op: '减', b: 2, itemId: 5, issuedAt: T0 });
    const at = (now: number, answer = '7', itemId = 5, token = c.token) =>
      checkChallenge(SECRET, { token, answer, itemId, now });
    expect(at(T0 + 10_000, '8')).toMatchObject({ ok: false, reason: 'wrong_answer', claims: c.claims });
    expect(at(T0 + 2_999)).toMatchObject({ ok: false, reason: 'too_fast', claims: c.claims });
    expect(at(T0 - 60_000)).toMatchObject({ ok: false, reason: 'too_fast' });
    expect(at(T0 + CHALLENGE_MAX_AGE_MS)).toMatchObject({ ok: true });
    expect(at(T0 + CHALLENGE_MAX_AGE_MS + 1)).toMatchObject({ ok: false, reason: 'expired' });
    expect(at(T0 + 10_000, '7', 6)).toMatchObject({ ok: false, reason: 'other_item', claims: null });
    expect(at(T0 + 10_000, '7', 5, 'nonsense')).toMatchObject({ ok: false, reason: 'malformed' });
    // The same claims signed with another secret, or a token whose question was edited.
    const other = signChallenge('another-secret', c.claims).token;
    expect(at(T0 + 10_000, '7', 5, other)).toMatchObject({ ok: false, reason: 'forged' });
    expect(at(T0 + 10_000, '8', 5, c.token.replace('.9.m.2.', '.9.m.1.'))).toMatchObject({ reason: 'forged' });
  });

  it('refuses any changed character of a token', () => {
    const c = newChallenge(SECRET, { itemId: 77, now: T0, random: () => 0.42 });
    fc.assert(
      fc.property(fc.nat({ max: c.token.length - 1 }), fc.constantFrom('0', '1', 'A', 'z', '.', '-'), (i, ch) => {
        fc.pre(c.token[i] !== ch);
        const changed = c.token.slice(0, i) + ch + c.token.slice(i + 1);
        expect(typeof readChallenge(SECRET, changed)).toBe('string');
      }),
    );
  });

  it('reads answers typed as digits, full-width digits or Chinese numerals', () => {
    expect(readAnswer(' 7 ')).toBe(7);
    expect(readAnswer('７')).toBe(7);
    expect(readAnswer('七')).toBe(7);
    expect(readAnswer('十三')).toBe(13);
    expect(readAnswer('12。')).toBe(12);
    expect(readAnswer('')).toBeNull();
    expect(readAnswer('七个苹果')).toBeNull();
    expect(readAnswer('1.5')).toBeNull();
  });

  it('keeps a client as a keyed hash that is stable and never shows the address', () => {
    const h = clientHash(SECRET, '203.0.113.9');
    expect(h).toBe(clientHash(SECRET, '203.0.113.9'));
    expect(h).not.toBe(clientHash(SECRET, '203.0.113.10'));
    expect(h).not.toBe(clientHash('other', '203.0.113.9'));
    expect(h).not.toContain('203');
  });
});
