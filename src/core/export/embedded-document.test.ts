import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programmeDocumentSchema } from '../interchange.js';
import { normalizeDocument } from '../tree.js';
import { EMBED_CHUNK_LENGTH, EMBED_SHEET, embedDocument, readEmbeddedDocument } from './embedded-document.js';
import { programmeTable } from './programme-table.js';
import { arbitraryDocument } from './testing/arbitrary-document.js';
import { sampleDocument } from './testing/sample-document.js';

const sheetOf = (chunks: string[]) => ({ name: EMBED_SHEET, rows: chunks.map((c) => [c]) });

/** The visible table as a reader would give it. */
function visible(doc = sampleDocument()) {
  const table = programmeTable(normalizeDocument(doc));
  return { name: '清单', rows: [[table.title], ...table.header, ...table.rows.map((r) => r.cells)] };
}

describe('the embedded document', () => {
  it('is printable ASCII without spaces, so no reader clean-up can change it', () => {
    fc.assert(
      fc.property(arbitraryDocument(), (doc) => {
        for (const chunk of embedDocument(doc)) {
          expect(chunk).toMatch(/^minxin:\d+\/\d+:[\x21-\x7e]*$/);
          expect(chunk.length).toBeLessThanOrEqual(EMBED_CHUNK_LENGTH);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('reads back as the normalised document, in any chunk order, whatever the whitespace around it', () => {
    fc.assert(
      fc.property(
        arbitraryDocument().filter((d) => programmeDocumentSchema.safeParse(d).success),
        fc.boolean(),
        (doc, reverse) => {
          const chunks = embedDocument(doc).map((c) => ` ${c.slice(0, 20)}\n${c.slice(20)}\u3000`);
          if (reverse) chunks.reverse();
          const result = readEmbeddedDocument({ tables: [sheetOf(chunks)] });
          expect(result.kind === 'document' && result.document).toEqual(normalizeDocument(doc));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('compares the visible table, ignoring whitespace and full-width forms', () => {
    const chunks = embedDocument(sampleDocument());
    const table = visible();
    const spaced = {
      ...table,
      rows: table.rows.map((r) => r.map((c) => (c === null ? null : ` ${c.split('').join(' ')} `))),
    };
    expect(readEmbeddedDocument({ tables: [spaced, sheetOf(chunks)] })).toMatchObject({ visibleTableMatches: true });

    const added = { ...table, rows: [...table.rows, ['', '99', '新增的子项']] };
    expect(readEmbeddedDocument({ tables: [added, sheetOf(chunks)] })).toMatchObject({ visibleTableMatches: false });
    expect(readEmbeddedDocument({ tables: [sheetOf(chunks)] })).toMatchObject({ visibleTableMatches: false });
  });

  it('matches a table whose last category, without items, a reader dropped as a blank row', () => {
    const doc = {
      ...sampleDocument(),
      categories: [...sampleDocument().categories, { ordinal: null, title: '', items: [] }],
    };
    const table = visible(doc);
    const read = { ...table, rows: table.rows.slice(0, -1) };
    expect(readEmbeddedDocument({ tables: [read, sheetOf(embedDocument(doc))] })).toMatchObject({
      visibleTableMatches: true,
    });
  });

  it('finds chunks in paragraphs, as a .docx carries them', () => {
    const chunks = embedDocument(sampleDocument());
    const result = readEmbeddedDocument({ paragraphs: chunks.map((text) => ({ text })), tables: [visible()] });
    expect(result).toEqual({
      kind: 'document',
      document: normalizeDocument(sampleDocument()),
      visibleTableMatches: true,
    });
  });

  it('says none when there is nothing, and damaged when the chunks do not make a programme', () => {
    expect(readEmbeddedDocument({ tables: [visible()], paragraphs: [{ text: '附件' }] })).toEqual({ kind: 'none' });
    const [chunk = ''] = embedDocument(sampleDocument());
    const cut = chunk.slice(0, -10);
    expect(readEmbeddedDocument({ tables: [sheetOf([cut])] }).kind).toBe('damaged');
    expect(readEmbeddedDocument({ tables: [sheetOf(['minxin:1/1:{"format":"other"}'])] }).kind).toBe('damaged');
    expect(readEmbeddedDocument({ tables: [sheetOf(['minxin:1/2:{}', 'minxin:1/3:{}'])] }).kind).toBe('damaged');
    expect(readEmbeddedDocument({ tables: [sheetOf(['minxin:2/2:{}'])] })).toMatchObject({
      kind: 'damaged',
      reason: expect.stringMatching(/^内嵌数据缺少第 1 段/),
    });
  });
});
