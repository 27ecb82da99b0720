/**
 * The reporters' side of the load: each reporter, with its own session and
 * CSRF token, creates a draft (with an Idempotency-Key) for the next of its
 * (item, period) slots, pauses, submits it, pauses, and so on until the clock
 * runs out or its slots do. A draft created before the end is always
 * submitted, so at the end every acknowledged draft should be a submitted report.
 *
 * Each reporter keeps one keep-alive connection, as a browser does, opened
 * before the clock starts: a server whose event loop is busy accepts about one
 * new connection per turn of the loop, so connections opened under load would
 * measure the accept queue rather than the writes (docs/reliability.md).
 */
import http from 'node:http';
import type { Reporter, Slot } from './prepare.js';

export interface ReporterFigures {
  /** Write requests answered (creates and submits). */
  requests: number;
  created: number;
  submitted: number;
  /** Latency of every write request, ms. */
  latencies: number[];
  createLatencies: number[];
  submitLatencies: number[];
  /** Answers other than the expected 2xx, by status. */
  non2xx: Map<number, number>;
  /** No answer at all: refused, reset, or past the request timeout. */
  socketErrors: number;
  /** 2xx answers whose body was not the report asked for. */
  wrongBodies: number;
  /** The first few failures in words. */
  failures: string[];
  /** Reporters that wrote all their slots before the end. */
  exhausted: number;
  /** Per reporter: the slot and key of its last created report (for the idempotency check after the run). */
  last: ({ slot: Slot; key: string; reportId: number } | undefined)[];
  /** Wall-clock milliseconds from the first request to the last answer. */
  elapsedMs: number;
}

interface ReportBody {
  id: number;
  state: string;
  period: string;
  unitId: number;
  itemId: number;
  version: number;
}

export interface ReporterOptions {
  url: string;
  /** One per reporter, from openConnections. */
  agents: readonly http.Agent[];
  /** performance.now() after which no new report is started. */
  until: number;
  /** Mean pause between a reporter's requests, ms (uniform in [0.5, 1.5] × it); 0 runs flat out. */
  thinkMs: number;
  /** Told apart from earlier runs on the same database. */
  runId: string;
  requestTimeoutMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  text: string;
}

/** One request over the reporter's own connection. */
function send(
  agent: http.Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method, agent, headers, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    if (body !== undefined) request.setHeader('content-length', Buffer.byteLength(body));
    request.end(body);
  });
}

/** A keep-alive connection per reporter, each opened (and answered once) before the run. */
export async function openConnections(url: string, count: number): Promise<http.Agent[]> {
  const agents = Array.from({ length: count }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  await Promise.all(
    agents.map(async (agent) => {
      const answer = await send(agent, `${url}/api/v1/health`, 'GET', {}, undefined, 60_000);
      if (answer.status !== 200) throw new Error(`GET /api/v1/health → ${answer.status}: ${answer.text.slice(0, 200)}`);
    }),
  );
  return agents;
}

export function keyOf(options: Pick<ReporterOptions, 'runId'>, reporter: Reporter, slot: Slot): string {
  return `${options.runId}-${reporter.username}-${slot.itemId}-${slot.period}`;
}

export function createBody(slot: Slot, n: number) {
  return {
    period: slot.period,
    progress: `负载测试：第${n}份报告，${slot.period}完成改造${n}户，施工队伍已进场，群众反映良好。`,
    percentComplete: Math.min(100, n),
    claimedStatus: 'in_progress',
    values: [{ indicatorId: slot.indicatorId, value: n }],
  };
}

export async function runReporters(reporters: readonly Reporter[], options: ReporterOptions): Promise<ReporterFigures> {
  const figures: ReporterFigures = {
    requests: 0,
    created: 0,
    submitted: 0,
    latencies: [],
    createLatencies: [],
    submitLatencies: [],
    non2xx: new Map(),
    socketErrors: 0,
    wrongBodies: 0,
    failures: [],
    exhausted: 0,
    last: reporters.map(() => undefined),
    elapsedMs: 0,
  };
  const fail = (message: string) => {
    if (figures.failures.length < 10) figures.failures.push(message);
  };

  /** One write; the parsed report when the answer is the expected status with the expected report. */
  const write = async (
    reporter: Reporter,
    agent: http.Agent,
    path: string,
    body: unknown,
    expected: number,
    check: (report: ReportBody) => boolean,
    headers: Record<string, string> = {},
  ): Promise<{ report: ReportBody; ms: number } | undefined> => {
    const started = performance.now();
    let response: Answer;
    try {
      response = await send(
        agent,
        `${options.url}${path}`,
        'POST',
        { ...reporter.session.headers, ...headers },
        JSON.stringify(body),
        options.requestTimeoutMs,
      );
    } catch (error) {
      figures.socketErrors++;
      fail(`${reporter.username} POST ${path}: ${(error as Error).message}`);
      return undefined;
    }
    const ms = performance.now() - started;
    figures.requests++;
    figures.latencies.push(ms);
    const { status, text } = response;
    if (status !== expected) {
      figures.non2xx.set(status, (figures.non2xx.get(status) ?? 0) + 1);
      fail(`${reporter.username} POST ${path} → ${status}: ${text.slice(0, 300)}`);
      return undefined;
    }
    const report = JSON.parse(text) as ReportBody;
    if (!check(report)) {
      figures.wrongBodies++;
      fail(`${reporter.username} POST ${path} → ${expected} with the wrong report: ${text.slice(0, 300)}`);
      return undefined;
    }
    return { report, ms };
  };

  const pause = async () => {
    if (options.thinkMs <= 0) return;
    const ms = options.thinkMs * (0.5 + Math.random());
    await sleep(Math.min(ms, Math.max(0, options.until - performance.now())));
  };

  const one = async (reporter: Reporter, index: number) => {
    const agent = options.agents[index] as http.Agent;
    // Spread the first requests over one pause, as people do not all click at once.
    if (options.thinkMs > 0)
      await sleep(Math.min(Math.random() * options.thinkMs, Math.max(0, options.until - performance.now())));
    let n = 0;
    for (const slot of reporter.slots) {
      if (performance.now() >= options.until) return;
      n++;
      const key = keyOf(options, reporter, slot);
      const created = await write(
        reporter,
        agent,
        `/api/v1/items/${slot.itemId}/reports`,
        createBody(slot, n),
        201,
        (r) =>
          r.state === 'draft' && r.period === slot.period && r.unitId === reporter.unitId && r.itemId === slot.itemId,
        { 'idempotency-key': key },
      );
      if (!created) return;
      figures.created++;
      figures.createLatencies.push(created.ms);
      figures.last[index] = { slot, key, reportId: created.report.id };
      await pause();
      const submitted = await write(
        reporter,
        agent,
        `/api/v1/reports/${created.report.id}/submit`,
        { version: created.report.version },
        200,
        (r) => r.state === 'submitted' && r.id === created.report.id,
      );
      if (!submitted) return;
      figures.submitted++;
      figures.submitLatencies.push(submitted.ms);
      await pause();
    }
    figures.exhausted++;
  };

  const started = performance.now();
  await Promise.all(reporters.map((reporter, index) => one(reporter, index)));
  figures.elapsedMs = performance.now() - started;
  return figures;
}
