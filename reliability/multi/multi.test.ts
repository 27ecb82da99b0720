/**
 * Issue 6 item 2: several app processes, one PostgreSQL. Two server processes
 * (the build, on different ports) share one database: sessions cross over,
 * a report submitted through one is approved through the other, the reminder
 * scheduler runs in one process at a time (a lease renewed while a run lasts)
 * and is taken over after its holder is killed, and stopping either process
 * (SIGTERM, SIGKILL) loses no acknowledged write while the other keeps serving.
 * PostgreSQL only: without TEST_DATABASE_URL the suite is skipped, saying so.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiSession,
  createPostgresDatabase,
  ensureBuilt,
  postgresServerUrl,
  type ServerProcess,
  signInApi,
  startServer,
} from '../lib.js';
import { compareMail, inboxFigures } from './delivered.js';
import { fenceRegressions, overlaps, type Run, runsOf } from './runs.js';
import { type SmtpStandIn, startSmtpStandIn } from './smtp-stand-in.js';
import { stopAProcess } from './stop-a-process.js';

const serverUrl = postgresServerUrl();
if (!serverUrl)
  console.warn(
    '[multi] SKIPPED: TEST_DATABASE_URL is not set, and several processes need one PostgreSQL database. ' +
      'Run: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:multi',
  );

/** A Monday: reminders are planned on working days only (SUITE_TODAY is a Sunday). */
const TODAY = '2026-11-23';
const LEASE_SECONDS = 3;
const INTERVAL_SECONDS = 1;
const USERS = ['admin', 'supervisor', 'reporter', 'leader', 'viewer'] as const;

interface Named {
  name: string;
  server: ServerProcess;
  diedAt?: number;
}

const figures: string[] = [];
const figure = (line: string) => {
  figures.push(line);
  console.log(`[multi] ${line}`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

async function api<T>(url: string, path: string, session: ApiSession, method = 'GET', body?: unknown) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: method === 'GET' ? { cookie: session.cookie } : session.headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, text };
}

