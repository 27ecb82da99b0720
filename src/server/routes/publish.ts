import { z } from 'zod';
import { contextOf } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import { programmeOut } from '../schemas/programmes.js';
import { publishProgramme } from '../use-cases/publish/publish-programme.js';
import { type Api, typed } from './crud-routes.js';

/** Making a programme public (the report card at /p/{id} follows). */
export async function publishRoutes(app: Api): Promise<void> {
  const api = typed(app);
  api.post(
    '/programmes/:id/publish',
    {
      schema: {
        tags: ['publish'],
        summary: '发布清单：公开成绩单，各单位开始填报 (make a programme public; supervisor or admin)',
        params: idParams,
        body: z.strictObject({}).nullish().describe('nothing: the programme is in the path'),
        response: { 200: programmeOut, ...errors },
      },
    },
    async (request) => publishProgramme(app.database.db, contextOf(request), request.params.id),
  );
}
