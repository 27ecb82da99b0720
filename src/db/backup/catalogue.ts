import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/**
 * What the backup needs to know of a database, read from PostgreSQL's own
 * catalogue rather than a list in code, so a table added by a later migration
 * is backed up and restored without anyone remembering to.
 */

/** Rows of a query on either driver (node-postgres and PGlite both answer `{ rows }`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A double-quoted SQL identifier. */
export const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * Text forms that do not depend on the session: timestamps in UTC and ISO,
 * bytea in hex, floats at shortest exact precision. Set for the backup's and
 * the restore's transaction alike.
 */
export async function useStableTextForms(db: Db): Promise<void> {
  for (const setting of [
    "set local timezone = 'UTC'",
    "set local datestyle = 'ISO, YMD'",
    "set local intervalstyle = 'postgres'",
    "set local bytea_output = 'hex'",
    'set local extra_float_digits = 1',
  ])
    await db.execute(sql.raw(setting));
}

export interface ColumnInfo {
  name: string;
  /** As PostgreSQL writes it: `timestamp with time zone`, `numeric(12,2)`, an enum's name. */
  type: string;
}

export interface TableInfo {
  name: string;
  /** Stored columns in their order; generated columns are left out (the database computes them). */
  columns: ColumnInfo[];
  primaryKey: string[];
}

/** Every ordinary table of the `public` schema, by name. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table: string; name: string; type: string }>(
    db,
    sql`select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const keys = await rowsOf<{ table: string; name: string }>(
    db,
    sql`select c.relname as "table", a.attname as name
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where n.nspname = 'public' and i.indisprimary
        order by c.relname, k.position`,
  );
  const tables = new Map<string, TableInfo>();
  for (const column of columns) {
    const table = tables.get(column.table) ?? { name: column.table, columns: [], primaryKey: [] };
    table.columns.push({ name: column.name, type: column.type });
    tables.set(column.table, table);
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.name);
  return [...tables.values()];
}

export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  /** `FOREIGN KEY (parent_id) REFERENCES items(id) ON DELETE CASCADE`, to add it back. */
  definition: string;
}

export function listForeignKeys(db: Db): Promise<ForeignKey[]> {
  return rowsOf<ForeignKey>(
    db,
    sql`select con.conname as name, c.relname as "table", f.relname as "references",
               pg_get_constraintdef(con.oid) as definition
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_class f on f.oid = con.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where con.contype = 'f' and n.nspname = 'public'
        order by c.relname, con.conname`,
  );
}

/**
 * Parents before children (alphabetical among equals, so the order is stable).
 * A table referring to itself, or tables in a cycle, cannot all come after
 * their parents: the restore lifts those constraints for the load.
 */
export function dependencyOrder(tables: string[], keys: Pick<ForeignKey, 'table' | 'references'>[]): string[] {
  const remaining = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const key of keys)
    if (key.table !== key.references && remaining.has(key.references)) parents.get(key.table)?.add(key.references);
  const order: string[] = [];
  while (remaining.size > 0) {
    const sorted = [...remaining].sort();
    const next = sorted.find((t) => [...(parents.get(t) ?? [])].every((p) => !remaining.has(p))) ?? sorted[0];
    if (next === undefined) break;
    order.push(next);
    remaining.delete(next);
  }
  return order;
}

export async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await rowsOf<{ n: string | number }>(db, sql.raw(`select count(*) as n from ${quote(table)}`));
  return Number(row?.n ?? 0);
}

export interface SequenceInfo {
  name: string;
  /** The column it numbers, when it belongs to one (serial, identity). */
  table: string | null;
  column: string | null;
}

export function listSequences(db: Db): Promise<SequenceInfo[]> {
  return rowsOf<SequenceInfo>(
    db,
    sql`select s.relname as name, t.relname as "table", a.attname as "column"
        from pg_class s
        join pg_namespace n on n.oid = s.relnamespace
        left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass
          and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        left join pg_class t on t.oid = d.refobjid
        left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
        where s.relkind = 'S' and n.nspname = 'public'
        order by s.relname`,
  );
}

/** The last value a sequence handed out, as a decimal string, or null when it never did. */
export async function sequenceValue(db: Db, name: string): Promise<string | null> {
  const [row] = await rowsOf<{ value: string; called: boolean }>(
    db,
    sql.raw(`select last_value::text as value, is_called as called from ${quote(name)}`),
  );
  return row?.called ? row.value : null;
}

/** User triggers that fire on INSERT (none in Minxin's schema today: the append-only ones guard UPDATE and DELETE). */
export function insertTriggers(db: Db): Promise<{ table: string; name: string }[]> {
  return rowsOf(
    db,
    sql`select c.relname as "table", t.tgname as name
        from pg_trigger t
        join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and not t.tgisinternal and (t.tgtype & 4) <> 0
        order by c.relname, t.tgname`,
  );
}

/** Whether anything of Minxin's was ever created here: a table in `public` or the migrations' bookkeeping. */
export async function hasSchema(db: Db): Promise<boolean> {
  const [row] = await rowsOf<{ any: boolean }>(
    db,
    sql`select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                       where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'S', 'p'))
            or exists (select 1 from pg_namespace where nspname = 'drizzle') as any`,
  );
  return Boolean(row?.any);
}

/**
 * Drops everything in `public` that is not part of an extension — tables
 * (the audit trail with its triggers included: DROP is not a DELETE), views,
 * sequences, types, functions — and the migrations' bookkeeping, in one
 * transaction. Only for a restore told to overwrite.
 */
export async function dropEverything(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const objects = await rowsOf<{ kind: string; name: string }>(
      tx as unknown as Db,
      sql`select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                   else 'table' end as kind, quote_ident(c.relname) as name
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
            and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
          union all
          select 'type', quote_ident(t.typname)
          from pg_type t join pg_namespace n on n.oid = t.typnamespace
          where n.nspname = 'public' and t.typtype in ('e', 'd', 'r', 'm')
            and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')
          union all
          select 'routine', p.oid::regprocedure::text
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and p.prokind in ('f', 'p')
            and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')`,
    );
    const order = ['view', 'materialized view', 'table', 'sequence', 'type', 'routine'];
    for (const kind of order) {
      const names = objects.filter((o) => o.kind === kind).map((o) => o.name);
      if (names.length > 0) await tx.execute(sql.raw(`drop ${kind} if exists ${names.join(', ')} cascade`));
    }
    await tx.execute(sql.raw('drop schema if exists drizzle cascade'));
  });
}
