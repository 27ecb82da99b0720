import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { contextOf, requireActor } from '../context.js';
import { errors, idParams, noContent } from '../schemas/common.js';
import type { Crud } from '../use-cases/define-crud.js';

export type Api = FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export interface CrudRouteOptions<Out, CreateInput> {
  tag: string;
  /** Where POST creates: `/units`, or `/items/:id/milestones` when the parent id is in the path. */
  collection: string;
  /** `/milestones/:id`: PATCH and DELETE. */
  member: string;
  create: z.ZodType<CreateInput>;
  update: z.ZodType<{ version: number } & Record<string, unknown>>;
  out: z.ZodType<Out>;
  crud: Crud<Out, CreateInput>;
  summary: string;
}

/** POST, PATCH and DELETE for a record managed by a Crud use case: validate, authenticate, call, present. */
export function registerCrudRoutes<Out, CreateInput>(app: Api, o: CrudRouteOptions<Out, CreateInput>): void {
  const nested = o.collection.includes(':id');
  // The schemas are generic here, so the handlers read their (already validated) input untyped.
  const api = app;
  const read = o.crud.read;
  if (read) {
    api.get(
      o.member,
      {
        schema: {
          tags: [o.tag],
          summary: `读取${o.summary} (read)`,
          params: idParams,
          response: { 200: o.out, ...errors },
        },
      },
      async (request: FastifyRequest) =>
        read(app.database.db, requireActor(request), (request.params as { id: number }).id),
    );
  }
  api.post(
    o.collection,
    {
      schema: {
        tags: [o.tag],
        summary: `新建${o.summary} (create)`,
        ...(nested ? { params: idParams } : {}),
        body: o.create,
        response: { 201: o.out, ...errors },
      },
    },
    async (request: FastifyRequest, reply) => {
      const ctx = contextOf(request);
      const parentId = nested ? (request.params as { id: number }).id : null;
      const created = await o.crud.create(app.database.db, ctx, request.body as CreateInput, parentId);
      return reply.status(201).send(created);
    },
  );
  api.patch(
    o.member,
    {
      schema: {
        tags: [o.tag],
        summary: `修改${o.summary} (update; send the version you saw)`,
        params: idParams,
        body: o.update,
        response: { 200: o.out, ...errors },
      },
    },
    async (request: FastifyRequest) => {
      const ctx = contextOf(request);
      const { id } = request.params as { id: number };
      return o.crud.update(app.database.db, ctx, id, request.body as { version: number });
    },
  );
  api.delete(
    o.member,
    {
      schema: {
        tags: [o.tag],
        summary: `删除${o.summary} (delete)`,
        params: idParams,
        response: { 204: noContent, ...errors },
      },
    },
    async (request: FastifyRequest, reply) => {
      const ctx = contextOf(request);
      await o.crud.remove(app.database.db, ctx, (request.params as { id: number }).id);
      return reply.status(204).send();
    },
  );
}
