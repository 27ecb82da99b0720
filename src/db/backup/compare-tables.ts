import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { listTables, quote, rowsOf, useStableTextForms } from './catalogue.js';

/**
 * Every table of a database as comparable text, for proving that a restore
 * gave back what was backed up: the list of tables comes from the catalogue,
 * every column is compared in its text form, and bytea columns by SHA-256.
 */

export interface TableSnapshot {
  columns: string[];
  /** One JSON string per row, in primary-key order. */
  rows: string[];
  /** Bytes held in the table's bytea columns (the evidence files). */
  binaryBytes: number;
}

export type DatabaseSnapshot = Map<string, TableSnapshot>;

export async function snapshotTables(db: Db): Promise<DatabaseSnapshot> {
  return db.transaction(
    async (tx) => {
      const t = tx as unknown as Db;
      await useStableTextForms(t);
      const snapshot: DatabaseSnapshot = new Map();
      for (const table of await listTables(t)) {
        const select = table.columns
          .map((c, i) =>
            c.type === 'bytea'
              ? `encode(sha256(${quote(c.name)}), 'hex') || ':' || octet_length(${quote(c.name)}) as c${i}`
              : `${quote(c.name)}::text as c${i}`,
          )
          .join(', ');
        const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name);
        const rows = await rowsOf<Record<string, string | null>>(
          t,
          sql.raw(`select ${select} from ${quote(table.name)} order by ${key.map(quote).join(', ')}`),
        );
        let binaryBytes = 0;
        const lines = rows.map((row) => {
          const values = table.columns.map((_, i) => row[`c${i}`] ?? null);
          table.columns.forEach((c, i) => {
            if (c.type === 'bytea') binaryBytes += Number((values[i] ?? ':0').split(':')[1]);
          });
          return JSON.stringify(values);
        });
        snapshot.set(table.name, { columns: table.columns.map((c) => c.name), rows: lines, binaryBytes });
      }
      return snapshot;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

const clip = (text: string | undefined) => (text && text.length > 300 ? `${text.slice(0, 300)}…` : (text ?? '—'));

/** The differences between two snapshots in words; empty when they are identical. */
export function diffSnapshots(source: DatabaseSnapshot, target: DatabaseSnapshot): string[] {
  const differences: string[] = [];
  for (const name of new Set([...source.keys(), ...target.keys()])) {
    const a = source.get(name);
    const b = target.get(name);
    if (!a || !b) {
      differences.push(`${name}: only in the ${a ? 'source' : 'target'}`);
      continue;
    }
    if (a.columns.join() !== b.columns.join()) {
      differences.push(`${name}: columns ${a.columns.join(',')} ≠ ${b.columns.join(',')}`);
      continue;
    }
    if (a.rows.length !== b.rows.length) differences.push(`${name}: ${a.rows.length} rows ≠ ${b.rows.length} rows`);
    const index = a.rows.findIndex((row, i) => row !== b.rows[i]);
    if (index >= 0) differences.push(`${name} row ${index}: ${clip(a.rows[index])} ≠ ${clip(b.rows[index])}`);
  }
  return differences;
}
