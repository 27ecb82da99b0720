/**
 * Lighthouse (mobile, simulated throttling: its defaults) on the public report
 * card in normal and elder-friendly mode, with Debian's Chromium, offline.
 * Prints performance and accessibility scores (0–100) and the page weight.
 * Targets (issue 5): performance ≥ 95, accessibility 100; `--check` exits
 * non-zero when one falls short.
 *
 *   node --import tsx bench/lighthouse.ts [--check] [--build]
 */
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureBuild, freePort, HOST, hasFlag, machineLine, removeDir, startMinxin, tempDir } from './lib.js';

const CHROMIUM = '/usr/bin/chromium';
const TODAY = '2026-11-22';

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  console.log('Lighthouse on the public report card (mobile)');
  console.log(`  ${machineLine()}`);
  ensureBuild();
  const dataDir = tempDir('lighthouse');
  const port = await freePort();
  const server = await startMinxin(port, dataDir, { MINXIN_TODAY: TODAY });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let failed = false;
  try {
    const list = (await (await fetch(`http://${HOST}:${port}/api/v1/public/programmes`)).json()) as {
      items: Array<{ id: number; title: string }>;
    };
    const programme = list.items[0];
    if (!programme) throw new Error('no published programme to measure (is the demo seeded?)');
    const pages = [
      { name: 'report card', path: `/p/${programme.id}` },
      { name: 'report card, 适老版', path: `/p/${programme.id}?mode=elder` },
    ];
    for (const page of pages) {
      const url = `http://${HOST}:${port}${page.path}`;
      // Warm the page cache first, as a real visitor after the first would find it.
      await fetch(url);
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error(`lighthouse gave no result for ${url}`);
      const { lhr } = result;
      const performance = Math.round((lhr.categories.performance?.score ?? 0) * 100);
      const accessibility = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
      const weight = lhr.audits['total-byte-weight']?.numericValue ?? 0;
      const lcp = lhr.audits['largest-contentful-paint']?.numericValue ?? 0;
      console.log(
        `  ${page.name.padEnd(20)} performance ${performance}  accessibility ${accessibility}  ` +
          `weight ${(weight / 1024).toFixed(1)} KB  LCP ${(lcp / 1000).toFixed(2)} s`,
      );
      for (const warning of lhr.runWarnings) console.log(`    warning: ${warning}`);
      const failing = Object.values(lhr.audits).filter(
        (a) =>
          a.score !== null &&
          a.score < 1 &&
          lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
      );
      for (const audit of failing) console.log(`    accessibility: ${audit.id} — ${audit.title}`);
      if (performance < 95 || accessibility < 100) failed = true;
    }
  } finally {
    await chrome.kill();
    await server.stop();
    removeDir(dataDir);
  }
  console.log(`  targets: performance ≥ 95, accessibility 100 — ${failed ? 'NOT MET' : 'met'}`);
  if (failed && hasFlag('check')) process.exitCode = 1;
}

await main();
