import { requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import { itemProgressOut, programmeStatusOut, statusQuery } from '../schemas/work.js';
import { getItemProgress } from '../use-cases/work/get-item-progress.js';
import { getProgrammeStatus } from '../use-cases/work/get-programme-status.js';
import { type Api, typed } from './crud-routes.js';

/** Status against plan: every item's status with its reasons, and an item's planned-versus-actual series. */
export async function statusRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;

  api.get(
    '/programmes/:id/status',
    {
      schema: {
        tags: ['status'],
        summary: '进度状态：各项目对照计划的状态与原因 (status against plan of every item and part)',
        params: idParams,
        querystring: statusQuery,
        response: { 200: programmeStatusOut, ...errors },
      },
    },
    async (request) => getProgrammeStatus(db(), requireActor(request), request.params.id, request.query.date),
  );
  api.get(
    '/items/:id/progress',
    {
      schema: {
        tags: ['status'],
        summary: '计划与实际：各指标的计划值、实报值与年底预测 (planned versus actual per indicator)',
        params: idParams,
        querystring: statusQuery,
        response: { 200: itemProgressOut, ...errors },
      },
    },
    async (request) => getItemProgress(db(), requireActor(request), request.params.id, request.query.date),
  );
}
