import { z } from 'zod';
import { forbidden, notFound } from '../../core/errors.js';
import { canManageUsers } from '../../core/policies.js';
import { findRow } from '../../db/crud.js';
import { listUsers } from '../../db/repositories/users.repository.js';
import { users } from '../../db/schema.js';
import { requireActor } from '../context.js';
import { errors, idParams } from '../schemas/common.js';
import { userCreate, userOut, userUpdate } from '../schemas/users.js';
import { presentUser, usersCrud } from '../use-cases/users/users.crud.js';
import { type Api, registerCrudRoutes, typed } from './crud-routes.js';

export async function userRoutes(app: Api): Promise<void> {
  const api = typed(app);
  api.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表 (users; admin)',
        response: { 200: z.object({ items: z.array(userOut) }), ...errors },
      },
    },
    async (request) => {
      if (!canManageUsers(requireActor(request))) throw forbidden();
      return { items: (await listUsers(app.database.db)).map(presentUser) };
    },
  );
  api.get(
    '/users/:id',
    { schema: { tags: ['users'], params: idParams, response: { 200: userOut, ...errors } } },
    async (request) => {
      if (!canManageUsers(requireActor(request))) throw forbidden();
      const row = await findRow(app.database.db, users, request.params.id);
      if (!row) throw notFound('用户', 'User');
      return presentUser(row);
    },
  );
  registerCrudRoutes(app, {
    tag: 'users',
    collection: '/users',
    member: '/users/:id',
    create: userCreate,
    update: userUpdate,
    out: userOut,
    crud: usersCrud,
    summary: '用户',
  });
}
