/** Percentiles, the printed lines and the thresholds of the load run. */
import type { WaitFigures } from './pg-waits.js';
import type { ReadersOutput } from './readers-child.js';
import type { ReporterFigures } from './reporters.js';
import type { ReviewerFigures } from './reviewer.js';

/**
 * What a run must reach. The latency bounds are about three times the p99
 * of the default load on the project's 2-core machine shared with other work
 * (docs/reliability.md): a regression such as the ones this suite found
 * (20–30 s writes, readers timing out) fails it; a busy neighbour should not.
 * Errors of any kind always fail it.
 */
export const THRESHOLDS = {
  /** 99th percentile of the readers' answers, ms. */
  readerP99Ms: { PGlite: 5_000, PostgreSQL: 5_000 },
  /** 99th percentile of the reporters' writes (create or submit), ms. */
  reporterP99Ms: { PGlite: 15_000, PostgreSQL: 10_000 },
  /** Paced readers: answers a second, at least this share of the pace asked for. */
  readerMinShare: 0.9,
  /** Flat-out readers: answers a second, at least. */
  readerMinPerSecond: 300,
  /**
   * Reports submitted per second, at least this share of what the reporters
   * would submit if every answer were instant (one report per two pauses each).
   */
  reporterMinSubmitShare: 0.5,
};

export type DatabaseKind = keyof typeof THRESHOLDS.readerP99Ms;

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const ms = (value: number) => `${Number.isFinite(value) ? Math.round(value) : '–'} ms`;
const rate = (count: number, seconds: number) => (seconds > 0 ? count / seconds : 0);

export function reporterLines(figures: ReporterFigures, reporterCount: number, thinkMs: number): string[] {
  const seconds = figures.elapsedMs / 1000;
  const non2xx = [...figures.non2xx.values()].reduce((a, b) => a + b, 0);
  const byStatus = [...figures.non2xx].map(([status, n]) => `${status}×${n}`).join(', ');
  return [
    `reporters: ${reporterCount} accounts, ${thinkMs > 0 ? `think time ${thinkMs} ms (uniform ±50%)` : 'flat out (no think time)'}`,
    `  requests ${figures.requests} in ${seconds.toFixed(1)} s = ${rate(figures.requests, seconds).toFixed(1)} req/s; ` +
      `reports created ${figures.created}, submitted ${figures.submitted} (${rate(figures.submitted, seconds).toFixed(1)}/s)`,
    `  latency p50 ${ms(percentile(figures.latencies, 0.5))}, p99 ${ms(percentile(figures.latencies, 0.99))}, ` +
      `max ${ms(figures.latencies.reduce((a, b) => Math.max(a, b), 0))} ` +
      `(create p50 ${ms(percentile(figures.createLatencies, 0.5))} p99 ${ms(percentile(figures.createLatencies, 0.99))}; ` +
      `submit p50 ${ms(percentile(figures.submitLatencies, 0.5))} p99 ${ms(percentile(figures.submitLatencies, 0.99))})`,
    `  errors: non-2xx ${non2xx}${byStatus ? ` (${byStatus})` : ''}, socket ${figures.socketErrors}, wrong body ${figures.wrongBodies}; ` +
      `reporters that used all their slots ${figures.exhausted}`,
    ...figures.failures.map((f) => `  ! ${f}`),
  ];
}

export function readerLines(out: ReadersOutput, connections: number, paths: number, pace: number): string[] {
  const paced = pace > 0 ? `${pace} request/s each (${pace * connections} req/s offered)` : 'flat out';
  return [
    `readers: ${connections} connections, ${paced}, cycling through ${paths} public addresses`,
    `  requests ${out.requests} in ${out.durationSeconds.toFixed(1)} s = ${rate(out.requests, out.durationSeconds).toFixed(0)} req/s ` +
      `(${(out.bytes / 1024 / 1024).toFixed(0)} MB)`,
    `  latency p50 ${ms(out.p50)}, p97.5 ${ms(out.p97_5)}, p99 ${ms(out.p99)}, max ${ms(out.max)}`,
    `  errors: non-2xx ${out.non2xx}, socket ${out.errors} (of which timeouts ${out.timeouts}), wrong body ${out.mismatches}; ` +
      `status codes ${JSON.stringify(out.statusCodes)}`,
  ];
}

