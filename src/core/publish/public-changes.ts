/**
 * Which audited writes may change what the public site (/p/ and the public
 * JSON) shows. Public pages are cached until the public change stamp ticks
 * (src/db/change-clock.ts); the office's caches follow every write.
 *
 * The rule names what the public can NOT see, so a kind of write this file
 * does not know about ticks the stamp: forgetting an entry here costs a cache
 * refill, never a stale page. Public means published (decision 0004): the
 * public sees published lists, approved reports, ratings and moderated
 * comments, published bulletins, and dates that follow the work calendar.
 */

/** Records the public site never reads: accounts, sessions, evidence, supervision, assessment, delivery. */
const INTERNAL_ENTITIES: ReadonlySet<string> = new Set([
  'user',
  'session',
  'attachment',
  'blob',
  'notice',
  'inspection',
  'score_adjustment',
  'channel',
  'delivery',
  'reminder_run',
]);

/**
 * Steps of a report before approval: the public sees approved reports only,
 * so drafts, submissions, returns and deletions (drafts only) change nothing
 * there. Approval, reopening and reports read back from a bulletin do.
 */
const INTERNAL_REPORT_ACTIONS: ReadonlySet<string> = new Set([
  'create',
  'update',
  'update-values',
  'submit',
  'return',
  'delete',
]);

export interface AuditedWrite {
  entityType: string;
  action: string;
}

export function changesPublicView(write: AuditedWrite): boolean {
  if (INTERNAL_ENTITIES.has(write.entityType)) return false;
  if (write.entityType === 'report' && INTERNAL_REPORT_ACTIONS.has(write.action)) return false;
  return true;
}
