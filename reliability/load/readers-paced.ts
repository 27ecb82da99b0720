/**
 * Paced readers: each connection asks for its next page at random moments,
 * `rate` times a second on average (exponential gaps, as independent readers
 * arrive), over its own keep-alive connection. A request's latency counts from
 * the moment it was due, so a server that falls behind is charged for the wait
 * as well (no coordinated omission). autocannon's own pacing starts every
 * connection's second at the same instant, a burst of all of them at once that
 * no crowd of readers makes.
 */
import http from 'node:http';
import type { ReaderHooks, ReadersInput, ReadersOutput } from './readers-child.js';

interface Answer {
  status: number;
  body: string;
  bytes: number;
}

function get(agent: http.Agent, url: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, body: body.toString(), bytes: body.length });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number);

export async function pacedReaders(input: ReadersInput, hooks: ReaderHooks): Promise<ReadersOutput> {
  const started = performance.now();
  const deadline = started + input.seconds * 1_000;
  const meanGapMs = 1_000 / input.rate;
  const agents = Array.from({ length: input.connections }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const counts = { requests: 0, non2xx: 0, errors: 0, timeouts: 0, mismatches: 0, bytes: 0 };
  let stopped = false;
  let wake: () => void = () => {};
  const stopping = new Promise<void>((resolve) => {
    wake = resolve;
  });
  hooks.onStop(() => {
    stopped = true;
    wake();
  });

  const read = async (agent: http.Agent, path: string, due: number) => {
    try {
      const answer = await get(agent, `${input.url}${path}`, 10_000);
      counts.requests++;
      counts.bytes += answer.bytes;
      latencies.push(performance.now() - due);
      statusCodes[answer.status] = (statusCodes[answer.status] ?? 0) + 1;
      if (answer.status < 200 || answer.status >= 300) counts.non2xx++;
      else if (!answer.body.includes(input.marker)) counts.mismatches++;
    } catch (error) {
      counts.errors++;
      // Nothing else aborts a request here: an abort is the 10 s timeout.
      if ((error as Error).name === 'AbortError') counts.timeouts++;
    }
  };

  // Every connection opened with one answered request before the pacing starts.
  await Promise.all(
    agents.map((agent, c) => read(agent, input.paths[c % input.paths.length] as string, performance.now())),
  );
  hooks.ready(performance.now() - started);

  await Promise.all(
    agents.map(async (agent, c) => {
      let next = c + 1;
      let due = performance.now() + Math.random() * meanGapMs;
      while (!stopped && due < deadline && counts.requests < input.maxRequests) {
        const wait = due - performance.now();
        if (wait > 0) await Promise.race([new Promise((resolve) => setTimeout(resolve, wait)), stopping]);
        if (stopped) break;
        await read(agent, input.paths[next++ % input.paths.length] as string, due);
        due += -Math.log(1 - Math.random()) * meanGapMs;
      }
    }),
  );
  for (const agent of agents) agent.destroy();

  const sorted = latencies.sort((a, b) => a - b);
  return {
    ...counts,
    durationSeconds: (performance.now() - started) / 1_000,
    p50: Math.round(quantile(sorted, 0.5)),
    p97_5: Math.round(quantile(sorted, 0.975)),
    p99: Math.round(quantile(sorted, 0.99)),
    max: Math.round(sorted.at(-1) ?? 0),
    mean: sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length,
    statusCodes,
    cpuSeconds: 0,
  };
}
