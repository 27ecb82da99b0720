import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../core/actor.js';
import type { ProgrammeTree } from '../../core/tree.js';
import { treeSchema } from '../schemas/tree.js';
import { StampedCache } from './stamped-cache.js';

/**
 * The programme tree is the most read document and the costliest to build
 * (a dozen queries). Its JSON is kept per programme and per view — what an
 * actor may see depends on role, scope, unit or person — until the next change.
 */
const trees = new WeakMap<object, StampedCache<string>>();

function cacheFor(owner: object): StampedCache<string> {
  let cache = trees.get(owner);
  if (!cache) {
    cache = new StampedCache<string>(2_000);
    trees.set(owner, cache);
  }
  return cache;
}

/** Actors with the same key see the same tree. */
export function viewKey(actor: UserActor | null): string {
  if (actor === null) return 'anonymous';
  switch (actor.role) {
    case 'admin':
      return 'admin';
    case 'reporter':
      return `reporter:${actor.unitId ?? ''}`;
    case 'leader':
      return `leader:${actor.personId ?? ''}`;
    default:
      return `${actor.role}:${actor.jurisdictionId ?? '*'}:${actor.jurisdictionScope.join(',')}`;
  }
}

/** Send the cached tree, or build it, check it against its response schema once, and cache it. */
export async function sendCachedTree(
  request: FastifyRequest,
  reply: FastifyReply,
  view: { programmeId: number; public: boolean },
  build: () => Promise<ProgrammeTree>,
): Promise<FastifyReply> {
  const cache = cacheFor(request.server.database);
  const key = `${view.programmeId}|${view.public ? 'public' : viewKey(request.actor)}`;
  let json = cache.get(key, request.changeStamp);
  if (json === undefined) {
    json = JSON.stringify(treeSchema.parse(await build()));
    cache.set(key, request.changeStamp, json);
  }
  return reply
    .type('application/json; charset=utf-8')
    .serializer((payload) => payload as string)
    .send(json);
}
