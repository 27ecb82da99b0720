import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/db/schema-work.ts', './src/db/schema-publish.ts'],
  out: './src/db/migrations',
});
