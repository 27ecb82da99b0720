import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

export interface HistoryFilter {
  entityType?: string | undefined;
  entityId?: number | undefined;
  programmeId?: number | undefined;
  itemId?: number | undefined;
  before?: number | undefined;
  limit: number;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** Newest first; `before` pages by id. An item's history includes its milestones, indicators and links. */
export async function listHistory(db: Db, filter: HistoryFilter): Promise<AuditRow[]> {
  const itemCondition =
    filter.itemId === undefined
      ? undefined
      : or(
          and(eq(auditLog.entityType, 'item'), eq(auditLog.entityId, filter.itemId)),
          eq(auditLog.itemId, filter.itemId),
        );
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.entityType === undefined ? undefined : eq(auditLog.entityType, filter.entityType),
        filter.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId),
        filter.programmeId === undefined ? undefined : eq(auditLog.programmeId, filter.programmeId),
        itemCondition,
        filter.before === undefined ? undefined : lt(auditLog.id, filter.before),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
