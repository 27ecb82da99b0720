/**
 * The programme tree endpoint for a programme of 40 items, on the embedded
 * database, against a bare Fastify route returning the same bytes, measured
 * in the same run. Prints requests/s, p50/p99 latency and the ratio tree/bare.
 *
 *   node --import tsx bench/tree.ts [--connections 10] [--seconds 10] [--rounds 2] [--check]
 *
 * --check exits non-zero when the ratio is below TARGET_RATIO.
 */
import Fastify from 'fastify';
import type { InterchangeItem, ProgrammeDocument } from '../src/core/interchange.js';
import { openDatabase } from '../src/db/client.js';
import { loadTreeRows } from '../src/db/repositories/tree.repository.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { seedDemo } from '../src/server/use-cases/demo/seed-demo.js';
import { getProgrammeTree } from '../src/server/use-cases/programmes/get-programme-tree.js';
import { importProgramme } from '../src/server/use-cases/programmes/import-programme.js';
import { buildItem, buildProgrammeDocument } from '../test/helpers/factories.js';
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

const TARGET_RATIO = 0.5;
const CATEGORIES = 8;
const ITEMS_PER_CATEGORY = 5;

const UNITS = ['基准区教育局', '基准区民政局', '基准区卫健委', '基准区住建委', '基准区交通局', '基准区城管委'];
const PERSONS = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八'];
const LEADERS = ['冯甲', '陈乙', '褚丙'];

/** Item n of 40: three units, two persons, one leader, Q1–Q4 milestones and two indicators. */
function benchItem(n: number): InterchangeItem {
  const unit = (k: number) => UNITS[(n + k) % UNITS.length] as string;
  const person = (k: number) => PERSONS[(n + k) % PERSONS.length] as string;
  return buildItem({
    number: String(n),
    name: `第${n}项民心工程：新建社区服务设施`,
    description: `在第${n}片区新建社区服务设施，配套建设室外活动场地和无障碍设施，方便群众就近办事。`,
    target: `建成社区服务设施${n}处，服务居民${n * 1000}人。`,
    leadUnit: unit(0),
    coUnits: [unit(1), unit(2)],
    persons: [person(0), person(1)],
    leaders: [LEADERS[n % LEADERS.length] as string],
    deadline: { text: '12月底', date: '2030-12-31' },
    milestones: [
      { period: 'Q1', text: '完成选址和方案设计。' },
      { period: 'Q2', text: '完成施工招标并开工建设。' },
      { period: 'Q3', text: '完成主体工程。' },
      { period: 'Q4', text: '全部建成并投入使用。' },
    ],
    indicators: [
      { name: '建成社区服务设施', unit: '处', target: n, checkpoints: { Q1: 0, Q2: 0, Q3: Math.ceil(n / 2), Q4: n } },
      {
        name: '服务居民',
        unit: '人',
        target: n * 1000,
        checkpoints: { Q1: 0, Q2: n * 200, Q3: n * 600, Q4: n * 1000 },
      },
    ],
    children: [],
  });
}

function fortyItemProgramme(): ProgrammeDocument {
  return buildProgrammeDocument({
    title: '基准区2030年40项民心工程',
    jurisdiction: '基准区',
    year: 2030,
    categories: Array.from({ length: CATEGORIES }, (_, c) => ({
      ordinal: c + 1,
      title: `第${c + 1}类工程`,
      items: Array.from({ length: ITEMS_PER_CATEGORY }, (_, i) => benchItem(c * ITEMS_PER_CATEGORY + i + 1)),
    })),
  });
}

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

