import type { Actor } from '../../../core/actor.js';
import { AppError, forbidden, notFound } from '../../../core/errors.js';
import type { BulletinBody, BulletinData, BulletinRecord } from '../../../core/publish/bulletin-types.js';
import { canEditBulletins, canReadBulletin } from '../../../core/work-policies.js';
import type { Db } from '../../../db/client.js';
import { type ProgrammeAccess, programmeAccess } from '../../../db/repositories/access.repository.js';
import {
  type BulletinProgramme,
  type BulletinRow,
  type BulletinSummaryRow,
  findBulletin,
  findBulletinProgramme,
} from '../../../db/repositories/bulletins.repository.js';

/** What the bulletin use cases share: finding what the actor may reach, and presenting it. */

export const BULLETIN = { zh: '通报', en: 'Bulletin' } as const;
export const missingBulletin = (): AppError => notFound(BULLETIN.zh, BULLETIN.en);
const missingProgramme = (): AppError => notFound('民心工程', 'Programme');

/** A timestamp as ISO 8601 in UTC, whichever way the driver wrote it (the hash depends on one spelling). */
export const isoTimestamp = (value: string): string => new Date(value).toISOString();
const isoOrNull = (value: string | null): string | null => (value === null ? null : isoTimestamp(value));

export type BulletinSummary = Omit<BulletinRecord, 'body' | 'data'>;

export function presentSummary(row: BulletinSummaryRow): BulletinSummary {
  return {
    id: row.id,
    programmeId: row.programmeId,
    seq: row.seq,
    cutoff: row.cutoff,
    period: row.period,
    title: row.title,
    state: row.state,
    prevHash: row.prevHash,
    hash: row.hash,
    publishedAt: isoOrNull(row.publishedAt),
    version: row.version,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
  };
}

export function presentBulletin(row: BulletinRow): BulletinRecord {
  return { ...presentSummary(row), body: row.body as BulletinBody, data: row.data as BulletinData };
}

/** The fields the hash covers (src/core/publish/hash-chain.ts), as stored. */
export function chainRecord(row: BulletinRow) {
  return {
    programmeId: row.programmeId,
    seq: row.seq ?? 0,
    cutoff: row.cutoff,
    title: row.title,
    body: row.body as BulletinBody,
    data: row.data as BulletinData,
    publishedAt: row.publishedAt === null ? '' : isoTimestamp(row.publishedAt),
    prevHash: row.prevHash,
    hash: row.hash ?? '',
  };
}

export interface ReachedProgramme {
  programme: BulletinProgramme;
  access: ProgrammeAccess;
}

/** A programme the actor may read (404 otherwise). */
export async function readableProgramme(db: Db, actor: Actor, programmeId: number): Promise<ReachedProgramme> {
  const [programme, access] = await Promise.all([
    findBulletinProgramme(db, programmeId),
    programmeAccess(db, actor, programmeId),
  ]);
  if (!programme || !access) throw missingProgramme();
  if (!canReadBulletin(actor, access, 'published')) throw missingProgramme();
  return { programme, access };
}

/** A programme whose bulletins the actor edits: 404 when it may not read it, 403 when it only reads. */
export async function editableProgramme(db: Db, actor: Actor, programmeId: number): Promise<ReachedProgramme> {
  const reached = await readableProgramme(db, actor, programmeId);
  if (!canEditBulletins(actor, reached.programme.jurisdictionId)) throw forbidden();
  return reached;
}

/** A bulletin the actor may read: drafts only for the office (404 for anyone else). */
export async function readableBulletin(
  db: Db,
  actor: Actor,
  id: number,
): Promise<ReachedProgramme & { row: BulletinRow }> {
  const row = await findBulletin(db, id);
  if (!row) throw missingBulletin();
  const [programme, access] = await Promise.all([
    findBulletinProgramme(db, row.programmeId),
    programmeAccess(db, actor, row.programmeId),
  ]);
  if (!programme || !access || !canReadBulletin(actor, access, row.state)) throw missingBulletin();
  return { row, programme, access };
}

/** A bulletin the actor edits: 404 when it may not see it, 403 when it only reads it. */
export async function editableBulletin(
  db: Db,
  actor: Actor,
  id: number,
): Promise<ReachedProgramme & { row: BulletinRow }> {
  const reached = await readableBulletin(db, actor, id);
  if (!canEditBulletins(actor, reached.programme.jurisdictionId)) throw forbidden();
  return reached;
}

export const publishedConflict = (): AppError =>
  new AppError(
    'CONFLICT',
    '已发布的通报不能修改，如需更正请发布新一期通报。 A published bulletin cannot be changed; to correct it, publish a new bulletin.',
  );
