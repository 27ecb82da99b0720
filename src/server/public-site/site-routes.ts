import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicFeedbackOf } from '../../db/repositories/feedback.repository.js';
import { cookieOptions } from '../plugins/auth.js';
import { listProgrammes } from '../use-cases/programmes/list-programmes.js';
import { getPublicItemProgress } from '../use-cases/publish/get-public-item-progress.js';
import { getReportCard } from '../use-cases/publish/get-report-card.js';
import { ASSETS } from './assets/load-assets.js';
import { decodePrefs, encodePrefs, PREFS_COOKIE } from './layout.js';
import { type CachedBody, cachedBody, sendBody, sendCachedHtml, sendNotFound, sharedForBuild } from './page-cache.js';
import { renderItemPage } from './pages/item-page.js';
import { renderProgrammeList } from './pages/programme-list.js';
import { renderReportCard } from './pages/report-card.js';
import { findCardItem } from './pages/shared.js';

/**
 * The report-card site: GET /p/ (the list), /p/{id} (the card),
 * /p/{id}/items/{itemId} (an item), /p/prefs (remember the reader's choices),
 * /p/assets/* and an HTML 404 for every other /p/ address (the web
 * application's not-found handler would otherwise answer with its shell).
 */

const YEAR_SECONDS = 365 * 24 * 3600;
/** Pages are not API operations: kept out of the OpenAPI document. */
const page = { schema: { hide: true } } as const;

/** A positive PostgreSQL integer, or null. */
export function positiveId(value: unknown): number | null {
  if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= 2_147_483_647 ? n : null;
}

/** Only back to a page of this site: a path under /p/ (no scheme, host, `//`, `\` or dot segments). */
export function safeBack(value: unknown): string {
  if (typeof value !== 'string' || value.length > 1000) return '/p/';
  if (!value.startsWith('/p/')) return '/p/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\\\u0000-\u001f\u007f\s]|\/\/|(^|\/)\.\.?(\/|$|[?#])/.test(value)) return '/p/';
  return value;
}

/** `elder.hant.py`, `plain` or any order of the known words; anything else is dropped. */
function prefsCookieValue(set: unknown): string {
  return encodePrefs(decodePrefs(typeof set === 'string' ? set.slice(0, 40) : '')) || 'plain';
}

const ASSET_BODIES: ReadonlyMap<string, CachedBody> = new Map(
  Object.entries(ASSETS).map(([name, asset]) => [name, cachedBody(200, asset.body, asset.contentType)]),
);

export async function siteRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;

  app.get('/p', page, (_request, reply) => reply.redirect('/p/', 301));

  app.get('/p/', page, (request, reply) =>
    sendCachedHtml(request, reply, 'list', async ({ prefs }) =>
      renderProgrammeList(await listProgrammes(db, null, {}), prefs),
    ),
  );

  app.get('/p/prefs', page, (request: FastifyRequest<{ Querystring: { set?: unknown; back?: unknown } }>, reply) => {
    const value = prefsCookieValue(request.query.set);
    reply.setCookie(PREFS_COOKIE, value, {
      ...cookieOptions(app, request),
      path: '/p',
      maxAge: YEAR_SECONDS,
    });
    return reply.header('cache-control', 'no-store').redirect(safeBack(request.query.back), 303);
  });

  app.get('/p/assets/:name', page, (request: FastifyRequest<{ Params: { name: string } }>, reply) => {
    const asset = ASSET_BODIES.get(request.params.name);
    if (!asset) return sendNotFound(request, reply);
    // The pages link to ?v=<hash>: a new file is a new address.
    return sendBody(request, reply, asset, undefined, 'public, max-age=31536000, immutable');
  });

  app.get('/p/:id', page, (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const id = positiveId(request.params.id);
    if (id === null) return sendNotFound(request, reply);
    return sendCachedHtml(request, reply, `card:${id}`, async ({ today, prefs }) => {
      const card = await sharedForBuild(request, `card:${id}|${today}`, () =>
        getReportCard(db, id, today, { publicOnly: true }),
      );
      return card && renderReportCard(card, prefs);
    });
  });

  app.get(
    '/p/:id/items/:itemId',
    page,
    (request: FastifyRequest<{ Params: { id: string; itemId: string } }>, reply: FastifyReply) => {
      const id = positiveId(request.params.id);
      const itemId = positiveId(request.params.itemId);
      if (id === null || itemId === null) return sendNotFound(request, reply);
      return sendCachedHtml(request, reply, `item:${id}:${itemId}`, async ({ today, prefs }) => {
        const card = await sharedForBuild(request, `card:${id}|${today}`, () =>
          getReportCard(db, id, today, { publicOnly: true }),
        );
        const found = card && findCardItem(card, itemId);
        if (!card || !found) return undefined;
        const [progress, feedback] = await Promise.all([
          getPublicItemProgress(db, itemId, today, id),
          publicFeedbackOf(db, itemId),
        ]);
        return renderItemPage({
          card,
          item: found.item,
          parent: found.parent,
          categoryTitle: found.category.title,
          progress,
          feedback,
          prefs,
        });
      });
    },
  );

  app.get('/p/*', page, (request, reply) => sendNotFound(request, reply));
}
