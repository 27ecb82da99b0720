import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserActor } from '../../core/actor.js';
import { AppError } from '../../core/errors.js';
import { requireActor } from '../context.js';
import { sha256 } from '../passwords.js';
import { cookieOptions, endSession, SESSION_COOKIE } from '../plugins/auth.js';
import { errorSchema, errors, noContent } from '../schemas/common.js';
import { loginBody, passwordChange, sessionOut } from '../schemas/users.js';
import { changePassword } from '../use-cases/session/change-password.js';
import { signIn } from '../use-cases/session/sign-in.js';
import { type Api, typed } from './crud-routes.js';

const presentSessionUser = (u: {
  id: number;
  username: string;
  displayName: string;
  role: UserActor['role'];
  jurisdictionId: number | null;
  unitId: number | null;
  personId: number | null;
}) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  jurisdictionId: u.jurisdictionId,
  unitId: u.unitId,
  personId: u.personId,
});

export async function sessionRoutes(app: Api): Promise<void> {
  const api = typed(app);
  api.post(
    '/session',
    {
      config: {
        rateLimit: {
          max: app.config.MINXIN_LOGIN_RATE_PER_MINUTE,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) => ({
            statusCode: 429,
            code: 'RATE_LIMITED',
            message: `登录尝试过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试。 Too many sign-in attempts; wait and try again.`,
            details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
          }),
        },
      },
      schema: {
        tags: ['session'],
        summary: '登录 (sign in): sets the HttpOnly session cookie and returns the CSRF token',
        body: loginBody,
        response: { 200: sessionOut, 400: errorSchema, 401: errorSchema, 423: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      // The cookie the browser brought, live or not: a successful sign-in ends it (no session fixation).
      const brought = request.cookies[SESSION_COOKIE];
      const result = await signIn(app.database.db, app.config, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        replaceSessionId: brought && brought.length <= 200 ? sha256(brought) : null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(app, request));
      return { user: presentSessionUser(result.user), csrfToken: result.csrfToken };
    },
  );

  api.get(
    '/session',
    { schema: { tags: ['session'], summary: '当前登录用户 (who am I)', response: { 200: sessionOut, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      return { user: presentSessionUser(actor), csrfToken: request.session?.csrfToken ?? '' };
    },
  );

  api.delete(
    '/session',
    { schema: { tags: ['session'], summary: '退出登录 (sign out)', response: { 204: noContent, ...errors } } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      requireActor(request);
      await endSession(app, request, reply);
      return reply.status(204).send(null);
    },
  );

  api.put(
    '/me/password',
    {
      schema: {
        tags: ['session'],
        summary: '修改本人密码 (change my password)',
        body: passwordChange,
        response: { 204: noContent, ...errors, 423: errorSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.session) throw new AppError('UNAUTHENTICATED', '请先登录。 Please sign in.');
      await changePassword(app.database.db, { actor, ip: request.ip }, request.session.id, request.body, {
        maxFailures: app.config.MINXIN_LOGIN_MAX_FAILURES,
        lockMinutes: app.config.MINXIN_LOCK_MINUTES,
      });
      return reply.status(204).send(null);
    },
  );
}
