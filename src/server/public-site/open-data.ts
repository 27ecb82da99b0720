import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import {
  contentDisposition,
  EXPORT_CONTENT_TYPES,
  exportBytes,
  exportFileName,
} from '../../core/export/export-file.js';
import { reportCardToCsv, statusFileName } from '../../core/export/status-csv.js';
import { treeToDocument } from '../../core/tree.js';
import { shanghaiToday } from '../../core/work/calendar.js';
import { StampedCache } from '../cache/stamped-cache.js';
import { reportCardOut } from '../schemas/public.js';
import { getPublishedTree } from '../use-cases/programmes/get-programme-tree.js';
import { getReportCard } from '../use-cases/publish/get-report-card.js';
import { type CachedBody, cachedBody, sendBody, sendNotFound } from './page-cache.js';
import { positiveId } from './site-routes.js';

/**
 * Open data on the public site, no sign-in, 404 unless published:
 * - /p/{id}/export.xlsx|csv|json: the programme list itself in the official
 *   layouts of the signed-in export (src/core/export/), from the published tree;
 * - /p/{id}/status.csv|json: status at today from the report card (public fields).
 * Files are offered for download under a Chinese name (RFC 5987) and cached
 * like the pages (until the next audited change or business day, strong ETag,
 * 304). The name depends on the title, known only once the file is built, so
 * this keeps its own small cache of the bytes with their headers.
 */

const PROGRAMME_FORMATS = ['xlsx', 'csv', 'json'] as const;
const STATUS_FORMATS = ['csv', 'json'] as const;

interface File {
  content: Buffer;
  contentType: string;
  fileName: string;
  /** ASCII name for clients that do not read filename*. */
  fallback: string;
}

const caches = new WeakMap<object, StampedCache<CachedBody | null>>();

function cacheFor(owner: object): StampedCache<CachedBody | null> {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new StampedCache<CachedBody | null>(1_000);
    caches.set(owner, cache);
  }
  return cache;
}

async function sendCachedFile(
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  build: (id: number, today: string) => Promise<File | undefined>,
): Promise<FastifyReply> {
  const id = positiveId((request.params as { id?: unknown }).id);
  if (id === null) return sendNotFound(request, reply);
  // Read before building, so an entry is never newer than its data.
  const stamp = await request.server.database.publicStamp();
  const today = shanghaiToday();
  const cache = cacheFor(request.server.database);
  const fullKey = `${key}:${id}|${today}`;
  let entry = cache.get(fullKey, stamp);
  if (entry === undefined) {
    const file = await build(id, today);
    entry = file
      ? cachedBody(200, file.content, file.contentType, {
          'content-disposition': contentDisposition(file.fileName, file.fallback),
          'x-content-type-options': 'nosniff',
        })
      : null;
    cache.set(fullKey, stamp, entry);
  }
  return entry ? sendBody(request, reply, entry) : sendNotFound(request, reply);
}

/** The published programme as `minxin.programme/v1`, or undefined when it is not published. */
async function publishedDocument(request: FastifyRequest, id: number) {
  try {
    return treeToDocument(await getPublishedTree(request.server.database.db, id));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

export async function openDataRoutes(app: FastifyInstance): Promise<void> {
  const hidden = { schema: { hide: true } };

  for (const format of PROGRAMME_FORMATS) {
    app.get(`/p/:id/export.${format}`, hidden, (request, reply) =>
      sendCachedFile(request, reply, `export.${format}`, async (id) => {
        const document = await publishedDocument(request, id);
        if (!document) return undefined;
        return {
          content: await exportBytes(document, format),
          contentType: EXPORT_CONTENT_TYPES[format],
          fileName: exportFileName(document.title, format),
          fallback: `programme-${id}.${format}`,
        };
      }),
    );
  }

  for (const format of STATUS_FORMATS) {
    app.get(`/p/:id/status.${format}`, hidden, (request, reply) =>
      sendCachedFile(request, reply, `status.${format}`, async (id, today) => {
        const found = await getReportCard(request.server.database.db, id, today, { publicOnly: true });
        if (!found) return undefined;
        const card = reportCardOut.parse(found);
        return {
          content: format === 'csv' ? reportCardToCsv(card) : Buffer.from(`${JSON.stringify(card, null, 2)}\n`, 'utf8'),
          contentType: EXPORT_CONTENT_TYPES[format],
          fileName: statusFileName(card, format),
          fallback: `status-${id}-${card.asOf}.${format}`,
        };
      }),
    );
  }
}
