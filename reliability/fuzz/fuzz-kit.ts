/**
 * What the hostile-input suite (`npm run test:fuzz`) shares: the seed and the
 * number of runs, a clock that times every input and keeps the figures, the
 * memory meter, odd strings, the check that an answer is a clear refusal, and
 * an app in this process on a database of its own (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL) with the demo programme and a year of work on it.
 *
 * Knobs: FUZZ_RUNS=n runs every fast-check property n times (the CI form
 * uses each target's own small count, and the full form also sends every
 * costly hand-made payload to every route); FUZZ_SEED=s replays a run;
 * FUZZ_DEBUG_HEAP=1 prints the heap after each route or test, to find what grows.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { type Database, openDatabase } from '../../src/db/client.js';
import { type App, buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { seedDemo } from '../../src/server/use-cases/demo/seed-demo.js';
import { seedDemoYear } from '../../src/server/use-cases/demo/seed-demo-year.js';
import { createPostgresDatabase, SUITE_PASSWORD, SUITE_TODAY } from '../lib.js';

/** Every input must be handled within this (wall clock, one call or one request). */
export const LIMIT_MS = 1000;

/** The seed of this run: printed, and FUZZ_SEED replays it. */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2_147_483_647;

/** Runs of one property: FUZZ_RUNS when set (the full form), else the target's CI count. */
export function runs(ci: number): number {
  const full = Number(process.env.FUZZ_RUNS ?? '');
  return Number.isFinite(full) && full > 0 ? full : ci;
}

/** fast-check's parameters for one property, seeded; `path` is printed by fast-check when a case fails. */
export function params(ci: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: runs(ci), endOnFailure: true };
}

export function announce(suite: string): void {
  console.log(
    `[fuzz] ${suite}: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ` +
      `runs per property ${process.env.FUZZ_RUNS ? `FUZZ_RUNS=${process.env.FUZZ_RUNS}` : 'CI counts'}`,
  );
}

// ---------------------------------------------------------------- timing

export interface Timed<T> {
  value: T;
  ms: number;
}

interface Sample {
  ms: number;
  label: string;
}

/**
 * A copy of a string that holds nothing else alive: V8 keeps the whole of a
 * string that a `slice` came from, so a label cut from a 30 KB body would keep
 * the body (7 KB a request, on average, grew the heap by 100 MB in a full run).
 */
const detached = (text: string): string => Buffer.from(text, 'utf16le').toString('utf16le');

/**
 * Times every input. An input over LIMIT_MS is timed again once (the machine
 * is shared and has two cores: a pause of the scheduler or of the garbage
 * collector is not a hang, while a hang happens again); it counts as slow
 * only when both tries exceed the limit, and then the second time is kept.
 */
export class Clock {
  readonly samples: Sample[] = [];
  readonly slow: Sample[] = [];
  retried = 0;

  async time<T>(label: string, run: () => Promise<T> | T): Promise<Timed<T>> {
    let started = performance.now();
    let value = await run();
    let ms = performance.now() - started;
    if (ms > LIMIT_MS) {
      this.retried++;
      started = performance.now();
      value = await run();
      const again = performance.now() - started;
      ms = Math.min(ms, again);
      if (ms > LIMIT_MS) this.slow.push({ ms, label: detached(label) });
    }
    this.samples.push({ ms, label: detached(label) });
    return { value, ms };
  }

  get count(): number {
    return this.samples.length;
  }

  figures(): { count: number; p50: number; p99: number; max: number; slowest: string } {
    const sorted = [...this.samples].sort((a, b) => a.ms - b.ms);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.ms ?? 0;
    const last = sorted[sorted.length - 1];
    return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: last?.ms ?? 0, slowest: last?.label ?? '' };
  }

  /** One line of figures, printed. */
  print(name: string): string {
    const f = this.figures();
    const line =
      `[fuzz] ${name}: ${f.count} inputs, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, ` +
      `max ${f.max.toFixed(1)} ms (${f.slowest}), retimed ${this.retried}, over ${LIMIT_MS} ms twice: ${this.slow.length}`;
    const top = [...this.samples]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map((sample) => `${sample.ms.toFixed(0)} ms ${sample.label.slice(0, 90)}`);
    console.log(`${line}\n[fuzz]   slowest: ${top.join('\n[fuzz]            ')}`);
    return line;
  }
}

// ---------------------------------------------------------------- memory

let collect: (() => void) | undefined;

/** A full garbage collection, without --expose-gc on the command line. */
export function gc(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  collect();
}

export interface MemoryFigures {
  heapMb: number;
  rssMb: number;
  peakRssMb: number;
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** Heap and RSS growth from `start()` to `stop()`, both after a full collection; the RSS peak is sampled. */
export class MemoryMeter {
  private heap0 = 0;
  private rss0 = 0;
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    // fast-check builds ~90 MB of tables for arbitrary code points on first use: not the app's memory.
    fc.sample(oddString(8), { numRuns: 20, seed: 1 });
    gc();
    const m = process.memoryUsage();
    this.heap0 = m.heapUsed;
    this.rss0 = m.rss;
    this.peak = m.rss;
    this.timer = setInterval(() => this.sample(), 50);
    this.timer.unref();
  }

  /** Also called between inputs, so a peak inside a long synchronous call is seen right after it. */
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  /** Heap growth so far, after a full collection (printed: which phase grew it). */
  checkpoint(name: string): number {
    gc();
    this.sample();
    const grown = mb(process.memoryUsage().heapUsed - this.heap0);
    console.log(
      `[fuzz] ${name}: heap growth so far ${grown} MB after GC, RSS peak so far +${mb(this.peak - this.rss0)} MB`,
    );
    return grown;
  }