async function runTreeBench(): Promise<{ ratio: number; tree: LoadResult; bare: LoadResult }> {
  const connections = numberFlag('connections', 10);
  const seconds = numberFlag('seconds', 10);
  const rounds = numberFlag('rounds', 2);
  const dataDir = tempDir('tree');
  const database = await openDatabase({ dataDir });
  const bare = Fastify({ logger: false });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await database.migrate();
    await seedDemo(database.db, BENCH_PASSWORD);
    const imported = await importProgramme(
      database.db,
      { actor: { kind: 'system', name: 'bench' }, ip: null },
      fortyItemProgramme(),
    );
    if (imported.itemCount !== CATEGORIES * ITEMS_PER_CATEGORY)
      throw new Error(`expected ${CATEGORIES * ITEMS_PER_CATEGORY} items, imported ${imported.itemCount}`);

    app = await buildApp({ database, config: testConfig({ MINXIN_LOG_LEVEL: 'silent' }), serveWeb: false });
    await app.listen({ port: 0, host: HOST });
    const appUrl = `http://${HOST}:${(app.server.address() as { port: number }).port}`;

    const signIn = await fetch(`${appUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: BENCH_PASSWORD }),
    });
    if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const treePath = `/api/v1/programmes/${imported.id}/tree`;
    const first = await fetch(`${appUrl}${treePath}`, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`tree failed: ${first.status} ${await first.text()}`);
    const bytes = Buffer.from(await first.arrayBuffer());
    const contentType = first.headers.get('content-type') ?? 'application/json; charset=utf-8';

    // The baseline: the same bytes and content type from one route, nothing else.
    bare.get(treePath, (_request, reply) => {
      reply.header('content-type', contentType).send(bytes);
    });
    await bare.listen({ port: 0, host: HOST });
    const bareUrl = `http://${HOST}:${(bare.server.address() as { port: number }).port}`;
    const check = Buffer.from(await (await fetch(`${bareUrl}${treePath}`)).arrayBuffer());
    if (!check.equals(bytes)) throw new Error('the bare route does not return the same bytes');

    console.log(`tree: programme of ${imported.itemCount} items, response ${bytes.length} bytes (${contentType})`);
    console.log(`  ${machineLine()}`);
    console.log(
      `  autocannon: ${connections} connections, ${seconds} s × ${rounds} rounds each, loopback, 3 s warm-up`,
    );

    const treeTarget = { url: `${appUrl}${treePath}`, headers: { cookie } };
    const bareTarget = { url: `${bareUrl}${treePath}`, headers: { cookie } };
    await loadTest(bareTarget.url, { connections, seconds: 3, headers: bareTarget.headers });
    await loadTest(treeTarget.url, { connections, seconds: 3, headers: treeTarget.headers });

    // Alternate the two so that a busy neighbour on the machine weighs on both alike.
    const treeRounds: LoadResult[] = [];
    const bareRounds: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRounds.push(await loadTest(bareTarget.url, { connections, seconds, headers: bareTarget.headers }));
      treeRounds.push(await loadTest(treeTarget.url, { connections, seconds, headers: treeTarget.headers }));
    }
    const tree = combine(treeRounds);
    const bareResult = combine(bareRounds);
    if (tree.non2xx > 0 || tree.errors > 0)
      throw new Error(`the tree answered ${tree.non2xx} non-2xx, ${tree.errors} errors`);
    const ratio = tree.requestsPerSecond / bareResult.requestsPerSecond;
    console.log(line('bare', bareResult));
    console.log(line('tree', tree));
    console.log(
      `  ratio tree/bare: ${fmt(ratio, 3)}   (target ≥ ${TARGET_RATIO}${ratio >= TARGET_RATIO ? ', met' : ', MISSED'})`,
    );
    console.log(
      `  per round (tree/bare): ${treeRounds.map((t, i) => fmt(t.requestsPerSecond / (bareRounds[i] as LoadResult).requestsPerSecond, 3)).join(', ')}`,
    );
    // Where a tree request's time goes, one request at a time, in process (no sockets). Between
    // changes the app serves the tree from its cache (src/server/cache/); the use case is what the
    // first request after a change pays on top.
    const admin = { kind: 'system' as const, name: 'bench' };
    const mean = async (run: () => Promise<unknown>, n = 50) => {
      await run();
      const started = performance.now();
      for (let i = 0; i < n; i++) await run();
      return (performance.now() - started) / n;
    };
    const rowsMs = await mean(() => loadTreeRows(database.db, imported.id));
    const useCaseMs = await mean(() => getProgrammeTree(database.db, admin, imported.id));
    const injectMs = await mean(() => (app as NonNullable<typeof app>).inject({ url: treePath, headers: { cookie } }));
    const bareInjectMs = await mean(() => bare.inject({ url: treePath }));
    console.log(
      `  one request at a time: tree from the cache ${fmt(injectMs, 2)} ms, bare ${fmt(bareInjectMs, 2)} ms; ` +
        `after a change, building the tree adds the use case ${fmt(useCaseMs, 2)} ms ` +
        `(of which tree queries ${fmt(rowsMs, 2)} ms) and its serialisation`,
    );
    console.log(`  bench process RSS after the run: ${fmt(rssMb(process.pid))} MB`);
    return { ratio, tree, bare: bareResult };
  } finally {
    await app?.close();
    await bare.close();
    await database.close();
    removeDir(dataDir);
  }
}

const { ratio } = await runTreeBench();
if (hasFlag('check') && ratio < TARGET_RATIO) {
  console.error(`tree/bare ratio ${fmt(ratio, 3)} is below ${TARGET_RATIO}`);
  process.exitCode = 1;
}
