import { z } from 'zod';
import { contextOf, requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import {
  lockOut,
  myWorkOut,
  myWorkQuery,
  periodParams,
  programmeReportsQuery,
  reportPage,
} from '../schemas/reports.js';
import { getMyWork } from '../use-cases/reports/get-my-work.js';
import { listProgrammeReports } from '../use-cases/reports/list-programme-reports.js';
import { setReportingPeriodLock } from '../use-cases/reports/lock-period.js';
import { type Api, typed } from './crud-routes.js';

const tags = ['reports'];

/** The office's review queue and period locks, and a reporter's "my items and what is due". */
export async function reportWorkRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;

  api.get(
    '/programmes/:id/reports',
    {
      schema: {
        tags,
        summary:
          '工程的进展报告；state=submitted 即待审核队列 (a programme’s reports, oldest submission first; the office sees all, others what they may read)',
        params: idParams,
        querystring: programmeReportsQuery,
        response: { 200: reportPage, ...errors },
      },
    },
    async (request) => listProgrammeReports(db(), requireActor(request), request.params.id, request.query),
  );

  for (const [action, locked] of [
    ['lock', true],
    ['unlock', false],
  ] as const) {
    api.post(
      `/programmes/:id/periods/:period/${action}`,
      {
        schema: {
          tags,
          summary: locked
            ? '锁定报送期（须无待审核报告） (lock a period: no more reports; refused while reports await review)'
            : '解锁报送期 (unlock a period)',
          params: periodParams,
          body: z.strictObject({}).nullish().describe('nothing: the period is in the path'),
          response: { 200: lockOut, ...errors },
        },
      },
      async (request) =>
        setReportingPeriodLock(db(), contextOf(request), request.params.id, request.params.period, locked),
    );
  }

  api.get(
    '/me/work',
    {
      schema: {
        tags,
        summary:
          '我的任务：本单位牵头或配合的子项及各期报送情况，需处理的在前；非填报账号返回空列表 (a reporter’s items and what is due, what needs action first; other roles get an empty list)',
        querystring: myWorkQuery,
        response: { 200: myWorkOut, ...errors },
      },
    },
    async (request) => getMyWork(db(), requireActor(request), request.query.date),
  );
}
