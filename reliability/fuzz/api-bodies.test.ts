import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOf, signChallenge } from '../../src/core/publish/challenge.js';
import { feedbackSecret } from '../../src/server/use-cases/feedback/open-feedback-form.js';
import { apiRoutes } from '../../test/helpers/routes.js';
import { postgresServerUrl } from '../lib.js';
import { ODD_IDS, ODD_PERIODS, rawCases, TABLE_OF, WRITES_ON_REFUSAL } from './api-cases.js';
import { bodyFor, type JsonSchema, type OpenApi } from './body-arbitrary.js';
import {
  announce,
  type Caller,
  Clock,
  createFuzzApp,
  type FuzzApp,
  type MemoryFigures,
  MemoryMeter,
  oddString,
  params,
  refusalProblem,
  rows,
  SEED,
  signInAs,
} from './fuzz-kit.js';
import { StateWatch } from './state-watch.js';

/**
 * Every POST, PUT and PATCH route under /api/v1, read from the app's own
 * route tree, gets bodies of the wrong shape, odd values in the right shape,
 * hand-made hostile payloads (deep nesting, prototype keys, invalid UTF-8,
 * huge numbers and arrays) and wrong content types, as the admin and as the
 * reporter (signed in, with the CSRF token, so validation is what answers).
 *
 * Each answer must be a 2xx (a body that happened to be valid) or a clear
 * refusal: 4xx, `{code, message, details}`, Chinese first; never a 5xx. A
 * refusal must leave the database as it was. Every request within a second.
 */

/** One database's run: the app, who calls, the ids that exist, and the figures. */
class Run {
  fuzz!: FuzzApp;
  callers: Caller[] = [];
  openapi!: OpenApi;
  watch!: StateWatch;
  readonly ids = new Map<string, number[]>();
  readonly clock = new Clock();
  readonly memory = new MemoryMeter();
  readonly failures: string[] = [];
  readonly statuses = new Map<number, number>();
  refusals = 0;
  checkedRefusals = 0;
  randomBodies = 0;
  /** Routes whose refusal came from the database (SQLSTATE 22…), not from their schema: worth tightening. */
  readonly netted = new Map<string, number>();

  constructor(readonly kind: 'pglite' | 'postgresql') {}

  async start(): Promise<void> {
    this.fuzz = await createFuzzApp(this.kind);
    this.callers = [await signInAs(this.fuzz.app, 'admin'), await signInAs(this.fuzz.app, 'reporter')];
    this.openapi = this.fuzz.app.swagger() as unknown as OpenApi;
    for (const table of new Set(Object.values(TABLE_OF))) {
      const found = await rows<{ id: number }>(
        this.fuzz.database,
        table === 'users'
          ? sql`select id from users where username not in ('admin', 'reporter') order by id limit 20`
          : sql.raw(`select id from "${table}" order by id limit 20`),
      );
      this.ids.set(
        table,
        found.map((row) => Number(row.id)),
      );
    }
    this.watch = new StateWatch(this.fuzz.database);
    this.memory.start();
  }

  routes(): { method: string; route: string }[] {
    return apiRoutes(this.fuzz.app)
      .map((line) => {
        const [method = '', route = ''] = line.split(' ');
        return { method, route };
      })
      .filter(({ method }) => method === 'POST' || method === 'PUT' || method === 'PATCH');
  }

  bodySchema(method: string, route: string): JsonSchema | undefined {
    const path = `/api/v1${route.replace(/:(\w+)/g, '{$1}')}`;
    const operation = this.openapi.paths[path]?.[method.toLowerCase()];
    return operation?.requestBody?.content?.['application/json']?.schema;
  }