export function reviewerLine(figures: ReviewerFigures, intervalMs: number): string {
  return (
    `reviewer: one approval every ${intervalMs} ms (each ticks the public stamp): approved ${figures.approved}, ` +
    `latency p50 ${ms(percentile(figures.latencies, 0.5))}, p99 ${ms(percentile(figures.latencies, 0.99))}; failures ${figures.failures.length}`
  );
}

export function waitLines(waits: WaitFigures, figures: ReporterFigures): string[] {
  const seconds = figures.elapsedMs / 1000;
  // Request-seconds the writers spent in the server (their latencies summed): the whole they waited within.
  const writeSeconds = figures.latencies.reduce((a, b) => a + b, 0) / 1000;
  const top = waits.waitEvents
    .slice(0, 6)
    .map((w) => `${w.event} ${(w.share * 100).toFixed(0)}%`)
    .join(', ');
  return [
    `change_clock (PostgreSQL, ${waits.samples} samples of pg_stat_activity, one every ${waits.intervalMs.toFixed(0)} ms):`,
    `  commits ${waits.commits} (${rate(waits.commits, seconds).toFixed(1)}/s); connections active ${waits.meanActive.toFixed(2)} on average, ` +
      `idle in transaction ${waits.meanIdleInTransaction.toFixed(2)}`,
    `  waiting for the change_clock row: ${waits.meanClockWaiters.toFixed(2)} connections on average (max ${waits.maxClockWaiters}), ` +
      `in ${(waits.clockContendedShare * 100).toFixed(1)}% of samples; ${waits.clockWaitSeconds.toFixed(1)} connection-s in all, ` +
      `${writeSeconds > 0 ? ((waits.clockWaitSeconds / writeSeconds) * 100).toFixed(1) : '–'}% of the writers' ${writeSeconds.toFixed(1)} request-s`,
    `  other lock waits ${waits.otherLockWaitSeconds.toFixed(1)} connection-s; active connections by wait event: ${top || 'none'}`,
  ];
}

/** The reasons a run fails; empty when it passes. */
export function shortfalls(
  kind: DatabaseKind,
  reporters: ReporterFigures,
  readers: ReadersOutput | undefined,
  options: { thinkMs: number; reporterCount: number; readerConnections: number; readerRate: number },
): string[] {
  const problems: string[] = [];
  const non2xx = [...reporters.non2xx.values()].reduce((a, b) => a + b, 0);
  if (non2xx + reporters.socketErrors + reporters.wrongBodies > 0)
    problems.push(
      `reporters: ${non2xx} non-2xx, ${reporters.socketErrors} socket errors, ${reporters.wrongBodies} wrong bodies`,
    );
  const reporterP99 = percentile(reporters.latencies, 0.99);
  const reporterBound = THRESHOLDS.reporterP99Ms[kind];
  if (!(reporterP99 <= reporterBound))
    problems.push(`reporters: p99 ${Math.round(reporterP99)} ms > ${reporterBound} ms`);
  const submitRate = rate(reporters.submitted, reporters.elapsedMs / 1000);
  // Flat out has no pace to compare with: there it must merely have submitted.
  const floor =
    options.thinkMs > 0
      ? (THRESHOLDS.reporterMinSubmitShare * options.reporterCount) / ((2 * options.thinkMs) / 1000)
      : Number.MIN_VALUE;
  if (submitRate < floor) problems.push(`reporters: ${submitRate.toFixed(2)} submissions/s < ${floor.toFixed(2)}/s`);
  if (readers) problems.push(...readerShortfalls(kind, readers, options));
  return problems;
}

function readerShortfalls(
  kind: DatabaseKind,
  readers: ReadersOutput,
  options: { readerConnections: number; readerRate: number },
): string[] {
  const problems: string[] = [];
  if (readers.non2xx + readers.errors + readers.mismatches > 0)
    problems.push(
      `readers: ${readers.non2xx} non-2xx, ${readers.errors} socket errors, ${readers.mismatches} wrong bodies`,
    );
  const bound = THRESHOLDS.readerP99Ms[kind];
  if (!(readers.p99 <= bound)) problems.push(`readers: p99 ${readers.p99} ms > ${bound} ms`);
  const served = rate(readers.requests, readers.durationSeconds);
  const floor =
    options.readerRate > 0
      ? THRESHOLDS.readerMinShare * options.readerRate * options.readerConnections
      : THRESHOLDS.readerMinPerSecond;
  if (served < floor) problems.push(`readers: ${served.toFixed(0)} req/s < ${floor.toFixed(0)} req/s`);
  return problems;
}
