import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffBulletinData } from '../../src/core/publish/bulletin-diff.js';
import type { BulletinRecord } from '../../src/core/publish/bulletin-types.js';
import { pinBusinessDate } from '../../src/core/work/calendar.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

/**
 * Published bulletins on the public site (/p/{id}/bulletins…, the Atom feed,
 * the public JSON): the office's edited text as published, what changed since
 * the previous bulletin, the hash chain in small print; drafts never.
 */

let ctx: TestContext;
let supervisor: Client;
let demo: number;
let draftProgramme: number;
let first: BulletinRecord;
let second: BulletinRecord;
let pending: BulletinRecord;

const EDITED = '截至3月底，这是督查室改写后的导语。';
const DRAFT_MARKER = '尚未发布的草稿标记ZX9';

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

async function draftAt(cutoff: string): Promise<BulletinRecord> {
  const response = await supervisor.post(`/api/v1/programmes/${demo}/bulletins`, { cutoff });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as BulletinRecord;
}

async function publish(b: BulletinRecord): Promise<BulletinRecord> {
  const response = await supervisor.post(`/api/v1/bulletins/${b.id}/publish`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as BulletinRecord;
}

beforeAll(async () => {
  pinBusinessDate('2026-11-23');
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  supervisor = await signIn(ctx.app, 'supervisor');
  const list = (await supervisor.get('/api/v1/programmes')).json() as {
    items: Array<{ id: number; title: string; jurisdictionId: number }>;
  };
  const found = list.items.find((p) => p.title.startsWith('明湖区2026年'));
  demo = found?.id ?? 0;
  const made = await supervisor.post('/api/v1/programmes', {
    jurisdictionId: found?.jurisdictionId,
    year: 2026,
    title: '明湖区2026年未发布的清单',
  });
  draftProgramme = (made.json() as { id: number }).id;

  // Draft, edit, publish; then a second one half a year later; then a draft that stays a draft.
  const b1 = await draftAt('2026-03-31');
  const edited = await supervisor.patch(`/api/v1/bulletins/${b1.id}`, {
    version: 1,
    body: { ...b1.body, lede: EDITED },
  });
  expect(edited.statusCode, edited.body).toBe(200);
  first = await publish(b1);
  second = await publish(await draftAt('2026-09-30'));
  pending = await draftAt('2026-10-31');
  const titled = await supervisor.patch(`/api/v1/bulletins/${pending.id}`, { version: 1, title: DRAFT_MARKER });
  expect(titled.statusCode, titled.body).toBe(200);
});
afterAll(async () => {
  pinBusinessDate(null);
  await ctx?.close();
});

describe('the public bulletin pages', () => {
  it('lists the published bulletins with a feed link, newest first', async () => {
    const response = await get(`/p/${demo}/bulletins`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain(
      `<link rel="alternate" type="application/atom+xml" title="${first.data.card.programme.title}进展情况通报" href="/p/${demo}/bulletins.atom">`,
    );
    const second_ = response.body.indexOf(`href="/p/${demo}/bulletins/2"`);
    const first_ = response.body.indexOf(`href="/p/${demo}/bulletins/1"`);
    expect(second_).toBeGreaterThan(0);
    expect(first_).toBeGreaterThan(second_);
  });

  it('shows the text the office edited, the hash and that it is the first', async () => {
    const response = await get(`/p/${demo}/bulletins/1`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(EDITED);
    expect(response.body).toContain(first.title);
    expect(response.body).toContain(first.hash);
    expect(response.body).toContain('无（第一期）');
    expect(response.body).toContain('与上一期相比的变化');
    expect(response.body).toContain('这是本清单发布的第一期通报');
    expect(response.body).toContain(`href="/p/${demo}/bulletins/1.docx"`);
    expect(response.body).not.toMatch(/<script(?![^>]*src="\/p\/assets\/)/);
  });

  it('shows on the second what changed since the first, and both hashes', async () => {
    const changes = diffBulletinData(first.data, second.data);
    expect(changes.length).toBeGreaterThan(0);
    const response = await get(`/p/${demo}/bulletins/2`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`有${changes.length}处变化`);
    const named = changes[0]?.itemName ?? '';
    expect(response.body).toContain(`<strong>${named}</strong>`);
    expect(response.body).toContain(second.hash);
    expect(response.body).toContain(`上一期的哈希：<code>${first.hash}</code>`);
    expect(response.body).toContain(`href="/p/${demo}/bulletins/1" rel="prev"`);
  });

  it('follows the reader’s choices: 繁體 and 适老版', async () => {
    const hant = await get(`/p/${demo}/bulletins/2?zh=hant&mode=elder`);
    expect(hant.statusCode).toBe(200);
    expect(hant.body).toContain('與上一期相比的變化');
    expect(hant.body).toContain('class="elder');
  });

  it('offers the bulletin as .docx and .md', async () => {
    const docx = await get(`/p/${demo}/bulletins/1.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${first.title}.docx`)}`,
    );
    const md = await get(`/p/${demo}/bulletins/1.md`);
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain(EDITED);
    expect((await get(`/p/${demo}/bulletins/1.pdf`)).statusCode).toBe(404);
  });

  it('answers 404 pages for drafts, unknown numbers and programmes that are not public', async () => {
    for (const url of [
      `/p/${demo}/bulletins/3`,
      `/p/${demo}/bulletins/3.md`,
      `/p/${demo}/bulletins/0`,
      `/p/${draftProgramme}/bulletins`,
      `/p/${draftProgramme}/bulletins.atom`,
      `/p/abc/bulletins`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('text/html');
    }
  });

  it('is served from the cache with a strong ETag, and 304 when the reader has it', async () => {
    const response = await get(`/p/${demo}/bulletins/1`);
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^"/);
    expect(response.headers['cache-control']).toContain('public');
    expect((await get(`/p/${demo}/bulletins/1`, { 'if-none-match': etag })).statusCode).toBe(304);
  });
});

describe('the Atom feed', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  type Entry = {
    id: string;
    title: string;
    updated: string;
    summary: string;
    link: { '@rel': string; '@href': string };
  };
  const feed = async () => {
    const response = await get(`/p/${demo}/bulletins.atom`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/atom+xml');
    const doc = parser.parse(response.body) as { feed: { id: string; updated: string; entry: Entry[] } };
    return doc.feed;
  };

  it('parses, with one entry per published bulletin and no draft', async () => {
    const f = await feed();
    expect(f.id).toMatch(/^tag:/);
    expect(f.entry).toHaveLength(2);
    const [newest, oldest] = f.entry as [Entry, Entry];
    expect(newest.title).toBe(second.title);
    expect(newest.updated).toBe(second.publishedAt);
    expect(f.updated).toBe(second.publishedAt);
    expect(oldest.summary).toBe(EDITED);
    expect(oldest.link['@rel']).toBe('alternate');
    expect(oldest.link['@href']).toMatch(new RegExp(`/p/${demo}/bulletins/1$`));
    expect(newest.id).toMatch(/^tag:[^,]+,2026:.*\/bulletin\/2$/);
    expect(JSON.stringify(f)).not.toContain(DRAFT_MARKER);
  });

  it('keeps each entry’s id when the feed is read again from another address', async () => {
    const before = (await feed()).entry.map((e) => e.id);
    const other = await get(`/p/${demo}/bulletins.atom`, { host: 'example.org' });
    const after = (parser.parse(other.body) as { feed: { entry: Entry[] } }).feed.entry.map((e) => e.id);
    expect(after).toEqual(before);
  });
});

describe('the public JSON', () => {
  it('lists the published bulletins with their hashes, never a draft', async () => {
    const response = await get(`/api/v1/public/programmes/${demo}/bulletins`);
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: Array<{ seq: number; hash: string; prevHash: string | null }> };
    expect(items.map((b) => [b.seq, b.hash, b.prevHash])).toEqual([
      [2, second.hash, first.hash],
      [1, first.hash, null],
    ]);
    expect(response.body).not.toContain(DRAFT_MARKER);
    expect(response.body).not.toContain('publishedBy');
  });

  it('gives one bulletin whole: text, facts and links of the chain', async () => {
    const response = await get(`/api/v1/public/programmes/${demo}/bulletins/1`);
    expect(response.statusCode).toBe(200);
    const b = response.json() as BulletinRecord;
    expect(b.body.lede).toBe(EDITED);
    expect(b.hash).toBe(first.hash);
    expect(b.data.card.asOf).toBe('2026-03-31');
    expect(Object.keys(b)).not.toContain('id');
  });

  it('answers 404 in JSON for a draft, an unknown number and a programme that is not public', async () => {
    for (const url of [
      `/api/v1/public/programmes/${demo}/bulletins/3`,
      `/api/v1/public/programmes/${draftProgramme}/bulletins`,
      `/api/v1/public/programmes/${draftProgramme}/bulletins/1`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect((response.json() as { code: string }).code, url).toBe('NOT_FOUND');
    }
  });

  it('shows a newly published bulletin at once', async () => {
    await publish(pending);
    const list = (await get(`/api/v1/public/programmes/${demo}/bulletins`)).json() as { items: { seq: number }[] };
    expect(list.items[0]?.seq).toBe(3);
    const page = await get(`/p/${demo}/bulletins/3`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(DRAFT_MARKER);
    expect((await get(`/p/${demo}/bulletins`)).body).toContain(`href="/p/${demo}/bulletins/3"`);
  });
});
