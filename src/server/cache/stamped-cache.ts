/**
 * A bounded map whose entries are good only while the database's change stamp
 * is the one they were made at (src/db/change-clock.ts). Nothing is ever
 * served from it across a change.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: number; value: V }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, stamp: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.stamp !== stamp) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** The entry under `key` whatever its stamp, left in place (a page cache serves it while it rebuilds). */
  peek(key: string): { stamp: number; value: V } | undefined {
    return this.entries.get(key);
  }

  set(key: string, stamp: number, value: V): void {
    // Oldest first out: Map keeps insertion order.
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { stamp, value });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
