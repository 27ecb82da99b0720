import { describe, expect, it } from 'vitest';
import { programmeToDocx } from '../export/programme-docx.js';
import { programmeToXlsx } from '../export/programme-xlsx.js';
import { normalizeDocument } from '../tree.js';
import { importFile, importPastedText, importSource } from './import-document.js';
import { readSource } from './readers/read-source.js';
import { WIDE_ROWS } from './testing/fixtures.js';
import { hasSeeds, SEEDS_DIR, seedBytes } from './testing/view.js';

/**
 * Each seed, imported, exported in the official layout and imported again
 * from the visible table alone (the embedded copy taken out, as when someone
 * edits the file): the same programme comes back, indicators re-read from the
 * text. The table interpreter and the exporters agree on the layout.
 */

async function visibleOnly(bytes: Uint8Array, fileName: string) {
  const source = await readSource(bytes, fileName);
  return {
    ...source,
    tables: source.tables.filter((t) => t.name !== 'minxin'),
    paragraphs: source.paragraphs.filter((p) => !p.text.startsWith('minxin:')),
  };
}

describe.skipIf(!hasSeeds)(`seeds through the official layouts (${SEEDS_DIR} missing: skipped)`, () => {
  for (const name of ['jinnan-2024-city-tasks.txt', 'xiqing-2024-district-list.txt', 'hedong-2022-prose-list.txt']) {
    it(`gives back ${name} from the visible table of its .xlsx and .docx`, async () => {
      const first = normalizeDocument((await importFile(seedBytes(name), name)).document);
      for (const [fileName, bytes] of [
        ['list.xlsx', await programmeToXlsx(first)],
        ['list.docx', await programmeToDocx(first)],
      ] as const) {
        const again = importSource(await visibleOnly(bytes, fileName));
        expect(again.layout).toBe('table');
        const second = normalizeDocument(again.document);
        // The table's title is the programme's followed by 进度和责任清单, unless it ends in 清单 already.
        expect(second.title.replace(/进度和责任清单$/, '')).toBe(first.title.replace(/进度和责任清单$/, ''));
        expect({ ...second, title: first.title }).toEqual(first);
      }
    }, 30_000);
  }
});

describe('a file Minxin exported', () => {
  it('gives back the embedded programme while its table is as exported, and the table once it was edited', async () => {
    const original = normalizeDocument(importPastedText(WIDE_ROWS).document);
    const bytes = await programmeToXlsx(original);
    const same = await importFile(bytes, 'list.xlsx');
    expect(same.document).toEqual(original);
    expect(same.warnings).toEqual([]);

    const source = await readSource(bytes, 'list.xlsx');
    const sheet = source.tables.find((t) => t.name === '清单');
    const row = sheet?.rows.findIndex((r) => r[2] === '改造学校食堂') ?? -1;
    const cells = sheet?.rows[row];
    if (!cells) throw new Error('the exported table has no row for item 1');
    cells[2] = '改造学校食堂和操场';
    const edited = importSource(source);
    expect(edited.document.categories[0]?.items[0]?.name).toBe('改造学校食堂和操场');
    expect(edited.warnings[0]?.message).toMatch(/^表格在导出后被修改过/);
  });
});
