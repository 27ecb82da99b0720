/**
 * The public report-card page (/p/{id}) of the demo programme with a year of
 * work, on the embedded database, against a bare Fastify route serving the
 * same bytes with the same content type, measured in the same run. Prints
 * requests/s, p50/p99 latency and the ratio page/bare (issue 5 aims at ≥ 0.8:
 * a cached page costs a map lookup, no rendering per request).
 *
 *   node --import tsx bench/report-card.ts [--connections 50] [--seconds 10] [--rounds 1] [--check]
 *
 * Informative by default; --check exits non-zero when the ratio is below TARGET_RATIO.
 */
import Fastify from 'fastify';
import { shanghaiToday } from '../src/core/work/calendar.js';
import { openDatabase } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { seedDemo } from '../src/server/use-cases/demo/seed-demo.js';
import { seedDemoYear } from '../src/server/use-cases/demo/seed-demo-year.js';
import { getReportCard } from '../src/server/use-cases/publish/get-report-card.js';
import {
  BENCH_PASSWORD,
  fmt,
  HOST,
  hasFlag,
  type LoadResult,
  loadTest,
  machineLine,
  numberFlag,
  removeDir,
  rssMb,
  tempDir,
} from './lib.js';

const TARGET_RATIO = 0.8;

function line(label: string, r: LoadResult): string {
  return (
    `  ${label.padEnd(6)} ${fmt(r.requestsPerSecond).padStart(7)} req/s   p50 ${fmt(r.p50, 1).padStart(6)} ms   ` +
    `p99 ${fmt(r.p99, 1).padStart(6)} ms   (${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`
  );
}

