import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TODAY, ensureBuilt, launchBrowser, type RunningServer, startServer } from './helpers.js';

/**
 * The public site as residents use it: every public page in every reading
 * mode (standard, 适老版, 繁體, 拼音) on a phone and a desktop passes axe-core
 * with no serious or critical violation (WCAG 2.2 AA tags); the keyboard
 * reaches everything; the reader's choice is remembered; read-aloud speaks the
 * section; the report card works without JavaScript.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MODES = ['', 'mode=elder', 'zh=hant', 'py=1', 'mode=elder&zh=hant&py=1'] as const;
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 900 },
] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown }>;
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a script tag: the production CSP (script-src 'self') stays on.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
  });
  return (result as { violations: AxeViolation[] }).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
}

/** Sign in through the API as the demo supervisor: cookie and CSRF token for office calls. */
async function officeSession(url: string): Promise<{ headers: Record<string, string> }> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

async function call(url: string, path: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(`${url}${path}`, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

describe('public site', () => {
  let server: RunningServer;
  let browser: Browser;
  let programmeId: number;
  let itemId: number;
  const pages: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer();
    browser = await launchBrowser();
    const list = (await call(server.url, '/api/v1/public/programmes', {})) as { items: Array<{ id: number }> };
    programmeId = list.items[0]?.id ?? 0;
    expect(programmeId).toBeGreaterThan(0);
    const card = (await call(server.url, `/api/v1/public/programmes/${programmeId}/report-card`, {})) as {
      categories: Array<{ items: Array<{ id: number; parts: Array<{ id: number }> }> }>;
    };
    const items = card.categories.flatMap((c) => c.items);
    itemId = items.find((i) => i.parts.length === 0)?.id ?? 0;
    const withParts = items.find((i) => i.parts.length > 0);
    // A bulletin published by the office, so its page and the list are measured too.
    const { headers } = await officeSession(server.url);
    const draft = (await call(server.url, `/api/v1/programmes/${programmeId}/bulletins`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ cutoff: '2026-09-30' }),
    })) as { id: number };
    await call(server.url, `/api/v1/bulletins/${draft.id}/publish`, { method: 'POST', headers, body: '{}' });
    pages.push(
      '/p/',
      `/p/${programmeId}`,
      `/p/${programmeId}/items/${itemId}`,
      ...(withParts ? [`/p/${programmeId}/items/${withParts.id}`] : []),
      `/p/${programmeId}/items/${itemId}/feedback`,
      `/p/${programmeId}/bulletins`,
      `/p/${programmeId}/bulletins/1`,
      '/p/999999',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newContext(viewport: { width: number; height: number }, javaScriptEnabled = true) {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport,
      javaScriptEnabled,
    });
    await context.clock.setSystemTime(new Date(`${DEMO_TODAY}T10:00:00+08:00`));
    return context;
  }

  it('every public page in every mode has no serious or critical axe violation', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const viewport of VIEWPORTS) {
      const context = await newContext(viewport);
      const page = await context.newPage();
      for (const path of pages) {
        for (const mode of MODES) {
          const url = `${server.url}${path}${mode ? `?${mode}` : ''}`;
          const response = await page.goto(url);
          expect(response?.status(), url).toBe(path === '/p/999999' ? 404 : 200);
          for (const v of await axeViolations(page)) {
            failures.push(
              `${viewport.name} ${path}?${mode}: ${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
            );
          }
          checked++;
        }
      }
      await context.close();
    }
    expect(checked).toBe(pages.length * MODES.length * VIEWPORTS.length);
    expect(failures).toEqual([]);
  });

  it('the keyboard reaches the content and the switches, and the choice is remembered', async () => {
    const context = await newContext(VIEWPORTS[0]);
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${programmeId}`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(skip).toBe('跳到主要内容');
    // The focused element shows where it is.
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.boxShadow}`;
    });
    expect(outline).not.toMatch(/^none 0px none$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab from the start to the 适老版 switch and press Enter: elder mode, remembered on the next visit.
    await page.goto(`${server.url}/p/${programmeId}`);
    let found = false;
    for (let i = 0; i < 10 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement?.textContent?.trim())) === '适老版';
    }
    expect(found).toBe(true);
    // /p/prefs remembers the choice and sends the reader back (303): wait for the new page's load.
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe(`/p/${programmeId}`);
    expect(await page.evaluate(() => document.body.className)).toContain('elder');
    await page.goto(`${server.url}/p/${programmeId}`);
    expect(await page.evaluate(() => document.body.className)).toContain('elder');
    await page.goto(`${server.url}/p/${programmeId}/items/${itemId}`);
    expect(await page.evaluate(() => document.body.className)).toContain('elder');
    await context.close();
  });

  it('reads a section aloud with the Web Speech API', async () => {
    const context: BrowserContext = await newContext(VIEWPORTS[0]);
    // Headless Chromium has no voices: record what would be spoken.
    await context.addInitScript(() => {
      const spoken: Array<{ text: string; lang: string }> = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      const fake = {
        speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => undefined,
        pause: () => undefined,
        resume: () => undefined,
        getVoices: () => [],
        speaking: false,
        addEventListener: () => undefined,
      };
      Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${programmeId}`);
    const read = page.getByRole('button', { name: /朗读/ }).first();
    await expect.poll(() => read.isVisible()).toBe(true);
    await read.click();
    const spoken = await page.evaluate(
      () => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken,
    );
    expect(spoken.length).toBeGreaterThan(0);
    expect(spoken[0]?.text.length ?? 0).toBeGreaterThan(10);
    expect(spoken[0]?.lang).toMatch(/^zh/);
    await context.close();
  });

  it('works without JavaScript: the report card, its item pages and the switches', async () => {
    const context = await newContext(VIEWPORTS[0], false);
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${programmeId}`);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/\d+个子项已完成/);
    await page.getByRole('link', { name: '繁體' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await page.locator('main').innerText()).toMatch(/個子項已完成/);
    await page.goto(`${server.url}/p/${programmeId}/items/${itemId}`);
    expect(await page.locator('main svg').count()).toBeGreaterThan(0);
    expect(await page.locator('main table').count()).toBeGreaterThan(0);
    await context.close();
  });
});
