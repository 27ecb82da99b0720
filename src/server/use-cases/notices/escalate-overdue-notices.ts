import { addWorkdays } from '../../../core/work/calendar.js';
import type { RequestContext } from '../../../db/audit.js';
import type { Db } from '../../../db/client.js';
import { loadWorkCalendar } from '../../../db/repositories/calendar.repository.js';
import { escalationCandidates, type NoticeRow } from '../../../db/repositories/notices.repository.js';
import { changeNotice } from './change-notice.js';
import { MAX_ESCALATION } from './escalate-notice.js';
import { notifyEscalation } from './notify-escalation.js';
import { presentNotice } from './present-notice.js';

/** Working days after the reply was due before an escalated notice goes up to the supervising leader. */
export const SECOND_LEVEL_AFTER_WORKDAYS = 5;

/**
 * Escalate the notices whose reply is late at a date: an open notice past its
 * reply date goes to level 1; a level-1 notice still unanswered five working
 * days after the reply date goes to level 2. A notice already at the level the
 * date calls for is left alone, so running twice for one date changes nothing
 * twice. Each change is audited under the caller's actor (the scheduler, the
 * CLI). Returns how many notices were escalated.
 */
export async function escalateOverdueNotices(db: Db, ctx: RequestContext, asOf: string): Promise<number> {
  const candidates = await escalationCandidates(db, asOf);
  if (candidates.length === 0) return 0;
  const years = candidates.map((n) => Number(n.replyDue.slice(0, 4)));
  const calendar = await loadWorkCalendar(db, Math.min(...years), Math.max(...years) + 1);
  const levelDue = (notice: Pick<NoticeRow, 'replyDue'>): number => {
    if (notice.replyDue >= asOf) return 0;
    return addWorkdays(calendar, notice.replyDue, SECOND_LEVEL_AFTER_WORKDAYS) < asOf ? MAX_ESCALATION : 1;
  };

  let escalated = 0;
  for (const candidate of candidates) {
    if (levelDue(candidate) <= candidate.escalationLevel) continue;
    // One transaction a notice: a failure leaves the others escalated; the row lock and
    // the re-check make a run racing another (or a person) harmless.
    const changed = await db.transaction(async (tx) => {
      const result = await changeNotice(tx, ctx, {
        id: candidate.id,
        expectedVersion: null,
        action: 'escalate',
        note: `反馈时限已过，自动升级（${asOf}） Reply overdue, escalated automatically`,
        check: (current) =>
          (current.state === 'open' || current.state === 'escalated') && levelDue(current) > current.escalationLevel
            ? null
            : 'skip',
        patch: (current) => ({
          state: 'escalated',
          escalationLevel: levelDue(current),
          escalatedAt: new Date().toISOString(),
          escalationNote: `反馈时限（${current.replyDue}）已过，自动升级 Reply overdue, escalated automatically`,
        }),
      });
      if (!result) return false;
      await notifyEscalation(tx, await presentNotice(tx, candidate.id), null);
      return true;
    });
    if (changed) escalated++;
  }
  return escalated;
}
