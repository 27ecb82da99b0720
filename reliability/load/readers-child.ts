/**
 * The public readers, in a process of their own so that the load generator
 * does not share an event loop with the reporters it is measured beside. N
 * connections cycle through the public addresses, either paced (each at
 * `rate` requests a second, at random moments: readers-paced.ts) or flat out
 * (autocannon: readers-flat.ts); an answer without the expected text counts
 * as a mismatch.
 * Input: LOAD_READERS (JSON). Output: "ready <ms since the start>" once every
 * connection has been answered, then one JSON line of figures at the end,
 * which comes when "stop" arrives on stdin or `seconds` have passed.
 */
import { flatOutReaders } from './readers-flat.js';
import { pacedReaders } from './readers-paced.js';

export interface ReadersInput {
  url: string;
  paths: string[];
  connections: number;
  seconds: number;
  /** Text every answer must contain. */
  marker: string;
  /** A cap on the number of requests, whatever the duration. */
  maxRequests: number;
  /** Requests a second on each connection (a reader's pace); 0: as fast as the server answers. */
  rate: number;
}

export interface ReadersOutput {
  requests: number;
  durationSeconds: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  mean: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  bytes: number;
  /** CPU seconds this process used. */
  cpuSeconds: number;
}

/** What a readers' runner tells its process, and hears from it. */
export interface ReaderHooks {
  /** Every connection is open and has had one answer (ms since the start). */
  ready(ms: number): void;
  /** Register what ends the run early. */
  onStop(stop: () => void): void;
}

const input = JSON.parse(process.env.LOAD_READERS ?? '') as ReadersInput;
const hooks: ReaderHooks = {
  ready: (ms) => process.stdout.write(`ready ${Math.round(ms)}\n`),
  onStop: (stop) => {
    // "stop" on stdin ends the run (the writers are done); the duration is only a cap.
    process.stdin.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('stop')) stop();
    });
  },
};
const output = input.rate > 0 ? await pacedReaders(input, hooks) : await flatOutReaders(input, hooks);
process.stdin.destroy();
const cpu = process.cpuUsage();
output.cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(`${JSON.stringify(output)}\n`);
