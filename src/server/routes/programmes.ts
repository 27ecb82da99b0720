import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { programmeDocumentSchema, warningSchema } from '../../core/interchange.js';
import { sendCachedTree } from '../cache/tree-cache.js';
import { contextOf, requireActor } from '../context.js';
import { errorSchema, errors, idParams, importErrors, noContent } from '../schemas/common.js';
import { exportQuery, exportResponse } from '../schemas/export.js';
import {
  categoryCreate,
  categoryOut,
  categoryUpdate,
  programmeCreate,
  programmeList,
  programmeOut,
  programmeQuery,
  programmeUpdate,
} from '../schemas/programmes.js';
import { treeSchema } from '../schemas/tree.js';
import { categoriesCrud } from '../use-cases/programmes/categories.crud.js';
import { deleteProgramme } from '../use-cases/programmes/delete-programme.js';
import { exportProgrammeFile } from '../use-cases/programmes/export-programme-file.js';
import { getProgrammeTree } from '../use-cases/programmes/get-programme-tree.js';
import { importProgramme } from '../use-cases/programmes/import-programme.js';
import { listProgrammes } from '../use-cases/programmes/list-programmes.js';
import { previewImport } from '../use-cases/programmes/preview-import.js';
import { programmesCrud } from '../use-cases/programmes/programmes.crud.js';
import { previewReimport, reimportProgramme } from '../use-cases/programmes/reimport-programme.js';
import { type Api, registerCrudRoutes, typed } from './crud-routes.js';

export async function programmeRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;

  api.get(
    '/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: '民心工程列表：调用者可见的 (programmes the caller may see)',
        querystring: programmeQuery,
        response: { 200: programmeList, ...errors },
      },
    },
    async (request) => ({ items: await listProgrammes(db(), requireActor(request), request.query) }),
  );

  api.get(
    '/programmes/:id',
    { schema: { tags: ['programmes'], params: idParams, response: { 200: programmeOut, ...errors } } },
    async (request) => (await getProgrammeTree(db(), requireActor(request), request.params.id)).programme,
  );

  api.get(
    '/programmes/:id/tree',
    {
      schema: {
        tags: ['programmes'],
        summary: '民心工程树：大项 → 子项 → 分项 (the programme tree)',
        params: idParams,
        response: { 200: treeSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return sendCachedTree(request, reply, { programmeId: request.params.id, public: false }, () =>
        getProgrammeTree(db(), actor, request.params.id),
      );
    },
  );

  // Export: JSON by default; ?format=xlsx|docx|csv gives the official table (src/core/export).
  api.get(
    '/programmes/:id/export',
    {
      schema: {
        tags: ['programmes'],
        summary: '导出：minxin.programme/v1 或官方格式清单 (export as JSON, xlsx, docx or csv)',
        params: idParams,
        querystring: exportQuery,
        response: { 200: exportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportProgrammeFile(db(), requireActor(request), request.params.id, request.query.format);
      reply.header('content-disposition', file.contentDisposition);
      if (file.format === 'json') return reply.type(file.contentType).send(file.document);
      return reply.type(file.contentType).send(file.bytes);
    },
  );

  api.post(
    '/programmes/import',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['programmes'],
        summary: '从 minxin.programme/v1 导入为新的草稿 (import as a new draft)',
        body: programmeDocumentSchema,
        response: {
          201: z.object({ id: z.number(), itemCount: z.number(), warnings: z.array(warningSchema) }),
          ...errors,
          413: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await importProgramme(db(), contextOf(request), request.body);
      return reply.status(201).send(result);
    },
  );

  const importOptions = {
    year: z.number().int().min(2000).max(2100).optional(),
    jurisdiction: z.string().trim().min(1).max(100).optional(),
    title: z.string().trim().min(1).max(200).optional(),
  };
  api.post(
    '/programmes/import/preview',
    {
      // A 20 MB file is about 27 MB as base64.
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags: ['programmes'],
        summary:
          '读取上传的 Word/Excel/文本或粘贴的文字，预览为民心工程；不写入 (read a list for preview; writes nothing)',
        body: z.union([
          z.strictObject({
            fileName: z.string().trim().min(1).max(255),
            contentBase64: z
              .string()
              .max(30 * 1024 * 1024)
              .regex(/^[A-Za-z0-9+/=\s]*$/, { message: '文件内容须为 base64 (content must be base64)' }),
            ...importOptions,
          }),
          z.strictObject({
            text: z.string().min(1, { message: '请粘贴清单文字 (paste the list)' }).max(5_000_000),
            ...importOptions,
          }),
        ]),
        response: {
          200: z.object({ document: programmeDocumentSchema, layout: z.string(), warnings: z.array(warningSchema) }),
          ...importErrors,
        },
      },
    },
    async (request) => previewImport(requireActor(request), request.body),
  );

  const itemPath = z.object({ category: z.string(), numbers: z.array(z.string()), name: z.string() });
  const diffOut = z.object({
    added: z.array(itemPath),
    removed: z.array(itemPath),
    changed: z.array(z.object({ before: itemPath, after: itemPath, fields: z.array(z.string()) })),
    unchanged: z.number(),
    programmeFields: z.array(z.string()),
  });
  api.post(
    '/programmes/:id/reimport/preview',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['programmes'],
        summary: '预览修订清单的差异：新增、删除、变更的子项 (what a revised list would change)',
        params: idParams,
        body: programmeDocumentSchema,
        response: { 200: diffOut, ...errors },
      },
    },
    async (request) => previewReimport(db(), contextOf(request), request.params.id, request.body),
  );
  api.post(
    '/programmes/:id/reimport',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['programmes'],
        summary: '导入修订清单：保留未变的子项 (apply a revised list, keeping unchanged items)',
        params: idParams,
        body: programmeDocumentSchema,
        response: { 200: diffOut, ...errors },
      },
    },
    async (request) => reimportProgramme(db(), contextOf(request), request.params.id, request.body),
  );

  // Create and update go through the shared path; delete keeps the whole list in the audit record.
  api.post(
    '/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: '新建民心工程 (create)',
        body: programmeCreate,
        response: { 201: programmeOut, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await programmesCrud.create(db(), contextOf(request), request.body)),
  );
  api.patch(
    '/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        summary: '修改民心工程 (update; send the version you saw)',
        params: idParams,
        body: programmeUpdate,
        response: { 200: programmeOut, ...errors },
      },
    },
    async (request) => programmesCrud.update(db(), contextOf(request), request.params.id, request.body),
  );
  api.delete(
    '/programmes/:id',
    {
      schema: {
        tags: ['programmes'],
        summary: '删除民心工程 (delete)',
        params: idParams,
        response: { 204: noContent, ...errors },
      },
    },
    async (request: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) => {
      await deleteProgramme(db(), contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  registerCrudRoutes(app, {
    tag: 'programmes',
    collection: '/programmes/:id/categories',
    member: '/categories/:id',
    create: categoryCreate,
    update: categoryUpdate,
    out: categoryOut,
    crud: categoriesCrud,
    summary: '大项',
  });
}
