/**
 * What the reliability suites share: the built server as a child process that
 * can be killed (SIGKILL) and started again on the same data, PostgreSQL
 * databases made for one suite and dropped after, and signing in through the
 * API. The server is the build (`dist/`), made once by `ensureBuilt()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureBuilt, freePort, ROOT } from '../e2e/helpers.js';

export { ensureBuilt, freePort, ROOT };

/** The demo accounts' password in every suite (MINXIN_DEMO_PASSWORD). */
export const SUITE_PASSWORD = 'Suite-pass-2026';
/** The business date the suites run on, as the browser journeys do. */
export const SUITE_TODAY = '2026-11-22';

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGKILL: no shutdown hook runs. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** PGlite's folder (kept: pass the same folder to start again on the same data). */
  dataDir?: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  port?: number;
  env?: Record<string, string>;
}

/** `node bin/minxin.js serve` on a free port (demo data on an empty database), once /api/v1/health answers. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    MINXIN_DEMO_PASSWORD: SUITE_PASSWORD,
    MINXIN_TODAY: SUITE_TODAY,
    MINXIN_LOG_LEVEL: 'warn',
    ...options.env,
  };
  delete env.TEST_DATABASE_URL;
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
    env.MINXIN_DEMO ??= 'on';
  } else {
    delete env.DATABASE_URL;
    env.MINXIN_DATA_DIR = options.dataDir ?? (await tempDataDir());
  }
  const child = spawn(process.execPath, ['bin/minxin.js', 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (!gone()) child.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    if (!gone()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (gone())
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`the server did not answer ${url}/api/v1/health within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, port, child, output: () => output, kill, stop };
}

export function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'minxin-suite-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The PostgreSQL server of the suites, or undefined (the PostgreSQL half then skips, saying so). */
export const postgresServerUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

/** A new empty database on TEST_DATABASE_URL's server; `drop()` removes it (connections forced off). */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = postgresServerUrl();
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set (postgres://postgres@127.0.0.1:5432/postgres)');
  const name = `minxin_suite_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export interface ApiSession {
  cookie: string;
  csrfToken: string;
  /** Headers for a JSON write as this user. */
  headers: Record<string, string>;
}

/** Sign in through the API (demo accounts: admin, supervisor, reporter, leader, viewer). */
export async function signInApi(url: string, username: string, password = SUITE_PASSWORD): Promise<ApiSession> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}
