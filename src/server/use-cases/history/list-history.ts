import type { Actor } from '../../../core/actor.js';
import { forbidden, notFound } from '../../../core/errors.js';
import {
  canExportProgramme,
  canManageReferenceData,
  canReadItem,
  canReadProgramme,
  isAdmin,
} from '../../../core/policies.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { itemAccess, programmeAccess } from '../../../db/repositories/access.repository.js';
import { type AuditRow, listHistory } from '../../../db/repositories/history.repository.js';
import { people, units } from '../../../db/schema.js';
import { visibleHistory } from './history-visibility.js';

export interface HistoryQuery {
  entityType?: string | undefined;
  entityId?: number | undefined;
  programmeId?: number | undefined;
  itemId?: number | undefined;
  before?: number | undefined;
  limit: number;
}

/** Jurisdiction of a reference record, for a supervisor reading its history. */
async function referenceJurisdiction(db: Db, entityType: string, entityId: number): Promise<number | null> {
  if (entityType === 'jurisdiction') return entityId;
  if (entityType === 'unit') return (await findRow(db, units, entityId))?.jurisdictionId ?? null;
  if (entityType === 'person') return (await findRow(db, people, entityId))?.jurisdictionId ?? null;
  return null;
}

/**
 * The audit trail, newest first. Reading it needs the right to read what it
 * is about: an item, a programme, or (for the office) its reference data.
 */
export async function listHistoryFor(db: Db, actor: Actor, query: HistoryQuery): Promise<AuditRow[]> {
  if (query.itemId !== undefined) {
    const access = await itemAccess(db, query.itemId);
    if (!access || !canReadItem(actor, access)) throw notFound('子项', 'Item');
  } else if (query.programmeId !== undefined) {
    const access = await programmeAccess(db, actor, query.programmeId);
    // A deleted programme's trail stays readable to the administrator.
    if (!access && !isAdmin(actor)) throw notFound('民心工程', 'Programme');
    if (access && !canReadProgramme(actor, access)) throw notFound('民心工程', 'Programme');
    // The whole programme's trail names items a reporter or leader does not see.
    if (access && !canExportProgramme(actor, access)) throw forbidden();
  } else if (!isAdmin(actor)) {
    const jurisdictionId =
      query.entityType !== undefined && query.entityId !== undefined
        ? await referenceJurisdiction(db, query.entityType, query.entityId)
        : null;
    if (jurisdictionId === null || !canManageReferenceData(actor, jurisdictionId)) throw forbidden();
  }
  return visibleHistory(db, actor, await listHistory(db, query));
}
