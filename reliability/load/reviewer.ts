/**
 * The office's side of the load run: one reviewer approving the oldest
 * submitted report every --approve-ms (default 1,000 ms). Each approval is a
 * change the public can see, so it ticks the public change stamp and the
 * readers keep meeting page rebuilds (sign-ins, drafts and submissions do
 * not: src/core/publish/public-changes.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiSession } from '../lib.js';

export interface ReviewerFigures {
  approved: number;
  /** Approvals answered with anything but 200, by status, and failures to reach the server. */
  failures: string[];
  latencies: number[];
}

export interface ReviewerOptions {
  url: string;
  session: ApiSession;
  programmeId: number;
  /** Aborted when the reporters are done: the reviewer works as long as they do (their last answers may come after the run's end). */
  signal: AbortSignal;
  intervalMs: number;
  requestTimeoutMs: number;
}

interface Page {
  items: { id: number; version: number }[];
}

export async function runReviewer(options: ReviewerOptions): Promise<ReviewerFigures> {
  const figures: ReviewerFigures = { approved: 0, failures: [], latencies: [] };
  const { url, session } = options;
  const { signal } = options;
  while (!signal.aborted) {
    await sleep(options.intervalMs, undefined, { signal }).catch(() => {});
    if (signal.aborted) break;
    try {
      const listed = await fetch(`${url}/api/v1/programmes/${options.programmeId}/reports?state=submitted&limit=1`, {
        headers: session.headers,
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
      if (!listed.ok) {
        figures.failures.push(`listing submitted reports → ${listed.status}`);
        continue;
      }
      const report = ((await listed.json()) as Page).items[0];
      if (!report) continue;
      const started = performance.now();
      const approved = await fetch(`${url}/api/v1/reports/${report.id}/approve`, {
        method: 'POST',
        headers: session.headers,
        body: JSON.stringify({ version: report.version }),
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
      figures.latencies.push(performance.now() - started);
      await approved.arrayBuffer();
      if (approved.status === 200) figures.approved++;
      else figures.failures.push(`approving report ${report.id} → ${approved.status}`);
    } catch (error) {
      figures.failures.push(`reviewer: ${(error as Error).message}`);
    }
  }
  return figures;
}
