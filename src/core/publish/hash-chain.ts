import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The hash chain over a programme's published bulletins: each published
 * bulletin's hash covers its own facts and text and the previous bulletin's
 * hash, so a later silent change of any published row, or a row taken out,
 * breaks every link after it. The database refuses UPDATE/DELETE of a
 * published row as well (a trigger); the chain is what makes a change made
 * around the trigger detectable.
 */

/** The fields a bulletin's hash covers. */
export interface HashedBulletin {
  programmeId: number;
  seq: number;
  cutoff: string;
  title: string;
  body: unknown;
  data: unknown;
  publishedAt: string;
}

/** sha256 hex of (prevHash ?? '') followed by the canonical JSON of the record's hashed fields. */
export function bulletinHash(prevHash: string | null, record: HashedBulletin): string {
  const { programmeId, seq, cutoff, title, body, data, publishedAt } = record;
  const covered = { programmeId, seq, cutoff, title, body, data, publishedAt };
  return createHash('sha256')
    .update((prevHash ?? '') + canonicalJson(covered), 'utf8')
    .digest('hex');
}

export interface ChainedBulletin extends HashedBulletin {
  prevHash: string | null;
  hash: string;
}

export type ChainVerdict = { ok: true } | { ok: false; brokenAt: number; reason: string };

/**
 * Checks a programme's published bulletins, in any order: sequence numbers
 * 1, 2, 3… without gaps or repeats, each one's prevHash is the hash of the one
 * before (null for the first), and each hash matches its content. Names the
 * first seq where the chain breaks.
 */
export function verifyChain(records: readonly ChainedBulletin[]): ChainVerdict {
  const ordered = [...records].sort((a, b) => a.seq - b.seq);
  let previous: ChainedBulletin | null = null;
  for (const record of ordered) {
    const expectedSeq = previous === null ? 1 : previous.seq + 1;
    if (record.seq !== expectedSeq) {
      return {
        ok: false,
        brokenAt: record.seq === previous?.seq ? record.seq : expectedSeq,
        reason:
          record.seq === previous?.seq
            ? `第${record.seq}期重复出现。 Bulletin ${record.seq} appears twice.`
            : `第${expectedSeq}期缺失。 Bulletin ${expectedSeq} is missing before ${record.seq}.`,
      };
    }
    const expectedPrev = previous?.hash ?? null;
    if (record.prevHash !== expectedPrev) {
      return {
        ok: false,
        brokenAt: record.seq,
        reason:
          previous === null
            ? `第1期不应有前一期哈希。 Bulletin 1 must not point at an earlier bulletin.`
            : `第${record.seq}期记录的前一期哈希与第${previous.seq}期不符。 Bulletin ${record.seq} does not point at the hash of the bulletin before it.`,
      };
    }
    if (bulletinHash(record.prevHash, record) !== record.hash) {
      return {
        ok: false,
        brokenAt: record.seq,
        reason: `第${record.seq}期的内容与其哈希不符，发布后被改动过。 Bulletin ${record.seq} was changed after it was published: its content does not match its hash.`,
      };
    }
    previous = record;
  }
  return { ok: true };
}