function combine(results: readonly LoadResult[]): LoadResult {
  const requests = results.reduce((s, r) => s + r.requests, 0);
  const seconds = results.reduce((s, r) => s + r.requests / r.requestsPerSecond, 0);
  return {
    requests,
    requestsPerSecond: requests / seconds,
    // Latency percentiles do not add up; the worst round is reported.
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
    bytesPerResponse: results[0]?.bytesPerResponse ?? 0,
  };
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The demo programme's id, published through the API as its supervisor if it is not yet. */
async function publishedDemo(appUrl: string, programmeId: number): Promise<void> {
  const list = await json<{ items: Array<{ id: number }> }>(
    await fetch(`${appUrl}/api/v1/public/programmes`),
    'public list',
  );
  if (list.items.some((p) => p.id === programmeId)) return;
  const signIn = await fetch(`${appUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: BENCH_PASSWORD }),
  });
  const { csrfToken } = await json<{ csrfToken: string }>(signIn, 'sign-in');
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await json(
    await fetch(`${appUrl}/api/v1/programmes/${programmeId}/publish`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: '{}',
    }),
    'publish',
  );
  console.log('  (the demo programme was not published: published it as its supervisor)');
}

async function runReportCardBench(): Promise<{ ratio: number }> {
  const connections = numberFlag('connections', 50);
  const seconds = numberFlag('seconds', 10);
  const rounds = numberFlag('rounds', 1);
  const dataDir = tempDir('report-card');
  const database = await openDatabase({ dataDir });
  const bare = Fastify({ logger: false });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await database.migrate();
    const demo = await seedDemo(database.db, BENCH_PASSWORD);
    if (!demo) throw new Error('the demo programme was not seeded on a fresh database');
    const year = await seedDemoYear(database.db, demo.programmeId);

    app = await buildApp({ database, config: testConfig({ MINXIN_LOG_LEVEL: 'silent' }), serveWeb: false });
    await app.listen({ port: 0, host: HOST });
    const appUrl = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
    await publishedDemo(appUrl, demo.programmeId);

    const pagePath = `/p/${demo.programmeId}`;
    const first = await fetch(`${appUrl}${pagePath}`);
    if (first.status !== 200)
      throw new Error(
        `could not run: ${pagePath} answers ${first.status} (the public report-card page is not there yet)`,
      );
    const bytes = Buffer.from(await first.arrayBuffer());
    const contentType = first.headers.get('content-type') ?? 'text/html; charset=utf-8';

    // The baseline: the same bytes and content type from one route, nothing else.
    bare.get(pagePath, (_request, reply) => {
      reply.header('content-type', contentType).send(bytes);
    });
    await bare.listen({ port: 0, host: HOST });
    const bareUrl = `http://${HOST}:${(bare.server.address() as { port: number }).port}`;
    const check = Buffer.from(await (await fetch(`${bareUrl}${pagePath}`)).arrayBuffer());
    if (!check.equals(bytes)) throw new Error('the bare route does not return the same bytes');
    const again = Buffer.from(await (await fetch(`${appUrl}${pagePath}`)).arrayBuffer());
    if (!again.equals(bytes)) throw new Error('the page changed between two requests: it is not served from the cache');

    console.log(
      `report card: demo programme with ${year.reports} reports, page ${bytes.length} bytes (${contentType}), ` +
        `business date ${shanghaiToday()}`,
    );
    console.log(`  ${machineLine()}`);
    console.log(
      `  autocannon: ${connections} connections, ${seconds} s × ${rounds} round(s) each, loopback, 3 s warm-up`,
    );

    const pageUrl = `${appUrl}${pagePath}`;
    const bareTarget = `${bareUrl}${pagePath}`;
    await loadTest(bareTarget, { connections, seconds: 3 });
    await loadTest(pageUrl, { connections, seconds: 3 });

    // Alternate the two so that a busy neighbour on the machine weighs on both alike.
    const pageRounds: LoadResult[] = [];
    const bareRounds: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRounds.push(await loadTest(bareTarget, { connections, seconds }));
      pageRounds.push(await loadTest(pageUrl, { connections, seconds }));
    }
    const page = combine(pageRounds);
    const bareResult = combine(bareRounds);
    if (page.non2xx > 0 || page.errors > 0)
      throw new Error(`the page answered ${page.non2xx} non-2xx, ${page.errors} errors`);
    const ratio = page.requestsPerSecond / bareResult.requestsPerSecond;
    console.log(line('bare', bareResult));
    console.log(line('page', page));
    console.log(
      `  ratio page/bare: ${fmt(ratio, 3)}   (target ≥ ${TARGET_RATIO}${ratio >= TARGET_RATIO ? ', met' : ', MISSED'})`,
    );
    if (rounds > 1)
      console.log(
        `  per round (page/bare): ${pageRounds.map((p, i) => fmt(p.requestsPerSecond / (bareRounds[i] as LoadResult).requestsPerSecond, 3)).join(', ')}`,
      );

    // One request at a time, in process (no sockets): the cached page against the bare route,
    // and what the first request after a change pays on top (the card's queries and evaluation).
    const mean = async (run: () => Promise<unknown>, n = 50) => {
      await run();
      const started = performance.now();
      for (let i = 0; i < n; i++) await run();
      return (performance.now() - started) / n;
    };
    const server = app;
    const cachedMs = await mean(() => server.inject({ url: pagePath }));
    const bareMs = await mean(() => bare.inject({ url: pagePath }));
    const cardMs = await mean(
      () => getReportCard(database.db, demo.programmeId, shanghaiToday(), { publicOnly: true }),
      20,
    );
    console.log(
      `  one request at a time: page from the cache ${fmt(cachedMs, 2)} ms, bare ${fmt(bareMs, 2)} ms; ` +
        `after a change, the report card's data costs ${fmt(cardMs, 2)} ms before rendering`,
    );
    console.log(`  bench process RSS after the run: ${fmt(rssMb(process.pid))} MB`);
    return { ratio };
  } finally {
    await app?.close();
    await bare.close();
    await database.close();
    removeDir(dataDir);
  }
}

const { ratio } = await runReportCardBench();
if (hasFlag('check') && ratio < TARGET_RATIO) {
  console.error(`report card page/bare ratio ${fmt(ratio, 3)} is below ${TARGET_RATIO}`);
  process.exitCode = 1;
}
