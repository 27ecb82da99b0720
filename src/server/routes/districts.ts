import { contextOf, requireActor } from '../context.js';
import { asOfQuery } from '../schemas/assessment.js';
import { errors, idParams } from '../schemas/common.js';
import {
  cityItemLinkBody,
  cityItemLinkOut,
  cityLinkBody,
  cityLinkResultOut,
  districtRollupOut,
} from '../schemas/districts.js';
import { getDistrictRollup } from '../use-cases/districts/get-district-rollup.js';
import { linkCityItem } from '../use-cases/districts/link-city-item.js';
import { linkCityItems } from '../use-cases/districts/link-city-items.js';
import { type Api, typed } from './crud-routes.js';

/** City and districts: linking district items to the city items they serve, and the city's view across districts. */
export async function districtRoutes(app: Api): Promise<void> {
  const api = typed(app);
  const db = () => app.database.db;

  api.get(
    '/programmes/:id/districts',
    {
      schema: {
        tags: ['districts'],
        summary: '市级工程各区推进情况：逐项汇总、分区对比、滞后区 (a city programme across its districts)',
        params: idParams,
        querystring: asOfQuery,
        response: { 200: districtRollupOut, ...errors },
      },
    },
    async (request) => getDistrictRollup(db(), requireActor(request), request.params.id, request.query.date),
  );

  api.put(
    '/items/:id/city-item',
    {
      schema: {
        tags: ['districts'],
        summary: '关联所承接的市级子项 (link a district item to the city item it serves)',
        params: idParams,
        body: cityItemLinkBody,
        response: { 200: cityItemLinkOut, ...errors },
      },
    },
    async (request) => linkCityItem(db(), contextOf(request), request.params.id, request.body),
  );

  api.post(
    '/programmes/:id/link-city-items',
    {
      schema: {
        tags: ['districts'],
        summary: '按名称或序号自动关联市级子项 (link unlinked items to city items by name, then number)',
        params: idParams,
        body: cityLinkBody,
        response: { 200: cityLinkResultOut, ...errors },
      },
    },
    async (request) =>
      linkCityItems(db(), contextOf(request), request.params.id, { dryRun: request.body?.dryRun ?? false }),
  );
}
