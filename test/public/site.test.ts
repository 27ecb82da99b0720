import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeTree } from '../../src/core/tree.js';
import { pinBusinessDate } from '../../src/core/work/calendar.js';
import { writeAudit } from '../../src/db/audit.js';
import { feedback } from '../../src/db/schema-publish.js';
import { reports, reportValues } from '../../src/db/schema-work.js';
import { publicCacheStats } from '../../src/server/public-site/page-cache.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildProgrammeDocument } from '../helpers/factories.js';

/**
 * The public report-card site (/p/…) on a 2030 programme made for this file,
 * with the business date pinned to 2030-07-15.
 */

let ctx: TestContext;
let admin: Client;
const f = {
  programme: 0,
  draftProgramme: 0,
  otherProgramme: 0,
  canteen: 0,
  oldHousing: 0,
  eastPart: 0,
  kindergarten: 0,
  otherItem: 0,
  indicator: 0,
  units: {} as Record<string, number>,
};

const PROGRESS = '已建成社区食堂2处，第三处完成主体施工';
const DONE_PROGRESS = '新建幼儿园已投入使用，新增学位300个';

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });
const stats = () => publicCacheStats({ server: ctx.app });

async function importProgramme(title: string, publish: boolean): Promise<number> {
  const created = await admin.post(
    '/api/v1/programmes/import',
    buildProgrammeDocument({ title, jurisdiction: '明湖区' }),
  );
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: number }).id;
  if (publish) expect((await admin.post(`/api/v1/programmes/${id}/publish`)).statusCode).toBe(200);
  return id;
}

async function approvedReport(itemId: number, unit: string, period: string, progress: string, extra = {}) {
  const [row] = await ctx.database.db
    .insert(reports)
    .values({
      programmeId: f.programme,
      itemId,
      unitId: f.units[unit] ?? 0,
      period,
      state: 'approved',
      progress,
      claimedStatus: 'in_progress',
      reviewedAt: '2030-07-05T10:00:00+08:00',
      ...extra,
    })
    .returning();
  return row?.id ?? 0;
}

/** An audited write that has nothing to do with the public site: it still ticks the change clock. */
async function unrelatedAuditedWrite() {
  await ctx.database.db.transaction((tx) =>
    writeAudit(
      tx,
      { actor: { kind: 'system', name: 'test' }, ip: null },
      { action: 'test', entityType: 'setting', entityId: 0 },
    ),
  );
}

beforeAll(async () => {
  pinBusinessDate('2030-07-15');
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  admin = await signIn(ctx.app, 'admin');
  f.programme = await importProgramme('明湖区2030年民心工程', true);
  f.draftProgramme = await importProgramme('明湖区2030年未发布清单', false);
  f.otherProgramme = await importProgramme('明湖区2030年另一清单', true);
  const tree = (await admin.get(`/api/v1/programmes/${f.programme}/tree`)).json() as ProgrammeTree;
  const [care, education] = tree.categories;
  const [canteen, oldHousing] = care?.items ?? [];
  const kindergarten = education?.items[0];
  if (!canteen || !oldHousing || !kindergarten) throw new Error('test programme incomplete');
  f.canteen = canteen.id;
  f.oldHousing = oldHousing.id;
  f.eastPart = oldHousing.children[0]?.id ?? 0;
  f.kindergarten = kindergarten.id;
  f.indicator = canteen.indicators[0]?.id ?? 0;
  for (const node of [canteen, oldHousing, kindergarten, ...oldHousing.children])
    for (const unit of node.units) f.units[unit.name] = unit.unitId;
  const other = (await admin.get(`/api/v1/programmes/${f.otherProgramme}/tree`)).json() as ProgrammeTree;
  f.otherItem = other.categories[0]?.items[0]?.id ?? 0;

  const canteenReport = await approvedReport(f.canteen, '测试区民政局', 'Q2', PROGRESS);
  await ctx.database.db.insert(reportValues).values({ reportId: canteenReport, indicatorId: f.indicator, value: 2 });
  await approvedReport(f.kindergarten, '测试区教育局', 'Q2', DONE_PROGRESS, { claimedStatus: 'done' });
  await ctx.database.db.insert(feedback).values([
    {
      programmeId: f.programme,
      itemId: f.canteen,
      rating: 5,
      comment: '饭菜实惠，老人方便',
      state: 'approved',
      clientHash: 'a',
    },
    {
      programmeId: f.programme,
      itemId: f.canteen,
      rating: 3,
      comment: '待审核的留言内容',
      state: 'pending',
      clientHash: 'b',
    },
  ]);
  await unrelatedAuditedWrite();
}, 120_000);
afterAll(async () => {
  pinBusinessDate(null);
  await ctx?.close();
});

