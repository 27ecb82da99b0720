import { describe, expect, it } from 'vitest';
import { StampedCache } from './stamped-cache.js';

describe('StampedCache', () => {
  it('serves an entry only at the stamp it was made at', () => {
    const cache = new StampedCache<string>(10);
    cache.set('a', 1, 'one');
    expect(cache.get('a', 1)).toBe('one');
    expect(cache.get('a', 2)).toBeUndefined();
    // A stale entry is gone, not revived when the stamp comes back.
    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('stays within its bound, dropping the oldest entry', () => {
    const cache = new StampedCache<number>(2);
    cache.set('a', 1, 1);
    cache.set('b', 1, 2);
    cache.set('c', 1, 3);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([undefined, 2, 3]);
  });
});
