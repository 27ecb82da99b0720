import { asc, count, eq, inArray } from 'drizzle-orm';
import type { ProgrammeView, TreeRows } from '../../core/tree.js';
import type { Db } from '../client.js';
import {
  categories,
  indicators,
  itemLeaders,
  itemPersons,
  items,
  itemUnits,
  jurisdictions,
  milestones,
  people,
  programmes,
  units,
} from '../schema.js';

const programmeColumns = {
  id: programmes.id,
  title: programmes.title,
  year: programmes.year,
  state: programmes.state,
  jurisdictionId: programmes.jurisdictionId,
  jurisdictionName: jurisdictions.name,
  parentId: programmes.parentId,
  parentTitle: programmes.parentTitle,
  version: programmes.version,
};

export async function findProgrammeView(db: Db, id: number): Promise<ProgrammeView | undefined> {
  const rows = await db
    .select(programmeColumns)
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.id, programmes.jurisdictionId))
    .where(eq(programmes.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const [counted] = await db.select({ n: count() }).from(items).where(eq(items.programmeId, id));
  return { ...row, itemCount: counted?.n ?? 0 };
}

export async function listProgrammeViews(db: Db, ids?: readonly number[]): Promise<ProgrammeView[]> {
  if (ids && ids.length === 0) return [];
  const counts = db
    .select({ programmeId: items.programmeId, n: count().as('n') })
    .from(items)
    .groupBy(items.programmeId)
    .as('counts');
  const rows = await db
    .select({ ...programmeColumns, itemCount: counts.n })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.id, programmes.jurisdictionId))
    .leftJoin(counts, eq(counts.programmeId, programmes.id))
    .where(ids ? inArray(programmes.id, [...ids]) : undefined)
    .orderBy(asc(programmes.year), asc(programmes.id));
  return rows.map((r) => ({ ...r, itemCount: Number(r.itemCount ?? 0) }));
}

/** Everything under a programme in seven queries; src/core/tree.ts assembles it. */
export async function loadTreeRows(db: Db, programmeId: number): Promise<TreeRows | undefined> {
  const programme = await findProgrammeView(db, programmeId);
  if (!programme) return undefined;
  const inProgramme = db.select({ id: items.id }).from(items).where(eq(items.programmeId, programmeId));
  const [categoryRows, itemRows, unitRows, personRows, leaderRows, milestoneRows, indicatorRows] = await Promise.all([
    db
      .select({
        id: categories.id,
        ordinal: categories.ordinal,
        title: categories.title,
        position: categories.position,
        version: categories.version,
      })
      .from(categories)
      .where(eq(categories.programmeId, programmeId)),
    db
      .select({
        id: items.id,
        categoryId: items.categoryId,
        parentItemId: items.parentItemId,
        position: items.position,
        number: items.number,
        name: items.name,
        description: items.description,
        target: items.target,
        deadlineDate: items.deadlineDate,
        deadlineText: items.deadlineText,
        version: items.version,
      })
      .from(items)
      .where(eq(items.programmeId, programmeId)),
    db
      .select({
        id: itemUnits.id,
        itemId: itemUnits.itemId,
        unitId: itemUnits.unitId,
        name: units.name,
        role: itemUnits.role,
        position: itemUnits.position,
        version: itemUnits.version,
      })
      .from(itemUnits)
      .innerJoin(units, eq(units.id, itemUnits.unitId))
      .where(inArray(itemUnits.itemId, inProgramme)),
    db
      .select({
        id: itemPersons.id,
        itemId: itemPersons.itemId,
        personId: itemPersons.personId,
        name: people.name,
        unitId: itemPersons.unitId,
        position: itemPersons.position,
        version: itemPersons.version,
      })
      .from(itemPersons)
      .innerJoin(people, eq(people.id, itemPersons.personId))
      .where(inArray(itemPersons.itemId, inProgramme)),
    db
      .select({
        id: itemLeaders.id,
        itemId: itemLeaders.itemId,
        personId: itemLeaders.personId,
        name: people.name,
        position: itemLeaders.position,
        version: itemLeaders.version,
      })
      .from(itemLeaders)
      .innerJoin(people, eq(people.id, itemLeaders.personId))
      .where(inArray(itemLeaders.itemId, inProgramme)),
    db
      .select({
        id: milestones.id,
        itemId: milestones.itemId,
        period: milestones.period,
        text: milestones.text,
        dueDate: milestones.dueDate,
        position: milestones.position,
        version: milestones.version,
      })
      .from(milestones)
      .where(inArray(milestones.itemId, inProgramme)),
    db
      .select({
        id: indicators.id,
        itemId: indicators.itemId,
        name: indicators.name,
        unit: indicators.unit,
        target: indicators.target,
        direction: indicators.direction,
        checkpoints: indicators.checkpoints,
        position: indicators.position,
        version: indicators.version,
      })
      .from(indicators)
      .where(inArray(indicators.itemId, inProgramme)),
  ]);
  return {
    programme,
    categories: categoryRows,
    items: itemRows,
    units: unitRows,
    persons: personRows,
    leaders: leaderRows,
    milestones: milestoneRows,
    indicators: indicatorRows,
  };
}
