/**
 * How long the server's connections wait, and on what, sampled from
 * pg_stat_activity every few milliseconds during the run. Every audited write
 * bumps the one `change_clock` row (src/db/change-clock.ts), so concurrent
 * writers queue on its row lock until the holder commits; those waits show as
 * wait_event_type 'Lock' (transactionid or tuple) on the UPDATE of change_clock.
 */
import pg from 'pg';

export interface WaitFigures {
  samples: number;
  intervalMs: number;
  /** Mean number of the server's connections running a statement. */
  meanActive: number;
  /** Mean number idle inside an open transaction (the server is working between statements). */
  meanIdleInTransaction: number;
  /** Mean number waiting for the change_clock row. */
  meanClockWaiters: number;
  maxClockWaiters: number;
  /** Share of samples with at least one connection waiting for the change_clock row. */
  clockContendedShare: number;
  /** Connection-seconds spent waiting for the change_clock row (waiters × interval, summed). */
  clockWaitSeconds: number;
  /** Connection-seconds waiting on any other lock. */
  otherLockWaitSeconds: number;
  /** Every wait event seen on an active connection, with its share of the active samples. */
  waitEvents: { event: string; share: number }[];
  /** Transactions committed in the database during the sampling (pg_stat_database). */
  commits: number;
}

interface Row {
  active: number;
  idle_in_tx: number;
  clock_waiters: number;
  other_lock_waiters: number;
  events: Record<string, number> | null;
}

const SAMPLE = `
  select count(*) filter (where state = 'active')::int as active,
         count(*) filter (where state = 'idle in transaction')::int as idle_in_tx,
         count(*) filter (where wait_event_type = 'Lock' and query ilike '%change_clock%')::int as clock_waiters,
         count(*) filter (where wait_event_type = 'Lock' and query not ilike '%change_clock%')::int as other_lock_waiters,
         (select json_object_agg(event, n) from (
            select coalesce(wait_event_type || ':' || wait_event, 'CPU') as event, count(*)::int as n
            from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
              and backend_type = 'client backend'
            group by 1) e) as events
  from pg_stat_activity
  where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`;

const COMMITS = 'select xact_commit::bigint as n from pg_stat_database where datname = current_database()';

export async function startWaitSampler(
  databaseUrl: string,
  intervalMs = 50,
): Promise<{ stop(): Promise<WaitFigures> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const commitsAt = async () => Number((await client.query<{ n: string }>(COMMITS)).rows[0]?.n ?? 0);
  const firstCommits = await commitsAt();
  const rows: Row[] = [];
  const startedAt = performance.now();
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      rows.push((await client.query<Row>(SAMPLE)).rows[0] as Row);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (performance.now() - started))));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      // The real interval: a sample may take longer than the one asked for.
      const interval = (performance.now() - startedAt) / Math.max(1, rows.length);
      // pg_stat_database is updated by the backends when they go idle: give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const commits = (await commitsAt()) - firstCommits;
      await client.end();
      const n = Math.max(1, rows.length);
      const sum = (pick: (row: Row) => number) => rows.reduce((total, row) => total + pick(row), 0);
      const events = new Map<string, number>();
      for (const row of rows)
        for (const [event, count] of Object.entries(row.events ?? {}))
          events.set(event, (events.get(event) ?? 0) + count);
      const activeSamples = Math.max(
        1,
        sum((row) => row.active),
      );
      return {
        samples: rows.length,
        intervalMs: interval,
        meanActive: sum((row) => row.active) / n,
        meanIdleInTransaction: sum((row) => row.idle_in_tx) / n,
        meanClockWaiters: sum((row) => row.clock_waiters) / n,
        maxClockWaiters: rows.reduce((max, row) => Math.max(max, row.clock_waiters), 0),
        clockContendedShare: rows.filter((row) => row.clock_waiters > 0).length / n,
        clockWaitSeconds: (sum((row) => row.clock_waiters) * interval) / 1000,
        otherLockWaitSeconds: (sum((row) => row.other_lock_waiters) * interval) / 1000,
        waitEvents: [...events]
          .map(([event, count]) => ({ event, share: count / activeSamples }))
          .sort((a, b) => b.share - a.share),
        commits,
      };
    },
  };
}
