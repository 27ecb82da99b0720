import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import {
  button,
  DEMO_PROGRAMME,
  ensureBuilt,
  launchBrowser,
  openPage,
  type RunningServer,
  rawKeys,
  screenshot,
  signIn,
  startServer,
} from './helpers.js';

let browser: Browser | undefined;

beforeAll(async () => {
  await ensureBuilt();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function theBrowser(): Browser {
  if (!browser) throw new Error('the browser did not start (see beforeAll)');
  return browser;
}

/** Uncaught errors, console errors and failed requests, less the browser's own line for each failed request. */
const realProblems = (problems: string[]) =>
  problems.filter((p) => !p.startsWith('console error: Failed to load resource'));

/** A page for one journey; when the journey fails, a screenshot of where it stopped. */
async function journeyPage(name: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPage(theBrowser());
  onTestFailed(async () => {
    await screenshot(opened.page, `failed-${name}`).catch(() => undefined);
    if (opened.problems.length > 0) console.error(`browser problems (${name}):\n${opened.problems.join('\n')}`);
  });
  return opened;
}

async function expectClean(page: Page, problems: string[]): Promise<void> {
  expect(await rawKeys(page), 'untranslated i18n keys on the page').toEqual([]);
  expect(realProblems(problems), 'errors in the browser').toEqual([]);
}

describe('a supervisor plans a programme in the browser (embedded database)', () => {
  let server: RunningServer | undefined;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('signs in, creates a programme with a category and an item, edits the item and reads its history', async () => {
    if (!server) throw new Error('the server did not start');
    const { page, problems } = await journeyPage('supervisor');

    await signIn(page, server.url, 'supervisor');
    await page.getByRole('link', { name: DEMO_PROGRAMME }).waitFor();
    await page.getByText('督查室').first().waitFor();

    // A new programme through the form.
    const title = '明湖区民生实事（浏览器测试）';
    await button(page, '新建民心工程').click();
    const createProgramme = page.getByRole('dialog');
    await createProgramme.getByLabel('行政区').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^明湖区$/ })
      .click();
    await createProgramme.getByLabel('标题').fill(title);
    await button(createProgramme, '新建').click();
    await page.waitForURL(/\/programmes\/\d+$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // A category, numbered 一 by default.
    await button(page, '添加大项').click();
    const createCategory = page.getByRole('dialog');
    await createCategory.getByLabel('大项名称').fill('便民服务');
    await button(createCategory, '新建').click();
    await createCategory.waitFor({ state: 'detached' });
    await page.getByText('一、便民服务').waitFor();

    // An item in it, with a deadline.
    await page.getByRole('button', { name: '添加子项：一、便民服务' }).click();
    const createItem = page.getByRole('dialog');
    await createItem.getByLabel('序号').fill('1');
    await createItem.getByLabel('名称', { exact: true }).fill('新建社区食堂');
    await createItem.getByLabel('完成时限（原文）').fill('6月底');
    await createItem.getByLabel('完成日期').fill('2026-06-30');
    await button(createItem, '新建').click();
    await createItem.waitFor({ state: 'detached' });
    const itemRow = page.getByRole('row').filter({ hasText: '新建社区食堂' });
    await itemRow.getByRole('cell', { name: '6月底' }).waitFor();
    await screenshot(page, 'programme-tree');

    // The item page: change its name and deadline.
    await itemRow.getByRole('link', { name: '新建社区食堂' }).click();
    await page.waitForURL(/\/items\/\d+$/);
    await page.getByRole('heading', { level: 1, name: '1 新建社区食堂' }).waitFor();
    await button(page, '编辑子项').click();
    const editItem = page.getByRole('dialog');
    await editItem.getByLabel('名称', { exact: true }).fill('新建社区长者食堂');
    await editItem.getByLabel('完成时限（原文）').fill('9月底');
    await editItem.getByLabel('完成日期').fill('2026-09-30');
    await button(editItem, '保存').click();
    await editItem.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: '1 新建社区长者食堂' }).waitFor();

    // 变更历史 shows the edit as old → new.
    const history = page.locator('section').filter({ has: page.getByRole('heading', { name: '变更历史' }) });
    const update = history.getByRole('row').filter({ hasText: '修改 · 子项' });
    await update.first().waitFor();
    expect(await update.count()).toBe(1);
    const changes = (await update.textContent()) ?? '';
    expect(changes).toContain('名称：新建社区食堂 → 新建社区长者食堂');
    expect(changes).toMatch(/完成时限：6月底.*→ 9月底/);
    expect(changes).toContain('完成日期：2026-06-30 → 2026-09-30');
    expect(await history.getByRole('row').filter({ hasText: '新建 · 子项' }).count()).toBe(1);
    await screenshot(page, 'item-page');

    await expectClean(page, problems);
    await page.context().close();
  });

  it('does not offer a reporter the button to create a programme', async () => {
    if (!server) throw new Error('the server did not start');
    const { page, problems } = await journeyPage('reporter');

    await signIn(page, server.url, 'reporter');
    await page.getByRole('heading', { level: 1, name: '我的任务' }).waitFor();
    await page.goto(`${server.url}/programmes`);
    await page.getByRole('link', { name: DEMO_PROGRAMME }).waitFor();
    await page.getByText('填报人').first().waitFor();
    expect(await button(page, '新建民心工程').count()).toBe(0);
    expect(await button(page, '导入清单').count()).toBe(0);
    await screenshot(page, 'journey-end');

    await expectClean(page, problems);
    await page.context().close();
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) {
  console.warn('e2e: the PostgreSQL journey is skipped; set TEST_DATABASE_URL=postgres://… to run it.');
}

describe.skipIf(!postgresUrl)(
  `on PostgreSQL${postgresUrl ? '' : ' (skipped: set TEST_DATABASE_URL=postgres://… to run it)'}`,
  () => {
    const name = `minxin_e2e_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    let server: RunningServer | undefined;
    let created = false;

    async function admin(sql: string): Promise<void> {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      await admin(`create database ${name}`);
      created = true;
      const url = new URL(postgresUrl as string);
      url.pathname = `/${name}`;
      server = await startServer({ DATABASE_URL: url.toString(), MINXIN_DEMO: 'on' });
    });

    afterAll(async () => {
      await server?.stop();
      if (created) await admin(`drop database if exists ${name} with (force)`);
    });

    it('signs in as the supervisor and opens the demo programme', async () => {
      if (!server) throw new Error('the server did not start');
      const { page, problems } = await journeyPage('postgres');

      await signIn(page, server.url, 'supervisor');
      const demo = page.getByRole('link', { name: DEMO_PROGRAMME });
      await demo.waitFor();
      await demo.click();
      await page.waitForURL(/\/programmes\/\d+$/);
      await page.getByRole('heading', { level: 1, name: DEMO_PROGRAMME }).waitFor();
      await page.getByText('教育提质工程').first().waitFor();
      await screenshot(page, 'postgres-programme');

      await expectClean(page, problems);
      await page.context().close();
    });
  },
);
