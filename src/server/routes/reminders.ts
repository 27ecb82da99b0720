import { z } from 'zod';
import { contextOf, requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import { deliveryList, deliveryOut, deliveryQuery } from '../schemas/reminders.js';
import { listDeliveryLog } from '../use-cases/reminders/list-deliveries.js';
import { retryDelivery } from '../use-cases/reminders/retry-delivery.js';
import { type Api, typed } from './crud-routes.js';

/** The delivery log of reminders sent by e-mail and robots. */
export async function reminderRoutes(app: Api): Promise<void> {
  typed(app).get(
    '/deliveries',
    {
      schema: {
        tags: ['reminders'],
        summary: '提醒投递记录 (the delivery log, newest first)',
        querystring: deliveryQuery,
        response: { 200: deliveryList, ...errors },
      },
    },
    async (request) => listDeliveryLog(app.database.db, requireActor(request), request.query),
  );
  typed(app).post(
    '/deliveries/:id/retry',
    {
      schema: {
        tags: ['reminders'],
        summary: '重新投递 (put a failed or dead delivery back in the queue now)',
        body: z.strictObject({}).nullish().describe('nothing: what to do is in the path'),
        params: idParams,
        response: { 200: deliveryOut, ...errors },
      },
    },
    async (request) => retryDelivery(app.database.db, contextOf(request), request.params.id),
  );
}
