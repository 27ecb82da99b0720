/**
 * Idle resident memory of the built server on the embedded database: start
 * `node bin/minxin.js serve` on a data folder that a first start has already
 * created, wait for health, sign in and fetch the demo programme's tree once,
 * let it settle, and read VmRSS from /proc/<pid>/status. The baseline is a
 * bare Fastify child process treated the same way, in the same run.
 *
 *   node --import tsx bench/idle-rss.ts [--settle 30] [--check] [--build]
 *
 * --check exits non-zero when the server's idle RSS is above TARGET_MB.
 */
import {
  BENCH_PASSWORD,
  ensureBuild,
  fmt,
  freePort,
  HOST,
  hasFlag,
  machineLine,
  numberFlag,
  removeDir,
  rssMb,
  type Started,
  sleep,
  startBareFastify,
  startMinxin,
  tempDir,
} from './lib.js';

const TARGET_MB = 300;

interface Memory {
  /** RSS 5 s after the last request. */
  early: number;
  /** RSS after `--settle` seconds: V8 shrinks its heaps only once allocation has stopped for a while. */
  rss: number;
  peak: number;
}

async function settle(started: Started, seconds: number): Promise<Memory> {
  const pid = started.child.pid as number;
  await sleep(5_000);
  const early = rssMb(pid);
  await sleep(Math.max(0, seconds - 5) * 1000);
  return { early, rss: rssMb(pid), peak: rssMb(pid, 'VmHWM') };
}

/** What a person does first: sign in and open the programme. */
async function openDemoTree(base: string): Promise<number> {
  const signIn = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: BENCH_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = (await (await fetch(`${base}/api/v1/programmes`, { headers: { cookie } })).json()) as {
    items: { id: number }[];
  };
  const id = list.items[0]?.id;
  if (id === undefined) throw new Error('no programme to open');
  const tree = await fetch(`${base}/api/v1/programmes/${id}/tree`, { headers: { cookie } });
  if (tree.status !== 200) throw new Error(`tree failed: ${tree.status}`);
  return (await tree.arrayBuffer()).byteLength;
}

const seconds = numberFlag('settle', 30);
ensureBuild();
const dataDir = `${tempDir('rss')}/data`;
let failed = false;
try {
  console.log(`idle RSS: health, sign-in and one tree request, then VmRSS from /proc after ${seconds} s idle`);
  console.log(`  ${machineLine()}`);

  // First start: creates the folder, migrates and loads the demo (its memory is reported apart).
  const firstPort = await freePort();
  const first = await startMinxin(firstPort, dataDir);
  let firstMemory: Memory;
  try {
    await openDemoTree(`http://${HOST}:${firstPort}`);
    firstMemory = await settle(first, seconds);
  } finally {
    await first.stop();
  }

  const port = await freePort();
  const server = await startMinxin(port, dataDir);
  let serverMemory: Memory;
  let treeBytes: number;
  try {
    treeBytes = await openDemoTree(`http://${HOST}:${port}`);
    serverMemory = await settle(server, seconds);
  } finally {
    await server.stop();
  }

  const barePort = await freePort();
  const bare = await startBareFastify(barePort);
  let bareMemory: Memory;
  try {
    await (await fetch(`http://${HOST}:${barePort}/api/v1/health`)).arrayBuffer();
    bareMemory = await settle(bare, seconds);
  } finally {
    await bare.stop();
  }

  const row = (label: string, m: Memory) =>
    console.log(
      `  ${label.padEnd(42)} ${fmt(m.rss).padStart(5)} MB   (${fmt(m.early)} MB after 5 s; peak ${fmt(m.peak)} MB)`,
    );
  row('bare Fastify (node -e)', bareMemory);
  row('minxin serve, restart (the figure)', serverMemory);
  row('minxin serve, first start (for reference)', firstMemory);
  console.log(`  difference server − bare: ${fmt(serverMemory.rss - bareMemory.rss)} MB; tree was ${treeBytes} bytes`);
  const met = serverMemory.rss <= TARGET_MB;
  console.log(`  target ≤ ${TARGET_MB} MB: ${met ? 'met' : 'MISSED'}`);
  failed = !met;
} finally {
  removeDir(dataDir.replace(/\/data$/, ''));
}
if (failed && hasFlag('check')) process.exitCode = 1;
