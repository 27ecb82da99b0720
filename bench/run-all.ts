/**
 * Every benchmark in turn, each in its own process so that one's memory and
 * JIT state do not colour the next. Flags (--check, --build, …) are passed on.
 *
 *   npm run bench [-- --check]
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib.js';

const BENCHMARKS = [
  'bench/tree.ts',
  'bench/cold-start.ts',
  'bench/idle-rss.ts',
  'bench/import.ts',
  'bench/status.ts',
  'bench/report-card.ts',
  'bench/lighthouse.ts',
];
const passOn = process.argv.slice(2);
let failures = 0;
for (const [index, file] of BENCHMARKS.entries()) {
  if (index > 0) console.log('');
  // Build once, before the first benchmark that needs it, not once per benchmark.
  const args = file === 'bench/cold-start.ts' ? passOn : passOn.filter((a) => a !== '--build');
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    failures++;
    console.error(`${file} failed (exit ${result.status ?? result.signal})`);
  }
}
process.exitCode = failures > 0 ? 1 : 0;