  stop(name: string): MemoryFigures {
    clearInterval(this.timer);
    this.sample();
    gc();
    const m = process.memoryUsage();
    const figures = {
      heapMb: mb(m.heapUsed - this.heap0),
      rssMb: mb(m.rss - this.rss0),
      peakRssMb: mb(this.peak - this.rss0),
    };
    console.log(
      `[fuzz] ${name} memory: heap growth ${figures.heapMb} MB after GC, RSS growth ${figures.rssMb} MB, ` +
        `RSS peak +${figures.peakRssMb} MB (RSS at start ${mb(this.rss0)} MB)`,
    );
    return figures;
  }
}

// ---------------------------------------------------------------- hostile text

/** Code points that break naive text handling. */
export const ODD_CHARACTERS = [
  '\u0000', // NUL: PostgreSQL refuses it in text
  '\u202e', // right-to-left override
  '\u200f', // right-to-left mark
  '\u061c', // Arabic letter mark
  '\u200b', // zero-width space
  '\ufeff', // byte-order mark
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\u0301\u0301\u0301', // combining accents with nothing to combine with
  '\u3000', // ideographic space
  '\u000b\u000c\u0085\u2028\u2029', // odd line breaks
  '\uffff',
  '𠀀𪚥', // outside the BMP
  '👨‍👩‍👧‍👦', // a joined emoji
  '\u001b[31m', // a terminal escape
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax is the point
  '${7*7}{{7*7}}<%=7*7%>',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '%s%n%x',
  '../../etc/passwd',
] as const;

/** A string mixing Chinese, digits and odd code points. */
export const oddString = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...ODD_CHARACTERS),
        fc.constantFrom('民心工程', '区教育局', '一、', '（1）', '2026年', '12月底', '完成', '%', '万元'),
        fc.string({ unit: 'binary', maxLength: 4 }),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

/** `[[[[…]]]]` or `{"a":{"a":…}}` nested `depth` deep, as JSON text. */
export function deepJson(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

// ---------------------------------------------------------------- answers

/** Messages lead with Chinese: the first character is a CJK ideograph. */
export const startsWithChinese = (text: string): boolean => /^[\u4e00-\u9fff]/.test(text);

/**
 * Chinese first, where a product name may lead ("Word (.docx) 文件已损坏……",
 * "PDF 文件……", as the import page's own test allows) and so may a name in
 * Chinese quotation marks (“清单.xlsx”中的表格……).
 */
export const chineseFirst = (text: string): boolean =>
  startsWithChinese(text) ||
  /^(?:Word|Excel|PDF|WPS|ZIP|RTF|HTML|XML|JPEG|PNG|GIF|WebP|Minxin)(?: \([^)]{1,12}\))? ?[\u4e00-\u9fff]/.test(text) ||
  /^“[^”]{0,200}”[\u4e00-\u9fff]/.test(text);

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

/** Why an answer is not a clear refusal (4xx, `{code, message, details}`, Chinese first), or null when it is. */
export function refusalProblem(response: LightMyRequestResponse): string | null {
  const status = response.statusCode;
  if (status < 400 || status >= 500) return `status ${status}: ${response.body.slice(0, 200)}`;
  let body: ErrorBody;
  try {
    body = response.json() as ErrorBody;
  } catch {
    return `status ${status} without a JSON body: ${response.body.slice(0, 200)}`;
  }
  if (typeof body.code !== 'string' || typeof body.message !== 'string' || !('details' in body))
    return `status ${status} without {code, message, details}: ${response.body.slice(0, 200)}`;
  if (!chineseFirst(body.message)) return `status ${status}, message not Chinese first: ${body.message}`;
  return null;
}

// ---------------------------------------------------------------- the app

export interface FuzzApp {
  app: App;
  database: Database;
  kind: 'pglite' | 'postgresql';
  programmeId: number;
  close(): Promise<void>;
}

/**
 * The app in this process on a new database with the demo programme, and its
 * year of work (reports, notices, inspections: ids for the routes that act on
 * them) unless `year` is false.
 */
export async function createFuzzApp(
  kind: 'pglite' | 'postgresql' = 'pglite',
  { year = true }: { year?: boolean } = {},
): Promise<FuzzApp> {
  const pg = kind === 'postgresql' ? await createPostgresDatabase() : undefined;
  const database = pg ? await openDatabase({ url: pg.url, poolSize: 5 }) : await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  const demo = await seedDemo(database.db, SUITE_PASSWORD);
  if (!demo) throw new Error('the demo was not loaded on a new database');
  if (year) await seedDemoYear(database.db, demo.programmeId);
  const app = await buildApp({
    database,
    // Wrong passwords are part of the fuzz: they must not lock the accounts it signs in with.
    config: testConfig({
      MINXIN_TODAY: SUITE_TODAY,
      MINXIN_LOGIN_RATE_PER_MINUTE: 10_000,
      MINXIN_LOGIN_MAX_FAILURES: 100,
    }),
    serveWeb: false,
  });
  await app.ready();
  return {
    app,
    database,
    kind,
    programmeId: demo.programmeId,
    async close() {
      await app.close();
      await database.close();
      await pg?.drop();
    },
  };
}

export interface Caller {
  role: string;
  headers: Record<string, string>;
}

/** Sign in as a demo account; the headers carry the cookie and the CSRF token. */
export async function signInAs(app: App, username: string): Promise<Caller> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password: SUITE_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username}: ${response.statusCode} ${response.body}`);
  const raw = response.headers['set-cookie'];
  const cookie = ((Array.isArray(raw) ? raw[0] : raw) ?? '').split(';')[0] ?? '';
  const { csrfToken } = response.json() as { csrfToken: string };
  return { role: username, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** Rows of one SQL query, on PGlite and PostgreSQL alike. */
export async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
