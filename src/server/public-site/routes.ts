import type { FastifyInstance } from 'fastify';
import { bulletinPageRoutes } from './bulletin-pages.js';
import { feedbackPageRoutes } from './feedback-pages.js';
import { openDataRoutes } from './open-data.js';
import { siteRoutes } from './site-routes.js';

/** The public site under /p/ (server-rendered HTML, no sign-in). */
export async function publicSiteRoutes(app: FastifyInstance): Promise<void> {
  await app.register(openDataRoutes);
  await app.register(feedbackPageRoutes);
  await app.register(bulletinPageRoutes);
  await app.register(siteRoutes);
}
