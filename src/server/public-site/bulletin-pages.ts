import type { FastifyInstance } from 'fastify';

/** Published bulletins under /p/{id}/bulletins (pages, diff, Atom). Filled in by the issue-5 bulletin work. */
export async function bulletinPageRoutes(_app: FastifyInstance): Promise<void> {}
