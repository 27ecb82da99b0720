import type { Actor } from '../core/actor.js';
import { actorId, actorName } from '../core/actor.js';
import { changesPublicView } from '../core/publish/public-changes.js';
import { tick } from './change-clock.js';
import type { Db } from './client.js';
import { auditLog } from './schema.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | null;
  programmeId?: number | null | undefined;
  itemId?: number | null | undefined;
  before?: unknown;
  after?: unknown;
}

export interface RequestContext {
  actor: Actor;
  ip?: string | null | undefined;
}

/** JSON-safe copy: timestamps as strings, no undefined. */
function snapshot(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value));
}

/** Write one audit record. Call it inside the transaction that made the change. */
export async function writeAudit(tx: Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actorId(ctx.actor),
    actorName: actorName(ctx.actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    programmeId: entry.programmeId ?? null,
    itemId: entry.itemId ?? null,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
    ip: ctx.ip ?? null,
  });
  await tick(tx, changesPublicView(entry));
}
