/**
 * Cold start of the built server on the embedded database: milliseconds from
 * spawning `node bin/minxin.js serve` until /api/v1/health answers, for a
 * first start (creates the PGlite folder, migrates, loads the demo) and for
 * restarts on the same folder; and, as the baseline in the same run, a bare
 * Fastify hello server started with `node -e`. `npm start` on the existing
 * folder is timed once as well (npm's own start-up included).
 *
 *   node --import tsx bench/cold-start.ts [--restarts 3] [--build]
 */
import {
  ensureBuild,
  fmt,
  freePort,
  machineLine,
  median,
  numberFlag,
  removeDir,
  type Started,
  startBareFastify,
  startChild,
  startMinxin,
  tempDir,
} from './lib.js';

async function timed(start: () => Promise<Started>): Promise<number> {
  const started = await start();
  await started.stop();
  return started.readyMs;
}

const restarts = numberFlag('restarts', 3);
ensureBuild();
const dataDir = tempDir('cold');
try {
  console.log('cold start: spawn → first 200 from /api/v1/health');
  console.log(`  ${machineLine()}`);
  // Alternate baseline and server so that a busy machine weighs on both alike.
  const bare: number[] = [await timed(async () => startBareFastify(await freePort()))];
  const first = await timed(async () => startMinxin(await freePort(), `${dataDir}/data`));
  const again: number[] = [];
  for (let i = 0; i < restarts; i++) {
    bare.push(await timed(async () => startBareFastify(await freePort())));
    again.push(await timed(async () => startMinxin(await freePort(), `${dataDir}/data`)));
  }
  const npmStart = await timed(async () =>
    startChild('npm', ['start', '--silent'], {
      port: await freePort(),
      healthPath: '/api/v1/health',
      env: { MINXIN_DATA_DIR: `${dataDir}/data`, MINXIN_LOG_LEVEL: 'warn' },
    }),
  );
  const bareMs = median(bare);
  const restartMs = median(again);
  const row = (label: string, ms: number) =>
    console.log(`  ${label.padEnd(48)} ${fmt(ms).padStart(6)} ms   ${fmt(ms / bareMs, 1).padStart(5)} × bare`);
  row('bare Fastify (node -e), median', bareMs);
  row('minxin serve, first start (create+migrate+demo)', first);
  row(`minxin serve, restart, median of ${restarts}`, restartMs);
  row('npm start, restart', npmStart);
  console.log(
    `  each run: bare ${bare.map((v) => fmt(v)).join(', ')} ms; restarts ${again.map((v) => fmt(v)).join(', ')} ms`,
  );
  console.log(`  first start / restart: ${fmt(first / restartMs, 1)} ×`);
} finally {
  removeDir(dataDir);
}
