import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Api, typed } from './crud-routes.js';

export async function healthRoutes(app: Api): Promise<void> {
  typed(app).get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查 (health)',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) },
      },
    },
    async () => {
      await app.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: app.database.kind };
    },
  );
}
