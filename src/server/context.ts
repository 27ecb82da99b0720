import type { FastifyRequest } from 'fastify';
import type { Actor, UserActor } from '../core/actor.js';
import { AppError } from '../core/errors.js';
import type { RequestContext } from '../db/audit.js';
import type { Database } from '../db/client.js';
import type { Config } from './config.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
  interface FastifyRequest {
    actor: UserActor | null;
    session: { id: string; csrfToken: string } | null;
    /** The database's change stamp when this request began (src/db/change-clock.ts). */
    changeStamp: number;
  }
}

/** The signed-in user, or 401. Every non-public handler starts here. */
export function requireActor(request: FastifyRequest): UserActor {
  if (!request.actor) {
    throw new AppError('UNAUTHENTICATED', '请先登录。 Please sign in.');
  }
  return request.actor;
}

export function contextOf(request: FastifyRequest): RequestContext & { actor: Actor } {
  return { actor: requireActor(request), ip: request.ip };
}