describe('GET /p/', () => {
  it('lists published programmes by jurisdiction and year, not drafts', async () => {
    const response = await get('/p/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/<html lang="zh-Hans">/);
    expect(response.body).toContain(`<h2 id="j-0">明湖区</h2>`);
    expect(response.body).toContain('<h3>2030年</h3>');
    expect(response.body).toContain(`<a href="/p/${f.programme}">明湖区2030年民心工程</a>`);
    expect(response.body).not.toContain('未发布清单');
    const bare = await get('/p');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/p/');
  });
});

describe('GET /p/:id', () => {
  it('shows the headline, the bars, each item with its status, deadline, units, progress and numbers', async () => {
    const response = await get(`/p/${f.programme}`);
    expect(response.statusCode, response.body).toBe(200);
    const html = response.body;
    expect(html).toContain('<h1 id="summary-h">明湖区2030年民心工程</h1>');
    // Three top-level items: the kindergarten is done.
    expect(html).toContain('截至7月15日，1个子项已完成，其余2个子项正在加快推进');
    expect(html).toMatch(
      /<label for="overall">总体进度<\/label><progress id="overall" max="100" value="\d+">\d+%<\/progress>/,
    );
    expect(html).toContain('<span class="status s-done">已完成</span>');
    expect(html).toContain('<dt>完成时限</dt><dd>12月底</dd>');
    expect(html).toContain('<dt>牵头单位</dt><dd>测试区民政局</dd>');
    expect(html).toContain('测试区财政局');
    expect(html).toContain(`最新进展（二季度）：</span>${PROGRESS}`);
    expect(html).toContain(DONE_PROGRESS);
    expect(html).toContain('社区食堂：已完成2处，目标3处，完成率67%');
    expect(html).toContain('<span class="num">01</span>养老服务');
    expect(html).toContain(`<a href="/p/${f.programme}/items/${f.eastPart}">(1) 改造东片小区</a>`);
    expect(html).toContain(`href="/p/${f.programme}/bulletins"`);
    for (const file of ['export.xlsx', 'export.csv', 'export.json', 'status.csv', 'status.json'])
      expect(html).toContain(`href="/p/${f.programme}/${file}"`);
    expect(html).toContain('<button type="button" class="speak" data-target="summary" hidden>朗读本节</button>');
  });

  it('has no script but the external one and no inline handlers', async () => {
    const html = (await get(`/p/${f.programme}`)).body;
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^<script src="\/p\/assets\/public\.js\?v=[\w-]{10}" defer>$/);
    expect(html).not.toMatch(/<script>[^<]/);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toMatch(/<link rel="stylesheet" href="\/p\/assets\/public\.css\?v=[\w-]{10}">/);
    expect(html).toContain('<a class="skip" href="#main">跳到主要内容</a>');
  });

  it('answers an HTML 404 in Chinese for unpublished, missing, bad or foreign ids', async () => {
    const urls = [
      `/p/${f.draftProgramme}`,
      '/p/999999',
      '/p/0',
      '/p/-1',
      '/p/abc',
      '/p/1.5',
      '/p/99999999999',
      `/p/${f.programme}/items/${f.otherItem}`,
      `/p/${f.otherProgramme}/items/${f.canteen}`,
      `/p/${f.draftProgramme}/items/1`,
      `/p/${f.programme}/items/0`,
      `/p/${f.programme}/items/x`,
      `/p/${f.programme}/nothing`,
      '/p/a/b/c/d',
    ];
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.body, url).toContain('<h1>页面不存在</h1>');
      expect(response.body, url).toContain('<a class="button" href="/p/">返回全部清单</a>');
    }
  });

  it('goes from 404 to 200 when the programme is published', async () => {
    const id = await importProgramme('明湖区2030年待发布清单', false);
    expect((await get(`/p/${id}`)).statusCode).toBe(404);
    expect((await get(`/p/${id}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/programmes/${id}/publish`)).statusCode).toBe(200);
    const response = await get(`/p/${id}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('明湖区2030年待发布清单');
    expect((await get('/p/')).body).toContain('明湖区2030年待发布清单');
  });
});

describe('GET /p/:id/items/:itemId', () => {
  it('shows the timeline, the chart as SVG and its table, feedback and the feedback link', async () => {
    const response = await get(`/p/${f.programme}/items/${f.canteen}`);
    expect(response.statusCode, response.body).toBe(200);
    const html = response.body;
    expect(html).toContain('<h1 id="item-h">1. 新建社区食堂</h1>');
    expect(html).toContain(PROGRESS);
    expect(html).toMatch(
      /<ol class="timeline"><li><p class="when">一季度（3月31日前）<\/p><p>完成选址<\/p><p class="reached">已到期<\/p><\/li><li><p class="when">四季度（12月31日前）<\/p><p>全部投入运营<\/p><p class="reached">未到期<\/p><\/li><\/ol>/,
    );
    expect(html).toMatch(/<svg viewBox="0 0 480 300" role="img" aria-labelledby="chart-\d+-t chart-\d+-d"/);
    expect(html).toContain('<polyline');
    expect(html).toContain(
      '<thead><tr><th scope="col">时间</th><th scope="col">计划（累计）</th><th scope="col">实际（累计）</th></tr></thead>',
    );
    expect(html).toContain('<tr><th scope="row">6月底（二季度末）</th><td>1</td><td>2</td></tr>');
    expect(html).toContain('<tr><th scope="row">12月底（四季度末）</th><td>3</td><td>—</td></tr>');
    expect(html).toContain('满意度 4.0 分（满分5分，共2人次评价）');
    expect(html).toContain('饭菜实惠，老人方便');
    expect(html).not.toContain('待审核的留言内容');
    expect(html).toContain(`<a class="button" href="/p/${f.programme}/items/${f.canteen}/feedback">我要评价</a>`);
    expect(html).toContain(`href="/p/${f.programme}/bulletins"`);
  });

  it('serves a part with its parent in the trail', async () => {
    const response = await get(`/p/${f.programme}/items/${f.eastPart}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1 id="item-h">(1) 改造东片小区</h1>');
    expect(response.body).toContain(`<a href="/p/${f.programme}/items/${f.oldHousing}">2. 改造老旧小区</a>`);
  });
});

