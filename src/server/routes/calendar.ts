import { listCalendarDays } from '../../db/repositories/calendar.repository.js';
import { contextOf, requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import {
  calendarDayCreate,
  calendarDayOut,
  calendarDayUpdate,
  calendarOut,
  calendarQuery,
  reportingPlanOut,
  reportingPlanUpdate,
} from '../schemas/work.js';
import { calendarDaysCrud } from '../use-cases/work/calendar-days.crud.js';
import { getReportingPlanView } from '../use-cases/work/get-reporting-plan.js';
import { updateReportingPlan } from '../use-cases/work/update-reporting-plan.js';
import { type Api, registerCrudRoutes, typed } from './crud-routes.js';

/** The working-day calendar (national data) and each programme's reporting plan. */
export async function calendarRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;

  api.get(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: '工作日历：节假日与调休上班日 (holidays and make-up working days of a year)',
        querystring: calendarQuery,
        response: { 200: calendarOut, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      const { year } = request.query;
      const rows = await listCalendarDays(db(), year);
      return { year, days: rows.map(({ id, date, kind, name, version }) => ({ id, date, kind, name, version })) };
    },
  );
  registerCrudRoutes(app, {
    tag: 'calendar',
    collection: '/calendar/days',
    member: '/calendar/days/:id',
    create: calendarDayCreate,
    update: calendarDayUpdate,
    out: calendarDayOut,
    crud: calendarDaysCrud,
    summary: '日历日期',
  });

  api.get(
    '/programmes/:id/reporting-plan',
    {
      schema: {
        tags: ['calendar'],
        summary: '报送计划：频次、报送日、各期截止与开放 (the reporting plan with its periods)',
        params: idParams,
        response: { 200: reportingPlanOut, ...errors },
      },
    },
    async (request) => getReportingPlanView(db(), requireActor(request), request.params.id),
  );
  api.put(
    '/programmes/:id/reporting-plan',
    {
      schema: {
        tags: ['calendar'],
        summary: '修改报送计划 (update the reporting plan; send the version you saw)',
        params: idParams,
        body: reportingPlanUpdate,
        response: { 200: reportingPlanOut, ...errors },
      },
    },
    async (request) => updateReportingPlan(db(), contextOf(request), request.params.id, request.body),
  );
}
