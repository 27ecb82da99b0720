import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import/import-document.js';
import { programmeDocumentSchema } from '../interchange.js';
import { normalizeDocument } from '../tree.js';
import { documentProblems } from '../validate-document.js';
import { programmeToDocx } from './programme-docx.js';
import { programmeToXlsx } from './programme-xlsx.js';
import { arbitraryDocument } from './testing/arbitrary-document.js';

/**
 * The promise of the official layouts: importing an exported file gives back
 * the identical programme, whatever it holds.
 */
const valid = arbitraryDocument().filter(
  (doc) => programmeDocumentSchema.safeParse(doc).success && documentProblems(doc).length === 0,
);

describe('export then import', () => {
  it('gives back the identical programme from an .xlsx', async () => {
    await fc.assert(
      fc.asyncProperty(valid, async (doc) => {
        const { document } = await importFile(await programmeToXlsx(doc), 'x.xlsx', {});
        expect(document).toEqual(normalizeDocument(doc));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('gives back the identical programme from a .docx', async () => {
    await fc.assert(
      fc.asyncProperty(valid, async (doc) => {
        const { document } = await importFile(await programmeToDocx(doc), 'x.docx', {});
        expect(document).toEqual(normalizeDocument(doc));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
