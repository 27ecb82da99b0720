import { z } from 'zod';
import { EXPORT_CONTENT_TYPES } from '../../core/export/export-file.js';
import { contextOf, requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import {
  noticeClose,
  noticeCreate,
  noticeEscalate,
  noticeList,
  noticeOut,
  noticeQuery,
  noticeReply,
} from '../schemas/notices.js';
import { closeNotice } from '../use-cases/notices/close-notice.js';
import { escalateNotice } from '../use-cases/notices/escalate-notice.js';
import { exportNoticeDocx } from '../use-cases/notices/export-notice-docx.js';
import { getNotice } from '../use-cases/notices/get-notice.js';
import { issueNotice } from '../use-cases/notices/issue-notice.js';
import { listNotices } from '../use-cases/notices/list-notices.js';
import { replyNotice } from '../use-cases/notices/reply-notice.js';
import { type Api, typed } from './crud-routes.js';

const docxResponse = {
  description: '督办单 Word 文档 (the notice as a .docx, offered for download under its number)',
  content: {
    [EXPORT_CONTENT_TYPES.docx]: {
      schema: z.unknown().meta({ type: 'string', format: 'binary', description: 'Word document, A4 portrait' }),
    },
  },
};

/** Supervision notices (督办单): issue, read, reply, close, escalate, print. */
export async function noticeRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;
  const tags = ['notices'];

  api.post(
    '/items/:id/notices',
    {
      schema: {
        tags,
        summary: '签发督办单 (issue a supervision notice on an item to one of its units)',
        params: idParams,
        body: noticeCreate,
        response: { 201: noticeOut, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueNotice(db(), contextOf(request), request.params.id, request.body)),
  );

  api.get(
    '/programmes/:id/notices',
    {
      schema: {
        tags,
        summary: '督办单列表 (a programme’s notices, newest first; a reporter sees its own unit’s)',
        params: idParams,
        querystring: noticeQuery,
        response: { 200: noticeList, ...errors },
      },
    },
    async (request) => listNotices(db(), requireActor(request), request.params.id, request.query),
  );

  api.get(
    '/notices/:id',
    {
      schema: { tags, summary: '督办单详情 (one notice)', params: idParams, response: { 200: noticeOut, ...errors } },
    },
    async (request) => getNotice(db(), requireActor(request), request.params.id),
  );

  api.get(
    '/notices/:id/docx',
    {
      schema: {
        tags,
        summary: '打印督办单 (the notice as a Word document)',
        params: idParams,
        response: { 200: docxResponse, ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportNoticeDocx(db(), requireActor(request), request.params.id);
      reply.header('content-disposition', file.contentDisposition);
      return reply.type(file.contentType).send(file.bytes);
    },
  );

  api.post(
    '/notices/:id/reply',
    {
      schema: {
        tags,
        summary: '回复督办单 (the unit replies, with files if any; send the version you saw)',
        params: idParams,
        body: noticeReply,
        response: { 200: noticeOut, ...errors },
      },
    },
    async (request) => replyNotice(db(), contextOf(request), request.params.id, request.body),
  );

  api.post(
    '/notices/:id/close',
    {
      schema: {
        tags,
        summary: '关闭督办单 (the office closes it; a note is needed when there is no reply)',
        params: idParams,
        body: noticeClose,
        response: { 200: noticeOut, ...errors },
      },
    },
    async (request) => closeNotice(db(), contextOf(request), request.params.id, request.body),
  );

  api.post(
    '/notices/:id/escalate',
    {
      schema: {
        tags,
        summary: '升级督办 (one level up: unit head, then supervising leader)',
        params: idParams,
        body: noticeEscalate,
        response: { 200: noticeOut, ...errors },
      },
    },
    async (request) => escalateNotice(db(), contextOf(request), request.params.id, request.body),
  );
}
