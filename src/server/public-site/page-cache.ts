import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { shanghaiToday } from '../../core/work/calendar.js';
import { StampedCache } from '../cache/stamped-cache.js';
import { type Prefs, prefsKey, prefsOf } from './layout.js';
import { renderNotFound } from './pages/not-found.js';

/**
 * Rendered public pages and files, kept until the next audited change (the
 * change stamp ticks on publish and on every audited write) or the next
 * business day (status depends on the date). A request that hits the cache
 * costs a map lookup: the bytes and their strong ETag were made at fill.
 *
 * Reusable by every /p/ route: `sendCachedHtml` for pages (keyed by the
 * reader's choices too, Vary: Cookie), `sendCachedBody` for JSON, CSV, xlsx…
 */

export interface CachedBody {
  status: 200 | 404;
  body: Buffer;
  etag: string;
  contentType: string;
  headers: Readonly<Record<string, string>>;
}

/** What a page or file builder learns about the request it renders for. */
export interface BuildContext {
  /** The business date (shanghaiToday()) the entry is keyed on. */
  today: string;
  prefs: Prefs;
}

export const HTML_TYPE = 'text/html; charset=utf-8';
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
/**
 * Pages are asked for again on every visit (a 304 costs a map lookup): a
 * resident coming back from the feedback form, or a reader of a bulletin just
 * published, sees the page as it is now, not a browser's copy up to a minute old.
 */
export const PAGE_CACHE_CONTROL = 'public, no-cache';
const MAX_ENTRIES = 4_000;

interface CacheState {
  entries: StampedCache<CachedBody>;
  /** Builds under way, by key and stamp: concurrent misses after a change wait for one build. */
  building: Map<string, Promise<CachedBody>>;
  /** Fills (builds) and hits since start: for tests and diagnostics. */
  stats: { fills: number; hits: number };
}

/** One cache per database, so apps on different databases (tests) never share pages. */
const caches = new WeakMap<object, CacheState>();

function stateFor(owner: object): CacheState {
  let state = caches.get(owner);
  if (!state) {
    state = {
      entries: new StampedCache<CachedBody>(MAX_ENTRIES),
      building: new Map(),
      stats: { fills: 0, hits: 0 },
    };
    caches.set(owner, state);
  }
  return state;
}

/** Fills and hits of the public cache of an app's database (tests count builds with it). */
export function publicCacheStats(request: FastifyRequest | { server: FastifyRequest['server'] }): {
  fills: number;
  hits: number;
} {
  return { ...stateFor(request.server.database).stats };
}

/**
 * The change stamp of this request. The auth plugin reads it for /api/ only;
 * here it is read before anything is built, so a cached entry is never
 * stamped newer than the data it was built from.
 */
async function stampOf(request: FastifyRequest): Promise<number> {
  if (request.url.startsWith('/api/')) return request.changeStamp;
  request.changeStamp = await request.server.database.changeStamp();
  return request.changeStamp;
}

export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === `W/${etag}`;
  });
}

export function cachedBody(
  status: 200 | 404,
  content: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): CachedBody {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { status, body, etag: strongEtag(body), contentType, headers };
}

/** Send a cached entry, or 304 when the client already holds these bytes. */
export function sendBody(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CachedBody,
  vary?: string,
  cacheControl = PUBLIC_CACHE_CONTROL,
): FastifyReply {
  // A 404 may become a page at the next publish: never kept by the browser.
  reply.header('cache-control', entry.status === 200 ? cacheControl : 'no-cache').header('etag', entry.etag);
  if (vary) reply.header('vary', vary);
  for (const name in entry.headers) reply.header(name, entry.headers[name]);
  if (entry.status === 200 && matches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return reply.code(entry.status).type(entry.contentType).send(entry.body);
}

/** A file whose build found nothing to serve (cached like any entry). */
const MISSING: CachedBody = { status: 404, body: Buffer.alloc(0), etag: '""', contentType: HTML_TYPE, headers: {} };

async function cached(
  request: FastifyRequest,
  key: string,
  fill: (today: string) => Promise<CachedBody>,
): Promise<CachedBody> {
  const stamp = await stampOf(request);
  const today = shanghaiToday();
  const state = stateFor(request.server.database);
  const fullKey = `${key}|${today}`;
  const entry = state.entries.get(fullKey, stamp);
  if (entry) {
    state.stats.hits++;
    return entry;
  }
  const buildKey = `${fullKey}|${stamp}`;
  let building = state.building.get(buildKey);
  if (!building) {
    building = fill(today).then(
      (built) => {
        state.stats.fills++;
        state.entries.set(fullKey, stamp, built);
        state.building.delete(buildKey);
        return built;
      },
      (error: unknown) => {
        state.building.delete(buildKey);
        throw error;
      },
    );
    state.building.set(buildKey, building);
  }
  return building;
}

/**
 * A public page: `build` renders the whole document for the reader's choices
 * (renderPage) or returns undefined for the HTML 404 page. Keyed on
 * (key, choices, business date, change stamp). `key` names the route and its
 * ids, e.g. `card:12`.
 */
export async function sendCachedHtml(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  build: (context: BuildContext) => Promise<string | undefined>,
): Promise<FastifyReply> {
  const prefs = prefsOf(request);
  const entry = await cached(request, `html:${key}|${prefsKey(prefs)}`, async (today) => {
    const html = await build({ today, prefs });
    return html === undefined ? cachedBody(404, renderNotFound(prefs), HTML_TYPE) : cachedBody(200, html, HTML_TYPE);
  });
  return sendBody(request, reply, entry, 'Cookie', PAGE_CACHE_CONTROL);
}

/**
 * A public file (JSON, CSV, xlsx…) that does not depend on the reader's
 * choices: `build` gives its bytes, or undefined for the HTML 404 page.
 * `headers` (e.g. content-disposition) are sent with it.
 */
export async function sendCachedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  contentType: string,
  build: (context: BuildContext) => Promise<string | Buffer | undefined>,
  headers: Record<string, string> = {},
): Promise<FastifyReply> {
  const entry = await cached(request, `body:${key}`, async (today) => {
    const content = await build({ today, prefs: prefsOf(request) });
    return content === undefined ? MISSING : cachedBody(200, content, contentType, headers);
  });
  // The 404 page follows the reader's choices, which this key leaves out.
  if (entry === MISSING) return sendNotFound(request, reply);
  return sendBody(request, reply, entry);
}

/** The HTML 404 page (rendered once per choice in pages/not-found.ts). */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .header('cache-control', 'no-cache')
    .type(HTML_TYPE)
    .send(renderNotFound(prefsOf(request)));
}
