import { z } from 'zod';
import { requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import { inboxList, inboxMessageOut, inboxQuery, readAllOut } from '../schemas/reminders.js';
import { listMyInbox } from '../use-cases/inbox/list-inbox.js';
import { markAllMyInboxRead } from '../use-cases/inbox/mark-all-inbox-read.js';
import { markMyInboxRead } from '../use-cases/inbox/mark-inbox-read.js';
import { type Api, typed } from './crud-routes.js';

/** The signed-in person's own messages: reminders, escalations, notices. */
export async function inboxRoutes(app: Api): Promise<void> {
  typed(app).get(
    '/me/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: '我的消息 (my inbox, newest first)',
        querystring: inboxQuery,
        response: { 200: inboxList, ...errors },
      },
    },
    async (request) => listMyInbox(app.database.db, requireActor(request), request.query),
  );
  typed(app).post(
    '/me/inbox/:id/read',
    {
      schema: {
        tags: ['inbox'],
        summary: '标为已读 (mark one of my messages read)',
        body: z.strictObject({}).nullish().describe('nothing: what to do is in the path'),
        params: idParams,
        response: { 200: inboxMessageOut, ...errors },
      },
    },
    async (request) => markMyInboxRead(app.database.db, requireActor(request), request.params.id),
  );
  typed(app).post(
    '/me/inbox/read-all',
    {
      schema: {
        tags: ['inbox'],
        summary: '全部标为已读 (mark all my messages read)',
        body: z.strictObject({}).nullish().describe('nothing: what to do is in the path'),
        response: { 200: readAllOut, ...errors },
      },
    },
    async (request) => markAllMyInboxRead(app.database.db, requireActor(request)),
  );
}
