import { z } from 'zod';
import { sendCachedTree } from '../cache/tree-cache.js';
import { errors, idParams } from '../schemas/common.js';
import { programmeOut } from '../schemas/programmes.js';
import { treeSchema } from '../schemas/tree.js';
import { getPublishedTree } from '../use-cases/programmes/get-programme-tree.js';
import { listProgrammes } from '../use-cases/programmes/list-programmes.js';
import { type Api, typed } from './crud-routes.js';

/** No sign-in: published programmes only. */
export async function publicRoutes(app: Api): Promise<void> {
  const api = typed(app);
  api.get(
    '/public/programmes',
    {
      schema: {
        tags: ['public'],
        summary: '已发布的民心工程 (published programmes)',
        response: { 200: z.object({ items: z.array(programmeOut) }) },
      },
    },
    async () => ({ items: await listProgrammes(app.database.db, null, {}) }),
  );
  api.get(
    '/public/programmes/:id/tree',
    {
      schema: {
        tags: ['public'],
        summary: '已发布民心工程的树 (a published programme’s tree)',
        params: idParams,
        response: { 200: treeSchema, ...errors },
      },
    },
    async (request, reply) =>
      sendCachedTree(request, reply, { programmeId: request.params.id, public: true }, () =>
        getPublishedTree(app.database.db, request.params.id),
      ),
  );
}
