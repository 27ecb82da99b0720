/** Starts the readers' process (readers-child.ts) and collects its figures. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../lib.js';
import type { ReadersInput, ReadersOutput } from './readers-child.js';

export interface Readers {
  child: ChildProcess;
  /** Resolves once every connection has had an answer, with the milliseconds that took (part of the readers' duration). */
  ready: Promise<number>;
  done: Promise<ReadersOutput>;
  /** End the readers now (their figures follow on `done`). */
  stop(): void;
}

export function startReaders(input: ReadersInput): Readers {
  const script = fileURLToPath(new URL('./readers-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, LOAD_READERS: JSON.stringify(input) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: (ms: number) => void = () => {};
  const ready = new Promise<number>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const match = /^ready (\d+)\n/.exec(out);
    if (match) markReady(Number(match[1]));
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const done = new Promise<ReadersOutput>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      markReady(0);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`the readers' process ended (${code ?? signal}) without figures:\n${err.slice(-2000)}`));
        return;
      }
      resolve(JSON.parse(line) as ReadersOutput);
    });
  });
  const stop = () => {
    if (child.exitCode === null && child.stdin?.writable) child.stdin.write('stop\n');
  };
  return { child, ready, done, stop };
}
