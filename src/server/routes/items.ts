import { z } from 'zod';
import { requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import {
  indicatorCreate,
  indicatorOut,
  indicatorUpdate,
  itemCreate,
  itemLeaderCreate,
  itemLeaderOut,
  itemOut,
  itemPersonCreate,
  itemPersonOut,
  itemUnitCreate,
  itemUnitOut,
  itemUnitUpdate,
  itemUpdate,
  milestoneCreate,
  milestoneOut,
  milestoneUpdate,
} from '../schemas/programmes.js';
import { itemDetailSchema } from '../schemas/tree.js';
import { getItem } from '../use-cases/programmes/get-item.js';
import { itemLeadersCrud, itemPersonsCrud, itemUnitsCrud } from '../use-cases/programmes/item-links.crud.js';
import { itemsCrud } from '../use-cases/programmes/items.crud.js';
import { indicatorsCrud, milestonesCrud } from '../use-cases/programmes/milestones.crud.js';
import { type Api, registerCrudRoutes, typed } from './crud-routes.js';

/** Items and what hangs off them: units, responsible persons, leaders, milestones, indicators. */
export async function itemRoutes(app: Api): Promise<void> {
  typed(app).get(
    '/items/:id',
    {
      schema: {
        tags: ['items'],
        summary: '子项详情 (an item with its units, milestones, indicators and parts)',
        params: idParams,
        response: { 200: itemDetailSchema, ...errors },
      },
    },
    async (request) => getItem(app.database.db, requireActor(request), request.params.id),
  );

  registerCrudRoutes(app, {
    tag: 'items',
    collection: '/categories/:id/items',
    member: '/items/:id',
    create: itemCreate,
    update: itemUpdate,
    out: itemOut,
    crud: itemsCrud,
    summary: '子项',
  });
  registerCrudRoutes(app, {
    tag: 'items',
    collection: '/items/:id/units',
    member: '/item-units/:id',
    create: itemUnitCreate,
    update: itemUnitUpdate,
    out: itemUnitOut,
    crud: itemUnitsCrud,
    summary: '子项责任单位',
  });
  registerCrudRoutes(app, {
    tag: 'items',
    collection: '/items/:id/persons',
    member: '/item-persons/:id',
    create: itemPersonCreate,
    update: z.strictObject({
      version: z.number().int().min(1),
      position: z.number().int().min(0).max(1000).optional(),
    }),
    out: itemPersonOut,
    crud: itemPersonsCrud,
    summary: '子项责任人',
  });
  registerCrudRoutes(app, {
    tag: 'items',
    collection: '/items/:id/leaders',
    member: '/item-leaders/:id',
    create: itemLeaderCreate,
    update: z.strictObject({
      version: z.number().int().min(1),
      position: z.number().int().min(0).max(1000).optional(),
    }),
    out: itemLeaderOut,
    crud: itemLeadersCrud,
    summary: '分管领导',
  });
  registerCrudRoutes(app, {
    tag: 'items',
    collection: '/items/:id/milestones',
    member: '/milestones/:id',
    create: milestoneCreate,
    update: milestoneUpdate,
    out: milestoneOut,
    crud: milestonesCrud,
    summary: '阶段性目标',
  });
  registerCrudRoutes(app, {
    tag: 'items',
    collection: '/items/:id/indicators',
    member: '/indicators/:id',
    create: indicatorCreate,
    update: indicatorUpdate,
    out: indicatorOut,
    crud: indicatorsCrud,
    summary: '量化指标',
  });
}
