import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
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
 * The year's work in the browser (issue 4): a report with a photo goes round
 * the review loop until the lagging item is on track, and a supervision
 * notice is issued, answered and closed. Two people at once: the reporter of
 * 区教育局 and the supervision office, each in their own browser context.
 */

/** A demo item led by 区教育局, the demo reporter's unit (src/db/demo/demo-programme.ts). */
const NOTICE_ITEM = '改善中小学校办学条件';
const REPORTER_UNIT = '区教育局';

let browser: Browser | undefined;
let server: RunningServer | undefined;
let photoDir: string | undefined;

beforeAll(async () => {
  await ensureBuilt();
  browser = await launchBrowser();
  server = await startServer();
  photoDir = await mkdtemp(join(tmpdir(), 'minxin-e2e-photo-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (photoDir) await rm(photoDir, { recursive: true, force: true });
});

function running(): { browser: Browser; url: string; photoDir: string } {
  if (!browser) throw new Error('the browser did not start (see beforeAll)');
  if (!server || !photoDir) throw new Error('the server did not start (see beforeAll)');
  return { browser, url: server.url, photoDir };
}

/** A page for one person in a journey; when the journey fails, a screenshot and what went wrong. */
async function journeyPage(name: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(running().browser);
  onTestFailed(async () => {
    await screenshot(opened.page, `failed-${name}`).catch(() => undefined);
    if (opened.problems.length > 0) console.error(`browser problems (${name}):\n${opened.problems.join('\n')}`);
    if (server) console.error(`server output (${name}):\n${server.output()}`);
  });
  return opened;
}

async function expectClean(page: Page, problems: string[]): Promise<void> {
  expect(await rawKeys(page), 'untranslated i18n keys on the page').toEqual([]);
  const real = problems.filter((p) => !p.startsWith('console error: Failed to load resource'));
  expect(real, 'errors in the browser').toEqual([]);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The server's business date (pinned with MINXIN_TODAY, so the demo year looks the same any day), plus days. */
function businessDay(offsetDays = 0): string {
  const date = new Date(`${DEMO_TODAY}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

/** A small real PNG, as a phone photo would be, in a temporary file. */
async function makePhoto(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .png()
    .toFile(path);
  return path;
}

/** From the programme list to the demo programme's page; answers its id. */
async function openDemoProgramme(page: Page): Promise<number> {
  await page.getByRole('link', { name: DEMO_PROGRAMME }).click();
  await page.waitForURL(/\/programmes\/\d+$/);
  await page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME }).waitFor();
  return Number(/\/programmes\/(\d+)$/.exec(page.url())?.[1]);
}

/** The status in words of an item on the dashboard's 全部事项状态 table, at a date. */
async function dashboardStatus(page: Page, url: string, programmeId: number, itemName: string): Promise<string> {
  await page.goto(`${url}/dashboard?programme=${programmeId}&date=${businessDay()}`);
  const all = page.getByRole('region', { name: '全部事项状态' });
  const row = all
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: new RegExp(`${escapeRegExp(itemName)}$`) }) });
  await row.waitFor();
  expect(await row.count(), `one row for ${itemName}`).toBe(1);
  return ((await row.locator('[data-status]').innerText()) ?? '').trim();
}

/** Each indicator row of the report form: its name, the planned cumulative value, and the input for the actual one. */
async function indicatorRows(page: Page): Promise<{ name: string; planned: number; input: Locator }[]> {
  const rows = page.getByTestId('plan-vs-actual').locator('tbody tr');
  await rows.first().waitFor();
  const out: { name: string; planned: number; input: Locator }[] = [];
  for (const row of await rows.all()) {
    const cells = row.getByRole('cell');
    const name = (await cells.nth(0).innerText()).trim();
    const planned = Number((await cells.nth(1).innerText()).replace(/[,\s]/g, ''));
    expect(Number.isFinite(planned), `a planned value for ${name}`).toBe(true);
    out.push({ name, planned, input: row.getByRole('spinbutton') });
  }
  return out;
}

/** An image that the browser loaded and drew (not one the content security policy blocked). */
async function expectImageShown(image: Locator): Promise<void> {
  await image.waitFor();
  await expect.poll(() => image.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

/** Picks a file through the upload button's file chooser, as a person does. */
async function upload(page: Page, name: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name }).last().click();
  await (await chooser).setFiles(path);
}

describe('the year’s work in the browser (demo programme, embedded database)', () => {
  it('a report with a photo is returned, fixed, approved, and the lagging item turns on track', async () => {
    const { url, photoDir } = running();
    const reporter = await journeyPage('work-reporter');
    const office = await journeyPage('work-supervisor');
    const r = reporter.page;
    const s = office.page;

    // The reporter lands on 我的任务; the demo returned this month's report on a lagging item.
    await signIn(r, url, 'reporter', /\/my-work$/);
    await r.getByRole('heading', { level: 1, name: '我的任务' }).waitFor();
    const returned = r.getByTestId('work-returned');
    await returned.getByText('退回原因：请补充现场照片').first().waitFor();
    await returned
      .getByRole('link', { name: /^填报“/ })
      .first()
      .click();
    await r.waitForURL(/\/items\/\d+\/reports\/M\d{2}$/);
    // “2 新增普惠性学前教育学位 · 11月进展报告”: the item and the period, as the form names them.
    const heading = (await r.getByRole('heading', { level: 1, name: / · .+进展报告$/ }).innerText()).trim();
    const [label = '', periodTitle = ''] = heading.split(' · ');
    const itemName = label.replace(/^\S+\s/, '');
    const period = periodTitle.replace(/进展报告$/, '');
    expect(itemName.length, `an item name in “${heading}”`).toBeGreaterThan(0);
    await r.getByTestId('return-reason').getByText('请补充现场照片').waitFor();

    // Before: the office's dashboard shows the item behind plan.
    await signIn(s, url, 'supervisor', /\/programmes$/);
    const programmeId = await openDemoProgramme(s);
    expect(await dashboardStatus(s, url, programmeId, itemName)).toBe('滞后');
    await screenshot(s, 'work-dashboard-before');

    // The reporter catches up: every indicator at its planned cumulative value, and a photo.
    const indicators = await indicatorRows(r);
    expect(indicators.length).toBeGreaterThan(0);
    for (const indicator of indicators) await indicator.input.fill(String(indicator.planned));
    await r.getByLabel('进展情况').fill('本月新增完成量已按计划补齐，现场照片见佐证材料。');
    const photo = await makePhoto(photoDir, '现场照片.png');
    await upload(r, '上传佐证材料', photo);
    await r.getByTestId('evidence-list').getByTestId('evidence-name').filter({ hasText: '现场照片.png' }).waitFor();
    await expectImageShown(r.getByRole('img', { name: '“现场照片.png”的缩略图' }));
    await button(r, '提交').click();
    await r.getByTestId('report-read-only').getByText('该报告已提交，正在等待审核。').waitFor();
    await screenshot(r, 'work-report-submitted');

    // The office opens the review queue and returns the report with a reason.
    await s.goto(`${url}/programmes/${programmeId}`);
    await button(s, '审核报告').click();
    await s.waitForURL(new RegExp(`/programmes/${programmeId}/review$`));
    const reviewName = new RegExp(`^审核“${escapeRegExp(label)}”${escapeRegExp(period)}报告$`);
    await s.getByRole('button', { name: reviewName }).click();
    const drawer = s.getByRole('dialog', { name: new RegExp(escapeRegExp(itemName)) });
    await drawer.getByTestId('evidence-name').filter({ hasText: '现场照片.png' }).waitFor();
    await expectImageShown(drawer.getByRole('img', { name: '“现场照片.png”的缩略图' }));
    const first = indicators[0] as (typeof indicators)[number];
    await drawer.getByTestId('plan-vs-actual').getByRole('row').filter({ hasText: first.name }).waitFor();
    const reason = `“${first.name}”请按台账核实后重新填报。`;
    await button(drawer, '退回').click();
    const ask = s.getByRole('dialog', { name: '退回报告' });
    await ask.getByLabel('退回原因').fill(reason);
    await button(ask, '退回').click();
    await ask.waitFor({ state: 'detached' });
    await drawer.getByTestId('return-reason').getByText(reason).waitFor();

    // The reporter reads the reason, fixes a value and submits again.
    await r.goto(`${url}/my-work`);
    await r.getByTestId('work-returned').getByText(`退回原因：${reason}`).waitFor();
    await r
      .getByTestId('work-returned')
      .getByRole('link', { name: `填报“${label}”${period}进展` })
      .click();
    await r.getByTestId('return-reason').getByText(reason).waitFor();
    const fixed = first.planned + 1;
    const again = await indicatorRows(r);
    await expect.poll(() => again[0]?.input.inputValue()).toBe(String(first.planned));
    await again[0]?.input.fill(String(fixed));
    await r.getByTestId('evidence-name').filter({ hasText: '现场照片.png' }).waitFor();
    await button(r, '提交').click();
    await r.getByTestId('report-read-only').getByText('该报告已提交，正在等待审核。').waitFor();

    // The office approves the corrected report.
    await s.reload();
    await s.getByRole('button', { name: reviewName }).click();
    const second = s.getByRole('dialog', { name: new RegExp(escapeRegExp(itemName)) });
    // The actual column (name, planned, actual…) shows the corrected value.
    const fixedRow = second.getByTestId('plan-vs-actual').getByRole('row').filter({ hasText: first.name });
    await expect
      .poll(async () => (await fixedRow.getByRole('cell').nth(2).innerText()).replace(/[,\s]/g, ''))
      .toBe(String(fixed));
    await button(second, '通过').click();
    await second.getByText('已通过').first().waitFor();
    expect(await second.getByTestId('review-approve').count()).toBe(0);

    // After: the dashboard shows the item on track.
    expect(await dashboardStatus(s, url, programmeId, itemName)).toBe('正常推进');
    await screenshot(s, 'work-dashboard-after');

    await expectClean(r, reporter.problems);
    await expectClean(s, office.problems);
    await r.context().close();
    await s.context().close();
  });

  it('a supervision notice is issued, answered by the unit and closed', async () => {
    const { url } = running();
    const office = await journeyPage('notice-supervisor');
    const reporter = await journeyPage('notice-reporter');
    const s = office.page;
    const r = reporter.page;
    const reason = `“${NOTICE_ITEM}”本月进度未达计划，需说明原因。`;
    const action = '请于反馈时限前书面报告滞后原因和整改措施。';
    const reply = '已召开专题会，增派施工力量，月底前追上计划进度。';
    const replyDue = businessDay(10);

    // The office issues a 督办单 from the item page.
    await signIn(s, url, 'supervisor', /\/programmes$/);
    await openDemoProgramme(s);
    await s.getByRole('link', { name: NOTICE_ITEM }).first().click();
    await s.waitForURL(/\/items\/\d+$/);
    await s.getByRole('heading', { level: 1, name: new RegExp(`${escapeRegExp(NOTICE_ITEM)}$`) }).waitFor();
    await button(s, '发督办单').click();
    const issue = s.getByRole('dialog', { name: /^发督办单：/ });
    await issue.getByLabel('承办单位').click();
    await s
      .locator('.ant-select-item-option')
      .filter({ hasText: new RegExp(`^${REPORTER_UNIT}（`) })
      .click();
    await issue.getByLabel('督办事由').fill(reason);
    await issue.getByLabel('工作要求').fill(action);
    await issue.getByLabel('反馈时限').fill(replyDue);
    await button(issue, '发出').click();
    await issue.waitFor({ state: 'detached' });
    const notices = s.getByRole('region', { name: '督办单' });
    const issued = notices.getByRole('row').filter({ hasText: reason });
    await issued.waitFor();
    const number = (await issued.getByRole('link').innerText()).trim();
    expect(number).toMatch(/^督办〔\d{4}〕第\d+号$/);
    expect(await issued.innerText()).toContain(replyDue);
    expect(await issued.innerText()).toContain('待回复');

    // The unit's reporter finds it among the notices and replies.
    await signIn(r, url, 'reporter', /\/my-work$/);
    await r.goto(`${url}/notices`);
    await r.getByRole('link', { name: number, exact: true }).click();
    await r.waitForURL(/\/notices\/\d+$/);
    const noticePath = new URL(r.url()).pathname;
    await r.getByText(reason).waitFor();
    await r.getByText(action).waitFor();
    await r.getByLabel('回复内容').fill(reply);
    await button(r, '提交回复').click();
    await r.getByText(reply).waitFor();
    await r.getByRole('cell', { name: '已回复' }).waitFor();
    expect(await r.getByLabel('回复内容').count()).toBe(0);
    expect(await button(r, '办结').count()).toBe(0);
    await screenshot(r, 'notice-replied');

    // The office reads the reply and closes the notice.
    await s.goto(`${url}${noticePath}`);
    await s.getByRole('heading', { level: 1, name: `督办单 ${number}` }).waitFor();
    await s.getByText(reply).waitFor();
    await button(s, '办结').click();
    const close = s.getByRole('dialog', { name: '办结督办单' });
    await close.getByLabel('办结说明').fill('整改措施已落实，予以办结。');
    await button(close, '确认办结').click();
    await close.waitFor({ state: 'detached' });
    await s.getByRole('cell', { name: '已办结' }).waitFor();
    await s.getByText('整改措施已落实，予以办结。').waitFor();
    expect(await button(s, '办结').count()).toBe(0);
    await screenshot(s, 'notice-closed');

    await expectClean(s, office.problems);
    await expectClean(r, reporter.problems);
    await s.context().close();
    await r.context().close();
  });
});
