/** Flat-out readers: autocannon keeps every connection busy, each asking again as soon as it is answered. */
import { createRequire } from 'node:module';
import type { ReaderHooks, ReadersInput, ReadersOutput } from './readers-child.js';

interface Histogram {
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  average: number;
  total: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface Instance {
  on(event: 'response', listener: (client: object) => void): void;
  stop(): void;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => Instance;

// autocannon ships no types: name the little of it used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export function flatOutReaders(input: ReadersInput, hooks: ReaderHooks): Promise<ReadersOutput> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: input.url,
        connections: input.connections,
        duration: input.seconds,
        maxOverallRequests: input.maxRequests,
        timeout: 10,
        requests: input.paths.map((path) => ({ method: 'GET', path })),
        verifyBody: (body: string) => body.includes(input.marker),
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const statusCodes: Record<string, number> = {};
        for (const [code, stats] of Object.entries(result.statusCodeStats)) statusCodes[code] = stats.count;
        resolve({
          requests: result.requests.total,
          durationSeconds: result.duration,
          p50: result.latency.p50,
          p97_5: result.latency.p97_5,
          p99: result.latency.p99,
          max: result.latency.max,
          mean: result.latency.average,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          mismatches: result.mismatches,
          statusCodes,
          bytes: result.throughput.total,
          cpuSeconds: 0,
        });
      },
    );
    // Ready once every connection has had an answer.
    const answered = new Set<object>();
    instance.on('response', (client) => {
      if (answered.size >= input.connections) return;
      answered.add(client);
      if (answered.size === input.connections) hooks.ready(performance.now() - started);
    });
    hooks.onStop(() => instance.stop());
  });
}
