/**
 * The load suite (issue 6 item 3): `npm run test:load [-- --seconds 60]`.
 *
 * Starts the built server, prepares a programme of its own with 100 reporter
 * accounts (one per unit, each unit on 8 items × 11 monthly periods, so no two
 * reporters write the same report), then for --seconds (default 60) runs at once:
 *   - 100 reporters (--reporters), each in its own session and keep-alive
 *     connection: create a draft with an Idempotency-Key, pause, submit it,
 *     pause, next. The pause (--think-ms, default 10,000 ms, uniform ±50 %;
 *     0 = flat out) makes each reporter submit a report about every 20 s:
 *     100 reporters ≈ 5 submissions a second, a deadline-day surge well above
 *     a district's real rate;
 *   - 1,000 public readers (--readers), in a process of their own, each on its
 *     own connection asking for a page at random moments once a second on
 *     average (--reader-rate; 0 = flat out, with autocannon): /p/{id},
 *     /p/{id}/items/{itemId} and /api/v1/public/programmes/{id}/report-card of
 *     the demo programme, every answer checked for the programme's title;
 *   - one reviewer (reviewer.ts) approving the oldest submitted report every
 *     --approve-ms (default 1,000; 0 = none). Approvals are changes the public
 *     can see: each ticks the public change stamp, so the readers keep meeting
 *     page rebuilds (drafts and submissions do not tick it).
 * Then it checks that the server holds exactly the submissions it
 * acknowledged (submitted or approved; no more drafts than were left
 * unsubmitted; as many approved as the reviewer was told) and that a repeated
 * Idempotency-Key returns the first report, prints the figures of both sides,
 * the CPU each process used and the server's RSS, and exits non-zero on any
 * error or a figure short of THRESHOLDS (figures.ts).
 *
 * Databases: PGlite, then PostgreSQL when TEST_DATABASE_URL is set (a
 * database of its own, dropped after), where it also samples pg_stat_activity
 * for waits on the change_clock row. `--postgres` runs PostgreSQL alone
 * (TEST_DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres),
 * `--pglite` PGlite alone.
 *
 * Bounds: --seconds at most 600; each reporter stops when its 88 reports are
 * written; the readers stop with the reporters, and at 20,000 requests a
 * second of the run at most; a write times out after 30 s, a read after 10 s;
 * the whole run is killed after a hard cap (300 s + 2 × seconds per database)
 * and exits 2.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import os from 'node:os';
import { rssMb } from '../../bench/lib.js';
import {
  createPostgresDatabase,
  ensureBuilt,
  removeDir,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../lib.js';
import { percentile, readerLines, reporterLines, reviewerLine, shortfalls, waitLines } from './figures.js';
import { startWaitSampler, type WaitFigures } from './pg-waits.js';
import { type Prepared, prepare } from './prepare.js';
import { type Readers, startReaders } from './readers.js';
import { createBody, openConnections, type ReporterFigures, runReporters } from './reporters.js';
import { type ReviewerFigures, runReviewer } from './reviewer.js';

const DEFAULT_THINK_MS = 10_000;
const DEFAULT_READER_RATE = 1;
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function numberOption(name: string, fallback: number, max: number): number {
  const args = process.argv;
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return fallback;
  const arg = args[index] as string;
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new Error(`--${name} needs a whole number from 0 to ${max}, got ${raw}`);
  return value;
}

const seconds = Math.max(1, numberOption('seconds', 60, 600));
const reporterCount = Math.max(1, numberOption('reporters', 100, 500));
/** 0: no readers (the writers alone, to compare). */
const readerConnections = numberOption('readers', 1_000, 5_000);
const thinkMs = numberOption('think-ms', DEFAULT_THINK_MS, 60_000);
/** Requests a second per reader connection; 0: flat out. */
const readerRate = numberOption('reader-rate', DEFAULT_READER_RATE, 100);
/** The reviewer's pause between approvals; 0: no reviewer. */
const approveMs = numberOption('approve-ms', 1_000, 60_000);

type Kind = 'PGlite' | 'PostgreSQL';
const kinds: Kind[] = [];
if (flag('postgres')) {
  process.env.TEST_DATABASE_URL ||= LOCAL_POSTGRES;
  kinds.push('PostgreSQL');
} else {
  kinds.push('PGlite');
  if (!flag('pglite')) {
    if (process.env.TEST_DATABASE_URL) kinds.push('PostgreSQL');
    else
      console.warn(
        'TEST_DATABASE_URL is not set: the PostgreSQL half (and the change_clock measurement) is SKIPPED. ' +
          `Run it with TEST_DATABASE_URL=${LOCAL_POSTGRES} or --postgres.`,
      );
  }
}