  /** A path for the route: mostly ids that exist, sometimes odd ones. */
  path(route: string): fc.Arbitrary<string> {
    const real = this.ids.get(TABLE_OF[route.split('/')[1] ?? ''] ?? '') ?? [];
    const id = fc.oneof(
      { weight: 6, arbitrary: real.length > 0 ? fc.constantFrom(...real.map(String)) : fc.constant('1') },
      { weight: 1, arbitrary: fc.constantFrom(...ODD_IDS) },
      { weight: 1, arbitrary: fc.nat().map(String) },
    );
    const period = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('Q1', 'Q3', 'Q4', 'M11') },
      fc.constantFrom(...ODD_PERIODS),
    );
    return fc
      .tuple(id, period)
      .map(
        ([i, p]) => `/api/v1${route.replace(':id', encodeURIComponent(i)).replace(':period', encodeURIComponent(p))}`,
      );
  }

  /** Send one request, time it, and record what is wrong with the answer. */
  async send(label: string, key: string, options: InjectOptions): Promise<LightMyRequestResponse> {
    await this.watch.before();
    const { value: response } = await this.clock.time(label, () => this.fuzz.app.inject(options));
    this.memory.sample();
    this.statuses.set(response.statusCode, (this.statuses.get(response.statusCode) ?? 0) + 1);
    if (response.statusCode >= 200 && response.statusCode < 300) return response;
    this.refusals++;
    const problem = refusalProblem(response);
    if (problem) this.failures.push(`${label}: ${problem}`);
    if (response.statusCode === 400 && response.body.includes('"sqlState"'))
      this.netted.set(key, (this.netted.get(key) ?? 0) + 1);
    if (response.statusCode >= 400 && response.statusCode < 500 && !WRITES_ON_REFUSAL.has(key)) {
      this.checkedRefusals++;
      const changed = await this.watch.changed();
      if (changed.length > 0)
        this.failures.push(
          `${label}: answered ${response.statusCode} but changed ${changed.join(', ')}: ${response.body.slice(0, 160)}`,
        );
    }
    return response;
  }

  /**
   * The hand-made payloads; the costly ones (parsed before any database is
   * involved) on every route in the full form, on one route in four in CI,
   * and on none on the second database.
   */
  async handMade(costly: boolean): Promise<void> {
    const routes = this.routes();
    expect(routes.length, 'the write routes were found').toBeGreaterThan(50);
    const cases = rawCases();
    const big = Buffer.alloc(31 * 1024 * 1024, 0x20);
    const admin = this.callers[0] as Caller;
    for (const [r, { method, route }] of routes.entries()) {
      const key = `${method} ${route}`;
      for (const caller of this.callers) {
        const url = fc.sample(this.path(route), { seed: SEED + r, numRuns: 1 })[0] ?? '';
        for (const [i, c] of cases.entries()) {
          if (c.heavy && (!costly || caller !== admin || (!FULL && (r + i) % 4 !== 0))) continue;
          const headers: Record<string, string> = { ...caller.headers };
          if (c.contentType) headers['content-type'] = c.contentType;
          await this.send(label(caller, method, url, c.name), key, {
            method: method as Method,
            url,
            headers,
            payload: c.payload,
          });
        }
      }
      // Past every route's body limit (30 MB is the largest): refused before it is read.
      if (!costly) continue;
      const url = `/api/v1${route.replace(':id', '1').replace(':period', 'Q1')}`;
      await this.send(label(admin, method, url, '31 MB of spaces'), key, {
        method: method as Method,
        url,
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: big,
      });
    }
    this.memory.checkpoint(`${this.kind} after hand-made payloads`);
  }

  /** Random bodies from each route's schema, `ci` per route and role in the CI form. */
  async random(ci: number): Promise<void> {
    const routes = this.routes();
    for (const { method, route } of routes) {
      const body = bodyFor(this.bodySchema(method, route), this.openapi);
      const key = `${method} ${route}`;
      for (const caller of this.callers) {
        await fc.assert(
          fc.asyncProperty(this.path(route), body, async (url, value) => {
            this.randomBodies++;
            const payload = JSON.stringify(value) ?? 'null';
            await this.send(label(caller, method, url, payload), key, {
              method: method as Method,
              url,
              headers: { ...caller.headers, 'content-type': 'application/json' },
              payload,
            });
          }),
          params(ci),
        );
        if (process.env.FUZZ_DEBUG_HEAP) this.memory.checkpoint(`${key} ${caller.role}`);
      }
    }
    console.log(
      `[fuzz] API bodies (${this.kind}): ${this.randomBodies} random bodies over ${routes.length} routes × ${this.callers.length} roles`,
    );
  }

  /**
   * The one write open to anyone: a resident's feedback form on the public
   * site (urlencoded, outside /api/v1). Bodies carry a genuine challenge, so
   * the odd values reach the database; each from its own address, so the
   * rate limit does not answer instead. Pages, not JSON: checked for the
   * status, the time and the database.
   */
  async publicForm(ci: number): Promise<void> {
    const items = await rows<{ id: number }>(
      this.fuzz.database,
      sql`select id from items where programme_id = ${this.fuzz.programmeId} order by id limit 10`,
    );
    const secret = await feedbackSecret(this.fuzz.database.db);
    // The secret may have just been made: what the database holds now is the baseline.
    this.watch.reset();
    const challenge = (itemId: number) => {
      const claims = { a: 6, op: '加' as const, b: 3, itemId, issuedAt: Date.now() - 10_000 };
      return { token: signChallenge(secret, claims).token, answer: String(answerOf(claims)) };
    };
    let address = 0;
    const post = async (label: string, itemId: number, payload: string | Buffer, contentType: string) => {
      address++;
      const url = `/p/${this.fuzz.programmeId}/items/${itemId}/feedback`;
      await this.watch.before();
      const { value: response } = await this.clock.time(`public form ${label}`, () =>
        this.fuzz.app.inject({
          method: 'POST',
          url,
          remoteAddress: `198.51.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`,
          headers: { 'content-type': contentType },
          payload,
        }),
      );
      this.statuses.set(response.statusCode, (this.statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500)
        this.failures.push(`public form ${label}: ${response.statusCode} ${response.body.slice(0, 160)}`);
      if (response.statusCode >= 400 && response.statusCode < 500) {
        const changed = await this.watch.changed();
        if (changed.length > 0)
          this.failures.push(`public form ${label}: ${response.statusCode} but changed ${changed.join(', ')}`);
      }
    };
    const form = 'application/x-www-form-urlencoded';
    const itemIds = items.map((item) => Number(item.id));
    const first = itemIds[0] ?? 1;
    const hand: [string, string | Buffer, string][] = [
      [
        'NUL in the comment',
        new URLSearchParams({ rating: '4', comment: 'a\u0000b', ...challenge(first) }).toString(),
        form,
      ],
      ['broken percent-encoding', `rating=4&comment=%E6%B0%&token=%ZZ&answer=%`, form],
      [
        'invalid UTF-8',
        Buffer.from([0x72, 0x61, 0x74, 0x69, 0x6e, 0x67, 0x3d, 0x34, 0x26, 0x63, 0x3d, 0xff, 0xfe]),
        form,
      ],
      ['33 KB', `rating=4&comment=${'x'.repeat(33 * 1024)}`, form],
      ['__proto__ keys', `__proto__[isAdmin]=1&constructor[prototype][x]=1&rating=4`, form],
      ['a key repeated 5 000 times', 'rating=4&'.repeat(5_000), form],
      ['JSON', JSON.stringify({ rating: 4, comment: '民心' }), 'application/json'],
      [
        'multipart',
        '--b\r\nContent-Disposition: form-data; name="rating"\r\n\r\n4\r\n--b--\r\n',
        'multipart/form-data; boundary=b',
      ],
      ['text/plain', 'rating=4', 'text/plain'],
    ];
    for (const [label, payload, type] of hand) await post(label, first, payload, type);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(itemIds.length > 0 ? itemIds : [1])),
        fc.record(
          {
            rating: fc.oneof(fc.constantFrom('1', '3', '5'), oddString(6)),
            comment: fc.oneof(oddString(200), fc.constant('')),
            website: fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: oddString(10) }),
          },
          { requiredKeys: ['rating'] },
        ),
        fc.boolean(),
        async (itemId, fields, genuine) => {
          const values: Record<string, string> = {
            ...fields,
            ...(genuine ? challenge(itemId) : { token: 'x', answer: '9' }),
          };
          await post(JSON.stringify(fields).slice(0, 80), itemId, new URLSearchParams(values).toString(), form);
        },
      ),
      params(ci),
    );
  }

  figures(): MemoryFigures {
    const status = [...this.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(', ');
    const name = `API bodies (${this.kind})`;
    console.log(`[fuzz] ${name} answers: ${status}`);
    console.log(
      `[fuzz] ${name}: ${this.refusals} refusals, ${this.checkedRefusals} checked for writes, ` +
        `${this.watch.fingerprints} table fingerprints taken`,
    );
    const netted = [...this.netted].map(([key, n]) => `${key} ×${n}`).join(', ');
    console.log(`[fuzz] ${name}: refused by the database, not by the route's schema: ${netted || 'none'}`);
    this.clock.print(name);
    return this.memory.stop(name);
  }
}

