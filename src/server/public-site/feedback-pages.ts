import type { FastifyInstance } from 'fastify';

/** The residents' feedback form under /p/. Filled in by the issue-5 feedback work. */
export async function feedbackPageRoutes(_app: FastifyInstance): Promise<void> {}