// Everything to end if the hard cap strikes.
const cleanups = new Set<() => Promise<void> | void>();
const hardCapMs = kinds.length * (300_000 + 2 * seconds * 1_000);
const watchdog = setTimeout(async () => {
  console.error(`FAIL: the load run passed its hard cap of ${hardCapMs / 1000} s; stopping it.`);
  for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch(() => {});
  process.exit(2);
}, hardCapMs);
watchdog.unref();

/** CPU seconds a process has used (user + system), from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const loadAverage = () => (os.loadavg()[0] ?? 0).toFixed(2);

interface HalfResult {
  kind: Kind;
  problems: string[];
}

async function countReports(prepared: Prepared, url: string, state: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/programmes/${prepared.programmeId}/reports?state=${state}&limit=1`, {
    headers: prepared.admin.headers,
  });
  if (!response.ok) throw new Error(`listing ${state} reports → ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { total: number }).total;
}

/** The same create with the same key again: the first report, 200, nothing new. */
async function replayProblems(prepared: Prepared, url: string, figures: ReporterFigures): Promise<string[]> {
  const problems: string[] = [];
  let replayed = 0;
  await Promise.all(
    prepared.reporters.map(async (reporter, i) => {
      const last = figures.last[i];
      if (!last) return;
      const response = await fetch(`${url}/api/v1/items/${last.slot.itemId}/reports`, {
        method: 'POST',
        headers: { ...reporter.session.headers, 'idempotency-key': last.key },
        body: JSON.stringify(createBody(last.slot, 1)),
      });
      const body = (await response.json()) as { id?: number };
      replayed++;
      if (response.status !== 200 || body.id !== last.reportId)
        problems.push(
          `${reporter.username}: a repeated Idempotency-Key gave ${response.status} report ${body.id}, not 200 report ${last.reportId}`,
        );
    }),
  );
  console.log(`idempotency: ${replayed} repeated creates, ${replayed - problems.length} returned the first report`);
  return problems.slice(0, 5);
}