type Method = InjectOptions['method'];
const FULL = Boolean(process.env.FUZZ_RUNS);
const label = (caller: Caller, method: string, url: string, what: string) =>
  `${caller.role} ${method} ${url.slice(0, 80)} [${what.slice(0, 80)}]`;

function suite(kind: 'pglite' | 'postgresql', randomRuns: number, costly: boolean): void {
  const run = new Run(kind);
  beforeAll(async () => {
    announce(`API bodies (${kind})`);
    await run.start();
  });
  afterAll(async () => {
    await run.fuzz?.close();
  });

  it('sees a write when there is one (the check of "no state change" can fail)', async () => {
    await run.watch.before();
    await run.fuzz.database.db.execute(sql`update units set name = name || '·' where id = (select min(id) from units)`);
    expect(await run.watch.changed()).toEqual(['units']);
    await run.fuzz.database.db.execute(
      sql`update units set name = left(name, length(name) - 1) where id = (select min(id) from units)`,
    );
    await run.watch.before();
  });

  it('refuses hand-made hostile payloads on every write route, clearly, without writing', async () => {
    await run.handMade(costly);
    expect(run.failures, run.failures.slice(0, 30).join('\n')).toEqual([]);
  });

  it('refuses random bodies, of the wrong shape and of the right shape with odd values', async () => {
    await run.random(randomRuns);
    expect(run.failures, run.failures.slice(0, 30).join('\n')).toEqual([]);
  });

  it("refuses odd residents' feedback forms without a 5xx and without writing", async () => {
    await run.publicForm(randomRuns * 5);
    expect(run.failures, run.failures.slice(0, 30).join('\n')).toEqual([]);
  });

  it('answered every request within a second, in bounded memory', () => {
    const figures = run.figures();
    // No body, however shaped, reached Object.prototype.
    const polluted = Object.keys(Object.prototype).concat(Object.keys(Array.prototype));
    expect(polluted, 'prototype pollution').toEqual([]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(run.clock.slow.map((s) => `${s.label}: ${s.ms.toFixed(0)} ms`)).toEqual([]);
    // Bounds (docs/reliability.md, hostile input): the heap holds caches and the RSS the database's pages;
    // a leak of what requests carry (megabytes each) passes them within a few hundred requests.
    expect(figures.heapMb).toBeLessThan(HEAP_BOUND_MB);
    expect(figures.peakRssMb).toBeLessThan(PEAK_RSS_BOUND_MB);
  });
}

const HEAP_BOUND_MB = 50;
const PEAK_RSS_BOUND_MB = 800;

describe('API bodies under hostile input (PGlite)', () => {
  suite('pglite', 12, true);
});

const pgUrl = postgresServerUrl();
if (!pgUrl) console.warn('[fuzz] TEST_DATABASE_URL is not set: the PostgreSQL half of the API-body fuzz is skipped.');
describe.skipIf(!pgUrl)('API bodies under hostile input (PostgreSQL)', () => {
  suite('postgresql', 4, false);
});
