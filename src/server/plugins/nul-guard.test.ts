import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendError } from '../errors.js';
import nulGuard, { findNul } from './nul-guard.js';

describe('findNul', () => {
  it('names the first string holding U+0000, in values and in keys', () => {
    expect(findNul({ name: '民心', items: [{ name: 'a' }, { name: 'b\u0000c' }] })).toBe('items.1.name');
    expect(findNul({ 'x\u0000': 1 })).toBe('x\u0000');
    expect(findNul('\u0000')).toBe('');
    expect(findNul({ name: '民心', n: 1, ok: true, none: null, list: ['a', 'b'] })).toBeNull();
    expect(findNul(undefined)).toBeNull();
  });

  it('walks a body nested a hundred thousand deep without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`) as unknown;
    expect(findNul(deep)?.split('.').length).toBe(100_000);
    const wide = JSON.parse(`[${Array(300_000).fill('0').join(',')}]`) as unknown;
    const started = performance.now();
    expect(findNul(wide)).toBeNull();
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('the NUL guard', () => {
  // Found by the hostile-input suite: `{"username":"a\u0000"}` on POST /api/v1/session answered 500.
  it('refuses a NUL in the body, query or path with a 400 that says where, Chinese first', async () => {
    const app = Fastify();
    app.setErrorHandler((error, request, reply) => sendError(reply, request, error));
    await app.register(nulGuard);
    app.post('/api/x/:name', async () => ({ ok: true }));
    app.post('/p/form', async () => ({ ok: true }));
    await app.ready();

    const body = await app.inject({ method: 'POST', url: '/api/x/a', payload: { username: 'a\u0000' } });
    expect(body.statusCode).toBe(400);
    const refused = body.json() as { code: string; message: string; details: { where: string; path: string } };
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/^请求内容的 username 含有空字符/);
    expect(refused.details).toEqual({ where: 'body', path: 'username' });

    const query = await app.inject({ method: 'POST', url: '/api/x/a?q=%00', payload: {} });
    expect(query.statusCode).toBe(400);
    expect((query.json() as { details: unknown }).details).toEqual({ where: 'query', path: 'q' });

    const params = await app.inject({ method: 'POST', url: '/api/x/a%00b', payload: {} });
    expect(params.statusCode).toBe(400);

    const fine = await app.inject({ method: 'POST', url: '/api/x/a', payload: { username: '民心\\u0000' } });
    expect(fine.statusCode).toBe(200);

    // The public site's forms strip control characters themselves.
    const form = await app.inject({ method: 'POST', url: '/p/form', payload: { comment: '希望\u0000开园' } });
    expect(form.statusCode).toBe(200);
    await app.close();
  });
});
