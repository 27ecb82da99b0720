import type { BulletinRow } from '../../../db/repositories/bulletins.repository.js';

/**
 * What the audit trail keeps of a bulletin: the row with its text, without
 * the facts (`data` is drawn from the approved reports, which have their own
 * history, and a published row keeps it frozen in the table itself).
 */
export function auditSnapshot(row: BulletinRow): Omit<BulletinRow, 'data'> {
  const { data: _data, ...rest } = row;
  return rest;
}
