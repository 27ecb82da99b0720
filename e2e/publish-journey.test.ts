import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  button,
  DEMO_PROGRAMME,
  DEMO_TODAY,
  ensureBuilt,
  launchBrowser,
  openPage,
  type RunningServer,
  rawKeys,
  screenshot,
  signIn,
  startServer,
} from './helpers.js';

/**
 * The office's publishing work in the browser (issue 5): the supervision
 * office drafts, edits and publishes a 进展情况通报 that then reads the same on
 * the public site, in its Atom feed and as a Word file; a resident on a phone
 * rates an item and leaves a comment that shows only once the office approves it.
 */

const CUTOFF = '2026-09-30';
const PHONE = { width: 390, height: 844 } as const;

let browser: Browser | undefined;
let server: RunningServer | undefined;

beforeAll(async () => {
  await ensureBuilt();
  browser = await launchBrowser();
  server = await startServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function running(): { browser: Browser; url: string } {
  if (!browser) throw new Error('the browser did not start (see beforeAll)');
  if (!server) throw new Error('the server did not start (see beforeAll)');
  return { browser, url: server.url };
}

/** Uncaught errors, console errors and failed requests of a page, as openPage records them. */
function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    // 401 is how the office's app learns there is no session yet.
    if (response.status() >= 400 && response.status() !== 401) {
      problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
}

/** When the journey fails: a screenshot of the page, what the browser and the server said. */
function reportOnFailure(name: string, page: Page, problems: string[]): void {
  onTestFailed(async () => {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    if (problems.length > 0) console.error(`browser problems (${name}):\n${problems.join('\n')}`);
    if (server) console.error(`server output (${name}):\n${server.output()}`);
  });
}

/** The office, signed out, at the desktop size the helpers use. */
async function officePage(name: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(running().browser);
  reportOnFailure(name, opened.page, opened.problems);
  return opened;
}

/** A resident on a phone: a fresh context with no session, the business date on its clock. */
async function residentPage(name: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await running().browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(15_000);
  await context.clock.setSystemTime(new Date(`${DEMO_TODAY}T10:00:00+08:00`));
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  reportOnFailure(name, page, problems);
  return { context, page, problems };
}

async function expectClean(page: Page, problems: string[]): Promise<void> {
  expect(await rawKeys(page), 'untranslated i18n keys on the page').toEqual([]);
  // The office's app asks for its session before signing in: the 401 is expected, and Chromium logs it.
  const real = problems.filter((p) => !/^console error: Failed to load resource: .* status of 401\b/.test(p));
  expect(real, 'errors in the browser').toEqual([]);
}

/** The demo programme as the public JSON API lists it: its id, headline and a leaf item to rate. */
async function publicDemo(url: string): Promise<{ id: number; total: number; item: { id: number; name: string } }> {
  const list = (await (await fetch(`${url}/api/v1/public/programmes`)).json()) as {
    items: Array<{ id: number; title: string }>;
  };
  const id = list.items.find((p) => p.title === DEMO_PROGRAMME)?.id;
  if (!id) throw new Error(`${DEMO_PROGRAMME} is not among the public programmes`);
  const card = (await (await fetch(`${url}/api/v1/public/programmes/${id}/report-card`)).json()) as {
    headline: { total: number };
    categories: Array<{ items: Array<{ id: number; name: string; parts: unknown[] }> }>;
  };
  const item = card.categories.flatMap((c) => c.items).find((i) => i.parts.length === 0);
  if (!item) throw new Error('the demo programme has no item without parts');
  return { id, total: card.headline.total, item: { id: item.id, name: item.name } };
}

/** "满意度 4.0 分（满分5分，共3人次评价）" → 3; "暂无群众评价" → 0. */
async function ratingCount(page: Page): Promise<number> {
  const text = await page.locator('#feedback').innerText();
  if (text.includes('暂无群众评价')) return 0;
  const m = /共(\d+)人次评价/.exec(text);
  if (!m) throw new Error(`no rating count in the feedback section: ${text}`);
  return Number(m[1]);
}

/** "3 加 4 等于几？" → 7, as a resident works it out. */
function solve(question: string): number {
  const m = /(\d+)\s*(加|减)\s*(\d+)\s*等于几/.exec(question);
  if (!m) throw new Error(`not an arithmetic challenge: ${question}`);
  const [a, b] = [Number(m[1]), Number(m[3])];
  return m[2] === '加' ? a + b : a - b;
}

describe('publishing in the browser (demo programme, embedded database)', () => {
  it('the office drafts, edits and publishes a bulletin; the public page, the feed and the Word file carry it', async () => {
    const { url } = running();
    const demo = await publicDemo(url);
    const office = await officePage('bulletin-supervisor');
    const s = office.page;
    const closing = `下一步，明湖区将对标对表抓落实，确保民心工程项目如期交付（通报编号${Date.now()}）。`;

    await signIn(s, url, 'supervisor', /\/programmes$/);
    await s.getByRole('navigation').getByRole('link', { name: '进展情况通报' }).click();
    await s.waitForURL(/\/bulletins(\?.*)?$/);
    await s.getByRole('heading', { level: 1, name: '进展情况通报' }).waitFor();
    await s.locator('main').getByText(DEMO_PROGRAMME).first().waitFor();
    await s.getByRole('status').filter({ hasText: '哈希链：尚未发布通报' }).waitFor();

    // 起草通报 for the cut-off; the editor opens on the new draft.
    await button(s, '起草通报').click();
    const ask = s.getByRole('dialog', { name: '起草进展情况通报' });
    await ask.getByLabel('数据截止日期').fill(CUTOFF);
    await button(ask, '起草通报').click();
    await s.waitForURL(/\/bulletins\/\d+$/);
    await s.getByText('已起草通报，请修改后发布').waitFor();
    const lede = s.getByLabel('导语');
    await expect.poll(() => lede.inputValue()).toMatch(/^截至/);
    const headline = /^截至2026年9月底，(?:(\d+)个子项已完成，其余)?(\d+)个子项正在加快推进。/.exec(
      await lede.inputValue(),
    );
    expect(headline, `the headline in “${await lede.inputValue()}”`).not.toBeNull();
    const done = Number(headline?.[1] ?? 0);
    const rest = Number(headline?.[2]);
    // The headline counts the programme's top-level items, as the public report card does.
    expect(done + rest).toBe(demo.total);
    await screenshot(s, 'bulletin-draft');

    // The office rewrites the closing sentence and saves the draft.
    await s.getByLabel('结束语').fill(closing);
    await s.getByRole('button', { name: '保存草稿' }).click();
    await s.getByText('草稿已保存').waitFor();
    await s.getByRole('tab', { name: '预览' }).click();
    await s.getByRole('article').getByText(closing).waitFor();

    // Publishing freezes it: a warning to confirm, then 第1期 and no editor.
    await button(s, '发布').click();
    const confirm = s.getByRole('dialog').filter({ hasText: '发布通报' });
    await confirm.getByText('不能再修改或删除').waitFor();
    await button(confirm, '确认发布').click();
    await s.getByText('通报已发布', { exact: true }).waitFor();
    await s.getByRole('heading', { level: 1, name: /^第1期 / }).waitFor();
    await s.getByText('本期通报已发布，内容已固定，不能修改。').waitFor();
    await s.getByRole('article').getByText(closing).waitFor();
    expect(await s.getByLabel('结束语').count()).toBe(0);
    const title = (await s.getByRole('heading', { level: 1 }).innerText()).replace(/^第1期\s*/, '').trim();

    // The Word file, downloaded as the office does it: a zip (.docx) archive.
    const downloading = s.waitForEvent('download');
    await s.getByRole('link', { name: '下载 Word' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(2_000);

    // The list: 第1期, published, and the hash chain intact.
    await s.getByRole('link', { name: '返回通报列表' }).click();
    await s.waitForURL(/\/bulletins\?programme=\d+$/);
    await s.getByRole('status').filter({ hasText: '哈希链：完整：已发布的 1 期通报均未被改动' }).waitFor();
    const row = s.getByRole('row').filter({ has: s.getByRole('link', { name: title }) });
    await row.getByText('第1期').waitFor();
    await row.getByText('已发布').waitFor();
    await screenshot(s, 'bulletin-published');

    // The public page, in a new tab of the same browser: the edited text, no sign-in needed.
    const reader = await s.context().newPage();
    const readerProblems: string[] = [];
    watch(reader, readerProblems);
    const response = await reader.goto(`${url}/p/${demo.id}/bulletins/1`);
    expect(response?.status()).toBe(200);
    await reader.getByRole('heading', { level: 1, name: title }).waitFor();
    const main = await reader.locator('main').innerText();
    expect(main).toContain(closing);
    expect(main).toContain(`其余${rest}个子项正在加快推进`);

    // The Atom feed lists it, linking to that page.
    const feed = await reader.request.get(`${url}/p/${demo.id}/bulletins.atom`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toMatch(/^application\/atom\+xml/);
    const atom = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry' || name === 'link',
    }).parse(await feed.text()) as {
      feed: { entry?: Array<{ title: string; summary: string; link: Array<{ '@_href': string }> }> };
    };
    const entries = atom.feed.entry ?? [];
    expect(entries).toHaveLength(1);
    expect(entries[0]?.title).toBe(title);
    expect(entries[0]?.summary).toContain(`其余${rest}个子项正在加快推进`);
    expect(entries[0]?.link.map((l) => l['@_href'])).toContain(`${url}/p/${demo.id}/bulletins/1`);

    await expectClean(s, office.problems);
    await expectClean(reader, readerProblems);
    await s.context().close();
  });

  it('a resident rates an item on a phone; the comment shows once the office approves it', async () => {
    const { url } = running();
    const demo = await publicDemo(url);
    const resident = await residentPage('feedback-resident');
    const office = await officePage('feedback-supervisor');
    const r = resident.page;
    const s = office.page;
    const comment = `小区门口这段路修得很好，出行方便多了，谢谢！（留言${Date.now()}）`;
    const itemPath = `/p/${demo.id}/items/${demo.item.id}`;

    // The item page, then 我要评价.
    await r.goto(`${url}${itemPath}`);
    await r.getByRole('heading', { level: 1, name: new RegExp(demo.item.name.trim()) }).waitFor();
    const before = await ratingCount(r);
    await r.getByRole('link', { name: '我要评价' }).click();
    await r.waitForURL(new RegExp(`${itemPath}/feedback$`));
    const opened = Date.now();
    await r.getByRole('heading', { level: 1, name: /^评价：/ }).waitFor();

    await r.getByLabel('4 分 · 满意').check();
    await r.getByLabel('留言（选填）').fill(comment);
    const question = (await r.locator('label[for="answer"]').innerText()).trim();
    expect(question).toMatch(/^验证问题：/);
    await r.getByLabel(/^验证问题：/).fill(String(solve(question)));
    // The server refuses a form sent back within 3 s of being issued (real time, from the signed token).
    const wait = 3_500 - (Date.now() - opened);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await r.getByRole('button', { name: '提交评价' }).click();
    await r.waitForURL(new RegExp(`${itemPath}/feedback\\?sent=1$`));
    await r.getByRole('heading', { level: 1, name: '感谢您的评价' }).waitFor();
    await screenshot(r, 'feedback-thanks');

    // Back on the item page: the rating counts at once, the comment waits for the office.
    await r.getByRole('link', { name: '返回项目页面' }).first().click();
    await r.waitForURL(new RegExp(`${itemPath}$`));
    // The link may show the browser's own copy (Cache-Control max-age=60, taken before the rating was sent):
    // reload, as a resident pulls to refresh, so the browser asks the server again.
    await r.reload();
    await r.locator('#feedback').waitFor();
    expect(await ratingCount(r)).toBe(before + 1);
    expect(await r.locator('main').innerText()).not.toContain(comment);

    // The office finds it among the comments to review (群众评价) and shows it.
    await signIn(s, url, 'supervisor', /\/programmes$/);
    await s.getByRole('navigation').getByRole('link', { name: '群众评价' }).click();
    await s.waitForURL(/\/feedback(\?.*)?$/);
    await s.getByRole('heading', { level: 1, name: '群众评价' }).waitFor();
    await s.getByRole('tab', { name: '留言审核', selected: true }).waitFor();
    const row = s.getByRole('row').filter({ hasText: comment });
    await row.waitFor();
    expect(await row.innerText()).toContain(demo.item.name.trim());
    expect(await row.innerText()).toContain('4 分');
    await row.getByRole('button', { name: /^公开第 \d+ 条留言$/ }).click();
    await s.getByText('留言已公开').waitFor();
    await row.waitFor({ state: 'detached' });
    await screenshot(s, 'feedback-approved');

    // The resident reloads the item page: the approval changed the cached public page.
    await r.reload();
    const shown = r.locator('#feedback .comments li').filter({ hasText: comment });
    await shown.waitFor();
    expect(await shown.innerText()).toContain('评分4分');
    expect(await ratingCount(r)).toBe(before + 1);
    await screenshot(r, 'feedback-shown');

    await expectClean(s, office.problems);
    await expectClean(r, resident.problems);
    await s.context().close();
    await resident.context.close();
  });
});
