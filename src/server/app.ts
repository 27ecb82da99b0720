import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import type { Config } from './config.js';
import './context.js';
import { sendError } from './errors.js';
import authPlugin from './plugins/auth.js';
import nulGuard from './plugins/nul-guard.js';
import { publicSiteRoutes } from './public-site/routes.js';
import { assessmentRoutes } from './routes/assessment.js';
import { bulletinImportRoutes } from './routes/bulletin-import.js';
import { bulletinsRoutes } from './routes/bulletins.js';
import { calendarRoutes } from './routes/calendar.js';
import { channelRoutes } from './routes/channels.js';
import { districtRoutes } from './routes/districts.js';
import { feedbackRoutes } from './routes/feedback.js';
import { fileRoutes } from './routes/files.js';
import { healthRoutes } from './routes/health.js';
import { historyRoutes } from './routes/history.js';
import { inboxRoutes } from './routes/inbox.js';
import { inspectionRoutes } from './routes/inspections.js';
import { itemRoutes } from './routes/items.js';
import { noticeRoutes } from './routes/notices.js';
import { programmeRoutes } from './routes/programmes.js';
import { publicRoutes } from './routes/public.js';
import { publishRoutes } from './routes/publish.js';
import { referenceRoutes } from './routes/reference.js';
import { reminderRoutes } from './routes/reminders.js';
import { reportRoutes } from './routes/reports.js';
import { reportWorkRoutes } from './routes/reports-work.js';
import { sessionRoutes } from './routes/session.js';
import { statusRoutes } from './routes/status.js';
import { userRoutes } from './routes/users.js';
import { startScheduler } from './scheduler.js';
import { holdImportPool } from './workers/shared-pool.js';

z.config(z.locales.zhCN());

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built web application: dist/web from src/server or dist/server alike. */
export const WEB_ROOT = path.resolve(here, '../../dist/web');

export interface BuildOptions {
  database: Database;
  config: Config;
  /** Serve the built web application (off in API tests). */
  serveWeb?: boolean;
}

export type App = FastifyInstance;

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      config.MINXIN_LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.MINXIN_LOG_LEVEL,
            // Never log credentials, cookies or CSRF tokens.
            // `*.headers`: plugins log headers under their own keys too (multipart's busboyOptions at trace).
            redact: [
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
              '*.headers.cookie',
              '*.headers["x-csrf-token"]',
              '*.headers.authorization',
            ],
          },
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: config.MINXIN_TRUST_PROXY === 'on',
    // Per-request lines only when debugging: at city scale they drown the log and cost throughput.
    logController: new LogController({
      disableRequestLogging: config.MINXIN_LOG_LEVEL !== 'debug' && config.MINXIN_LOG_LEVEL !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);
  app.setErrorHandler((error, request, reply) => sendError(reply, request, error));
  // Imports read files on worker threads (src/server/workers); the last app to close ends them.
  app.addHook('onClose', holdImportPool({ size: config.MINXIN_IMPORT_WORKERS }));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(authPlugin);
  await app.register(nulGuard);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Minxin API',
        description: '民心工程管理系统接口。Every error is `{code, message, details}` with a Chinese message first.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'minxin_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(sessionRoutes);
      await api.register(referenceRoutes);
      await api.register(userRoutes);
      await api.register(programmeRoutes);
      await api.register(itemRoutes);
      await api.register(historyRoutes);
      await api.register(publicRoutes);
      await api.register(channelRoutes);
      await api.register(inboxRoutes);
      await api.register(reminderRoutes);
      await api.register(calendarRoutes);
      await api.register(statusRoutes);
      await api.register(assessmentRoutes);
      await api.register(districtRoutes);
      await api.register(fileRoutes);
      await api.register(reportRoutes);
      await api.register(reportWorkRoutes);
      await api.register(noticeRoutes);
      await api.register(inspectionRoutes);
      await api.register(publishRoutes);
      await api.register(bulletinsRoutes);
      await api.register(feedbackRoutes);
      await api.register(bulletinImportRoutes);
    },
    { prefix: '/api/v1' },
  );

  await app.register(publicSiteRoutes);

  const webAvailable = options.serveWeb !== false && existsSync(path.join(WEB_ROOT, 'index.html'));
  if (webAvailable) {
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || !webAvailable || request.method !== 'GET') {
      return reply.status(404).send({
        code: 'NOT_FOUND',
        message: '请求的地址不存在，请检查网址。 No such address.',
        details: { method: request.method, url },
      });
    }
    // The web application routes on the client: every other page gets its shell.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  // Reminders run on timers in this process, outside any request (MINXIN_REMINDER_INTERVAL=0: not here).
  if (config.MINXIN_REMINDER_INTERVAL > 0) {
    const scheduler = startScheduler({ db: database.db, config, log: app.log });
    app.addHook('onClose', () => scheduler.stop());
  }

  return app;
}
