/**
 * Stop one of two processes while it is taking writes, and check through the
 * other that every write it acknowledged is there, unchanged, and that the
 * other answered every request meanwhile.
 */
import { type ServerProcess, signInApi } from '../lib.js';
import { inspectionsThrough, startReader, startWriter } from './traffic.js';

/** The demo programme and an item of it (the supervisor of 明湖区 may record inspections of any). */
const PROGRAMME_ID = 1;
const ITEM_ID = 3;
/** Writes for at least this long, and until a few are acknowledged (a loaded machine may answer none in 1.5 s), at most the cap. */
const WRITE_MS = 1_500;
const MIN_ACKED = 5;
const WRITE_CAP_MS = 20_000;

export interface StopResult {
  acked: number;
  lost: number;
  lostExamples: unknown[];
  changed: number;
  changedExamples: unknown[];
  /** Rows the stopped process committed without its answer arriving (allowed: no one was told they were saved). */
  unacked: number;
  readerOk: number;
  readerErrors: number;
  readerErrorExamples: string[];
  p50: number;
  p99: number;
  stopMs: number;
  exitCode: number | null;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((x, y) => x - y);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
};

export async function stopAProcess(options: {
  victim: ServerProcess;
  survivor: ServerProcess;
  signal: 'SIGTERM' | 'SIGKILL';
}): Promise<StopResult> {
  const { victim, survivor, signal } = options;
  // Signed in on the victim; the session lives in the database, so the survivor accepts it too.
  const session = await signInApi(victim.url, 'supervisor');
  const before = await inspectionsThrough(survivor.url, session, PROGRAMME_ID);
  const label = `${signal}-${victim.port}`;
  const writer = startWriter({ url: victim.url, session, itemId: ITEM_ID, label, concurrency: 4 });
  const reader = startReader(survivor.url, session, PROGRAMME_ID, 'supervisor');
  await new Promise((resolve) => setTimeout(resolve, WRITE_MS));
  const capped = Date.now() + WRITE_CAP_MS - WRITE_MS;
  while (writer.acked.length < MIN_ACKED && Date.now() < capped)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const stopping = Date.now();
  if (signal === 'SIGKILL') await victim.kill();
  else await victim.stop();
  const stopMs = Date.now() - stopping;
  // The writers meet the closed port; the reader goes on a moment on the survivor alone.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await writer.stop();
  await reader.stop();

  const after = await inspectionsThrough(survivor.url, session, PROGRAMME_ID);
  const lost = writer.acked.filter((w) => !after.has(w.id));
  const changed = writer.acked.filter((w) => {
    const row = after.get(w.id);
    return row && (row.inspectors !== w.inspectors || row.findings !== w.findings || row.date !== w.date);
  });
  const acked = new Set(writer.acked.map((w) => w.id));
  const unacked = [...after.values()].filter(
    (row) => !before.has(row.id) && !acked.has(row.id) && row.inspectors.startsWith(`${label}-`),
  ).length;
  return {
    acked: writer.acked.length,
    lost: lost.length,
    lostExamples: lost.slice(0, 3),
    changed: changed.length,
    changedExamples: changed.slice(0, 3).map((w) => ({ acked: w, seen: after.get(w.id) })),
    unacked,
    readerOk: reader.ok,
    readerErrors: reader.errors.length,
    readerErrorExamples: reader.errors.slice(0, 5),
    p50: percentile(reader.latencies, 50),
    p99: percentile(reader.latencies, 99),
    stopMs,
    exitCode: victim.child.exitCode,
  };
}
