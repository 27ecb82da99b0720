import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { shanghaiToday } from '../../core/work/calendar.js';
import { StampedCache } from '../cache/stamped-cache.js';
import { type Prefs, prefsKey, prefsOf } from './layout.js';
import { renderNotFound } from './pages/not-found.js';

/**
 * Rendered public pages and files, kept until the next change the public
 * can see (the public change stamp: publish, list edits, approvals, ratings,
 * bulletins… not drafts, sign-ins or notices) or the next business day
 * (status depends on the date). A request that hits the cache
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
/**
 * Pages rebuilt at once, per database. A change the public can see makes
 * every page stale together; rebuilding them all at once took every
 * connection of the pool (each build runs a few queries), so readers' stamp
 * reads and reporters' writes queued behind them (reliability/load on
 * PostgreSQL: readers' p99 16 s with a reviewer approving a report a second).
 * Past this many, a page that has a copy serves it and is rebuilt on a later
 * visit; a page without one is built at once.
 */
export const MAX_CONCURRENT_BUILDS = 2;

interface CacheState {
  entries: StampedCache<CachedBody>;
  /**
   * Builds under way, one per page at most: while a page is rebuilt after a
   * change, readers get the copy it replaces (or wait for the build when there
   * is none), so a stream of writes costs one build at a time per page rather
   * than one per write and reader (reliability/load: 100 reporters writing).
   */
  building: Map<string, Promise<CachedBody>>;
  /** Fills (builds), hits, and stale copies served during a rebuild, since start: for tests and diagnostics. */
  stats: { fills: number; hits: number; stale: number };
}

/** One cache per database, so apps on different databases (tests) never share pages. */
const caches = new WeakMap<object, CacheState>();

function stateFor(owner: object): CacheState {
  let state = caches.get(owner);
  if (!state) {
    state = {
      entries: new StampedCache<CachedBody>(MAX_ENTRIES),
      building: new Map(),
      stats: { fills: 0, hits: 0, stale: 0 },
    };
    caches.set(owner, state);
  }
  return state;
}

/** Fills and hits of the public cache of an app's database (tests count builds with it). */
export function publicCacheStats(request: FastifyRequest | { server: FastifyRequest['server'] }): {
  fills: number;
  hits: number;
  stale: number;
} {
  return { ...stateFor(request.server.database).stats };
}

/** Each request's public stamp, read once before anything is built for it. */
const requestStamps = new WeakMap<FastifyRequest, number>();

/**
 * The public change stamp of this request (writes the public can see:
 * src/core/publish/public-changes.ts), read before anything is built, so a
 * cached entry is never stamped newer than the data it was built from.
 */
async function stampOf(request: FastifyRequest): Promise<number> {
  let stamp = requestStamps.get(request);
  if (stamp === undefined) {
    stamp = await request.server.database.publicStamp();
    requestStamps.set(request, stamp);
  }
  return stamp;
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
  const held = state.entries.peek(fullKey);
  // A copy at least as new as this request's stamp (another request's build may have finished first).
  if (held && held.stamp >= stamp) {
    state.stats.hits++;
    return held.value;
  }
  let building = state.building.get(fullKey);
  if (held && (building || state.building.size >= MAX_CONCURRENT_BUILDS)) {
    state.stats.stale++;
    return held.value;
  }
  if (!building) {
    building = fill(today).then(
      (built) => {
        state.stats.fills++;
        state.entries.set(fullKey, stamp, built);
        state.building.delete(fullKey);
        return built;
      },
      (error: unknown) => {
        state.building.delete(fullKey);
        throw error;
      },
    );
    state.building.set(fullKey, building);
  }
  return building;
}

interface SharedValue {
  /** The change stamp read before the computation started: its result holds for builds at this stamp or older. */
  stamp: number;
  value: Promise<unknown>;
}
/** Values shared by builds, per database (see `sharedForBuild`). */
const sharedValues = new WeakMap<object, Map<string, SharedValue>>();
const MAX_SHARED = 200;

/**
 * A value several builds need (a programme's report card), computed once for
 * all builds at the request's change stamp or older. A write makes every page
 * of a programme stale at once; without this each page rebuilt would compute
 * the same card again (reliability/load: with reporters writing, twenty item
 * pages recomputing it kept the embedded database's process busy). The
 * computation reads the stamp before it starts, so it is never older than
 * the builds it serves.
 */
export async function sharedForBuild<T>(request: FastifyRequest, key: string, compute: () => Promise<T>): Promise<T> {
  const owner = request.server.database;
  let values = sharedValues.get(owner);
  if (!values) {
    values = new Map();
    sharedValues.set(owner, values);
  }
  const requestStamp = await stampOf(request);
  const usable = () => {
    const held = values.get(key);
    return held && held.stamp >= requestStamp ? (held.value as Promise<T>) : undefined;
  };
  const early = usable();
  if (early) return early;
  const stamp = await owner.publicStamp();
  const meanwhile = usable();
  if (meanwhile) return meanwhile;
  const value = compute();
  values.delete(key);
  if (values.size >= MAX_SHARED) {
    const oldest = values.keys().next().value;
    if (oldest !== undefined) values.delete(oldest);
  }
  values.set(key, { stamp, value });
  value.catch(() => {
    if (values.get(key)?.value === value) values.delete(key);
  });
  return value;
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
