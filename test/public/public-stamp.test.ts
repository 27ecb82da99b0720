import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinBusinessDate } from '../../src/core/work/calendar.js';
import { MAX_CONCURRENT_BUILDS, publicCacheStats } from '../../src/server/public-site/page-cache.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { publishedOneItemProgramme } from '../helpers/programmes.js';

/**
 * The public change stamp: public pages are rebuilt after writes the public
 * can see (approval, reopening, publishing…), not after sign-ins or a unit's
 * drafts and submissions; and while a page is rebuilt, readers get the copy
 * it replaces. A published 2026 programme of 明湖区 of its own.
 */

let ctx: TestContext;
let admin: Client;
let supervisor: Client;
let reporter: Client;
let programmeId = 0;
let itemId = 0;

const url = (path: string) => `/api/v1${path}`;
const get = (path: string) => ctx.app.inject({ method: 'GET', url: path });
const stats = () => publicCacheStats({ server: ctx.app });
const stamps = async () => ({ all: await ctx.database.changeStamp(), public: await ctx.database.publicStamp() });

interface ReportBody {
  id: number;
  version: number;
  state: string;
}

async function submitted(period: string, progress: string): Promise<ReportBody> {
  const response = await reporter.post(url(`/items/${itemId}/reports`), { period, progress, submit: true });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as ReportBody;
}

async function approve(report: ReportBody): Promise<ReportBody> {
  const response = await supervisor.post(url(`/reports/${report.id}/approve`), { version: report.version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ReportBody;
}

beforeAll(async () => {
  pinBusinessDate('2026-08-20');
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 1000 });
  admin = await signIn(ctx.app, 'admin');
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
  ({ programmeId, itemId } = await publishedOneItemProgramme(admin, supervisor, {
    title: '明湖区2026年公开戳测试工程',
    item: '公开戳测试学校',
  }));
}, 120_000);
afterAll(async () => {
  pinBusinessDate(null);
  await ctx?.close();
});

describe('the public change stamp', () => {
  it('does not move for sign-ins, drafts, submissions and returns; the card stays cached', async () => {
    const card = `/p/${programmeId}`;
    const first = await get(card);
    expect(first.statusCode).toBe(200);
    const before = await stamps();
    const cache = stats();
    await signIn(ctx.app, 'viewer');
    const draft = await reporter.post(url(`/items/${itemId}/reports`), { period: 'M05', progress: '草稿内容' });
    expect(draft.statusCode, draft.body).toBe(201);
    const report = await submitted('M06', '六月进展：已完成主体施工');
    const returned = await supervisor.post(url(`/reports/${report.id}/return`), {
      version: report.version,
      reason: '请补充照片',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const after = await stamps();
    expect(after.all).toBeGreaterThan(before.all);
    expect(after.public).toBe(before.public);
    const again = await get(card);
    expect(again.body).toBe(first.body);
    expect(stats().fills).toBe(cache.fills);
    expect(stats().hits).toBe(cache.hits + 1);
  });

  it('moves for an approval and a reopening, and the card shows what changed', async () => {
    const card = `/p/${programmeId}`;
    await get(card);
    const report = await submitted('M07', '七月进展：教学楼封顶');
    const before = await stamps();
    const approved = await approve(report);
    expect((await stamps()).public).toBe(before.public + 1);
    expect((await get(card)).body).toContain('七月进展：教学楼封顶');
    const reopened = await supervisor.post(url(`/reports/${approved.id}/reopen`), {
      version: approved.version,
      reason: '数字有误',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await stamps()).public).toBe(before.public + 2);
    expect((await get(card)).body).not.toContain('七月进展：教学楼封顶');
  });

  it('serves the copy a page replaces while it is rebuilt, and the new one after', async () => {
    const page = `/p/${programmeId}/items/${itemId}`;
    expect((await get(page)).body).not.toContain('八月进展：已开学');
    await approve(await submitted('M08', '八月进展：已开学'));
    const before = stats();
    const responses = await Promise.all([get(page), get(page), get(page), get(page)]);
    const after = stats();
    expect(after.fills).toBe(before.fills + 1);
    // The first request builds; the others, arriving during the build, get the previous copy at once.
    const old = responses.filter((r) => !r.body.includes('八月进展：已开学'));
    expect(after.stale - before.stale).toBe(old.length);
    expect(old.length).toBeGreaterThan(0);
    expect(responses.length - old.length).toBeGreaterThan(0);
    for (const response of responses) expect(response.statusCode).toBe(200);
    // Once built, everyone gets the new page from the cache.
    const later = await get(page);
    expect(later.body).toContain('八月进展：已开学');
    expect(stats().fills).toBe(after.fills);
  });

  it(`rebuilds at most ${MAX_CONCURRENT_BUILDS} pages at once after a change; the others serve their copy until a later visit`, async () => {
    const pages = [`/p/${programmeId}`, `/p/${programmeId}?zh=hant`, `/p/${programmeId}?mode=elder`];
    expect(pages.length).toBeGreaterThan(MAX_CONCURRENT_BUILDS);
    for (const page of pages) await get(page);
    // Approving an earlier month's report: a change the public stamp counts.
    await approve(await submitted('M04', '四月进展：完成地基'));
    const before = stats();
    const responses = await Promise.all(pages.map(get));
    const after = stats();
    expect(after.fills - before.fills).toBe(MAX_CONCURRENT_BUILDS);
    expect(after.stale - before.stale).toBe(pages.length - MAX_CONCURRENT_BUILDS);
    for (const response of responses) expect(response.statusCode).toBe(200);
    // The page that served its copy is rebuilt on its next visit; the others come from the cache.
    for (const page of pages) expect((await get(page)).statusCode).toBe(200);
    expect(stats().fills - after.fills).toBe(pages.length - MAX_CONCURRENT_BUILDS);
    for (const page of pages) await get(page);
    expect(stats().fills - after.fills).toBe(pages.length - MAX_CONCURRENT_BUILDS);
  });
});
