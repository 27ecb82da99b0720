import { contextOf, requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import { feedbackList, feedbackModerate, feedbackOut, feedbackQuery, satisfactionOut } from '../schemas/feedback.js';
import { getSatisfaction } from '../use-cases/feedback/get-satisfaction.js';
import { listFeedback } from '../use-cases/feedback/list-feedback.js';
import { moderateFeedback } from '../use-cases/feedback/moderate-feedback.js';
import { type Api, typed } from './crud-routes.js';

/** Residents' feedback for the office: the moderation queue and satisfaction by item and unit. */
export async function feedbackRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;
  const tags = ['feedback'];

  api.get(
    '/feedback',
    {
      schema: {
        tags,
        summary: '群众留言审核队列 (a programme’s comments in one state; pending oldest first; the office)',
        querystring: feedbackQuery,
        response: { 200: feedbackList, ...errors },
      },
    },
    async (request) => listFeedback(db(), requireActor(request), request.query),
  );

  api.patch(
    '/feedback/:id',
    {
      schema: {
        tags,
        summary: '审核留言：公开或不予公开（须写明原因） (approve or reject a comment; send the version you saw)',
        params: idParams,
        body: feedbackModerate,
        response: { 200: feedbackOut, ...errors },
      },
    },
    async (request) => moderateFeedback(db(), contextOf(request), request.params.id, request.body),
  );

  api.get(
    '/programmes/:id/satisfaction',
    {
      schema: {
        tags,
        summary: '群众满意度 (mean rating, count and 1–5 distribution per item; mean per lead unit)',
        params: idParams,
        response: { 200: satisfactionOut, ...errors },
      },
    },
    async (request) => getSatisfaction(db(), requireActor(request), request.params.id),
  );
}