describe('the reader’s choices', () => {
  it('switches by query: elder mode, 繁體 and pinyin', async () => {
    const elder = (await get(`/p/${f.programme}?mode=elder`)).body;
    expect(elder).toContain('<body class="elder">');
    expect(elder).toContain('>标准版</a>');
    const hant = (await get(`/p/${f.programme}?zh=hant`)).body;
    expect(hant).toContain('<html lang="zh-Hant">');
    expect(hant).toContain('個子項已完成');
    expect(hant).toContain('養老服務');
    expect(hant).toContain('lang="zh-Hans">简体</a>');
    const py = (await get(`/p/${f.programme}?py=1`)).body;
    expect(py).toContain('<body class="standard pinyin">');
    expect(py).toContain('<ruby>项<rp>(</rp><rt>xiàng</rt><rp>)</rp></ruby>');
    expect(py).toContain('<title>明湖区2030年民心工程“成绩单”</title>');
  });

  it('remembers them in a cookie set by /p/prefs, and the query overrides it', async () => {
    const set = await get(`/p/prefs?set=elder.hant&back=${encodeURIComponent(`/p/${f.programme}`)}`);
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe(`/p/${f.programme}`);
    const cookie = String(set.headers['set-cookie']);
    expect(cookie).toMatch(/^minxin_prefs=elder\.hant;/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/Path=\/p;/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const page = await get(`/p/${f.programme}`, { cookie: 'minxin_prefs=elder.hant' });
    expect(page.body).toContain('<html lang="zh-Hant">');
    expect(page.body).toContain('<body class="elder">');
    expect(page.headers.vary).toBe('Cookie');
    const overridden = await get(`/p/${f.programme}?mode=standard&zh=hans`, { cookie: 'minxin_prefs=elder.hant' });
    expect(overridden.body).toContain('<html lang="zh-Hans">');
    expect(overridden.body).toContain('<body class="standard">');
  });

  it('redirects only to pages of this site', async () => {
    const back = async (value: string) =>
      (await get(`/p/prefs?set=plain&back=${encodeURIComponent(value)}`)).headers.location;
    expect(await back(`/p/${f.programme}/items/${f.canteen}`)).toBe(`/p/${f.programme}/items/${f.canteen}`);
    for (const bad of [
      'https://evil.example/',
      '//evil.example/p/',
      '/\\evil.example',
      '/p//evil.example',
      '/api/v1/users',
      '/p/../api',
      'p/1',
      '',
    ])
      expect(await back(bad), bad).toBe('/p/');
    expect((await get('/p/prefs?set=plain')).headers.location).toBe('/p/');
    expect(String((await get('/p/prefs?set=<script>')).headers['set-cookie'])).toMatch(/^minxin_prefs=plain;/);
  });

  it('has switch links that go through /p/prefs and come back', async () => {
    const html = (await get(`/p/${f.programme}/items/${f.canteen}`)).body;
    expect(html).toContain(
      `<a href="/p/prefs?set=elder&amp;back=%2Fp%2F${f.programme}%2Fitems%2F${f.canteen}" class="switch">适老版</a>`,
    );
  });
});

describe('assets', () => {
  it('serves the stylesheet and the script with a long max-age, an ETag and 304', async () => {
    const js = await get('/p/assets/public.js?v=x');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.rawPayload.length).toBeLessThanOrEqual(3 * 1024);
    expect(js.body).toContain('speechSynthesis');
    const css = await get('/p/assets/public.css');
    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('body.elder');
    const again = await get('/p/assets/public.css', { 'if-none-match': String(css.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect((await get('/p/assets/other.js')).statusCode).toBe(404);
  });
});

describe('the page cache', () => {
  it('serves a repeated page from the cache, with a strong ETag and 304', async () => {
    const url = `/p/${f.programme}?mode=elder&py=1`;
    const first = await get(url);
    const before = stats();
    const second = await get(url);
    expect(stats().fills).toBe(before.fills);
    expect(stats().hits).toBe(before.hits + 1);
    expect(second.body).toBe(first.body);
    // Pages revalidate on every visit (a 304 from the cache); files and JSON may be kept a minute.
    expect(second.headers['cache-control']).toBe('public, no-cache');
    const etag = String(second.headers.etag);
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const notModified = await get(url, { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('is refilled after an audited write, not before', async () => {
    const url = `/p/${f.programme}/items/${f.oldHousing}`;
    expect((await get(url)).body).not.toContain('东片小区已完成改造');
    await approvedReport(f.eastPart, '测试区住建委', 'Q2', '东片小区已完成改造', { claimedStatus: 'done' });
    // A write outside the audited path is not seen: the page comes from the cache.
    expect((await get(url)).body).not.toContain('东片小区已完成改造');
    await unrelatedAuditedWrite();
    const before = stats();
    expect((await get(url)).body).toContain('东片小区已完成改造');
    expect(stats().fills).toBe(before.fills + 1);
  });

  it('builds a page once for concurrent requests after a change', async () => {
    const url = `/p/${f.programme}?zh=hant`;
    await get(url);
    await unrelatedAuditedWrite();
    const before = stats();
    const responses = await Promise.all([get(url), get(url), get(url)]);
    expect(stats().fills).toBe(before.fills + 1);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
  });

  it('is refilled when the business date changes', async () => {
    const url = `/p/${f.programme}`;
    await get(url);
    const before = stats();
    pinBusinessDate('2030-07-16');
    try {
      const response = await get(url);
      expect(stats().fills).toBe(before.fills + 1);
      expect(response.body).toContain('截至7月16日');
    } finally {
      pinBusinessDate('2030-07-15');
    }
  });
});
