import { describe, expect, it } from 'vitest';
import { descendantsOf, guessJurisdictionLevel } from './jurisdictions.js';

describe('jurisdictions', () => {
  it('guesses the level from the name', () => {
    expect(guessJurisdictionLevel('天津市')).toBe('city');
    expect(guessJurisdictionLevel('西青区')).toBe('district');
    expect(guessJurisdictionLevel('蓟州县')).toBe('district');
    expect(guessJurisdictionLevel('杨柳青镇')).toBe('town');
    expect(guessJurisdictionLevel('小站街道')).toBe('town');
  });

  it('finds everything under a jurisdiction and survives a cycle', () => {
    const all = [
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
      { id: 3, parentId: 2 },
      { id: 4, parentId: null },
      { id: 5, parentId: 6 },
      { id: 6, parentId: 5 },
    ];
    expect(descendantsOf(1, all).sort()).toEqual([1, 2, 3]);
    expect(descendantsOf(5, all).sort()).toEqual([5, 6]);
  });
});
