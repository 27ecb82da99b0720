/**
 * Traffic for the stop-a-process checks: writers that record on-site
 * inspections through one process and keep what was acknowledged, and a
 * reader that keeps asking the other process and counts what failed.
 */
import type { ApiSession } from '../lib.js';

export interface AckedWrite {
  id: number;
  inspectors: string;
  findings: string;
  date: string;
}

export interface Writer {
  acked: AckedWrite[];
  /** Requests that got no 2xx (refused connections once the process is gone, cut responses). */
  failed: number;
  /** Stop writing and wait for the requests in flight. */
  stop(): Promise<void>;
}

/** `concurrency` loops, each recording inspections of `itemId` through `url` until stopped. */
export function startWriter(options: {
  url: string;
  session: ApiSession;
  itemId: number;
  label: string;
  concurrency: number;
}): Writer {
  const acked: AckedWrite[] = [];
  let failed = 0;
  let stopped = false;
  let n = 0;
  const loop = async () => {
    while (!stopped) {
      n++;
      const body = {
        date: '2026-11-20',
        inspectors: `${options.label}-${n}`,
        findings: `多进程写入 ${options.label} 第${n}条：现场核实，进度与报告一致。`,
      };
      try {
        const response = await fetch(`${options.url}/api/v1/items/${options.itemId}/inspections`, {
          method: 'POST',
          headers: options.session.headers,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        if (response.status === 201) {
          const created = (await response.json()) as { id: number };
          acked.push({ id: created.id, ...body });
        } else {
          failed++;
          await response.arrayBuffer().catch(() => undefined);
        }
      } catch {
        failed++;
        // The process is gone: do not spin on refused connections.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const loops = Array.from({ length: options.concurrency }, loop);
  return {
    acked,
    get failed() {
      return failed;
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export interface Reader {
  ok: number;
  errors: string[];
  /** Latency of each answered request, ms. */
  latencies: number[];
  stop(): Promise<void>;
}

/** One loop asking `url` for the signed-in user and for the programme's latest inspections, checking the answers. */
export function startReader(url: string, session: ApiSession, programmeId: number, username: string): Reader {
  const reader: Reader = { ok: 0, errors: [], latencies: [], stop: async () => undefined };
  let stopped = false;
  const paths = [`/api/v1/session`, `/api/v1/programmes/${programmeId}/inspections?limit=5`];
  const loop = async () => {
    for (let i = 0; !stopped; i++) {
      const path = paths[i % paths.length] as string;
      const started = performance.now();
      try {
        const response = await fetch(`${url}${path}`, {
          headers: { cookie: session.cookie },
          signal: AbortSignal.timeout(5_000),
        });
        const body = (await response.json()) as { user?: { username: string }; items?: unknown[] };
        const right = path.endsWith('/session') ? body.user?.username === username : Array.isArray(body.items);
        if (response.status === 200 && right) {
          reader.ok++;
          reader.latencies.push(performance.now() - started);
        } else reader.errors.push(`${path}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
      } catch (error) {
        reader.errors.push(`${path}: ${(error as Error).message}`);
      }
    }
  };
  const running = loop();
  reader.stop = async () => {
    stopped = true;
    await running;
  };
  return reader;
}

/** Every inspection of a programme as one process sees it, by id. */
export async function inspectionsThrough(
  url: string,
  session: ApiSession,
  programmeId: number,
): Promise<Map<number, AckedWrite>> {
  const found = new Map<number, AckedWrite>();
  for (let offset = 0; ; offset += 200) {
    const response = await fetch(`${url}/api/v1/programmes/${programmeId}/inspections?limit=200&offset=${offset}`, {
      headers: { cookie: session.cookie },
    });
    if (response.status !== 200) throw new Error(`inspections: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { items: AckedWrite[]; total: number };
    for (const row of page.items)
      found.set(row.id, { id: row.id, inspectors: row.inspectors, findings: row.findings, date: row.date });
    if (offset + 200 >= page.total) return found;
  }
}
