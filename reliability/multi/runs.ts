/**
 * The reminder runs of several server processes, read from their debug log
 * (pino JSON lines: 'reminder run started' / 'reminder run finished' with the
 * lease's holder and fence, 'reminder lease held by another process'), and
 * the overlaps between them.
 */

export interface Run {
  process: string;
  holder: string;
  fence: number;
  start: number;
  /** Undefined while running, or when the process was killed during the run. */
  end?: number;
}

export interface ProcessRuns {
  runs: Run[];
  /** Ticks that found the lease taken by the other process. */
  busy: number;
}

interface LogLine {
  time?: number;
  msg?: string;
  holder?: string;
  fence?: number;
}

function logLines(output: string): LogLine[] {
  const lines: LogLine[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      lines.push(JSON.parse(line) as LogLine);
    } catch {
      // A line cut by the kill, or not pino's.
    }
  }
  return lines;
}

/** The runs one process logged; a run still open at `diedAt` ends there. */
export function runsOf(process: string, output: string, diedAt?: number): ProcessRuns {
  const runs: Run[] = [];
  let busy = 0;
  for (const line of logLines(output)) {
    if (line.msg === 'reminder lease held by another process') busy++;
    if (line.msg === 'reminder run started' && line.time !== undefined)
      runs.push({ process, holder: line.holder ?? '', fence: line.fence ?? -1, start: line.time });
    if (line.msg === 'reminder run finished' && line.time !== undefined) {
      const open = runs.findLast((r) => r.holder === line.holder && r.end === undefined);
      if (open) open.end = line.time;
    }
  }
  if (diedAt !== undefined) for (const run of runs) run.end ??= diedAt;
  return { runs, busy };
}

/** Pairs of runs of different processes whose spans meet (an open run lasts until `now`). */
export function overlaps(runs: readonly Run[], now = Date.now()): [Run, Run][] {
  const found: [Run, Run][] = [];
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Run;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as Run;
      if (b.start > (a.end ?? now)) break;
      if (a.process !== b.process) found.push([a, b]);
    }
  }
  return found;
}

/** Fences must never go down in time order: each take-over bumps it. */
export function fenceRegressions(runs: readonly Run[]): number {
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  let regressions = 0;
  for (let i = 1; i < sorted.length; i++) if ((sorted[i] as Run).fence < (sorted[i - 1] as Run).fence) regressions++;
  return regressions;
}
