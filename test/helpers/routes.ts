import type { LightMyRequestResponse } from 'fastify';
import { ROLES, type Role } from '../../src/core/actor.js';
import type { App } from '../../src/server/app.js';
import type { Client } from './app.js';

/** The roles of the demo accounts, and a caller without a session. */
export type Who = Role | 'anonymous';
export const EVERYONE: readonly Who[] = [...ROLES, 'anonymous'];

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Expect = Record<Who, number>;

/**
 * Every route the app serves under /api/v1, as `METHOD /path` with the path as
 * registered (`/items/:id`). Read from Fastify's own route tree, so a route
 * added tomorrow shows up here without anyone listing it. HEAD, which Fastify
 * adds to every GET, is left out.
 */
export function apiRoutes(app: App, prefix = '/api/v1'): string[] {
  const found: string[] = [];
  const pathAt: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods = ''] = match;
    const depth = indent.length / 4;
    pathAt.length = depth;
    const path = (pathAt[depth - 1] ?? '') + segment;
    pathAt[depth] = path;
    if (!path.startsWith(`${prefix}/`)) continue;
    for (const method of methods.split(',').map((m) => m.trim())) {
      if (method && method !== 'HEAD') found.push(`${method} ${path.slice(prefix.length)}`);
    }
  }
  return found.sort();
}

/** A client with no cookie: what a visitor of the public site sends. */
export function anonymousClient(app: App): Client {
  const request: Client['request'] = (options) => app.inject(options);
  return {
    csrfToken: '',
    cookie: '',
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** One row of an authorization table: a route, how to call it, and what each caller gets. */
export interface RouteRow<F> {
  method: Method;
  /** The route as registered under /api/v1, e.g. `/items/:id`. */
  route: string;
  /** The `:id` to call it with; a function that creates a record gives every caller a fresh one. */
  id?: (f: F) => number | Promise<number>;
  query?: (f: F) => string;
  body?: (f: F) => unknown;
  /** Call as another signed-in client of the same role (for routes that end or change the caller's session). */
  as?: (f: F, role: Role) => Promise<Client>;
  expect: Expect;
}

const CODE_OF: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };
/** Messages lead with Chinese: the first character is a CJK ideograph. */
export const startsWithChinese = (text: string): boolean => /^[\u4e00-\u9fff]/.test(text);

function mismatch(expected: number, response: LightMyRequestResponse): string | null {
  if (response.statusCode !== expected)
    return `expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 160)}`;
  const code = CODE_OF[expected];
  if (!code) return null;
  const body = response.json() as { code?: string; message?: string };
  if (body.code !== code) return `expected code ${code}, got ${body.code}`;
  if (!startsWithChinese(body.message ?? '')) return `message not in Chinese first: ${body.message}`;
  return null;
}

/** Call every row as every caller; return one line per surprise (an empty list means the table holds). */
export async function checkRows<F>(
  rows: readonly RouteRow<F>[],
  clients: Record<Who, Client>,
  f: F,
): Promise<string[]> {
  const failures: string[] = [];
  for (const row of rows) {
    for (const who of EVERYONE) {
      const client = who !== 'anonymous' && row.as ? await row.as(f, who) : clients[who];
      const id = row.id ? await row.id(f) : undefined;
      const path = id === undefined ? row.route : row.route.replace(':id', String(id));
      const url = `/api/v1${path}${row.query ? `?${row.query(f)}` : ''}`;
      const body = row.body?.(f);
      const response = await client.request({
        method: row.method,
        url,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      const problem = mismatch(row.expect[who], response);
      if (problem) failures.push(`${who.padEnd(10)} ${row.method} ${url}: ${problem}`);
    }
  }
  return failures;
}
