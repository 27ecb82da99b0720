import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../../core/errors.js';
import type { Db } from '../../../db/client.js';
import { findRow } from '../../../db/crud.js';
import { nextPosition } from '../../../db/repositories/positions.repository.js';
import { itemLeaders, itemPersons, itemUnits, people, units } from '../../../db/schema.js';
import { defineCrud } from '../define-crud.js';
import { itemScope, itemWriteRule, type StructureScope } from './scopes.js';

/** Units, responsible persons and supervising leaders of an item: all from the programme's jurisdiction. */

async function requireUnitIn(db: Db, unitId: number, scope: StructureScope): Promise<string> {
  const unit = await findRow(db, units, unitId);
  if (!unit) throw notFound('责任单位', 'Unit');
  if (unit.jurisdictionId !== scope.jurisdictionId)
    throw new AppError('VALIDATION', '该单位不属于本民心工程所在行政区。 The unit belongs to another jurisdiction.');
  return unit.name;
}

async function requirePersonIn(db: Db, personId: number, scope: StructureScope): Promise<string> {
  const person = await findRow(db, people, personId);
  if (!person) throw notFound('人员', 'Person');
  if (person.jurisdictionId !== scope.jurisdictionId)
    throw new AppError('VALIDATION', '该人员不属于本民心工程所在行政区。 The person belongs to another jurisdiction.');
  return person.name;
}

async function assertSingleLead(db: Db, itemId: number, exceptId: number | null): Promise<void> {
  const [lead] = await db
    .select({ id: itemUnits.id })
    .from(itemUnits)
    .where(and(eq(itemUnits.itemId, itemId), eq(itemUnits.role, 'lead')))
    .limit(1);
  if (lead && lead.id !== exceptId)
    throw new AppError(
      'VALIDATION',
      '该子项已有牵头单位；请先将原牵头单位改为配合单位。 The item already has a lead unit; make it a co-unit first.',
    );
}

export const itemUnitsCrud = defineCrud({
  table: itemUnits,
  meta: { entityType: 'item_unit', what: { zh: '责任单位关联', en: 'item unit' } },
  present: async (db, row) => {
    const unit = await findRow(db, units, row.unitId);
    return { ...row, name: unit?.name ?? '', createdAt: undefined, updatedAt: undefined };
  },
  scopeOfCreate: (db, _input: { unitId: number; role: 'lead' | 'co'; position?: number | undefined }, itemId) =>
    itemScope(db, itemId as number),
  ...itemWriteRule,
  toValues: async (db, input, scope) => {
    const itemId = scope.itemId as number;
    await requireUnitIn(db, input.unitId, scope);
    if (input.role === 'lead') await assertSingleLead(db, itemId, null);
    return {
      itemId,
      unitId: input.unitId,
      role: input.role,
      position: input.position ?? (await nextPosition(db, itemUnits, eq(itemUnits.itemId, itemId))),
    };
  },
  checkPatch: async (db, patch, scope, row) => {
    if (patch.role === 'lead') await assertSingleLead(db, scope.itemId as number, row.id);
    return patch;
  },
});

export const itemPersonsCrud = defineCrud({
  table: itemPersons,
  meta: { entityType: 'item_person', what: { zh: '责任人', en: 'responsible person' } },
  present: async (db, row) => {
    const person = await findRow(db, people, row.personId);
    return { ...row, name: person?.name ?? '', createdAt: undefined, updatedAt: undefined };
  },
  scopeOfCreate: (db, _input: { personId: number; unitId: number | null; position?: number | undefined }, itemId) =>
    itemScope(db, itemId as number),
  ...itemWriteRule,
  toValues: async (db, input, scope) => {
    const itemId = scope.itemId as number;
    await requirePersonIn(db, input.personId, scope);
    if (input.unitId !== null) await requireUnitIn(db, input.unitId, scope);
    return {
      itemId,
      personId: input.personId,
      unitId: input.unitId,
      position: input.position ?? (await nextPosition(db, itemPersons, eq(itemPersons.itemId, itemId))),
    };
  },
});

export const itemLeadersCrud = defineCrud({
  table: itemLeaders,
  meta: { entityType: 'item_leader', what: { zh: '分管领导', en: 'supervising leader' } },
  present: async (db, row) => {
    const person = await findRow(db, people, row.personId);
    return { ...row, name: person?.name ?? '', createdAt: undefined, updatedAt: undefined };
  },
  scopeOfCreate: (db, _input: { personId: number; position?: number | undefined }, itemId) =>
    itemScope(db, itemId as number),
  ...itemWriteRule,
  toValues: async (db, input, scope) => {
    const itemId = scope.itemId as number;
    await requirePersonIn(db, input.personId, scope);
    return {
      itemId,
      personId: input.personId,
      position: input.position ?? (await nextPosition(db, itemLeaders, eq(itemLeaders.itemId, itemId))),
    };
  },
});
