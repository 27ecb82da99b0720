import { contextOf, requireActor } from '../context.js';
import { errors, idParams, noContent } from '../schemas/common.js';
import {
  idempotencyHeaders,
  itemReportsQuery,
  reasonBody,
  reportCreate,
  reportOut,
  reportPage,
  reportUpdate,
  versionBody,
} from '../schemas/reports.js';
import { approveReport } from '../use-cases/reports/approve-report.js';
import { createReport } from '../use-cases/reports/create-report.js';
import { deleteReport } from '../use-cases/reports/delete-report.js';
import { getReport } from '../use-cases/reports/get-report.js';
import { listItemReports } from '../use-cases/reports/list-item-reports.js';
import { reopenReport } from '../use-cases/reports/reopen-report.js';
import { returnReport } from '../use-cases/reports/return-report.js';
import { submitReport } from '../use-cases/reports/submit-report.js';
import { updateReport } from '../use-cases/reports/update-report.js';
import { type Api, typed } from './crud-routes.js';

const tags = ['reports'];

/** Progress reports (进展报送) and their workflow: draft → submitted → approved | returned. */
export async function reportRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;

  api.post(
    '/items/:id/reports',
    {
      schema: {
        tags,
        summary:
          '新建进展报告草稿，submit: true 时一并提交；可带 Idempotency-Key 防止重复提交 (create a draft report, or with submit: true create and submit it in one step; a repeated Idempotency-Key returns the first result with 200)',
        params: idParams,
        headers: idempotencyHeaders,
        body: reportCreate,
        response: { 200: reportOut, 201: reportOut, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { report, created } = await createReport(db(), contextOf(request), request.params.id, request.body, key);
      return reply.status(created ? 201 : 200).send(report);
    },
  );

  api.get(
    '/items/:id/reports',
    {
      schema: {
        tags,
        summary: '子项的进展报告 (the reports on an item the caller may read)',
        params: idParams,
        querystring: itemReportsQuery,
        response: { 200: reportPage, ...errors },
      },
    },
    async (request) => listItemReports(db(), requireActor(request), request.params.id, request.query),
  );

  api.get(
    '/reports/:id',
    {
      schema: {
        tags,
        summary:
          '进展报告详情：指标值、附件；牵头单位的报告另含配合单位报告与汇总值 (a report; the lead unit’s also with shares and consolidated values)',
        params: idParams,
        response: { 200: reportOut, ...errors },
      },
    },
    async (request) => getReport(db(), requireActor(request), request.params.id),
  );

  api.patch(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或已退回的报告 (edit a draft or returned report; send the version you saw)',
        params: idParams,
        body: reportUpdate,
        response: { 200: reportOut, ...errors },
      },
    },
    async (request) => updateReport(db(), contextOf(request), request.params.id, request.body),
  );

  api.delete(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: '删除报告草稿 (delete a draft)',
        params: idParams,
        response: { 204: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await deleteReport(db(), contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/reports/:id/submit',
    {
      schema: {
        tags,
        summary: '提交报告待审核 (submit a draft or returned report for review)',
        params: idParams,
        body: versionBody,
        response: { 200: reportOut, ...errors },
      },
    },
    async (request) => submitReport(db(), contextOf(request), request.params.id, request.body.version),
  );

  api.post(
    '/reports/:id/approve',
    {
      schema: {
        tags,
        summary: '审核通过 (approve a submitted report; a stale version gets 409)',
        params: idParams,
        body: versionBody,
        response: { 200: reportOut, ...errors },
      },
    },
    async (request) => approveReport(db(), contextOf(request), request.params.id, request.body.version),
  );

  api.post(
    '/reports/:id/return',
    {
      schema: {
        tags,
        summary: '退回报告并说明原因 (return a submitted report with a reason)',
        params: idParams,
        body: reasonBody,
        response: { 200: reportOut, ...errors },
      },
    },
    async (request) =>
      returnReport(db(), contextOf(request), request.params.id, request.body.version, request.body.reason),
  );

  api.post(
    '/reports/:id/reopen',
    {
      schema: {
        tags,
        summary: '重新打开已通过的报告（退回单位修改） (reopen an approved report: back to returned, with a reason)',
        params: idParams,
        body: reasonBody,
        response: { 200: reportOut, ...errors },
      },
    },
    async (request) =>
      reopenReport(db(), contextOf(request), request.params.id, request.body.version, request.body.reason),
  );
}
