import type { Actor } from '../../../core/actor.js';
import { canManageProgramme, isAdmin } from '../../../core/policies.js';
import { canModerateFeedback, canReadNotice, canReadReport, type ReportFacts } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import type { AuditRow } from '../../../db/repositories/history.repository.js';
import { findReport } from '../../../db/repositories/reports.repository.js';
import { notices } from '../../../db/schema-work.js';
import { factsOf, loadReportItem, type ReportItem } from '../reports/report-access.js';

/**
 * The trail keeps the whole record before and after each change, so reading
 * an item's or a programme's history must not show more than reading the
 * records themselves: an entry about a report, its evidence, a notice or a
 * resident's comment is shown only to whoever may read that record in the
 * state the entry recorded. Drafts stay with their unit and the office,
 * notices with the unit they went to, unmoderated comments with the office.
 * (Found by the security suite: a reporter of unit A read unit B's draft
 * through the history of an item both serve.)
 */

type Snapshot = { unitId?: number; state?: ReportFacts['state']; ownerType?: string; ownerId?: number };

const snapshotOf = (row: AuditRow): Snapshot => ((row.after ?? row.before ?? {}) as Snapshot) ?? {};

const GUARDED = new Set(['report', 'notice', 'feedback', 'attachment']);

export async function visibleHistory(db: Db, actor: Actor, rows: AuditRow[]): Promise<AuditRow[]> {
  if (isAdmin(actor) || !rows.some((row) => GUARDED.has(row.entityType))) return rows;
  const items = new Map<number, Promise<ReportItem | undefined>>();
  const itemOf = (id: number) => {
    let found = items.get(id);
    if (!found) {
      found = loadReportItem(db, id);
      items.set(id, found);
    }
    return found;
  };

  const mayRead = async (row: AuditRow): Promise<boolean> => {
    if (!GUARDED.has(row.entityType)) return true;
    const item = row.itemId === null ? undefined : await itemOf(row.itemId);
    // An entry whose item is gone: only the administrator (returned above) reads it.
    if (!item) return false;
    if (canManageProgramme(actor, item.jurisdictionId)) return true;
    const snap = snapshotOf(row);
    switch (row.entityType) {
      case 'report':
        if (snap.unitId === undefined || snap.state === undefined) return false;
        return canReadReport(actor, factsOf(item, { unitId: snap.unitId, state: snap.state }));
      case 'notice':
        return snap.unitId !== undefined && canReadNotice(actor, item, snap.unitId);
      case 'feedback':
        return canModerateFeedback(actor, item.jurisdictionId);
      case 'attachment': {
        if (snap.ownerId === undefined) return false;
        if (snap.ownerType === 'report') {
          const report = await findReport(db, snap.ownerId);
          return report !== undefined && canReadReport(actor, factsOf(item, report));
        }
        if (snap.ownerType === 'notice') {
          const notice = await findRow(db, notices, snap.ownerId);
          return notice !== undefined && canReadNotice(actor, item, notice.unitId);
        }
        return true;
      }
      default:
        return true;
    }
  };

  const shown: AuditRow[] = [];
  for (const row of rows) if (await mayRead(row)) shown.push(row);
  return shown;
}
