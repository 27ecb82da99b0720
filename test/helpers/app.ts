import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/client.js';
import { type App, buildApp } from '../../src/server/app.js';
import { type Config, testConfig } from '../../src/server/config.js';
import { seedDemo } from '../../src/server/use-cases/demo/seed-demo.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_PASSWORD = 'Test-pass-2026';

export interface TestContext {
  app: App;
  db: TestDatabase;
  database: Database;
  close(): Promise<void>;
}

/** An app on a fresh database with the demo programme and one account per role (password TEST_PASSWORD). */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { demo?: boolean } = {},
): Promise<TestContext> {
  const db = await createTestDatabase();
  if (options.demo !== false) await seedDemo(db.database.db, TEST_PASSWORD);
  const app = await buildApp({ database: db.database, config: testConfig(overrides), serveWeb: false });
  await app.ready();
  return {
    app,
    db,
    database: db.database,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export interface Client {
  csrfToken: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** Sign in through the API and return a client that sends the cookie and the CSRF token. */
export async function signIn(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] as string;
  const { csrfToken } = response.json() as { csrfToken: string };
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } });
  return {
    csrfToken,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
