import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { rows } from './fuzz-kit.js';

/**
 * Tells whether a request changed what the database holds. Cheap in the
 * common case: PostgreSQL (and PGlite) hand out a transaction id only to a
 * transaction that writes, so while the next id stays where it was, nothing
 * was written. When it moved, a fingerprint of every table (row count and a
 * hash of the rows) is compared with the one taken before.
 *
 * Sessions are left out (reading with a session refreshes its last-seen time
 * now and then) and so are leases (the reminder scheduler's heartbeat).
 */
const IGNORED = new Set(['sessions', 'leases']);

type Fingerprint = Map<string, string>;

export class StateWatch {
  private horizon = '';
  private print: Fingerprint | undefined;
  private tables: string[] = [];
  /** The horizon was read right after the last request, and nothing has run since. */
  private fresh = false;
  fingerprints = 0;

  constructor(private readonly database: Database) {}

  private async nextXid(): Promise<string> {
    const [row] = await rows<{ x: string }>(
      this.database,
      sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`,
    );
    return row?.x ?? '';
  }

  private async fingerprint(): Promise<Fingerprint> {
    if (this.tables.length === 0) {
      const found = await rows<{ name: string }>(
        this.database,
        sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
      );
      this.tables = found.map((t) => t.name).filter((name) => !IGNORED.has(name));
    }
    this.fingerprints++;
    const print: Fingerprint = new Map();
    for (const table of this.tables) {
      const [row] = await rows<{ n: string; h: string | null }>(
        this.database,
        sql.raw(
          `select count(*)::text as n, md5(string_agg(md5(t::text), '' order by md5(t::text))) as h from "${table}" t`,
        ),
      );
      print.set(table, `${row?.n}:${row?.h ?? ''}`);
    }
    return print;
  }

  /** After writing outside a request (test set-up): the next `before()` reads the database again. */
  reset(): void {
    this.fresh = false;
  }

  /** Call before a request: makes sure the fingerprint in hand is the database's now. */
  async before(): Promise<void> {
    if (this.fresh && this.print) {
      this.fresh = false;
      return;
    }
    const horizon = await this.nextXid();
    if (horizon === this.horizon && this.print) return;
    this.print = await this.fingerprint();
    this.horizon = await this.nextXid();
  }

  /** Call after a refused request: the tables whose content changed since `before()` (none, one hopes). */
  async changed(): Promise<string[]> {
    const horizon = await this.nextXid();
    this.fresh = true;
    if (horizon === this.horizon && this.print) return [];
    const now = await this.fingerprint();
    const changed = [...now].filter(([table, print]) => this.print?.get(table) !== print).map(([table]) => table);
    this.print = now;
    this.horizon = await this.nextXid();
    return changed;
  }
}
