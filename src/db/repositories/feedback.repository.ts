import { and, avg, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feedback } from '../schema-publish.js';

export interface PublicFeedback {
  /** Mean rating over every rating given (comments moderated or not), null when none. */
  average: number | null;
  count: number;
  /** Approved comments only, newest first. */
  comments: Array<{ id: number; rating: number; comment: string; createdAt: string }>;
}

/** What the public item page shows of residents' feedback. */
export async function publicFeedbackOf(db: Db, itemId: number, limit = 20): Promise<PublicFeedback> {
  const [totals, comments] = await Promise.all([
    db.select({ average: avg(feedback.rating), count: count() }).from(feedback).where(eq(feedback.itemId, itemId)),
    db
      .select({ id: feedback.id, rating: feedback.rating, comment: feedback.comment, createdAt: feedback.createdAt })
      .from(feedback)
      .where(and(eq(feedback.itemId, itemId), eq(feedback.state, 'approved'), isNotNull(feedback.comment)))
      .orderBy(desc(feedback.createdAt))
      .limit(limit),
  ]);
  const row = totals[0];
  return {
    average: row?.average == null ? null : Math.round(Number(row.average) * 10) / 10,
    count: row?.count ?? 0,
    comments: comments.map((c) => ({ ...c, comment: c.comment ?? '' })),
  };
}
