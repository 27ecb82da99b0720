/** Percentiles, the printed lines and the thresholds of the load run. */
import type { WaitFigures } from './pg-waits.js';
import type { ReadersOutput } from './readers-child.js';
import type { ReporterFigures } from './reporters.js';

/**
 * What a run must reach, set with margin over runs on the project's 2-core
 * machine (docs/reliability.md): a regression fails it, a busy neighbour should not.
 * Errors of any kind always fail it.
 */
export const THRESHOLDS = {
  /** 99th percentile of the readers' answers. */
  readerP99Ms: 2_000,
  /** 99th percentile of the reporters' writes (create or submit). */
  reporterP99Ms: 5_000,
  /** Readers served, per second, at least. */
  readerMinPerSecond: 300,
  /** Reports submitted per second, at least (with the default think time). */
  reporterMinSubmitsPerSecond: 5,
};

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
  reporters: ReporterFigures,
  readers: ReadersOutput | undefined,
  options: { thinkMs: number; defaultThinkMs: number },
): string[] {
  const problems: string[] = [];
  const non2xx = [...reporters.non2xx.values()].reduce((a, b) => a + b, 0);
  if (non2xx + reporters.socketErrors + reporters.wrongBodies > 0)
    problems.push(
      `reporters: ${non2xx} non-2xx, ${reporters.socketErrors} socket errors, ${reporters.wrongBodies} wrong bodies`,
    );
  const reporterP99 = percentile(reporters.latencies, 0.99);
  if (!(reporterP99 <= THRESHOLDS.reporterP99Ms))
    problems.push(`reporters: p99 ${Math.round(reporterP99)} ms > ${THRESHOLDS.reporterP99Ms} ms`);
  const submitRate = rate(reporters.submitted, reporters.elapsedMs / 1000);
  // A longer think time asks for fewer submissions: the floor holds for the default or faster.
  if (options.thinkMs <= options.defaultThinkMs && submitRate < THRESHOLDS.reporterMinSubmitsPerSecond)
    problems.push(`reporters: ${submitRate.toFixed(1)} submissions/s < ${THRESHOLDS.reporterMinSubmitsPerSecond}/s`);
  if (readers) problems.push(...readerShortfalls(readers));
  return problems;
}

function readerShortfalls(readers: ReadersOutput): string[] {
  const problems: string[] = [];
  if (readers.non2xx + readers.errors + readers.mismatches > 0)
    problems.push(
      `readers: ${readers.non2xx} non-2xx, ${readers.errors} socket errors, ${readers.mismatches} wrong bodies`,
    );
  if (!(readers.p99 <= THRESHOLDS.readerP99Ms))
    problems.push(`readers: p99 ${readers.p99} ms > ${THRESHOLDS.readerP99Ms} ms`);
  const readerRate = rate(readers.requests, readers.durationSeconds);
  if (readerRate < THRESHOLDS.readerMinPerSecond)
    problems.push(`readers: ${readerRate.toFixed(0)} req/s < ${THRESHOLDS.readerMinPerSecond} req/s`);
  return problems;
}
