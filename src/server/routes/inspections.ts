import { contextOf, requireActor } from '../context.js';
import { errors, idParams, noContent } from '../schemas/common.js';
import {
  inspectionCreate,
  inspectionList,
  inspectionOut,
  inspectionQuery,
  inspectionUpdate,
} from '../schemas/notices.js';
import { deleteInspection } from '../use-cases/inspections/delete-inspection.js';
import { listItemInspections } from '../use-cases/inspections/list-item-inspections.js';
import { listProgrammeInspections } from '../use-cases/inspections/list-programme-inspections.js';
import { recordInspection } from '../use-cases/inspections/record-inspection.js';
import { updateInspection } from '../use-cases/inspections/update-inspection.js';
import { type Api, typed } from './crud-routes.js';

/** On-site inspections (实地督查) of items: date, inspectors, findings, photos, follow-up. */
export async function inspectionRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;
  const tags = ['inspections'];

  api.post(
    '/items/:id/inspections',
    {
      schema: {
        tags,
        summary: '记录实地督查 (record an on-site inspection of an item, with photos)',
        params: idParams,
        body: inspectionCreate,
        response: { 201: inspectionOut, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordInspection(db(), contextOf(request), request.params.id, request.body)),
  );

  api.get(
    '/items/:id/inspections',
    {
      schema: {
        tags,
        summary: '子项的实地督查记录 (an item’s inspections, latest first)',
        params: idParams,
        querystring: inspectionQuery.omit({ itemId: true }),
        response: { 200: inspectionList, ...errors },
      },
    },
    async (request) => listItemInspections(db(), requireActor(request), request.params.id, request.query),
  );

  api.get(
    '/programmes/:id/inspections',
    {
      schema: {
        tags,
        summary: '民心工程的实地督查记录 (a programme’s inspections, of the items the caller may read)',
        params: idParams,
        querystring: inspectionQuery,
        response: { 200: inspectionList, ...errors },
      },
    },
    async (request) => listProgrammeInspections(db(), requireActor(request), request.params.id, request.query),
  );

  api.patch(
    '/inspections/:id',
    {
      schema: {
        tags,
        summary: '修改实地督查记录 (update; add or remove photos; send the version you saw)',
        params: idParams,
        body: inspectionUpdate,
        response: { 200: inspectionOut, ...errors },
      },
    },
    async (request) => updateInspection(db(), contextOf(request), request.params.id, request.body),
  );

  api.delete(
    '/inspections/:id',
    {
      schema: {
        tags,
        summary: '删除实地督查记录 (delete, with its attachments)',
        params: idParams,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await deleteInspection(db(), contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
