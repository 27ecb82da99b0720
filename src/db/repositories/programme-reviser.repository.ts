import { eq, inArray, sql } from 'drizzle-orm';
import type { ProgrammeDocument } from '../../core/interchange.js';
import {
  diffProgrammes,
  type FlatItem,
  flattenItems,
  matchItems,
  type ProgrammeDiff,
} from '../../core/programme-diff.js';
import { type ItemNode, type ProgrammeTree, treeToDocument } from '../../core/tree.js';
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
  milestones,
  programmes,
} from '../schema.js';
import { ItemLinks, resolveDocumentNames } from './programme-writer.repository.js';

/**
 * Apply a revised list to an existing programme in place: matched items keep
 * their ids (and so everything attached to them), changed ones are updated,
 * new ones inserted, vanished ones deleted. The caller runs it in a
 * transaction; `next` must be normalized and validated.
 */

const LINK_FIELDS = ['leadUnit', 'coUnits', 'persons', 'leaders', 'milestones', 'indicators'] as const;

function treeNodesInOrder(tree: ProgrammeTree): ItemNode[] {
  const out: ItemNode[] = [];
  const visit = (node: ItemNode) => {
    out.push(node);
    for (const child of node.children) visit(child);
  };
  for (const c of tree.categories) for (const item of c.items) visit(item);
  return out;
}

const categoryKey = (c: { ordinal: number | null; title: string }) =>
  c.ordinal === null ? `t:${c.title}` : `o:${c.ordinal}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function reviseProgramme(
  tx: Db,
  ctx: RequestContext,
  tree: ProgrammeTree,
  next: ProgrammeDocument,
): Promise<ProgrammeDiff> {
  const programmeId = tree.programme.id;
  const currentDoc = treeToDocument(tree);
  const diff = diffProgrammes(currentDoc, next);
  const currentFlat = flattenItems(currentDoc);
  const nodes = treeNodesInOrder(tree);
  const idOfCurrent = new Map(currentFlat.map((f, i) => [f.key, (nodes[i] as ItemNode).id]));
  const nextFlat = flattenItems(next);
  const pairs = matchItems(currentFlat, nextFlat);
  const currentOfNext = new Map<string, FlatItem>();
  for (const c of currentFlat) {
    const n = pairs.get(c.key);
    if (n) currentOfNext.set(n.key, c);
  }

  // Categories: matched by number (or title), the rest created; positions follow the new list.
  const existing = new Map(tree.categories.map((c) => [categoryKey(c), c]));
  const categoryIdOf = new Map<string, number>();
  for (const [position, c] of next.categories.entries()) {
    const found = existing.get(categoryKey(c));
    if (found) {
      if (found.title !== c.title || found.position !== position || found.ordinal !== c.ordinal)
        await tx
          .update(categories)
          .set({
            title: c.title,
            ordinal: c.ordinal,
            position,
            version: sql`${categories.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(categories.id, found.id));
      categoryIdOf.set(categoryKey(c), found.id);
      existing.delete(categoryKey(c));
    } else {
      const [row] = await tx
        .insert(categories)
        .values({ programmeId, position, ordinal: c.ordinal, title: c.title })
        .returning({ id: categories.id });
      categoryIdOf.set(categoryKey(c), (row as { id: number }).id);
    }
  }

  const names = await resolveDocumentNames(tx, ctx, tree.programme.jurisdictionId, next);
  const links = new ItemLinks();
  const idOfNext = new Map<string, number>();
  const relinked: number[] = [];

  for (const n of nextFlat) {
    const categoryId = categoryIdOf.get(n.key.split('|')[0] as string) as number;
    const parentItemId = n.parentKey ? (idOfNext.get(n.parentKey) ?? null) : null;
    const values = {
      categoryId,
      parentItemId,
      position: n.position,
      number: n.item.number,
      name: n.item.name,
      description: n.item.description ?? '',
      target: n.item.target ?? '',
      deadlineDate: n.item.deadline?.date ?? null,
      deadlineText: n.item.deadline ? n.item.deadline.text : null,
    };
    const current = currentOfNext.get(n.key);
    if (current) {
      const id = idOfCurrent.get(current.key) as number;
      idOfNext.set(n.key, id);
      const node = nodes.find((x) => x.id === id) as ItemNode;
      const moved =
        node.categoryId !== categoryId || node.parentItemId !== parentItemId || node.position !== values.position;
      const ownChanged = (['number', 'name', 'description', 'target', 'deadline'] as const).some(
        (f) => !same(current.item[f], n.item[f]),
      );
      if (moved || ownChanged)
        await tx
          .update(items)
          .set({ ...values, version: sql`${items.version} + 1`, updatedAt: sql`now()` })
          .where(eq(items.id, id));
      const linksChanged = LINK_FIELDS.some((f) => !same(current.item[f], n.item[f]));
      if (linksChanged) {
        relinked.push(id);
        links.add(id, n.item, names);
      }
      if (moved || ownChanged || linksChanged)
        await writeAudit(tx, ctx, {
          action: 'reimport',
          entityType: 'item',
          entityId: id,
          programmeId,
          itemId: id,
          before: { ...current.item, children: undefined },
          after: { ...n.item, children: undefined },
        });
    } else {
      const [row] = await tx
        .insert(items)
        .values({ programmeId, ...values })
        .returning({ id: items.id });
      const id = (row as { id: number }).id;
      idOfNext.set(n.key, id);
      links.add(id, n.item, names);
      await writeAudit(tx, ctx, {
        action: 'reimport',
        entityType: 'item',
        entityId: id,
        programmeId,
        itemId: id,
        after: { ...n.item, children: undefined },
      });
    }
  }

  if (relinked.length > 0) {
    for (const table of [itemUnits, itemPersons, itemLeaders, milestones, indicators])
      await tx.delete(table).where(inArray(table.itemId, relinked));
  }
  await links.insert(tx);

  // Parts that stay were re-parented above, so deleting what vanished cannot take them along.
  const vanished = currentFlat.filter((c) => !pairs.has(c.key));
  for (const c of vanished) {
    const id = idOfCurrent.get(c.key) as number;
    await writeAudit(tx, ctx, {
      action: 'reimport',
      entityType: 'item',
      entityId: id,
      programmeId,
      itemId: id,
      before: { ...c.item, children: undefined },
    });
  }
  const removed = vanished.map((c) => idOfCurrent.get(c.key) as number);
  if (removed.length > 0) await tx.delete(items).where(inArray(items.id, removed));
  const vanishedCategories = [...existing.values()].map((c) => c.id);
  if (vanishedCategories.length > 0) await tx.delete(categories).where(inArray(categories.id, vanishedCategories));

  await tx
    .update(programmes)
    .set({
      title: next.title,
      year: next.year,
      parentTitle: next.parent ?? null,
      version: sql`${programmes.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(programmes.id, programmeId));
  await writeAudit(tx, ctx, {
    action: 'reimport',
    entityType: 'programme',
    entityId: programmeId,
    programmeId,
    before: { document: currentDoc },
    after: { document: next, diff },
  });
  return diff;
}
