import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { importFile, importPastedText } from '../src/core/import/import-document.js';
import {
  button,
  ensureBuilt,
  launchBrowser,
  openPage,
  ROOT,
  type RunningServer,
  rawKeys,
  screenshot,
  signIn,
  startServer,
} from './helpers.js';

const FIXTURE = join(ROOT, 'test/fixtures/import/xiqing-layout.docx');
const JURISDICTION = '明湖区';
const PASTED =
  '测试区2030年民心工程\n一、新建社区食堂。在三个街道新建社区食堂3处。\n二、改造老旧小区。完成老旧小区改造12个。';

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

/** A page for one journey; when the journey fails, a screenshot and what went wrong in the browser. */
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

/** From the programme list to the import page, through its button. */
async function openImport(page: Page, url: string): Promise<void> {
  await signIn(page, url, 'supervisor');
  await page.getByRole('link', { name: '导入清单' }).click();
  await page.waitForURL(/\/programmes\/import$/);
  await page.getByRole('heading', { level: 1, name: '导入任务清单' }).waitFor();
}

/** Submits the first step and waits for the server's reading and the preview it shows. */
async function readIntoPreview(page: Page): Promise<void> {
  const previewed = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/programmes/import/preview') && r.request().method() === 'POST',
  );
  await button(page, '识别并预览').click();
  expect((await previewed).status()).toBe(200);
  await button(page, '导入为草稿').waitFor();
}

/** Commits the preview as a draft and waits for the new programme's page. */
async function commitDraft(page: Page, title: string): Promise<void> {
  const created = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/programmes/import') && r.request().method() === 'POST',
  );
  await button(page, '导入为草稿').click();
  expect((await created).status()).toBe(201);
  await page.waitForURL(/\/programmes\/\d+$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('a supervisor of 明湖区 imports a published list in the browser', () => {
  it('uploads a Word list, corrects an item in the preview and commits it as a draft', async () => {
    const { url } = running();
    const expected = await importFile(await readFile(FIXTURE), 'xiqing-layout.docx', { jurisdiction: JURISDICTION });
    const category = expected.document.categories[0];
    const item = category?.items[0];
    if (!category || !item) throw new Error('the fixture reads as no category or no item');
    const label = [item.number, item.name].filter(Boolean).join(' ');
    const edited = `${item.name}（已核对）`;

    const { page, problems } = await journeyPage('import-file');
    await openImport(page, url);

    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await page.getByText('已选择：xiqing-layout.docx').waitFor();
    await page.getByLabel('所属行政区').fill(JURISDICTION);
    await readIntoPreview(page);

    // The tree as the importer reads the fixture, and the jurisdiction given in the first step.
    await page.getByRole('row').filter({ hasText: category.title }).first().waitFor();
    await page.getByRole('row').filter({ hasText: item.name }).first().waitFor();
    await expect.poll(() => page.getByLabel('所属行政区').inputValue()).toBe(JURISDICTION);
    await screenshot(page, 'import-preview');

    // Correct the item's name in the editor drawer.
    await page.getByRole('button', { name: `编辑“${label}”` }).click();
    const editor = page.getByRole('dialog');
    await editor.getByLabel('名称', { exact: true }).fill(edited);
    await button(editor, '应用修改').click();
    await editor.waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: edited }).first().waitFor();
    await screenshot(page, 'import-preview-edited');
    expect(await rawKeys(page), 'untranslated i18n keys in the preview').toEqual([]);

    await commitDraft(page, expected.document.title);
    await page.getByRole('link', { name: edited }).waitFor();
    await page.getByText(category.title).first().waitFor();
    await screenshot(page, 'import-committed');

    await expectClean(page, problems);
    await page.context().close();
  });

  it('pastes a two-item list and commits it', async () => {
    const { url } = running();
    const expected = importPastedText(PASTED, { jurisdiction: JURISDICTION });
    const names = expected.document.categories.flatMap((c) => c.items.map((i) => i.name));
    expect(names).toHaveLength(2);

    const { page, problems } = await journeyPage('import-text');
    await openImport(page, url);

    await page.getByRole('tab', { name: '粘贴文本' }).click();
    await page.getByLabel('清单文本').fill(PASTED);
    await page.getByLabel('所属行政区').fill(JURISDICTION);
    await readIntoPreview(page);
    for (const name of names) await page.getByRole('row').filter({ hasText: name }).first().waitFor();
    await screenshot(page, 'import-preview-text');

    await commitDraft(page, expected.document.title);
    for (const name of names) await page.getByRole('link', { name }).waitFor();

    await expectClean(page, problems);
    await page.context().close();
  });
});
