import { z } from 'zod';
import { requireActor } from '../context.js';
import { errors, idParams, idQuery } from '../schemas/common.js';
import { listHistoryFor } from '../use-cases/history/list-history.js';
import { type Api, typed } from './crud-routes.js';

const entryOut = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.number().nullable(),
  programmeId: z.number().nullable(),
  itemId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
const historyOut = z.object({ items: z.array(entryOut) });
const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional().describe('Entries older than this id (paging)'),
};

/** The audit trail is read-only: there is no route that edits or deletes it. */
export async function historyRoutes(app: Api): Promise<void> {
  const api = typed(app);
  api.get(
    '/history',
    {
      schema: {
        tags: ['history'],
        summary: '变更历史 (audit trail, newest first)',
        querystring: z.object({
          entityType: z.string().max(40).optional(),
          entityId: idQuery.optional(),
          programmeId: idQuery.optional(),
          itemId: idQuery.optional(),
          ...paging,
        }),
        response: { 200: historyOut, ...errors },
      },
    },
    async (request) => ({ items: await listHistoryFor(app.database.db, requireActor(request), request.query) }),
  );
  api.get(
    '/items/:id/history',
    {
      schema: {
        tags: ['history'],
        summary: '子项变更历史：含其阶段目标、指标、单位 (an item’s history)',
        params: idParams,
        querystring: z.object(paging),
        response: { 200: historyOut, ...errors },
      },
    },
    async (request) => ({
      items: await listHistoryFor(app.database.db, requireActor(request), {
        itemId: request.params.id,
        ...request.query,
      }),
    }),
  );
}
