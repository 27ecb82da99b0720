import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../core/errors.js';
import { deleteSession, findLiveSession, touchSession } from '../../db/repositories/sessions.repository.js';
import { safeEqual, sha256 } from '../passwords.js';
import { loadActor } from '../use-cases/session/load-actor.js';

export const SESSION_COOKIE = 'minxin_session';
const ABSOLUTE_LIFETIME_SECONDS = 7 * 24 * 3600;
/** Write last-seen at most this often, so reads stay reads. */
const TOUCH_AFTER_MS = 5 * 60_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(app: FastifyInstance, request: FastifyRequest, expires?: Date) {
  const secure =
    app.config.MINXIN_SECURE_COOKIES === 'on' ||
    (app.config.MINXIN_SECURE_COOKIES === 'auto' && request.protocol === 'https');
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, ...(expires ? { expires } : {}) };
}

/**
 * Sessions live in the database, so any server process sharing it accepts
 * them. Cookie-authenticated writes must carry the session's CSRF token in
 * `x-csrf-token` (signing in is the one write without a session).
 */
async function authPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const db = app.database.db;
    const session = await findLiveSession(db, sha256(token));
    if (!session || session.user.disabled) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.session = { id: session.id, csrfToken: session.csrfToken };
    request.actor = await loadActor(db, session.user);
    if (Date.now() - Date.parse(session.lastSeenAt) > TOUCH_AFTER_MS) {
      const idle = new Date(Date.now() + app.config.MINXIN_SESSION_IDLE_MINUTES * 60_000);
      await touchSession(db, session.id, idle, ABSOLUTE_LIFETIME_SECONDS);
    }
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.session || !UNSAFE.has(request.method)) return;
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !safeEqual(header, request.session.csrfToken)) {
      throw new AppError(
        'CSRF',
        '请求缺少有效的安全令牌（CSRF），请刷新页面后重试。 Missing or wrong x-csrf-token header; reload the page and try again.',
      );
    }
  });
}

export async function endSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.session) await deleteSession(app.database.db, request.session.id);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export default fp(authPlugin, { name: 'minxin-auth', dependencies: ['@fastify/cookie'] });
