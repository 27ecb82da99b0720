import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';
export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const DEMO_PASSWORD = 'E2e-demo-pass-2026';
export const DEMO_PROGRAMME = '明湖区2026年20项民心工程';
/**
 * The business date the journeys' server runs on (MINXIN_TODAY): the demo year
 * is seeded up to it, so what is due, returned and lagging is the same whatever
 * the real date.
 */
export const DEMO_TODAY = '2026-11-22';

const INSTALL_HINT = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

// What Debian's Chromium needs to run headless as root in a container, without reaching out to the network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the server and the web application when dist/ lacks them, as `npm start` does. */
export async function ensureBuilt(): Promise<void> {
  // A plain JavaScript module without types: name its shape here.
  const modulePath: string = new URL('../scripts/ensure-built.js', import.meta.url).href;
  const { ensureBuilt: build } = (await import(modulePath)) as { ensureBuilt(options: { web: boolean }): void };
  build({ web: true });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** What the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/minxin.js serve` on a free port with a fresh data folder
 * and waits until /api/v1/health answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'minxin-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/minxin.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MINXIN_DATA_DIR: dataDir,
      MINXIN_DEMO_PASSWORD: DEMO_PASSWORD,
      MINXIN_TODAY: DEMO_TODAY,
      MINXIN_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const stop = async () => {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${url}/api/v1/health within 90 s:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Debian's Chromium with a fresh temporary profile (Playwright creates and
 * removes it). Fails, never skips, when the browser or the CJK font is missing:
 * without the font every Chinese character renders as an empty box.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}; the browser journeys need it. Install it with: ${INSTALL_HINT}`,
    );
  }
  if (!existsSync(CJK_FONT)) {
    throw new Error(
      `The Noto CJK font is missing (${CJK_FONT}); Chinese would render as boxes. Install: ${INSTALL_HINT}`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/**
 * A page that records uncaught errors and failed API calls, so a journey can
 * assert that nothing went wrong behind the screen.
 */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  // The business time zone, so times on screen read as the office reads them.
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  // The browser's calendar agrees with the server's pinned business date (date pickers, "today").
  await context.clock.setSystemTime(new Date(`${DEMO_TODAY}T10:00:00+08:00`));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    // 401 is how the app learns there is no session yet.
    if (response.status() >= 400 && response.status() !== 401) {
      problems.push(`HTTP ${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  return { page, problems };
}

/**
 * antd puts a space between the two characters of a two-character Chinese
 * button (登录 → 登 录), so match button names with optional whitespace.
 */
export function buttonName(name: string): RegExp {
  const escaped = [...name].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*${escaped.join('\\s*')}\\s*$`);
}

export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name: buttonName(name) });
}

/** Signs in through the form and waits for the role's landing page (reporters land on 我的任务). */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  landing: RegExp = username === 'reporter' ? /\/my-work$/ : /\/programmes$/,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/login$/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await button(page, '登录').click();
  await page.waitForURL(landing);
}

/** i18n keys that leaked to the screen untranslated, e.g. "items.name". */
export async function rawKeys(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const pattern =
    /\b(?:app|common|errors|conflict|validation|login|layout|roles|states|levels|programmes|categories|items|itemUnits|leaders|milestones|indicators|periods|history|fields|jurisdictions|units|people|users|import|reports|supervision|settings)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*\b/g;
  return [...new Set(text.match(pattern) ?? [])];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
