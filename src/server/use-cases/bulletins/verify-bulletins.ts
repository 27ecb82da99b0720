import type { Actor } from '../../../core/actor.js';
import { verifyChain } from '../../../core/publish/hash-chain.js';
import type { Db } from '../../../db/client.js';
import { publishedChain } from '../../../db/repositories/bulletins.repository.js';
import { chainRecord, readableProgramme } from './bulletin-access.js';

export interface ChainCheck {
  ok: boolean;
  count: number;
  brokenAt?: number;
  reason?: string;
}

/** Check the hash chain over the programme's published bulletins as stored now. */
export async function checkBulletinChain(db: Db, programmeId: number): Promise<ChainCheck> {
  const rows = await publishedChain(db, programmeId);
  const result = verifyChain(rows.map(chainRecord));
  return result.ok
    ? { ok: true, count: rows.length }
    : { ok: false, count: rows.length, brokenAt: result.brokenAt, reason: result.reason };
}

/** GET …/bulletins/verify: whoever may read the programme (the chain is public). */
export async function verifyBulletins(db: Db, actor: Actor, programmeId: number): Promise<ChainCheck> {
  await readableProgramme(db, actor, programmeId);
  return checkBulletinChain(db, programmeId);
}
