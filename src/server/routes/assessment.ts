import { contextOf, requireActor } from '../context.js';
import { adjustmentCreate, adjustmentCreated, asOfQuery, assessmentOut, xlsxResponse } from '../schemas/assessment.js';
import { errors, idParams, noContent } from '../schemas/common.js';
import { addScoreAdjustment } from '../use-cases/assessment/add-score-adjustment.js';
import { deleteScoreAdjustment } from '../use-cases/assessment/delete-score-adjustment.js';
import { exportAssessment } from '../use-cases/assessment/export-assessment.js';
import { getAssessment } from '../use-cases/assessment/get-assessment.js';
import { type Api, typed } from './crud-routes.js';

/** Assessment (考核): the score of each unit, rule by rule, the office's adjustments and the ranking table. */
export async function assessmentRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;

  api.get(
    '/programmes/:id/assessment',
    {
      schema: {
        tags: ['assessment'],
        summary: '责任单位考核：逐项得分与排名 (unit assessment, rule by rule, ranked)',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: assessmentOut, ...errors },
      },
    },
    async (request) => getAssessment(db(), requireActor(request), request.params.id, request.query.date),
  );

  api.get(
    '/programmes/:id/assessment/export',
    {
      schema: {
        tags: ['assessment'],
        summary: '导出考核排名表 xlsx (export the ranking table as xlsx)',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: xlsxResponse, ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportAssessment(db(), requireActor(request), request.params.id, request.query.date);
      reply.header('content-disposition', file.contentDisposition);
      return reply.type(file.contentType).send(file.bytes);
    },
  );

  api.post(
    '/programmes/:id/assessment/adjustments',
    {
      schema: {
        tags: ['assessment'],
        summary: '调整单位考核分（须写明理由） (adjust a unit score, with a written reason)',
        params: idParams,
        body: adjustmentCreate,
        response: { 201: adjustmentCreated, ...errors },
      },
    },
    async (request, reply) => {
      const created = await addScoreAdjustment(db(), contextOf(request), request.params.id, request.body);
      return reply.status(201).send(created);
    },
  );

  api.delete(
    '/assessment-adjustments/:id',
    {
      schema: {
        tags: ['assessment'],
        summary: '撤销考核调整 (withdraw a score adjustment)',
        params: idParams,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await deleteScoreAdjustment(db(), contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
