import type { FastifyInstance } from 'fastify';

/** The public site under /p/ (server-rendered HTML, no sign-in). Filled in by the issue-5 work. */
export async function publicSiteRoutes(_app: FastifyInstance): Promise<void> {}
