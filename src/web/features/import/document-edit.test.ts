import { describe, expect, it } from 'vitest';
import type { ProgrammeDocument } from '../../api/interchange.js';
import {
  itemAt,
  keepUnchanged,
  parsePath,
  pathOf,
  placeWarnings,
  removeItem,
  replaceItem,
  warningsAfterRemoval,
} from './document-edit.js';

const doc: ProgrammeDocument = {
  format: 'minxin.programme/v1',
  title: '青石镇2026年民心工程',
  jurisdiction: '青石镇',
  year: 2026,
  categories: [
    { ordinal: 1, title: '安居', items: [{ number: '1', name: 'A' }] },
    {
      ordinal: 2,
      title: '教育',
      items: [
        {
          number: '2',
          name: 'B',
          children: [
            { number: '(1)', name: 'B1' },
            { number: '(2)', name: 'B2' },
          ],
        },
        { number: '3', name: 'C' },
      ],
    },
  ],
};

describe('document paths', () => {
  it('reads and writes the paths warnings use', () => {
    expect(parsePath('categories[1].items[0].children[1]')).toEqual({ category: 1, items: [0, 1] });
    expect(parsePath('categories[0]')).toEqual({ category: 0, items: [] });
    expect(pathOf({ category: 1, items: [0, 1] })).toBe('categories[1].items[0].children[1]');
    for (const bad of [
      '',
      'items[0]',
      'categories[0].children[0]',
      'categories[x]',
      'categories[0].items[0].items[1]',
    ]) {
      expect(parsePath(bad)).toBeNull();
    }
    expect(itemAt(doc, { category: 1, items: [0, 1] })?.name).toBe('B2');
    expect(itemAt(doc, { category: 1, items: [5] })).toBeUndefined();
  });

  it('replaces and removes items without touching the original', () => {
    const renamed = replaceItem(doc, { category: 1, items: [0, 0] }, { number: '(1)', name: 'B1 改' });
    expect(itemAt(renamed, { category: 1, items: [0, 0] })?.name).toBe('B1 改');
    expect(itemAt(doc, { category: 1, items: [0, 0] })?.name).toBe('B1');
    expect(renamed.categories[0]).toBe(doc.categories[0]);

    const removed = removeItem(doc, { category: 1, items: [0] });
    expect(removed.categories[1]?.items.map((i) => i.name)).toEqual(['C']);
    expect(doc.categories[1]?.items).toHaveLength(2);
  });

  it('moves warnings up with the rows after a removed one, and drops those about it', () => {
    const warnings = [
      { where: 'a', message: 'about B', path: 'categories[1].items[0]' },
      { where: 'b', message: 'about B2', path: 'categories[1].items[0].children[1]' },
      { where: 'c', message: 'about C', path: 'categories[1].items[1]' },
      { where: 'd', message: 'about A', path: 'categories[0].items[0]' },
      { where: 'e', message: 'no path' },
    ];
    expect(warningsAfterRemoval(warnings, { category: 1, items: [0] }).map((w) => [w.message, w.path])).toEqual([
      ['about C', 'categories[1].items[0]'],
      ['about A', 'categories[0].items[0]'],
      ['no path', undefined],
    ]);
    expect(warningsAfterRemoval(warnings, { category: 1, items: [0, 0] }).map((w) => w.path)).toEqual([
      'categories[1].items[0]',
      'categories[1].items[0].children[0]',
      'categories[1].items[1]',
      'categories[0].items[0]',
      undefined,
    ]);
  });

  it('places warnings beside existing rows, the rest in the general list', () => {
    const { byPath, general } = placeWarnings(doc, [
      { where: 'a', message: 'row', path: 'categories[1].items[1]' },
      { where: 'b', message: 'category', path: 'categories[0]' },
      { where: 'c', message: 'gone', path: 'categories[1].items[9]' },
      { where: 'd', message: 'odd', path: 'sheet 1' },
      { where: 'e', message: 'none' },
    ]);
    expect([...byPath.keys()]).toEqual(['categories[1].items[1]', 'categories[0]']);
    expect(general.map((w) => w.message)).toEqual(['gone', 'odd', 'none']);
  });

  it('keeps fields that mean the same as before, so an untouched item counts as unchanged', () => {
    const original = { number: '1', name: 'A', leadUnit: '区教育局' };
    const edited = { ...original, coUnits: [], persons: [], deadline: null, indicators: [] };
    expect(keepUnchanged(original, edited)).toEqual(original);
    expect(keepUnchanged(original, { ...edited, coUnits: ['区财政局'] })).toEqual({
      ...original,
      coUnits: ['区财政局'],
    });
    expect(keepUnchanged({ ...original, persons: ['王明'] }, { ...original, persons: [] })).toEqual({
      ...original,
      persons: [],
    });
  });
});
