import type { SystemActor } from '../../../core/actor.js';
import {
  type ChallengeCheck,
  type ChallengeFailure,
  checkChallenge,
  clientHash,
  pickQuestion,
  signChallenge,
} from '../../../core/publish/challenge.js';
import { writeAudit } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import {
  feedbackTarget,
  insertFeedback,
  lockClient,
  recentSubmissions,
} from '../../../db/repositories/feedback.repository.js';
import { COMMENT_MAX, feedbackForm } from '../../schemas/feedback.js';
import { type FeedbackForm, feedbackSecret, systemRandom } from './open-feedback-form.js';

/**
 * How often one client (one address, kept only as its HMAC) may rate: 5 times
 * an hour on one item, 20 times a day over all items. Counted in the database,
 * so the limits hold across every server process; the route's in-memory rate
 * limit is only a first line against floods.
 */
export const FEEDBACK_LIMITS = { perItemPerHour: 5, perDay: 20 } as const;

/** Who a resident's submission is audited as: nobody signed in, and no address kept. */
export const PUBLIC_ACTOR: SystemActor = { kind: 'system', name: 'public' };

export type FeedbackField = 'rating' | 'comment' | 'answer';

export interface FeedbackProblem {
  /** The field to correct, or null for the form as a whole. */
  field: FeedbackField | null;
  message: string;
}

/** What the resident typed, to show again when the form comes back. */
export interface FeedbackValues {
  rating: string;
  comment: string;
  answer: string;
}

export type SubmitFeedbackResult =
  | { kind: 'missing' }
  /** Stored (id), or a bot's post dropped without a word (null). */
  | { kind: 'accepted'; id: number | null }
  | { kind: 'refused'; status: 400 | 429; problems: FeedbackProblem[]; values: FeedbackValues; form: FeedbackForm };

const CHALLENGE_MESSAGES: Record<ChallengeFailure, string> = {
  malformed:
    '验证信息无效，请回答下面的新问题后重新提交。 The check is invalid; answer the new question and send again.',
  forged: '验证信息无效，请回答下面的新问题后重新提交。 The check is invalid; answer the new question and send again.',
  other_item:
    '验证信息无效，请回答下面的新问题后重新提交。 The check is invalid; answer the new question and send again.',
  expired:
    '页面打开已超过 2 小时，验证已失效，请回答下面的新问题后重新提交。 The form is over 2 hours old; answer the new question and send again.',
  too_fast: '提交太快了，请稍等几秒钟再点击“提交评价”。 Sent too quickly; wait a few seconds and send again.',
  wrong_answer:
    '验证问题回答不正确，请计算下面的新问题，填写数字后重新提交。 Wrong answer; work out the new question and send again.',
};
const NO_ANSWER = '请回答验证问题，填写一个数字。 Answer the check question with a number.';

const str = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

export interface SubmitFeedbackInput {
  programmeId: number;
  itemId: number;
  /** The parsed urlencoded body: field name → string. */
  body: unknown;
  /** The client's address: hashed, never stored. */
  clientAddress: string;
  now: number;
  random?: () => number;
}

/**
 * A resident's rating (1–5) and optional comment on an item of a published
 * programme. Refused with the reason next to the field (400), or for too many
 * submissions (429); a filled honeypot is dropped while pretending success.
 * A comment waits for moderation (`pending`); a bare rating is `approved`.
 */
export async function submitFeedback(db: Db, input: SubmitFeedbackInput): Promise<SubmitFeedbackResult> {
  const target = await feedbackTarget(db, input.programmeId, input.itemId);
  if (!target) return { kind: 'missing' };
  const secret = await feedbackSecret(db);
  const body = (typeof input.body === 'object' && input.body !== null ? input.body : {}) as Record<string, unknown>;
  const values: FeedbackValues = {
    rating: /^[1-5]$/.test(str(body.rating, 2)) ? str(body.rating, 2) : '',
    comment: str(body.comment, COMMENT_MAX * 8),
    answer: '',
  };
  if (str(body.website, 2000).trim() !== '') return { kind: 'accepted', id: null };

  const problems: FeedbackProblem[] = [];
  const parsed = feedbackForm.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'rating' || field === 'comment')
        if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message });
    }
  }
  const answer = str(body.answer, 50);
  const check = checkChallenge(secret, {
    token: str(body.token, 300),
    answer,
    itemId: input.itemId,
    now: input.now,
  });
  if (!check.ok)
    problems.push({
      field: 'answer',
      message: check.reason === 'wrong_answer' && answer.trim() === '' ? NO_ANSWER : CHALLENGE_MESSAGES[check.reason],
    });
  const random = input.random ?? systemRandom;
  const refuse = (status: 400 | 429, list: FeedbackProblem[]): SubmitFeedbackResult => ({
    kind: 'refused',
    status,
    problems: list,
    values: { ...values, answer: check.ok ? answer : '' },
    form: { target, challenge: nextChallenge(secret, check, input, random) },
  });
  if (problems.length > 0 || !parsed.success) return refuse(400, problems);

  const hash = clientHash(secret, input.clientAddress);
  const { rating, comment } = parsed.data;
  const stored = await db.transaction(async (tx) => {
    await lockClient(tx, hash);
    const recent = await recentSubmissions(tx, hash, input.itemId);
    if (recent.itemLastHour >= FEEDBACK_LIMITS.perItemPerHour) return 'item-limit' as const;
    if (recent.lastDay >= FEEDBACK_LIMITS.perDay) return 'day-limit' as const;
    const row = await insertFeedback(tx, {
      programmeId: target.programmeId,
      itemId: target.itemId,
      rating,
      comment: comment === '' ? null : comment,
      state: comment === '' ? 'approved' : 'pending',
      clientHash: hash,
    });
    await writeAudit(
      tx,
      { actor: PUBLIC_ACTOR, ip: null },
      {
        action: 'create',
        entityType: 'feedback',
        entityId: row.id,
        programmeId: row.programmeId,
        itemId: row.itemId,
        // Never the client's hash: the trail must not link one resident's submissions.
        after: { rating: row.rating, comment: row.comment, state: row.state, version: row.version },
      },
    );
    return row;
  });
  if (stored === 'item-limit')
    return refuse(429, [
      {
        field: null,
        message: `同一事项每小时最多评价 ${FEEDBACK_LIMITS.perItemPerHour} 次，您已达到上限，请一小时后再来。 You have rated this item ${FEEDBACK_LIMITS.perItemPerHour} times in the last hour; try again later.`,
      },
    ]);
  if (stored === 'day-limit')
    return refuse(429, [
      {
        field: null,
        message: `每天最多提交 ${FEEDBACK_LIMITS.perDay} 次评价，您今天已达到上限，请明天再来。 At most ${FEEDBACK_LIMITS.perDay} ratings a day; try again tomorrow.`,
      },
    ]);
  return { kind: 'accepted', id: stored.id };
}

/**
 * The challenge of a form sent back: the same one while it is genuine and
 * answered right (or only too early); a new question keeping the first issue
 * time after a wrong answer (so the 3-second wait does not start again);
 * otherwise a new one issued now.
 */
function nextChallenge(secret: string, check: ChallengeCheck, input: SubmitFeedbackInput, random: () => number) {
  const claims = check.claims;
  if (claims && (check.ok || check.reason === 'too_fast')) return signChallenge(secret, claims);
  if (claims && !check.ok && check.reason === 'wrong_answer')
    return signChallenge(secret, { ...pickQuestion(random), itemId: input.itemId, issuedAt: claims.issuedAt });
  return signChallenge(secret, { ...pickQuestion(random), itemId: input.itemId, issuedAt: input.now });
}
