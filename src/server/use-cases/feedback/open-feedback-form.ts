import { randomInt } from 'node:crypto';
import { type Challenge, newChallenge } from '../../../core/publish/challenge.js';
import type { Db } from '../../../db/client.js';
import { type FeedbackTarget, feedbackTarget } from '../../../db/repositories/feedback.repository.js';
import { serverSecret } from '../../../db/repositories/server-secrets.repository.js';

/** The name in `server_secrets` of the key that signs challenges and hashes client addresses. */
export const FEEDBACK_SECRET = 'public-feedback';

export const feedbackSecret = (db: Db): Promise<string> => serverSecret(db, FEEDBACK_SECRET);

/** Uniform in [0, 1) from the system's random source (the questions need no more, but cost no less). */
export const systemRandom = (): number => randomInt(0, 1 << 30) / (1 << 30);

export interface FeedbackForm {
  target: FeedbackTarget;
  challenge: Challenge;
}

/**
 * What the public form needs: the item (of a published programme; undefined
 * otherwise) and a fresh challenge issued now.
 */
export async function openFeedbackForm(
  db: Db,
  programmeId: number,
  itemId: number,
  options: { now: number; random?: () => number },
): Promise<FeedbackForm | undefined> {
  const target = await feedbackTarget(db, programmeId, itemId);
  if (!target) return undefined;
  const secret = await feedbackSecret(db);
  return {
    target,
    challenge: newChallenge(secret, { itemId, now: options.now, random: options.random ?? systemRandom }),
  };
}
