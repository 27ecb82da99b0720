import { and, desc, eq, inArray } from 'drizzle-orm';
import type { InterchangeItem, ProgrammeDocument } from '../../core/interchange.js';
import { guessJurisdictionLevel } from '../../core/jurisdictions.js';
import type { RequestContext } from '../audit.js';
import { writeAudit } from '../audit.js';
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

/**
 * Write a whole `minxin.programme/v1` document as a new draft programme,
 * finding or creating its jurisdiction, units and people. The caller runs it
 * in a transaction; rows go in as multi-row inserts (row-by-row costs ~4× on
 * PGlite).
 */

const CHUNK = 500;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function findOrCreateJurisdiction(
  tx: Db,
  ctx: RequestContext,
  name: string,
  parentId: number | null,
): Promise<number> {
  const [existing] = await tx
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(eq(jurisdictions.name, name))
    .limit(1);
  if (existing) return existing.id;
  const [created] = await tx
    .insert(jurisdictions)
    .values({ name, level: guessJurisdictionLevel(name), parentId })
    .returning();
  if (!created) throw new Error('insert returned nothing');
  await writeAudit(tx, ctx, { action: 'create', entityType: 'jurisdiction', entityId: created.id, after: created });
  return created.id;
}

async function findOrCreateUnits(
  tx: Db,
  ctx: RequestContext,
  jurisdictionId: number,
  names: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (names.size === 0) return ids;
  const existing = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.jurisdictionId, jurisdictionId), inArray(units.name, [...names])));
  for (const u of existing) ids.set(u.name, u.id);
  const missing = [...names].filter((n) => !ids.has(n));
  if (missing.length === 0) return ids;
  const created = await tx
    .insert(units)
    .values(missing.map((name) => ({ jurisdictionId, name })))
    .returning();
  for (const u of created) {
    ids.set(u.name, u.id);
    await writeAudit(tx, ctx, { action: 'create', entityType: 'unit', entityId: u.id, after: u });
  }
  return ids;
}

const personKey = (name: string, unitId: number | null) => `${unitId ?? ''}\u0000${name}`;

async function findOrCreatePeople(
  tx: Db,
  ctx: RequestContext,
  jurisdictionId: number,
  wanted: ReadonlyMap<string, { name: string; unitId: number | null }>,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const names = [...new Set([...wanted.values()].map((w) => w.name))];
  const existing = await tx
    .select({ id: people.id, name: people.name, unitId: people.unitId })
    .from(people)
    .where(and(eq(people.jurisdictionId, jurisdictionId), inArray(people.name, names)))
    .orderBy(people.id);
  for (const p of existing) {
    const key = personKey(p.name, p.unitId);
    if (!ids.has(key)) ids.set(key, p.id);
  }
  const missing = [...wanted.entries()].filter(([key]) => !ids.has(key));
  if (missing.length === 0) return ids;
  const created = await tx
    .insert(people)
    .values(missing.map(([, w]) => ({ jurisdictionId, name: w.name, unitId: w.unitId })))
    .returning();
  for (const p of created) {
    ids.set(personKey(p.name, p.unitId), p.id);
    await writeAudit(tx, ctx, { action: 'create', entityType: 'person', entityId: p.id, after: p });
  }
  return ids;
}

function unitNamesOf(item: InterchangeItem): string[] {
  return [...(item.leadUnit ? [item.leadUnit] : []), ...(item.coUnits ?? [])];
}

function walkItems(list: readonly InterchangeItem[], visit: (item: InterchangeItem) => void): void {
  for (const item of list) {
    visit(item);
    walkItems(item.children ?? [], visit);
  }
}

/** Ids of the units and people a document names, found or created in its jurisdiction. */
export interface DocumentNames {
  unitIds: Map<string, number>;
  personIds: Map<string, number>;
}

export async function resolveDocumentNames(
  tx: Db,
  ctx: RequestContext,
  jurisdictionId: number,
  doc: ProgrammeDocument,
): Promise<DocumentNames> {
  const unitNames = new Set<string>();
  for (const c of doc.categories) {
    walkItems(c.items, (item) => {
      for (const n of unitNamesOf(item)) unitNames.add(n);
    });
  }
  const unitIds = await findOrCreateUnits(tx, ctx, jurisdictionId, unitNames);
  const wantedPeople = new Map<string, { name: string; unitId: number | null }>();
  for (const c of doc.categories) {
    walkItems(c.items, (item) => {
      (item.persons ?? []).forEach((name, i) => {
        const unitId = personUnit({ unitIds, personIds: new Map() }, item, i);
        wantedPeople.set(personKey(name, unitId), { name, unitId });
      });
      for (const name of item.leaders ?? []) wantedPeople.set(personKey(name, null), { name, unitId: null });
    });
  }
  const personIds = await findOrCreatePeople(tx, ctx, jurisdictionId, wantedPeople);
  return { unitIds, personIds };
}

/** A responsible person belongs to the unit at the same position; leaders and extra names to none. */
function personUnit(names: DocumentNames, item: InterchangeItem, index: number): number | null {
  const unitName = unitNamesOf(item)[index];
  return unitName === undefined ? null : (names.unitIds.get(unitName) ?? null);
}

/** Rows hanging off items, gathered so they go in as a few multi-row inserts. */
export class ItemLinks {
  readonly units: (typeof itemUnits.$inferInsert)[] = [];
  readonly persons: (typeof itemPersons.$inferInsert)[] = [];
  readonly leaders: (typeof itemLeaders.$inferInsert)[] = [];
  readonly milestones: (typeof milestones.$inferInsert)[] = [];
  readonly indicators: (typeof indicators.$inferInsert)[] = [];

