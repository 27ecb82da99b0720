import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors.js';
import { type BulletinChange, diffBulletinData } from '../../core/publish/bulletin-diff.js';
import { renderBulletinHtmlFragment } from '../../core/publish/bulletin-render.js';
import type { BulletinRecord } from '../../core/publish/bulletin-types.js';
import { shanghaiDateOf } from '../../core/work/calendar.js';
import { type BulletinProgramme, publicSummaryBySeq } from '../../db/repositories/bulletins.repository.js';
import { publicBulletinList, publicBulletinOut, seqParams } from '../schemas/bulletins.js';
import { errors, idParams } from '../schemas/common.js';
import { type BulletinSummary, presentSummary } from '../use-cases/bulletins/bulletin-access.js';
import { BULLETIN_CONTENT_TYPES, bulletinFile, bulletinFileName } from '../use-cases/bulletins/export-bulletin.js';
import {
  getPublicBulletin,
  listPublicBulletins,
  presentPublicBulletin,
  presentPublicSummary,
} from '../use-cases/bulletins/public-bulletins.js';
import { escapeHtml, type Prefs, renderPage } from './layout.js';
import { sendCachedBody, sendCachedHtml, sendNotFound } from './page-cache.js';
import { crumbs, fullDate } from './pages/shared.js';

/**
 * Published bulletins on the public site: the list, each bulletin with what
 * changed since the one before and its place in the hash chain, its .docx and
 * .md, an Atom feed, and the same as JSON under /api/v1/public. Drafts never
 * appear: every query here asks for published bulletins of a published
 * programme. Everything is cached like the other public pages (page-cache.ts).
 */

const JSON_TYPE = 'application/json; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const positive = (value: string): number | null => (/^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);
const notFound = () => new AppError('NOT_FOUND', '通报不存在或尚未公开。 No such bulletin, or it is not public.');

const dateOf = (timestamp: string | null): string => (timestamp ? fullDate(shanghaiDateOf(timestamp)) : '');

function trail(programme: BulletinProgramme, last?: string) {
  const base = `/p/${programme.id}`;
  return crumbs([
    { href: '/p/', text: '全部清单' },
    { href: base, text: programme.title },
    ...(last ? [{ href: `${base}/bulletins`, text: '进展情况通报' }, { text: last }] : [{ text: '进展情况通报' }]),
  ]);
}

function listPage(programme: BulletinProgramme, items: readonly BulletinSummary[], prefs: Prefs): string {
  const base = `/p/${programme.id}/bulletins`;
  const entries = items
    .map(
      (b) => `<li><a href="${base}/${b.seq}">第${b.seq}期　${escapeHtml(b.title)}</a>
<br><span class="secondary">数据截至${escapeHtml(fullDate(b.cutoff))}（${escapeHtml(b.period)}）　发布于${escapeHtml(dateOf(b.publishedAt))}</span></li>`,
    )
    .join('\n');
  const body = `${trail(programme)}
<h1>${escapeHtml(programme.title)}进展情况通报</h1>
${items.length === 0 ? '<p>尚未发布进展情况通报。</p>' : `<ol class="bulletins" reversed>\n${entries}\n</ol>`}
<p><a href="${base}.atom">订阅通报（Atom）</a></p>`;
  return renderPage({
    title: `${programme.title}进展情况通报`,
    description: `${programme.title}已发布的进展情况通报`,
    prefs,
    path: base,
    body,
    head: `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(programme.title)}进展情况通报" href="${base}.atom">`,
  });
}

const CHANGE_KIND: Record<BulletinChange['kind'], string> = {
  status: '状态',
  progress: '进展',
  indicator: '数据',
  added: '新增',
  removed: '不再列入',
};

function changeItem(change: BulletinChange): string {
  const name = `<strong>${escapeHtml(change.itemName)}</strong>（${CHANGE_KIND[change.kind]}）`;
  if (change.kind === 'added' || change.kind === 'removed')
    return `<li>${name}${(change.after ?? change.before) ? `：${escapeHtml(change.after ?? change.before)}` : ''}</li>`;
  const before = change.before ?? '无';
  const after = change.after ?? '无';
  return `<li>${name}：由“${escapeHtml(before)}”变为“${escapeHtml(after)}”</li>`;
}

