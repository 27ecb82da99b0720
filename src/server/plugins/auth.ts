import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { UserActor } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../db/audit.js';
import { deleteSession, findLiveSession, touchSession } from '../../db/repositories/sessions.repository.js';
import { StampedCache } from '../cache/stamped-cache.js';
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
  app.decorateRequest('changeStamp', 0);

  // Sessions and their actors, valid until the next audited change anywhere (a sign-out, a disabled account…).
  const sessions = new StampedCache<{ session: CachedSession; actor: UserActor }>(10_000);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    // Read before anything this request may cache, so a cached value is never newer-stamped than its data.
    request.changeStamp = await app.database.changeStamp();
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const db = app.database.db;
    const id = sha256(token);
    let found = sessions.get(id, request.changeStamp);
    if (!found) {
      const session = await findLiveSession(db, id);
      if (session && !session.user.disabled) {
        found = { session: { ...session }, actor: await loadActor(db, session.user) };
        sessions.set(id, request.changeStamp, found);
      }
    }
    if (!found || Date.parse(found.session.expiresAt) <= Date.now()) {
      sessions.delete(id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    request.session = { id, csrfToken: found.session.csrfToken };
    request.actor = found.actor;
    if (Date.now() - Date.parse(found.session.lastSeenAt) > TOUCH_AFTER_MS) {
      const idle = new Date(Date.now() + app.config.MINXIN_SESSION_IDLE_MINUTES * 60_000);
      await touchSession(db, id, idle, ABSOLUTE_LIFETIME_SECONDS);
      // The database caps the new expiry at the absolute lifetime: read it back next time.
      sessions.delete(id);
    }
  });

  // Before the body is read or validated: a forged write costs nothing and always answers 403.
  app.addHook('onRequest', async (request: FastifyRequest) => {
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
  const { session, actor } = request;
  if (session && actor) {
    // Audited like any change: it also tells every process that this session is gone.
    await app.database.db.transaction(async (tx) => {
      await deleteSession(tx, session.id);
      await writeAudit(tx, { actor, ip: request.ip }, { action: 'sign_out', entityType: 'user', entityId: actor.id });
    });
  }
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

interface CachedSession {
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
}

export default fp(authPlugin, { name: 'minxin-auth', dependencies: ['@fastify/cookie'] });
