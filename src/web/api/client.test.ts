import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, conflictCurrent, request, setCsrfToken, setUnauthenticatedHandler } from './client.js';

function answer(status: number, body?: unknown) {
  const fetchMock = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const headersOf = (init: RequestInit | undefined) => (init?.headers ?? {}) as Record<string, string>;

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    setUnauthenticatedHandler(null);
  });

  it('sends the CSRF token on writes only, with same-origin credentials', async () => {
    const fetchMock = answer(200, { items: [] });
    setCsrfToken('token-1');
    await api.get('/units', { jurisdictionId: 3, unitId: undefined });
    await api.patch('/units/4', { version: 1, name: '区教育局' });

    const [getUrl, getInit] = fetchMock.mock.calls[0] ?? [];
    expect(getUrl).toBe('/api/v1/units?jurisdictionId=3');
    expect(getInit?.credentials).toBe('same-origin');
    expect(headersOf(getInit)['x-csrf-token']).toBeUndefined();

    const [, patchInit] = fetchMock.mock.calls[1] ?? [];
    expect(patchInit?.method).toBe('PATCH');
    expect(headersOf(patchInit)['x-csrf-token']).toBe('token-1');
    expect(JSON.parse(String(patchInit?.body))).toEqual({ version: 1, name: '区教育局' });
  });

  it('throws the server error with its status, code and message', async () => {
    answer(409, { code: 'IN_USE', message: '该单位仍有子项引用，无法删除。', details: null });
    const error = await api.delete('/units/4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'IN_USE', message: '该单位仍有子项引用，无法删除。' });
    expect(conflictCurrent(error)).toBeNull();
  });

  it('gives the current record of a version conflict', async () => {
    answer(409, { code: 'CONFLICT', message: '该记录已被他人修改', details: { current: { id: 4, version: 5 } } });
    const error = await api.patch('/units/4', { version: 4 }).catch((e: unknown) => e);
    expect(conflictCurrent(error)).toEqual({ id: 4, version: 5 });
  });

  it('reports an expired session, except where 401 is an answer', async () => {
    const onUnauthenticated = vi.fn();
    setUnauthenticatedHandler(onUnauthenticated);
    answer(401, { code: 'UNAUTHENTICATED', message: '请先登录。' });

    await expect(api.get('/programmes')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);

    await expect(
      request('/session', { method: 'POST', body: {}, redirectOnUnauthenticated: false }),
    ).rejects.toMatchObject({
      status: 401,
    });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('turns a body that is not an API error into a readable one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })),
    );
    await expect(api.get('/programmes')).rejects.toMatchObject({
      status: 502,
      code: 'INTERNAL',
      message: '发生未知错误，请稍后重试。',
    });
  });
});
