import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({}, { demo: false });
});
afterAll(() => ctx.close());

type Operation = { requestBody?: unknown; responses: Record<string, { content?: unknown }>; parameters?: unknown[] };

describe('the OpenAPI document', () => {
  it('is served at /api/docs/json and describes every API route with its request and response', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, Record<string, Operation>> };
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    const api = operations.filter((o) => o.path.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThan(40);
    for (const { path, method, op } of api) {
      const success = Object.keys(op.responses).find((code) => /^2\d\d$/.test(code));
      expect(success, `${method} ${path} declares a success response`).toBeDefined();
      if (success !== '204')
        expect(op.responses[success as string]?.content, `${method} ${path} response schema`).toBeDefined();
      if (['post', 'patch', 'put'].includes(method))
        expect(op.requestBody, `${method} ${path} body schema`).toBeDefined();
    }
    expect(doc.paths['/api/v1/programmes/import']?.post?.requestBody).toBeDefined();
    // Files read on the import pool may be refused as too large or complex (413) or find its queue full (503).
    for (const path of [
      '/api/v1/programmes/import/preview',
      '/api/v1/programmes/{id}/bulletin-import/preview',
      '/api/v1/programmes/{id}/bulletin-import/apply',
      '/api/v1/files',
    ])
      expect(Object.keys(doc.paths[path]?.post?.responses ?? {}), path).toEqual(expect.arrayContaining(['413', '503']));
  });

  it('serves the interactive documentation page', async () => {
    const entry = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    const location = entry.statusCode === 302 ? (entry.headers.location as string) : '/api/docs';
    const page = await ctx.app.inject({
      method: 'GET',
      url: location.startsWith('/') ? location : `/api/docs/${location}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body.toLowerCase()).toContain('swagger');
  });

  it('answers an unknown API address with a JSON 404 in Chinese first', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect((response.json() as { message: string }).message).toMatch(/^请求的地址不存在/);
  });

  it('reports health with the database kind', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
    });
  });
});