async function runHalf(kind: Kind): Promise<HalfResult> {
  console.log(`\n=== ${kind}: ${reporterCount} reporters and ${readerConnections} readers for ${seconds} s ===`);
  const dataDir = kind === 'PGlite' ? await tempDataDir() : undefined;
  const database = kind === 'PostgreSQL' ? await createPostgresDatabase() : undefined;
  let server: ServerProcess | undefined;
  let agents: Agent[] = [];
  let readers: Readers | undefined;
  const cleanup = async () => {
    if (readers && readers.child.exitCode === null) readers.child.kill('SIGKILL');
    for (const agent of agents) agent.destroy();
    await server?.kill();
    if (dataDir) await removeDir(dataDir);
    await database?.drop();
  };
  cleanups.add(cleanup);
  try {
    const startedAt = performance.now();
    server = await startServer({
      ...(dataDir ? { dataDir } : {}),
      ...(database ? { databaseUrl: database.url } : {}),
      // 101 sign-ins from one address in a few seconds: lift the per-address sign-in limit for the run.
      env: { MINXIN_LOGIN_RATE_PER_MINUTE: '10000' },
    });
    const startMs = performance.now() - startedAt;
    const pid = server.child.pid as number;
    const prepared = await prepare(server.url, reporterCount);
    const steps = Object.entries(prepared.timings)
      .map(([name, t]) => `${name} ${(t / 1000).toFixed(1)} s`)
      .join(', ');
    console.log(`prepared: server up in ${(startMs / 1000).toFixed(1)} s (demo data seeded); ${steps}`);
    console.log(`server RSS before the load: ${rssMb(pid).toFixed(0)} MB`);

    agents = await openConnections(server.url, reporterCount);
    readers =
      readerConnections > 0
        ? startReaders({
            url: server.url,
            paths: prepared.readerPaths,
            connections: readerConnections,
            // A cap: they are stopped when the reporters are done.
            seconds: seconds + 120,
            marker: prepared.readerMarker,
            maxRequests: Math.max(readerConnections, seconds * 20_000),
            rate: readerRate,
          })
        : undefined;
    const rampMs = await readers?.ready;
    if (rampMs !== undefined)
      console.log(`readers: ${readerConnections} connections open and answered in ${(rampMs / 1000).toFixed(1)} s`);
    const sampler = database ? await startWaitSampler(database.url) : undefined;
    const [serverCpuBefore, driverCpuBefore, loadBefore, loadStarted] = [
      cpuSeconds(pid),
      process.cpuUsage(),
      loadAverage(),
      performance.now(),
    ];
    const reportersDone = new AbortController();
    const reviewing =
      approveMs > 0
        ? runReviewer({
            url: server.url,
            session: prepared.admin,
            programmeId: prepared.programmeId,
            signal: reportersDone.signal,
            intervalMs: approveMs,
            requestTimeoutMs: 30_000,
          })
        : undefined;
    const reporterFigures = await runReporters(prepared.reporters, {
      url: server.url,
      agents,
      until: performance.now() + seconds * 1_000,
      thinkMs,
      runId: randomBytes(4).toString('hex'),
      requestTimeoutMs: 30_000,
    }).finally(() => reportersDone.abort());
    const reviewerFigures: ReviewerFigures | undefined = await reviewing;
    readers?.stop();
    const waits: WaitFigures | undefined = await sampler?.stop();
    const readerFigures = await readers?.done;
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const serverCpu = cpuSeconds(pid) - serverCpuBefore;
    const driverCpu = process.cpuUsage(driverCpuBefore);
    const rss = rssMb(pid);
    const peak = rssMb(pid, 'VmHWM');

    const [waitingOnServer, approvedOnServer, draftsOnServer] = [
      await countReports(prepared, server.url, 'submitted'),
      await countReports(prepared, server.url, 'approved'),
      await countReports(prepared, server.url, 'draft'),
    ];
    const submittedOnServer = waitingOnServer + approvedOnServer;
    const problems = shortfalls(kind, reporterFigures, readerFigures, {
      thinkMs,
      reporterCount,
      readerConnections,
      readerRate,
    });
    problems.push(...(await replayProblems(prepared, server.url, reporterFigures)));
    if (reviewerFigures) {
      problems.push(...reviewerFigures.failures.slice(0, 5));
      if (approvedOnServer !== reviewerFigures.approved)
        problems.push(`${reviewerFigures.approved} approvals acknowledged, ${approvedOnServer} approved on the server`);
    }
    console.log(
      `held: ${submittedOnServer} submitted reports on the server (${approvedOnServer} of them approved) for ${reporterFigures.submitted} acknowledged submissions; ` +
        `${draftsOnServer} drafts left for ${reporterFigures.created - reporterFigures.submitted} created but not submitted`,
    );
    if (submittedOnServer !== reporterFigures.submitted)
      problems.push(`${reporterFigures.submitted} submissions acknowledged, ${submittedOnServer} on the server`);
    if (draftsOnServer !== reporterFigures.created - reporterFigures.submitted)
      problems.push(
        `${reporterFigures.created - reporterFigures.submitted} drafts expected, ${draftsOnServer} on the server`,
      );

    for (const line of reporterLines(reporterFigures, reporterCount, thinkMs)) console.log(line);
    if (readerFigures)
      for (const line of readerLines(readerFigures, readerConnections, prepared.readerPaths.length, readerRate))
        console.log(line);
    if (reviewerFigures) console.log(reviewerLine(reviewerFigures, approveMs));
    if (waits) for (const line of waitLines(waits, reporterFigures)) console.log(line);
    console.log(`server RSS at the end: ${rss.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)`);
    const share = (cpu: number) => `${cpu.toFixed(1)} s (${((cpu / loadSeconds) * 100).toFixed(0)}% of a core)`;
    console.log(
      `CPU over the ${loadSeconds.toFixed(1)} s of load: server ${share(serverCpu)}, ` +
        `readers' process ${readerFigures ? share(readerFigures.cpuSeconds) : '–'}, ` +
        `reporters' driver ${share((driverCpu.user + driverCpu.system) / 1e6)}; load average ${loadBefore} → ${loadAverage()}`,
    );
    console.log(
      `summary ${kind}: ` +
        (readerFigures
          ? `readers ${(readerFigures.requests / readerFigures.durationSeconds).toFixed(0)} req/s p50 ${readerFigures.p50} ms p99 ${readerFigures.p99} ms; `
          : 'no readers; ') +
        `reporters ${(reporterFigures.requests / (reporterFigures.elapsedMs / 1000)).toFixed(1)} req/s ` +
        `p50 ${Math.round(percentile(reporterFigures.latencies, 0.5))} ms p99 ${Math.round(percentile(reporterFigures.latencies, 0.99))} ms; ` +
        (problems.length === 0 ? 'pass' : `${problems.length} problem(s), below`),
    );
    return { kind, problems };
  } catch (error) {
    if (server) console.error(`--- server output ---\n${server.output().slice(-3000)}`);
    return { kind, problems: [`the run stopped: ${(error as Error).stack ?? error}`] };
  } finally {
    await cleanup();
    cleanups.delete(cleanup);
  }
}

await ensureBuilt();
const [one = 0] = os.loadavg();
const cores = os.cpus().length;
console.log(
  `load suite: ${cores} cores, Node ${process.versions.node}, load average ${one.toFixed(2)}, ${new Date().toISOString()}`,
);
if (one > cores)
  console.warn(
    `WARNING: the machine is busy (load average ${one.toFixed(2)} on ${cores} cores): the figures include waiting for a CPU.`,
  );
const results: HalfResult[] = [];
for (const kind of kinds) results.push(await runHalf(kind));
let failed = false;
console.log('');
for (const { kind, problems } of results) {
  if (problems.length === 0) console.log(`PASS ${kind}`);
  else {
    failed = true;
    console.log(`FAIL ${kind}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
process.exit(failed ? 1 : 0);