describe.skipIf(!serverUrl)('two server processes on one PostgreSQL database', () => {
  let database: { url: string; drop(): Promise<void> };
  let sql: pg.Client;
  let smtp: SmtpStandIn;
  const started: Named[] = [];
  /** The two processes serving now. */
  const live: Named[] = [];

  const env = (smtpUrl: string) => ({
    MINXIN_TODAY: TODAY,
    MINXIN_LOG_LEVEL: 'debug',
    MINXIN_REMINDER_INTERVAL: String(INTERVAL_SECONDS),
    MINXIN_LEASE_SECONDS: String(LEASE_SECONDS),
    MINXIN_SMTP_URL: smtpUrl,
    MINXIN_LOGIN_RATE_PER_MINUTE: '1000',
    DB_POOL_SIZE: '5',
  });
  const launch = async (): Promise<Named> => {
    const name = 'ABCDEFGH'[started.length] ?? `P${started.length}`;
    const named = { name, server: await startServer({ databaseUrl: database.url, env: env(smtp.url) }) };
    started.push(named);
    live.push(named);
    return named;
  };
  const gone = (named: Named) => {
    named.diedAt = Date.now();
    live.splice(live.indexOf(named), 1);
  };
  const allRuns = (): Run[] => started.flatMap((p) => runsOf(p.name, p.server.output(), p.diedAt).runs);

  beforeAll(async () => {
    await ensureBuilt();
    database = await createPostgresDatabase();
    sql = new pg.Client({ connectionString: database.url });
    smtp = await startSmtpStandIn();
    // The first seeds the demo programme; the second starts once it is up.
    await launch();
    await sql.connect();
    await launch();
  });

  afterAll(async () => {
    for (const named of live) await named.server.stop();
    // MULTI_LOG_DIR=/tmp/x keeps each process's log (pino JSON lines) for a look at its runs.
    const logDir = process.env.MULTI_LOG_DIR;
    if (logDir) for (const named of started) writeFileSync(join(logDir, `${named.name}.log`), named.server.output());
    await sql?.end().catch(() => undefined);
    await smtp?.close();
    await database?.drop();
    if (figures.length > 0) console.log(`\n[multi] figures\n${figures.map((f) => `  ${f}`).join('\n')}\n`);
  });

  it('starts two processes at once on an empty database: one migrates, the other waits its turn', async () => {
    const empty = await createPostgresDatabase();
    const both: ServerProcess[] = [];
    try {
      const began = Date.now();
      const results = await Promise.allSettled(
        [1, 2].map(() =>
          startServer({ databaseUrl: empty.url, env: { MINXIN_DEMO: 'off', MINXIN_REMINDER_INTERVAL: '0' } }),
        ),
      );
      for (const result of results) if (result.status === 'fulfilled') both.push(result.value);
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
      expect(failures, failures.join('\n')).toEqual([]);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      const applied = await client.query<{ n: string; distinct: string }>(
        'select count(*) as n, count(distinct hash) as distinct from drizzle.__drizzle_migrations',
      );
      await client.end();
      const row = applied.rows[0];
      expect(Number(row?.n)).toBeGreaterThan(0);
      expect(row?.n).toBe(row?.distinct);
      for (const server of both) expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
      figure(
        `concurrent start: 2 processes on an empty database up in ${Date.now() - began} ms, ${row?.n} migrations applied once each`,
      );
    } finally {
      for (const server of both) await server.stop();
      await empty.drop();
    }
  });

  it('accepts a session made on one process on the other, and ends it there on sign-out', async () => {
    const [a, b] = live as [Named, Named];
    let checked = 0;
    for (const [origin, other] of [
      [a, b],
      [b, a],
    ] as const)
      for (const username of USERS) {
        const session = await signInApi(origin.server.url, username);
        const seen = await api<{ user: { username: string } }>(other.server.url, '/session', session);
        expect(seen.status, seen.text).toBe(200);
        expect(seen.body.user.username).toBe(username);
        const out = await fetch(`${origin.server.url}/api/v1/session`, {
          method: 'DELETE',
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        });
        expect(out.status).toBe(204);
        const after = await api(other.server.url, '/session', session);
        expect(after.status, `${username}'s session still open on ${other.name} after sign-out on ${origin.name}`).toBe(
          401,
        );
        checked++;
      }
    figure(`sessions: ${checked} made on one process, accepted by the other, ended there by a sign-out (0 left open)`);
  });

  it('has a report submitted through one process approved through the other, both seeing the end state', async () => {
    const [a, b] = live as [Named, Named];
    const reporter = await signInApi(a.server.url, 'reporter');
    const supervisor = await signInApi(a.server.url, 'supervisor');
    type Work = { items: { itemId: number; programmeId: number; periods: { period: string; report: unknown }[] }[] };
    const work = await api<Work>(a.server.url, '/me/work', reporter);
    const item = work.body.items.find((i) => i.periods.filter((p) => p.report === null).length >= 4);
    if (!item) throw new Error(`the demo reporter has no item with 4 periods unreported: ${work.text.slice(0, 500)}`);
    const periods = item.periods.filter((p) => p.report === null).slice(0, 4);
    type Report = { id: number; state: string; version: number; progress: string; reviewedAt: string | null };
    for (const [n, { period }] of periods.entries()) {
      const progress = `多进程报送第${n + 1}份：${period} 已完成校舍维修 ${n + 3} 所。`;
      const created = await api<Report>(a.server.url, `/items/${item.itemId}/reports`, reporter, 'POST', {
        period,
        progress,
      });
      expect(created.status, created.text).toBe(201);
      const submitted = await api<Report>(a.server.url, `/reports/${created.body.id}/submit`, reporter, 'POST', {
        version: created.body.version,
      });
      expect(submitted.status, submitted.text).toBe(200);
      expect(submitted.body.state).toBe('submitted');
      const queue = await api<{ items: Report[] }>(
        b.server.url,
        `/programmes/${item.programmeId}/reports?state=submitted&limit=200`,
        supervisor,
      );
      expect(queue.body.items.map((r) => r.id)).toContain(created.body.id);
      const approved = await api<Report>(b.server.url, `/reports/${created.body.id}/approve`, supervisor, 'POST', {
        version: submitted.body.version,
      });
      expect(approved.status, approved.text).toBe(200);
      // The same approval again through the first process is stale there too.
      const stale = await api(a.server.url, `/reports/${created.body.id}/approve`, supervisor, 'POST', {
        version: submitted.body.version,
      });
      expect(stale.status).toBe(409);
      for (const [who, url, session] of [
        ['reporter on A', a.server.url, reporter],
        ['supervisor on B', b.server.url, supervisor],
      ] as const) {
        const seen = await api<Report>(url, `/reports/${created.body.id}`, session);
        expect(seen.status, who).toBe(200);
        expect(seen.body, who).toMatchObject({ state: 'approved', version: approved.body.version, progress });
        expect(seen.body.reviewedAt, who).not.toBeNull();
      }
    }
    figure(
      `reports: ${periods.length} created and submitted through ${a.name}, approved through ${b.name}, approved for both (stale approvals: 409)`,
    );
  });

  it('runs the reminders in one process at a time, a run longer than the lease included, and sends nothing twice', async () => {
    const [a] = live as [Named, Named];
    const admin = await signInApi(a.server.url, 'admin');
    const supervisor = await signInApi(a.server.url, 'supervisor');
    // E-mail goes out at any hour here: no quiet hours on the plan.
    const plan = await api<{ version: number }>(a.server.url, '/programmes/1/reporting-plan', supervisor);
    const quiet = await api(a.server.url, '/programmes/1/reporting-plan', supervisor, 'PUT', {
      version: plan.body.version,
      quietStart: '00:00',
      quietEnd: '00:00',
    });
    expect(quiet.status, quiet.text).toBe(200);
    const users = await api<{ items: { id: number; username: string; version: number }[] }>(
      a.server.url,
      '/users',
      admin,
    );
    for (const user of users.body.items) {
      const set = await api(a.server.url, `/users/${user.id}`, admin, 'PATCH', {
        version: user.version,
        email: `${user.username}@minghu.example.gov.cn`,
      });
      expect(set.status, set.text).toBe(200);
    }
    // The relay stalls 3.5 s on the run's first e-mails (under the 5 s per attempt): the run outlasts its 3 s lease.
    smtp.pace({ kind: 'stall', ms: LEASE_SECONDS * 1000 + 500 });
    const channel = await api(a.server.url, '/channels', admin, 'POST', { kind: 'email', name: '区政府邮件' });
    expect(channel.status, channel.text).toBe(201);
    const counts = async () =>
      (
        await sql.query<{ total: number; sent: number }>(
          `select count(*)::int as total, count(*) filter (where state = 'sent')::int as sent from deliveries where channel = 'email'`,
        )
      ).rows[0] ?? { total: 0, sent: 0 };
    await until(
      'every e-mail delivery sent',
      async () => {
        const c = await counts();
        return c.total > 0 && c.sent === c.total ? c : undefined;
      },
      120_000,
    );
    smtp.pace({ kind: 'pass' });
    await sleep(3 * INTERVAL_SECONDS * 1000);

    const runs = allRuns();
    const longest = Math.max(...runs.map((r) => (r.end ?? Date.now()) - r.start));
    const found = overlaps(runs);
    expect(found, JSON.stringify(found)).toEqual([]);
    expect(fenceRegressions(runs)).toBe(0);
    expect(longest, 'no run lasted longer than the lease: the renewal was not exercised').toBeGreaterThan(
      LEASE_SECONDS * 1000,
    );
    const busy = live.map((p) => runsOf(p.name, p.server.output()).busy);
    expect(Math.min(...busy), 'a process never found the lease taken: no contention').toBeGreaterThan(0);
    const mail = await compareMail(sql, smtp);
    expect(mail).toMatchObject({ duplicates: 0, missing: 0 });
    const inbox = await inboxFigures(sql);
    expect(inbox.duplicates).toBe(0);
    expect(inbox.total).toBeGreaterThan(0);
    figure(
      `scheduler: runs ${live.map((p) => `${p.name} ${runsOf(p.name, p.server.output()).runs.length}`).join(', ')}; ` +
        `ticks that found the lease taken ${live.map((p, i) => `${p.name} ${busy[i]}`).join(', ')}; ` +
        `longest run ${longest} ms (lease ${LEASE_SECONDS * 1000} ms, renewed every ${(LEASE_SECONDS * 1000) / 3} ms); overlaps ${found.length}`,
    );
    figure(
      `reminders: ${mail.accepted} e-mails accepted by the SMTP stand-in for ${mail.sent} sent deliveries, duplicates ${mail.duplicates}, missing ${mail.missing}; inbox ${inbox.total} messages, duplicates ${inbox.duplicates}`,
    );
  });

  it('lets the other process take the reminders over within the lease once the holder is killed mid-run', async () => {
    const admin = await signInApi((live[0] as Named).server.url, 'admin');
    smtp.pace({ kind: 'hold' });
    // A second e-mail channel queues a second copy of every e-mail: the next run is caught sending it.
    const channel = await api((live[0] as Named).server.url, '/channels', admin, 'POST', {
      kind: 'email',
      name: '区督查室邮件',
    });
    expect(channel.status, channel.text).toBe(201);
    await until('a run holding e-mails', () => (smtp.held() > 0 ? true : undefined), 30_000);
    const holder = await until(
      'the log line of the run holding them',
      () => live.find((p) => runsOf(p.name, p.server.output()).runs.some((r) => r.end === undefined)),
      2_000,
    );
    const open = runsOf(holder.name, holder.server.output()).runs.find((r) => r.end === undefined) as Run;
    const killedAt = Date.now();
    await holder.server.kill();
    gone(holder);
    smtp.drop();
    smtp.pace({ kind: 'pass' });
    const survivor = live[0] as Named;
    const takeover = await until(
      'the survivor to take the lease',
      () => runsOf(survivor.name, survivor.server.output()).runs.find((r) => r.start > killedAt),
      (LEASE_SECONDS + INTERVAL_SECONDS) * 1000 + 10_000,
    );
    const took = takeover.start - killedAt;
    expect(took, 'taken over later than lease + interval').toBeLessThanOrEqual(
      (LEASE_SECONDS + INTERVAL_SECONDS) * 1000 + 1_500,
    );
    expect(took, 'taken over while the killed holder’s lease was still valid').toBeGreaterThanOrEqual(
      (LEASE_SECONDS * 1000 * 2) / 3 - 500,
    );
    expect(takeover.fence).toBe(open.fence + 1);
    await until(
      'a finished run of the survivor',
      () => runsOf(survivor.name, survivor.server.output()).runs.find((r) => r.start >= takeover.start && r.end),
      30_000,
    );
    // The killed process's claimed deliveries wait for their claim to lapse (2 min, DELIVERY_HOLD_MS); none went out twice.
    const held = await sql.query<{ n: number }>(
      `select count(*)::int as n from deliveries where state = 'pending' and next_attempt_at > now()`,
    );
    const runs = allRuns();
    expect(overlaps(runs)).toEqual([]);
    expect(fenceRegressions(runs)).toBe(0);
    const mail = await compareMail(sql, smtp);
    expect(mail).toMatchObject({ duplicates: 0, missing: 0 });
    figure(
      `take-over: ${holder.name} killed (SIGKILL) mid-run holding fence ${open.fence}; ${survivor.name} ran with fence ${takeover.fence} after ${took} ms (lease ${LEASE_SECONDS * 1000} ms + interval ${INTERVAL_SECONDS * 1000} ms); ${held.rows[0]?.n ?? 0} claimed deliveries wait for their claim to lapse; ${mail.accepted} e-mails accepted for ${mail.sent} sent deliveries, duplicates ${mail.duplicates}, missing ${mail.missing}; overlaps 0`,
    );
    await launch();
  });

  for (const signal of ['SIGTERM', 'SIGKILL'] as const)
    it(`loses no acknowledged write when a process is stopped with ${signal}, and the other keeps serving`, async () => {
      // SIGTERM stops the newest process, SIGKILL the oldest: each of the two kinds of stop hits a different one.
      const victim = (signal === 'SIGTERM' ? live[1] : live[0]) as Named;
      const survivor = live.find((p) => p !== victim) as Named;
      const result = await stopAProcess({ victim: victim.server, survivor: survivor.server, signal }).finally(() =>
        gone(victim),
      );
      expect(result.acked, 'nothing was acknowledged before the stop').toBeGreaterThan(0);
      expect(result.lost, JSON.stringify(result.lostExamples)).toBe(0);
      expect(result.changed, JSON.stringify(result.changedExamples)).toBe(0);
      expect(result.readerErrors, result.readerErrorExamples.join('\n')).toBe(0);
      if (signal === 'SIGTERM') expect(result.exitCode).toBe(0);
      figure(
        `${signal} ${victim.name}: ${result.acked} writes acknowledged by ${victim.name}, all ${result.acked} visible through ${survivor.name} (lost 0, changed 0), ` +
          `${result.unacked} committed without an answer; ${survivor.name} served ${result.readerOk} requests meanwhile with ${result.readerErrors} errors ` +
          `(p50 ${result.p50} ms, p99 ${result.p99} ms); the stop took ${result.stopMs} ms`,
      );
      // Two processes again for the next stop.
      if (signal === 'SIGTERM') await launch();
    });

  it('never ran the reminders in two processes at once over the whole suite', () => {
    const runs = allRuns();
    const found = overlaps(runs);
    expect(found, JSON.stringify(found)).toEqual([]);
    expect(fenceRegressions(runs)).toBe(0);
    const per = started.map((p) => {
      const { runs: own, busy } = runsOf(p.name, p.server.output(), p.diedAt);
      return `${p.name} ${own.length} runs/${busy} refused`;
    });
    figure(
      `scheduler over the suite: ${per.join(', ')}; ${runs.length} runs, overlaps ${found.length}, fence regressions 0`,
    );
  });
});
