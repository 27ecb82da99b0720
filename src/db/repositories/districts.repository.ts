import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LinkCandidate } from '../../core/work/district-rollup.js';
import type { Db } from '../client.js';
import { categories, items, jurisdictions, programmes } from '../schema.js';

/** City and districts: which district programmes carry out a city programme, and which city item each item serves. */

export interface DistrictProgramme {
  id: number;
  title: string;
  jurisdictionId: number;
  jurisdictionName: string;
}

/** The programmes whose parent is this one (the districts' task lists). */
export function listDistrictProgrammes(db: Db, cityProgrammeId: number): Promise<DistrictProgramme[]> {
  return db
    .select({
      id: programmes.id,
      title: programmes.title,
      jurisdictionId: programmes.jurisdictionId,
      jurisdictionName: jurisdictions.name,
    })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.id, programmes.jurisdictionId))
    .where(eq(programmes.parentId, cityProgrammeId))
    .orderBy(asc(programmes.id));
}

/** item id → the city item it serves, for every item of these programmes that serves one. */
export async function cityLinksOf(db: Db, programmeIds: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (programmeIds.length === 0) return result;
  const rows = await db
    .select({ id: items.id, cityItemId: items.cityItemId })
    .from(items)
    .where(inArray(items.programmeId, [...programmeIds]));
  for (const row of rows) if (row.cityItemId !== null) result.set(row.id, row.cityItemId);
  return result;
}

export interface CityItemSummary {
  id: number;
  number: string;
  name: string;
  programmeId: number;
}

export async function findCityItemSummary(db: Db, itemId: number): Promise<CityItemSummary | undefined> {
  const [row] = await db
    .select({ id: items.id, number: items.number, name: items.name, programmeId: items.programmeId })
    .from(items)
    .where(eq(items.id, itemId))
    .limit(1);
  return row;
}

/** The city item an item serves, or null. */
export async function cityItemOf(db: Db, itemId: number): Promise<CityItemSummary | null> {
  const city = alias(items, 'city_item');
  const [row] = await db
    .select({ id: city.id, number: city.number, name: city.name, programmeId: city.programmeId })
    .from(items)
    .innerJoin(city, eq(city.id, items.cityItemId))
    .where(eq(items.id, itemId))
    .limit(1);
  return row ?? null;
}

export interface LinkableItem extends LinkCandidate {
  programmeId: number;
  cityItemId: number | null;
  version: number;
}

/** Every item and part of a programme with what name matching needs: category title and parent number. */
export async function listLinkableItems(db: Db, programmeId: number): Promise<LinkableItem[]> {
  const parent = alias(items, 'parent_item');
  const rows = await db
    .select({
      id: items.id,
      programmeId: items.programmeId,
      number: items.number,
      name: items.name,
      categoryTitle: categories.title,
      parentNumber: parent.number,
      cityItemId: items.cityItemId,
      version: items.version,
    })
    .from(items)
    .innerJoin(categories, eq(categories.id, items.categoryId))
    .leftJoin(parent, eq(parent.id, items.parentItemId))
    .where(eq(items.programmeId, programmeId))
    .orderBy(asc(categories.position), asc(items.parentItemId), asc(items.position), asc(items.id));
  return rows;
}

/** An item with its programme's parent, for the link's rules. */
export async function findItemForLink(
  db: Db,
  itemId: number,
): Promise<{ id: number; programmeId: number; parentProgrammeId: number | null; version: number } | undefined> {
  const [row] = await db
    .select({
      id: items.id,
      programmeId: items.programmeId,
      parentProgrammeId: programmes.parentId,
      version: items.version,
    })
    .from(items)
    .innerJoin(programmes, eq(programmes.id, items.programmeId))
    .where(eq(items.id, itemId))
    .limit(1);
  return row;
}

export async function findProgrammeParent(
  db: Db,
  programmeId: number,
): Promise<{ id: number; parentId: number | null; jurisdictionId: number } | undefined> {
  const [row] = await db
    .select({ id: programmes.id, parentId: programmes.parentId, jurisdictionId: programmes.jurisdictionId })
    .from(programmes)
    .where(eq(programmes.id, programmeId))
    .limit(1);
  return row;
}