  add(itemId: number, item: InterchangeItem, names: DocumentNames): void {
    unitNamesOf(item).forEach((name, position) => {
      this.units.push({
        itemId,
        unitId: names.unitIds.get(name) as number,
        role: position === 0 && item.leadUnit ? 'lead' : 'co',
        position,
      });
    });
    (item.persons ?? []).forEach((name, position) => {
      const unitId = personUnit(names, item, position);
      this.persons.push({ itemId, personId: names.personIds.get(personKey(name, unitId)) as number, unitId, position });
    });
    (item.leaders ?? []).forEach((name, position) => {
      this.leaders.push({ itemId, personId: names.personIds.get(personKey(name, null)) as number, position });
    });
    (item.milestones ?? []).forEach((m, position) => {
      this.milestones.push({ itemId, period: m.period, text: m.text, dueDate: m.dueDate ?? null, position });
    });
    (item.indicators ?? []).forEach((i, position) => {
      this.indicators.push({
        itemId,
        name: i.name,
        unit: i.unit,
        target: i.target,
        direction: i.direction ?? 'increase',
        checkpoints: i.checkpoints ?? {},
        position,
      });
    });
  }

  async insert(tx: Db): Promise<void> {
    await insertChunked(this.units, (chunk) => tx.insert(itemUnits).values(chunk));
    await insertChunked(this.persons, (chunk) => tx.insert(itemPersons).values(chunk));
    await insertChunked(this.leaders, (chunk) => tx.insert(itemLeaders).values(chunk));
    await insertChunked(this.milestones, (chunk) => tx.insert(milestones).values(chunk));
    await insertChunked(this.indicators, (chunk) => tx.insert(indicators).values(chunk));
  }
}

export interface PendingItem {
  item: InterchangeItem;
  categoryId: number;
  parentItemId: number | null;
  position: number;
}

/** Insert items and their parts level by level, so parts can point at their parent's new id. Returns the count. */
export async function insertItemTrees(
  tx: Db,
  programmeId: number,
  roots: PendingItem[],
  names: DocumentNames,
  links: ItemLinks,
): Promise<number> {
  let level = roots;
  let count = 0;
  while (level.length > 0) {
    const inserted: { id: number; categoryId: number; parentItemId: number | null; position: number }[] = [];
    await insertChunked(level, async (chunk) => {
      const rows = await tx
        .insert(items)
        .values(
          chunk.map((p) => ({
            programmeId,
            categoryId: p.categoryId,
            parentItemId: p.parentItemId,
            position: p.position,
            number: p.item.number,
            name: p.item.name,
            description: p.item.description ?? '',
            target: p.item.target ?? '',
            deadlineDate: p.item.deadline?.date ?? null,
            deadlineText: p.item.deadline ? p.item.deadline.text : null,
          })),
        )
        .returning({
          id: items.id,
          categoryId: items.categoryId,
          parentItemId: items.parentItemId,
          position: items.position,
        });
      inserted.push(...rows);
    });
    const idOf = new Map(inserted.map((r) => [`${r.categoryId}/${r.parentItemId ?? ''}/${r.position}`, r.id]));
    const next: PendingItem[] = [];
    for (const p of level) {
      const itemId = idOf.get(`${p.categoryId}/${p.parentItemId ?? ''}/${p.position}`) as number;
      count++;
      links.add(itemId, p.item, names);
      (p.item.children ?? []).forEach((child, position) => {
        next.push({ item: child, categoryId: p.categoryId, parentItemId: itemId, position });
      });
    }
    level = next;
  }
  return count;
}

export interface WriteProgrammeResult {
  programmeId: number;
  jurisdictionId: number;
  itemCount: number;
}

/** `doc` must already be normalized (src/core/tree.ts normalizeDocument) and validated. */
export async function writeProgrammeDocument(
  tx: Db,
  ctx: RequestContext,
  doc: ProgrammeDocument,
  jurisdictionId: number,
): Promise<WriteProgrammeResult> {
  const parent = doc.parent
    ? (
        await tx
          .select({ id: programmes.id })
          .from(programmes)
          .where(eq(programmes.title, doc.parent))
          .orderBy(desc(programmes.year), desc(programmes.id))
          .limit(1)
      )[0]
    : undefined;

  const [programme] = await tx
    .insert(programmes)
    .values({
      jurisdictionId,
      year: doc.year,
      title: doc.title,
      parentId: parent?.id ?? null,
      parentTitle: doc.parent ?? null,
      state: 'draft',
    })
    .returning();
  if (!programme) throw new Error('insert returned nothing');

  const names = await resolveDocumentNames(tx, ctx, jurisdictionId, doc);
  const categoryRows = doc.categories.length
    ? await tx
        .insert(categories)
        .values(
          doc.categories.map((c, position) => ({
            programmeId: programme.id,
            position,
            ordinal: c.ordinal,
            title: c.title,
          })),
        )
        .returning({ id: categories.id, position: categories.position })
    : [];
  const categoryIdAt = new Map(categoryRows.map((r) => [r.position, r.id]));
  const roots: PendingItem[] = doc.categories.flatMap((c, ci) =>
    c.items.map((item, position) => ({
      item,
      categoryId: categoryIdAt.get(ci) as number,
      parentItemId: null,
      position,
    })),
  );
  const links = new ItemLinks();
  const itemCount = await insertItemTrees(tx, programme.id, roots, names, links);
  await links.insert(tx);

  await writeAudit(tx, ctx, {
    action: 'import',
    entityType: 'programme',
    entityId: programme.id,
    programmeId: programme.id,
    after: { programme, document: doc },
  });
  return { programmeId: programme.id, jurisdictionId, itemCount };
}
