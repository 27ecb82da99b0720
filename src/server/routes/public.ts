import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { sendCachedBody, sharedForBuild } from '../public-site/page-cache.js';
import { errorSchema, idParams } from '../schemas/common.js';
import { programmeOut } from '../schemas/programmes.js';
import { notModified, publicDateQuery, publicItemProgressOut, reportCardOut } from '../schemas/public.js';
import { treeSchema } from '../schemas/tree.js';
import { getPublishedTree } from '../use-cases/programmes/get-programme-tree.js';
import { listProgrammes } from '../use-cases/programmes/list-programmes.js';
import { getPublicItemProgress } from '../use-cases/publish/get-public-item-progress.js';
import { getReportCard } from '../use-cases/publish/get-report-card.js';
import { type Api, typed } from './crud-routes.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const programmesOut = z.object({ items: z.array(programmeOut) });
/** No sign-in, nothing to refuse: a bad parameter, or nothing published there. */
const errors = { 400: errorSchema, 404: errorSchema } as const;

/**
 * No sign-in: published programmes only. Every answer is cached until the next
 * audited change (publish included) or the next business day, with a strong
 * ETag (If-None-Match → 304) and `Cache-Control: public, max-age=60,
 * stale-while-revalidate=300` (src/server/public-site/page-cache.ts). The
 * response schema is applied once, when the entry is filled.
 */
export async function publicRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;
  const describe = (summary: string) => ({
    tags: ['public'],
    summary,
    description:
      '无需登录；带强 ETag（If-None-Match 返回 304）和 Cache-Control: public, max-age=60, stale-while-revalidate=300',
  });

  api.get(
    '/public/programmes',
    {
      schema: {
        ...describe('已发布的民心工程 (published programmes)'),
        response: { 200: programmesOut, 304: notModified },
      },
    },
    async (request, reply) =>
      sendCachedBody(request, reply, 'api:programmes', JSON_TYPE, async () =>
        JSON.stringify(programmesOut.parse({ items: await listProgrammes(db(), null, {}) })),
      ),
  );
  api.get(
    '/public/programmes/:id/tree',
    {
      schema: {
        ...describe('已发布民心工程的树 (a published programme’s tree)'),
        params: idParams,
        response: { 200: treeSchema, 304: notModified, ...errors },
      },
    },
    async (request, reply) =>
      sendCachedBody(request, reply, `api:tree:${request.params.id}`, JSON_TYPE, async () =>
        JSON.stringify(treeSchema.parse(await getPublishedTree(db(), request.params.id))),
      ),
  );
  api.get(
    '/public/programmes/:id/report-card',
    {
      schema: {
        ...describe('成绩单：已发布民心工程截至某日的公开进度 (the report card of a published programme at a date)'),
        params: idParams,
        querystring: publicDateQuery,
        response: { 200: reportCardOut, 304: notModified, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const key = `api:card:${id}|${request.query.date ?? 'today'}`;
      return sendCachedBody(request, reply, key, JSON_TYPE, async ({ today }) => {
        const asOf = request.query.date ?? today;
        const card = await sharedForBuild(request, `card:${id}|${asOf}`, () =>
          getReportCard(db(), id, asOf, { publicOnly: true }),
        );
        if (!card) throw notFound('已发布的民心工程', 'Published programme');
        return JSON.stringify(reportCardOut.parse(card));
      });
    },
  );
  api.get(
    '/public/items/:id/progress',
    {
      schema: {
        ...describe(
          '计划与实际：已发布子项各指标的计划值和实报值 (planned versus actual of an item of a published programme)',
        ),
        params: idParams,
        querystring: publicDateQuery,
        response: { 200: publicItemProgressOut, 304: notModified, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const key = `api:progress:${id}|${request.query.date ?? 'today'}`;
      return sendCachedBody(request, reply, key, JSON_TYPE, async ({ today }) => {
        const progress = await getPublicItemProgress(db(), id, request.query.date ?? today);
        if (!progress) throw notFound('已发布的子项', 'Published item');
        return JSON.stringify(publicItemProgressOut.parse(progress));
      });
    },
  );
}
