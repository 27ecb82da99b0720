import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { findRow } from '../../db/crud.js';
import { listJurisdictions, listPeople, listUnits } from '../../db/repositories/reference.repository.js';
import { jurisdictions, people, units } from '../../db/schema.js';
import { requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import {
  jurisdictionCreate,
  jurisdictionOut,
  jurisdictionUpdate,
  personCreate,
  personOut,
  personQuery,
  personUpdate,
  unitCreate,
  unitOut,
  unitQuery,
  unitUpdate,
} from '../schemas/reference.js';
import { jurisdictionsCrud } from '../use-cases/reference/jurisdictions.crud.js';
import { peopleCrud } from '../use-cases/reference/people.crud.js';
import { unitsCrud } from '../use-cases/reference/units.crud.js';
import { type Api, registerCrudRoutes, typed } from './crud-routes.js';

/** Jurisdictions, units and people: readable by every signed-in user, written by the office. */
export async function referenceRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;

  api.get(
    '/jurisdictions',
    {
      schema: {
        tags: ['reference'],
        summary: '行政区列表 (jurisdictions)',
        response: { 200: z.object({ items: z.array(jurisdictionOut) }), ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await listJurisdictions(db()) };
    },
  );
  api.get(
    '/jurisdictions/:id',
    { schema: { tags: ['reference'], params: idParams, response: { 200: jurisdictionOut, ...errors } } },
    async (request) => {
      requireActor(request);
      const row = await findRow(db(), jurisdictions, request.params.id);
      if (!row) throw notFound('行政区', 'Jurisdiction');
      return row;
    },
  );
  registerCrudRoutes(app, {
    tag: 'reference',
    collection: '/jurisdictions',
    member: '/jurisdictions/:id',
    create: jurisdictionCreate,
    update: jurisdictionUpdate,
    out: jurisdictionOut,
    crud: jurisdictionsCrud,
    summary: '行政区',
  });

  api.get(
    '/units',
    {
      schema: {
        tags: ['reference'],
        summary: '责任单位列表 (units)',
        querystring: unitQuery,
        response: { 200: z.object({ items: z.array(unitOut) }), ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await listUnits(db(), request.query) };
    },
  );
  api.get(
    '/units/:id',
    { schema: { tags: ['reference'], params: idParams, response: { 200: unitOut, ...errors } } },
    async (request) => {
      requireActor(request);
      const row = await findRow(db(), units, request.params.id);
      if (!row) throw notFound('责任单位', 'Unit');
      return row;
    },
  );
  registerCrudRoutes(app, {
    tag: 'reference',
    collection: '/units',
    member: '/units/:id',
    create: unitCreate,
    update: unitUpdate,
    out: unitOut,
    crud: unitsCrud,
    summary: '责任单位',
  });

  api.get(
    '/people',
    {
      schema: {
        tags: ['reference'],
        summary: '人员列表 (people)',
        querystring: personQuery,
        response: { 200: z.object({ items: z.array(personOut) }), ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: await listPeople(db(), request.query) };
    },
  );
  api.get(
    '/people/:id',
    { schema: { tags: ['reference'], params: idParams, response: { 200: personOut, ...errors } } },
    async (request) => {
      requireActor(request);
      const row = await findRow(db(), people, request.params.id);
      if (!row) throw notFound('人员', 'Person');
      return row;
    },
  );
  registerCrudRoutes(app, {
    tag: 'reference',
    collection: '/people',
    member: '/people/:id',
    create: personCreate,
    update: personUpdate,
    out: personOut,
    crud: peopleCrud,
    summary: '人员',
  });
}
