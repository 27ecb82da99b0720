import { z } from 'zod';
import { contextOf, requireActor } from '../context.js';
import {
  bulletinAction,
  bulletinCreate,
  bulletinList,
  bulletinOut,
  bulletinUpdate,
  chainOut,
} from '../schemas/bulletins.js';
import { errors, idParams, noContent } from '../schemas/common.js';
import { createBulletin } from '../use-cases/bulletins/create-bulletin.js';
import { deleteBulletin } from '../use-cases/bulletins/delete-bulletin.js';
import { BULLETIN_CONTENT_TYPES, BULLETIN_FORMATS, exportBulletin } from '../use-cases/bulletins/export-bulletin.js';
import { getBulletin } from '../use-cases/bulletins/get-bulletin.js';
import { listBulletins } from '../use-cases/bulletins/list-bulletins.js';
import { publishBulletin } from '../use-cases/bulletins/publish-bulletin.js';
import { refreshBulletin } from '../use-cases/bulletins/refresh-bulletin.js';
import { updateBulletin } from '../use-cases/bulletins/update-bulletin.js';
import { verifyBulletins } from '../use-cases/bulletins/verify-bulletins.js';
import { type Api, typed } from './crud-routes.js';

const FORMAT_NAMES = { docx: 'Word 文档 (official layout, A4)', md: 'Markdown', html: 'a standalone HTML page' };

/** Bulletins (进展情况通报): the office drafts, edits, publishes (frozen, hash-chained) and downloads them. */
export async function bulletinsRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;
  const tags = ['bulletins'];

  api.post(
    '/programmes/:id/bulletins',
    {
      schema: {
        tags,
        summary: '起草通报 (draft a bulletin at a cut-off date; supervisor or admin)',
        params: idParams,
        body: bulletinCreate,
        response: { 201: bulletinOut, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createBulletin(db(), contextOf(request), request.params.id, request.body)),
  );

  api.get(
    '/programmes/:id/bulletins',
    {
      schema: {
        tags,
        summary: '通报列表 (drafts for the office, then published ones, newest first)',
        params: idParams,
        response: { 200: bulletinList, ...errors },
      },
    },
    async (request) => listBulletins(db(), requireActor(request), request.params.id),
  );

  api.get(
    '/programmes/:id/bulletins/verify',
    {
      schema: {
        tags,
        summary: '校验通报哈希链 (check the hash chain over the published bulletins)',
        params: idParams,
        response: { 200: chainOut, ...errors },
      },
    },
    async (request) => verifyBulletins(db(), requireActor(request), request.params.id),
  );

  api.get(
    '/bulletins/:id',
    {
      schema: { tags, summary: '通报详情 (one bulletin)', params: idParams, response: { 200: bulletinOut, ...errors } },
    },
    async (request) => getBulletin(db(), requireActor(request), request.params.id),
  );

  api.patch(
    '/bulletins/:id',
    {
      schema: {
        tags,
        summary: '修改通报草稿 (edit a draft’s title and text; send the version you saw)',
        params: idParams,
        body: bulletinUpdate,
        response: { 200: bulletinOut, ...errors },
      },
    },
    async (request) => updateBulletin(db(), contextOf(request), request.params.id, request.body),
  );

  api.post(
    '/bulletins/:id/refresh',
    {
      schema: {
        tags,
        summary: '重新取数起草 (draw the facts again at the cut-off and draft the text anew; edits are lost)',
        params: idParams,
        body: bulletinAction,
        response: { 200: bulletinOut, ...errors },
      },
    },
    async (request) => refreshBulletin(db(), contextOf(request), request.params.id, request.body?.version ?? null),
  );

  api.post(
    '/bulletins/:id/publish',
    {
      schema: {
        tags,
        summary: '发布通报 (publish: numbered, hash-chained, frozen and public)',
        params: idParams,
        body: bulletinAction,
        response: { 200: bulletinOut, ...errors },
      },
    },
    async (request) => publishBulletin(db(), contextOf(request), request.params.id, request.body?.version ?? null),
  );

  api.delete(
    '/bulletins/:id',
    {
      schema: {
        tags,
        summary: '删除通报草稿 (delete a draft; published ones stay)',
        params: idParams,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await deleteBulletin(db(), contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  for (const format of BULLETIN_FORMATS) {
    api.get(
      `/bulletins/:id/export.${format}`,
      {
        schema: {
          tags,
          summary: `下载通报 (the bulletin as ${FORMAT_NAMES[format]})`,
          params: idParams,
          response: {
            200: {
              description: `The bulletin as ${FORMAT_NAMES[format]}, offered for download under its title`,
              content: {
                [BULLETIN_CONTENT_TYPES[format]]: {
                  schema: z
                    .unknown()
                    .meta(format === 'docx' ? { type: 'string', format: 'binary' } : { type: 'string' }),
                },
              },
            },
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const file = await exportBulletin(db(), requireActor(request), request.params.id, format);
        reply.header('content-disposition', file.contentDisposition);
        return reply.type(file.contentType).send(file.bytes);
      },
    );
  }
}