function changesSection(bulletin: BulletinRecord, previous: BulletinRecord | null): string {
  const heading = '<h2 id="changes-h">与上一期相比的变化</h2>';
  if (previous === null)
    return `<section class="changes" aria-labelledby="changes-h">${heading}<p>这是本清单发布的第一期通报，没有可比较的上一期。</p></section>`;
  const changes = diffBulletinData(previous.data, bulletin.data);
  const since = `与第${previous.seq}期（数据截至${escapeHtml(fullDate(previous.cutoff))}）相比`;
  const list =
    changes.length === 0
      ? `<p>${since}，公开的数据没有变化。</p>`
      : `<p>${since}，有${changes.length}处变化：</p><ul>${changes.map(changeItem).join('')}</ul>`;
  return `<section class="changes" aria-labelledby="changes-h">${heading}${list}</section>`;
}

function bulletinPage(
  programme: BulletinProgramme,
  bulletin: BulletinRecord,
  previous: BulletinRecord | null,
  prefs: Prefs,
): string {
  const base = `/p/${programme.id}/bulletins`;
  const here = `${base}/${bulletin.seq}`;
  const nav = [
    previous ? `<a href="${base}/${previous.seq}" rel="prev">上一期</a>` : '',
    `<a href="${base}">全部通报</a>`,
  ]
    .filter(Boolean)
    .join('　');
  const body = `${trail(programme, `第${bulletin.seq}期`)}
${renderBulletinHtmlFragment(bulletin)}
<section class="downloads" aria-labelledby="downloads-h"><h2 id="downloads-h">下载本期通报</h2>
<ul><li><a href="${here}.docx" download>Word 文档（.docx）</a></li><li><a href="${here}.md" download>文本（Markdown，.md）</a></li></ul></section>
${changesSection(bulletin, previous)}
<p class="bulletin-nav">${nav}</p>
<p class="secondary chain" data-nopy><small>第${bulletin.seq}期的哈希（SHA-256）：<code>${escapeHtml(bulletin.hash)}</code><br>上一期的哈希：${
    bulletin.prevHash ? `<code>${escapeHtml(bulletin.prevHash)}</code>` : '无（第一期）'
  }<br>每期通报发布后不再改动，其哈希同时涵盖上一期的哈希；任何事后改动都会使哈希链断开。</small></p>`;
  return renderPage({ title: bulletin.title, description: bulletin.body.lede.slice(0, 150), prefs, path: here, body });
}

