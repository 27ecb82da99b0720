import type { FastifyInstance } from 'fastify';

/** Public exports under /p/{id}/… (xlsx/csv/json). Filled in by the issue-5 open-data work. */
export async function openDataRoutes(_app: FastifyInstance): Promise<void> {}
