import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { descendantsOf } from '../../core/jurisdictions.js';
import type { ItemFacts, ProgrammeFacts } from '../../core/policies.js';
import type { Db } from '../client.js';
import { categories, itemLeaders, items, itemUnits, jurisdictions, programmes } from '../schema.js';

/** The facts the policies in src/core/policies.ts decide on, read from the database. */

export interface ProgrammeAccess extends ProgrammeFacts {
  id: number;
}

export async function programmeAccess(db: Db, actor: Actor, programmeId: number): Promise<ProgrammeAccess | undefined> {
  const [row] = await db
    .select({ id: programmes.id, jurisdictionId: programmes.jurisdictionId, state: programmes.state })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .limit(1);
  if (!row) return undefined;
  const ids = await programmeIdsWithActorLinks(db, actor, [programmeId]);
  return {
    ...row,
    hasActorUnit: ids.units.has(programmeId),
    hasActorLeader: ids.leaders.has(programmeId),
  };
}

/** Which of these programmes have an item of the actor's unit, or one the actor supervises. */
export async function programmeIdsWithActorLinks(
  db: Db,
  actor: Actor,
  programmeIds?: readonly number[],
): Promise<{ units: Set<number>; leaders: Set<number> }> {
  const result = { units: new Set<number>(), leaders: new Set<number>() };
  if (actor.kind !== 'user') return result;
  const scope = programmeIds ? inArray(items.programmeId, [...programmeIds]) : undefined;
  if (actor.unitId !== null) {
    const rows = await db
      .selectDistinct({ id: items.programmeId })
      .from(items)
      .innerJoin(itemUnits, eq(itemUnits.itemId, items.id))
      .where(and(eq(itemUnits.unitId, actor.unitId), scope));
    for (const r of rows) result.units.add(r.id);
  }
  if (actor.personId !== null) {
    const rows = await db
      .selectDistinct({ id: items.programmeId })
      .from(items)
      .innerJoin(itemLeaders, eq(itemLeaders.itemId, items.id))
      .where(and(eq(itemLeaders.personId, actor.personId), scope));
    for (const r of rows) result.leaders.add(r.id);
  }
  return result;
}

export interface ItemAccess extends ItemFacts {
  id: number;
  programmeId: number;
  categoryId: number;
  parentItemId: number | null;
}

export async function itemAccess(db: Db, itemId: number): Promise<ItemAccess | undefined> {
  const [row] = await db
    .select({
      id: items.id,
      programmeId: items.programmeId,
      categoryId: items.categoryId,
      parentItemId: items.parentItemId,
      jurisdictionId: programmes.jurisdictionId,
      programmeState: programmes.state,
    })
    .from(items)
    .innerJoin(programmes, eq(programmes.id, items.programmeId))
    .where(eq(items.id, itemId))
    .limit(1);
  if (!row) return undefined;
  // The item, its parent and its parts at any depth.
  const ids = [itemId];
  if (row.parentItemId !== null) ids.push(row.parentItemId);
  let frontier = [itemId];
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const children = await db.select({ id: items.id }).from(items).where(inArray(items.parentItemId, frontier));
    frontier = children.map((c) => c.id);
    ids.push(...frontier);
  }
  const [unitRows, leaderRows] = await Promise.all([
    db.select({ id: itemUnits.unitId }).from(itemUnits).where(inArray(itemUnits.itemId, ids)),
    db.select({ id: itemLeaders.personId }).from(itemLeaders).where(inArray(itemLeaders.itemId, ids)),
  ]);
  return {
    ...row,
    unitIds: [...new Set(unitRows.map((r) => r.id))],
    leaderPersonIds: [...new Set(leaderRows.map((r) => r.id))],
  };
}

export async function categoryAccess(
  db: Db,
  categoryId: number,
): Promise<{ id: number; programmeId: number; jurisdictionId: number } | undefined> {
  const [row] = await db
    .select({ id: categories.id, programmeId: categories.programmeId, jurisdictionId: programmes.jurisdictionId })
    .from(categories)
    .innerJoin(programmes, eq(programmes.id, categories.programmeId))
    .where(eq(categories.id, categoryId))
    .limit(1);
  return row;
}

export async function jurisdictionScope(db: Db, jurisdictionId: number | null): Promise<number[]> {
  if (jurisdictionId === null) return [];
  const all = await db.select({ id: jurisdictions.id, parentId: jurisdictions.parentId }).from(jurisdictions);
  return descendantsOf(jurisdictionId, all);
}
