import type { Actor } from '../../../core/actor.js';
import { canModerateFeedback } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { type FeedbackState, listFeedbackViews } from '../../../db/repositories/feedback.repository.js';
import type { FeedbackOut } from '../../schemas/feedback.js';
import { programmeForFeedback } from './programme-for-feedback.js';

export interface FeedbackQuery {
  programmeId: number;
  state: FeedbackState;
  page: number;
  pageSize: number;
}

/** The moderation queue: a programme's comments in one state (pending oldest first), for the office. */
export async function listFeedback(
  db: Db,
  actor: Actor,
  query: FeedbackQuery,
): Promise<{ items: FeedbackOut[]; total: number; page: number; pageSize: number }> {
  await programmeForFeedback(db, actor, query.programmeId, canModerateFeedback);
  const { rows, total } = await listFeedbackViews(
    db,
    { programmeId: query.programmeId, state: query.state },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}
