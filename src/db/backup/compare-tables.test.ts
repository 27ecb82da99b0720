import { describe, expect, it } from 'vitest';
import { type DatabaseSnapshot, diffSnapshots } from './compare-tables.js';

const snapshot = (tables: Record<string, string[]>): DatabaseSnapshot =>
  new Map(Object.entries(tables).map(([name, rows]) => [name, { columns: ['id', 'v'], rows, binaryBytes: 0 }]));

describe('comparing two databases', () => {
  const source = snapshot({ users: ['["1","a"]', '["2","b"]'], blobs: ['["x","ab12:3"]'] });

  it('finds nothing between identical snapshots', () => {
    expect(diffSnapshots(source, snapshot({ users: ['["1","a"]', '["2","b"]'], blobs: ['["x","ab12:3"]'] }))).toEqual(
      [],
    );
  });

  it('names a changed value, a lost row, a lost table and a changed file', () => {
    expect(diffSnapshots(source, snapshot({ users: ['["1","a"]', '["2","c"]'], blobs: ['["x","ab12:3"]'] }))).toEqual([
      'users row 1: ["2","b"] ≠ ["2","c"]',
    ]);
    expect(diffSnapshots(source, snapshot({ users: ['["1","a"]'], blobs: ['["x","ab12:3"]'] }))).toEqual([
      'users: 2 rows ≠ 1 rows',
      'users row 1: ["2","b"] ≠ —',
    ]);
    expect(diffSnapshots(source, snapshot({ users: ['["1","a"]', '["2","b"]'] }))).toEqual([
      'blobs: only in the source',
    ]);
    expect(diffSnapshots(source, snapshot({ users: ['["1","a"]', '["2","b"]'], blobs: ['["x","ff00:3"]'] }))).toEqual([
      'blobs row 0: ["x","ab12:3"] ≠ ["x","ff00:3"]',
    ]);
  });
});
