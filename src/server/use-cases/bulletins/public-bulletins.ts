import type { BulletinRecord } from '../../../core/publish/bulletin-types.js';
import type { Db } from '../../../db/client.js';
import {
  type BulletinProgramme,
  findBulletinProgramme,
  listBulletinSummaries,
  publishedBySeq,
} from '../../../db/repositories/bulletins.repository.js';
import { type BulletinSummary, presentBulletin, presentSummary } from './bulletin-access.js';

/**
 * What the public reads: the published bulletins of a published programme.
 * Drafts never leave here; undefined means 404 (no programme, not public, no
 * such bulletin), so a visitor cannot tell an unpublished programme from none.
 */

export async function publicProgramme(db: Db, programmeId: number): Promise<BulletinProgramme | undefined> {
  const programme = await findBulletinProgramme(db, programmeId);
  return programme?.state === 'published' ? programme : undefined;
}

export async function listPublicBulletins(
  db: Db,
  programmeId: number,
): Promise<{ programme: BulletinProgramme; items: BulletinSummary[] } | undefined> {
  const programme = await publicProgramme(db, programmeId);
  if (!programme) return undefined;
  const rows = await listBulletinSummaries(db, programmeId, { publishedOnly: true });
  return { programme, items: rows.map(presentSummary) };
}

export interface PublicBulletin {
  programme: BulletinProgramme;
  bulletin: BulletinRecord;
  /** The bulletin before it in the chain (for “what changed”); null for the first. */
  previous: BulletinRecord | null;
}

export async function getPublicBulletin(db: Db, programmeId: number, seq: number): Promise<PublicBulletin | undefined> {
  const programme = await publicProgramme(db, programmeId);
  if (!programme) return undefined;
  const row = await publishedBySeq(db, programmeId, seq);
  if (!row) return undefined;
  const previous = seq > 1 ? await publishedBySeq(db, programmeId, seq - 1) : undefined;
  return { programme, bulletin: presentBulletin(row), previous: previous ? presentBulletin(previous) : null };
}

/** The public JSON of a published bulletin: its text, facts and links in the chain; never who published it. */
export function presentPublicBulletin(b: BulletinRecord) {
  return {
    programmeId: b.programmeId,
    seq: b.seq ?? 0,
    cutoff: b.cutoff,
    period: b.period,
    title: b.title,
    publishedAt: b.publishedAt ?? '',
    prevHash: b.prevHash,
    hash: b.hash ?? '',
    body: b.body,
    data: b.data,
  };
}

export function presentPublicSummary(b: BulletinSummary) {
  return {
    programmeId: b.programmeId,
    seq: b.seq ?? 0,
    cutoff: b.cutoff,
    period: b.period,
    title: b.title,
    publishedAt: b.publishedAt ?? '',
    prevHash: b.prevHash,
    hash: b.hash ?? '',
    url: `/p/${b.programmeId}/bulletins/${b.seq ?? 0}`,
  };
}