/** The origin for absolute links in the feed: MINXIN_PUBLIC_URL, else the address the request came to. */
function originOf(request: FastifyRequest): string {
  const configured = request.server.config.MINXIN_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

/** tag: URIs (RFC 4151) that stay the same for a bulletin whatever address the feed is read at. */
function tagAuthority(request: FastifyRequest): string {
  const configured = request.server.config.MINXIN_PUBLIC_URL;
  return configured ? new URL(configured).hostname : 'minxin.localhost';
}

function atomFeed(
  programme: BulletinProgramme,
  bulletins: readonly BulletinRecord[],
  origin: string,
  authority: string,
): string {
  const tag = (what: string) => `tag:${authority},${programme.year}:minxin/programme/${programme.id}/${what}`;
  const page = `${origin}/p/${programme.id}/bulletins`;
  const updated = bulletins[0]?.publishedAt ?? `${programme.year}-01-01T00:00:00.000Z`;
  const entries = bulletins.map(
    (b) => `<entry>
<id>${escapeHtml(tag(`bulletin/${b.seq}`))}</id>
<title>${escapeHtml(b.title)}</title>
<updated>${escapeHtml(b.publishedAt)}</updated>
<published>${escapeHtml(b.publishedAt)}</published>
<link rel="alternate" type="text/html" href="${escapeHtml(`${page}/${b.seq}`)}"/>
<summary>${escapeHtml(b.body.lede)}</summary>
<author><name>${escapeHtml(b.body.source || `${programme.jurisdictionName}民心工程督查室`)}</name></author>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${escapeHtml(tag('bulletins'))}</id>
<title>${escapeHtml(programme.title)}进展情况通报</title>
<updated>${escapeHtml(updated)}</updated>
<link rel="self" type="application/atom+xml" href="${escapeHtml(`${page}.atom`)}"/>
<link rel="alternate" type="text/html" href="${escapeHtml(page)}"/>
<author><name>${escapeHtml(`${programme.jurisdictionName}民心工程督查室`)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** A bulletin's .docx or .md: the bytes cached, the name (its frozen title) read each time with one small query. */
async function sendBulletinFile(
  request: FastifyRequest,
  reply: FastifyReply,
  programmeId: number,
  seq: number,
  format: 'docx' | 'md',
): Promise<FastifyReply> {
  const db = request.server.database.db;
  const summary = await publicSummaryBySeq(db, programmeId, seq);
  if (!summary) return sendNotFound(request, reply);
  const name = bulletinFileName(presentSummary(summary), format);
  const key = `bulletin-file:${programmeId}:${seq}:${format}`;
  return sendCachedBody(
    request,
    reply,
    key,
    BULLETIN_CONTENT_TYPES[format],
    async () => {
      const found = await getPublicBulletin(db, programmeId, seq);
      return found && (await bulletinFile(found.bulletin, format)).bytes;
    },
    { 'content-disposition': name.contentDisposition },
  );
}

export async function bulletinPageRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const hide = { schema: { hide: true } };

  app.get('/p/:id/bulletins', hide, async (request, reply) => {
    const id = positive((request.params as { id: string }).id);
    if (id === null) return sendNotFound(request, reply);
    return sendCachedHtml(request, reply, `bulletins:${id}`, async ({ prefs }) => {
      const found = await listPublicBulletins(db(), id);
      return found && listPage(found.programme, found.items, prefs);
    });
  });

  app.get('/p/:id/bulletins.atom', hide, async (request, reply) => {
    const id = positive((request.params as { id: string }).id);
    if (id === null) return sendNotFound(request, reply);
    const origin = originOf(request);
    return sendCachedBody(request, reply, `bulletins-atom:${id}|${origin}`, ATOM_TYPE, async () => {
      const found = await listPublicBulletins(db(), id);
      if (!found) return undefined;
      const whole = await Promise.all(found.items.map((b) => getPublicBulletin(db(), id, b.seq ?? 0)));
      const bulletins = whole.flatMap((w) => (w ? [w.bulletin] : []));
      return atomFeed(found.programme, bulletins, origin, tagAuthority(request));
    });
  });

  app.get('/p/:id/bulletins/:seq', hide, async (request, reply) => {
    const params = request.params as { id: string; seq: string };
    const id = positive(params.id);
    const match = /^(\d+)(?:\.(docx|md))?$/.exec(params.seq);
    const seq = positive(match?.[1] ?? '');
    if (id === null || seq === null || !match) return sendNotFound(request, reply);
    const format = match[2] as 'docx' | 'md' | undefined;
    if (format) return sendBulletinFile(request, reply, id, seq, format);
    return sendCachedHtml(request, reply, `bulletin:${id}:${seq}`, async ({ prefs }) => {
      const found = await getPublicBulletin(db(), id, seq);
      return found && bulletinPage(found.programme, found.bulletin, found.previous, prefs);
    });
  });

  // The same as JSON, documented in the OpenAPI spec (tag public).
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/public/programmes/:id/bulletins',
    {
      schema: {
        tags: ['public'],
        summary: '已发布的进展情况通报 (a published programme’s published bulletins, newest first)',
        params: idParams,
        response: { 200: publicBulletinList, ...errors },
      },
    },
    async (request, reply) =>
      sendCachedBody(request, reply, `bulletins-json:${request.params.id}`, JSON_TYPE, async () => {
        const found = await listPublicBulletins(db(), request.params.id);
        if (!found) throw notFound();
        return JSON.stringify(publicBulletinList.parse({ items: found.items.map(presentPublicSummary) }));
      }),
  );
  api.get(
    '/api/v1/public/programmes/:id/bulletins/:seq',
    {
      schema: {
        tags: ['public'],
        summary: '一期已发布的通报 (a published bulletin: text, facts, hash and previous hash)',
        params: seqParams,
        response: { 200: publicBulletinOut, ...errors },
      },
    },
    async (request, reply) => {
      const { id, seq } = request.params;
      return sendCachedBody(request, reply, `bulletin-json:${id}:${seq}`, JSON_TYPE, async () => {
        const found = await getPublicBulletin(db(), id, seq);
        if (!found) throw notFound();
        return JSON.stringify(publicBulletinOut.parse(presentPublicBulletin(found.bulletin)));
      });
    },
  );
}
