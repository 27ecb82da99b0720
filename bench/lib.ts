/**
 * Shared pieces of the benchmarks: free ports, child servers, health polling,
 * RSS from /proc, the load generator and the bare Fastify baseline.
 * Every benchmark prints its figure next to a baseline measured in the same run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const HOST = '127.0.0.1';
/** The demo accounts' password in every benchmark run (set through MINXIN_DEMO_PASSWORD). */
export const BENCH_PASSWORD = 'Bench-pass-2026';

export function hasFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

/** `--name=value` or `--name value` as a number, else the default. */
export function numberFlag(name: string, fallback: number): number {
  const args = process.argv;
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index < 0) return fallback;
  const arg = args[index] as string;
  const raw = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number, got ${raw}`);
  return value;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `minxin-bench-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A port nothing listens on right now (the kernel picks it; loopback only). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const fmt = (n: number, digits = 0) => n.toFixed(digits);

/** Resident memory of a process in MB, from the kernel (VmRSS, or VmHWM for the peak). */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
  if (!match) throw new Error(`no ${field} for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Poll until the URL answers 200; returns the milliseconds since `since`. */
export async function waitFor200(
  url: string,
  since: number,
  timeoutMs = 120_000,
  child?: ChildProcess,
): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    if (child && child.exitCode !== null)
      throw new Error(`process exited with ${child.exitCode} before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    await sleep(5);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface Started {
  child: ChildProcess;
  /** ms from spawn to the first 200 from the health URL. */
  readyMs: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawn a server and time it until `healthPath` answers. Output is kept for
 * error messages. The child gets its own process group so that `npm start`
 * (npm → sh → node) is stopped whole.
 */
export async function startChild(
  command: string,
  args: string[],
  options: { port: number; env?: Record<string, string>; healthPath: string },
): Promise<Started> {
  const chunks: string[] = [];
  const since = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(options.port), HOST },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => chunks.push(d.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }, 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const readyMs = await waitFor200(`http://${HOST}:${options.port}${options.healthPath}`, since, 180_000, child);
    return { child, readyMs, output: () => chunks.join(''), stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- output ---\n${chunks.join('')}`);
  }
}

/** The baseline server: Fastify with one route, no plugins, started with `node -e`. */
export const BARE_FASTIFY_SOURCE = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/api/v1/health', async () => ({ status: 'ok', database: 'none' }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST });
`;

export function startBareFastify(port: number): Promise<Started> {
  return startChild(process.execPath, ['--input-type=module', '-e', BARE_FASTIFY_SOURCE], {
    port,
    healthPath: '/api/v1/health',
  });
}

/** The production server from the build: `node bin/minxin.js serve`, on the embedded database in `dataDir`. */
export function startMinxin(port: number, dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  return startChild(process.execPath, ['bin/minxin.js', 'serve'], {
    port,
    healthPath: '/api/v1/health',
    env: { MINXIN_DATA_DIR: dataDir, MINXIN_DEMO_PASSWORD: BENCH_PASSWORD, MINXIN_LOG_LEVEL: 'warn', ...env },
  });
}

function newestMtime(dir: string, keep: (file: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, keep));
    else if (keep(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * `npm run build` when dist is missing (or `--build` is passed); the server
 * part alone when src has changed since the last build, so that a child
 * server runs the code being measured.
 */
export function ensureBuild(): void {
  const entry = path.join(ROOT, 'dist/cli/main.js');
  const web = path.join(ROOT, 'dist/web/index.html');
  const run = (script: string) => {
    console.log(`  (npm run ${script})`);
    try {
      execFileSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // tsc still writes its output when it reports type errors: measure that, but say so.
      if (!existsSync(entry)) throw error;
      const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
      console.log(`  WARNING: npm run ${script} reported errors; measuring what it built.\n${output.slice(0, 2000)}`);
    }
  };
  if (hasFlag('build') || !existsSync(entry) || !existsSync(web)) {
    run('build');
    return;
  }
  const serverSources = newestMtime(path.join(ROOT, 'src'), (f) => {
    if (f.includes(`${path.sep}web${path.sep}`) || f.endsWith('.test.ts')) return false;
    return f.endsWith('.ts');
  });
  if (serverSources > statSync(entry).mtimeMs) run('build:server');
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  throughput: { total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

/**
 * autocannon in a child process, so that the load generator does not share
 * the event loop of the servers it measures (2 cores: one each).
 */
export function loadTest(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const args = [
    path.join(ROOT, 'node_modules/autocannon/autocannon.js'),
    '--json',
    '--connections',
    String(options.connections),
    '--duration',
    String(options.seconds),
    '--timeout',
    '10',
  ];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('--headers', `${name}:${value}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) {
        reject(new Error(`autocannon exited with ${code}: ${err}`));
        return;
      }
      const result = JSON.parse(line) as AutocannonJson;
      const requests = result.requests.total;
      resolve({
        requestsPerSecond: requests / result.duration,
        requests,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
      });
    });
  });
}

/** Load average and core count, printed with every figure: the machine may be busy. */
export function machineLine(): string {
  const [one] = os.loadavg();
  return `${os.cpus().length} cores, Node ${process.versions.node}, load average ${fmt(one ?? 0, 2)}, ${new Date().toISOString()}`;
}
