import { z } from 'zod';
import { contextOf, requireActor } from '../context.js';
import { transportsFor } from '../notify/transports.js';
import { errors, idParams } from '../schemas/common.js';
import { channelCreate, channelList, channelOut, channelTestOut, channelUpdate } from '../schemas/reminders.js';
import { channelsCrud } from '../use-cases/channels/channels.crud.js';
import { listChannelsFor } from '../use-cases/channels/list-channels.js';
import { testChannel } from '../use-cases/channels/test-channel.js';
import { type Api, registerCrudRoutes, typed } from './crud-routes.js';

/** Reminder channels: e-mail, WeCom and DingTalk group robots. */
export async function channelRoutes(app: Api): Promise<void> {
  typed(app).get(
    '/channels',
    {
      schema: {
        tags: ['reminders'],
        summary: '提醒渠道列表 (reminder channels the office manages)',
        response: { 200: channelList, ...errors },
      },
    },
    async (request) => listChannelsFor(app.database.db, requireActor(request)),
  );
  registerCrudRoutes(app, {
    tag: 'reminders',
    collection: '/channels',
    member: '/channels/:id',
    create: channelCreate,
    update: channelUpdate,
    out: channelOut,
    crud: channelsCrud,
    summary: '提醒渠道',
  });
  typed(app).post(
    '/channels/:id/test',
    {
      schema: {
        tags: ['reminders'],
        summary: '发送测试消息 (send a test message over the channel now)',
        params: idParams,
        body: z.strictObject({}).nullish().describe('nothing: the channel is in the path'),
        response: { 200: channelTestOut, ...errors },
      },
    },
    async (request) =>
      testChannel(app.database.db, contextOf(request), request.params.id, transportsFor(app.config), {
        publicUrl: app.config.MINXIN_PUBLIC_URL,
      }),
  );
}
