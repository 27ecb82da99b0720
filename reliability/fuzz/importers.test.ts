import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { readBulletin } from '../../src/core/import/bulletin/index.js';
import { type ImportResult, importFile, importPastedText } from '../../src/core/import/import-document.js';
import { programmeDocumentSchema } from '../../src/core/interchange.js';
import { documentProblems } from '../../src/core/validate-document.js';
import {
  announce,
  type Caller,
  Clock,
  chineseFirst,
  createFuzzApp,
  type FuzzApp,
  MemoryMeter,
  ODD_CHARACTERS,
  oddString,
  params,
  refusalProblem,
  rows,
  signInAs,
} from './fuzz-kit.js';
import { BAD_FIXTURES, fixture, type HostileFile, handMadeFiles, VALID_FIXTURES } from './hostile-files.js';
import { byteMutation, mutateBytes, mutatePackage, xmlMutation } from './mutations.js';

/**
 * The importers under hostile input, in this process (the readers for .txt in
 * UTF-8/GBK/UTF-16, .docx and .xlsx, pasted text, `importFile`, the paper
 * bulletin reader) and through the API (`POST /programmes/import/preview`,
 * `POST /programmes/{id}/bulletin-import/preview`). Inputs: random bytes,
 * byte-level and XML-level mutations of the valid fixtures, the broken
 * fixtures, hand-made hostile files (deep nesting, huge spans, entities,
 * zip bombs and lying zips, more cells and lines than the limits, odd
 * Unicode) and odd text.
 *
 * Every input ends in a programme that passes the interchange format and its
 * rules, or in an AppError that is not INTERNAL and says why in Chinese
 * first; through the API in a 200 or a clear 4xx. Each within a second.
 */

const clock = new Clock();
const apiClock = new Clock();
const memory = new MemoryMeter();
const failures: string[] = [];
const outcomes = { imported: 0, refused: 0 };

/** What is wrong with one importer outcome, or null. */
function judge(outcome: unknown): string | null {
  if (outcome instanceof AppError) {
    if (outcome.code === 'INTERNAL') return `INTERNAL: ${outcome.message} ${JSON.stringify(outcome.details)}`;
    if (!chineseFirst(outcome.message)) return `message not Chinese first: ${outcome.message}`;
    outcomes.refused++;
    return null;
  }
  if (outcome instanceof Error) return `crashed: ${outcome.name}: ${outcome.message}`;
  const { document, warnings } = outcome as ImportResult;
  const parsed = programmeDocumentSchema.safeParse(document);
  if (!parsed.success) return `a document that fails the format: ${parsed.error.issues[0]?.message}`;
  const problems = documentProblems(document);
  if (problems.length > 0) return `a document that breaks its rules: ${JSON.stringify(problems[0])}`;
  if (document.warnings !== warnings && JSON.stringify(document.warnings) !== JSON.stringify(warnings))
    return 'warnings differ from the document’s';
  outcomes.imported++;
  return null;
}

async function importOne(label: string, run: () => Promise<unknown> | unknown): Promise<void> {
  const { value } = await clock.time(label, async () => {
    try {
      return await run();
    } catch (error) {
      return error;
    }
  });
  memory.sample();
  const problem = judge(value);
  if (problem) failures.push(`${label}: ${problem}`);
}

/** Each test reports the failures it added (the list is shared, for the figures at the end). */
let reported = 0;
function expectNoNewFailures(): void {
  if (process.env.FUZZ_DEBUG_HEAP) memory.checkpoint(expect.getState().currentTestName ?? '');
  const added = failures.slice(reported);
  reported = failures.length;
  expect(added, added.slice(0, 20).join('\n')).toEqual([]);
}

const fileLabel = (file: HostileFile) => `${file.name} (${file.fileName}, ${file.bytes.length} bytes)`;
const FILE_NAMES = [
  'list.txt',
  'list.docx',
  'list.xlsx',
  'list',
  'list.doc',
  'list.xls',
  'list.pdf',
  'list.wps',
  'list.csv',
];

let fuzz: FuzzApp;
let admin: Caller;
let bulletinBase = '';
const viaApi: HostileFile[] = [];

beforeAll(async () => {
  announce('importers');
  fuzz = await createFuzzApp('pglite', { year: false });
  admin = await signInAs(fuzz.app, 'admin');
  const items = await rows<{ name: string; category: string }>(
    fuzz.database,
    sql`select i.name, c.title as category from items i join categories c on c.id = i.category_id
        where c.programme_id = ${fuzz.programmeId} order by i.id limit 30`,
  );
  // A district report card over the demo programme's items: the reader's genre, and paragraphs to match.
  bulletinBase = [
    '明湖区三季度民心工程“成绩单”出炉！',
    '来源：明湖发布 发布时间：2026-10-10 09:00',
    '截至2026年9月底，3个子项已完成，其余子项正在加快推进！',
    ...items.flatMap((item, i) => [
      `${String(i + 1).padStart(2, '0')}  ${item.category}`,
      `${item.name}。目前，已完成${i + 1}个，累计服务居民${(i + 1) * 100}人次。`,
    ]),
  ].join('\n\n');
  // Load what the importers load on first use (exceljs, the XML parser, the converters' dictionaries)
  // before measuring, so what the meter sees is what the inputs leave behind.
  for (const name of VALID_FIXTURES) await importFile(fixture(name), name, { year: 2030, jurisdiction: '测试区' });
  readBulletin(bulletinBase);
  await fuzz.app.inject({
    method: 'POST',
    url: `/api/v1/programmes/${fuzz.programmeId}/bulletin-import/preview`,
    headers: admin.headers,
    payload: { text: bulletinBase },
  });
  memory.start();
}, 600_000);

afterAll(async () => {
  await fuzz?.close();
});

describe('the importers, in this process', () => {
  it('read the fixtures and refuse the broken ones', async () => {
    for (const name of [...VALID_FIXTURES, ...BAD_FIXTURES]) {
      await importOne(`fixture ${name}`, () => importFile(fixture(name), name, { year: 2030, jurisdiction: '测试区' }));
    }
    expectNoNewFailures();
  });

  it('refuse the hand-made hostile files clearly, each within a second', async () => {
    for (const file of handMadeFiles()) {
      await importOne(fileLabel(file), () => importFile(file.bytes, file.fileName));
      if (file.bytes.length < 2 * 1024 * 1024) viaApi.push(file);
    }
    expectNoNewFailures();
  });

  it('survive random bytes under any name', async () => {
    const magic = fc.constantFrom(
      [],
      [0x50, 0x4b, 0x03, 0x04],
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0x89, 0x50, 0x4e, 0x47],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
    );
    await fc.assert(
      fc.asyncProperty(
        magic,
        fc.uint8Array({ maxLength: 8192 }),
        fc.constantFrom(...FILE_NAMES),
        async (head, body, name) => {
          const bytes = new Uint8Array([...head, ...body]);
          await importOne(`random ${bytes.length} bytes as ${name}`, () => importFile(bytes, name));
        },
      ),
      params(150),
    );
    expectNoNewFailures();
  });

  it('survive byte mutations of the valid fixtures', async () => {
    for (const name of VALID_FIXTURES) {
      const source = fixture(name);
      await fc.assert(
        fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
          const bytes = mutateBytes(source, mutations);
          await importOne(`${name} mutated ${JSON.stringify(mutations).slice(0, 120)}`, () => importFile(bytes, name));
          if (viaApi.length < 400 && mutations.length === 1)
            viaApi.push({ name: `${name} mutated`, fileName: name, bytes });
        }),
        params(40),
      );
    }
    expectNoNewFailures();
  });

  it('survive XML mutations inside sound zips of the valid Word and Excel fixtures', async () => {
    for (const name of VALID_FIXTURES.filter((n) => n.endsWith('.docx') || n.endsWith('.xlsx'))) {
      const source = fixture(name);
      await fc.assert(
        fc.asyncProperty(fc.array(xmlMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
          const bytes = mutatePackage(source, mutations);
          await importOne(`${name} XML ${JSON.stringify(mutations).slice(0, 160)}`, () => importFile(bytes, name));
          if (mutations.length === 1) viaApi.push({ name: `${name} XML-mutated`, fileName: name, bytes });
        }),
        params(50),
      );
    }
    expectNoNewFailures();
  });

  it('survive odd pasted text', async () => {
    const listText = new TextDecoder().decode(fixture('xiqing-layout-utf8-bom.txt'));
    const text = fc.oneof(
      oddString(200),
      fc.string({ unit: 'binary', maxLength: 500 }),
      fc
        .tuple(fc.nat(), fc.constantFrom(...ODD_CHARACTERS), fc.integer({ min: 1, max: 2_000 }))
        .map(([at, odd, times]) => {
          const i = at % listText.length;
          return listText.slice(0, i) + odd.repeat(times) + listText.slice(i);
        }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        await importOne(`pasted ${JSON.stringify(value.slice(0, 60))}…`, () => importPastedText(value));
      }),
      params(150),
    );
    await importOne('pasted: 5 MB of one character', () => importPastedText('民'.repeat(5_000_000)));
    await importOne('pasted: 200 001 empty lines', () => importPastedText('\n'.repeat(200_001)));
    expectNoNewFailures();
  });

  it('read any bulletin text without throwing, within a second', async () => {
    const text = fc.oneof(
      oddString(300),
      fc
        .tuple(
          fc.nat(),
          fc.oneof(fc.constantFrom(...ODD_CHARACTERS, '（', '）', '(xiàng)', '01  ', '\n\n', '截至'), oddString(8)),
          fc.integer({ min: 1, max: 500 }),
        )
        .map(([at, piece, times]) => {
          const i = at % bulletinBase.length;
          return bulletinBase.slice(0, i) + piece.repeat(times) + bulletinBase.slice(i);
        }),
    );
    const read = async (label: string, value: string) => {
      const { value: outcome } = await clock.time(label, () => {
        try {
          readBulletin(value);
          return null;
        } catch (error) {
          return error;
        }
      });
      if (outcome !== null) failures.push(`${label}: threw ${String(outcome)}`);
    };
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        await read(`bulletin ${JSON.stringify(value.slice(0, 60))}…`, value);
      }),
      params(100),
    );
    await read('bulletin: 200 KB of one paragraph', '民'.repeat(200 * 1024));
    await read('bulletin: 100 000 blank lines', '\n'.repeat(100_000));
    await read('bulletin: 20 000 headings', '01  养老\n\n'.repeat(20_000));
    expectNoNewFailures();
  });
});

describe('the importers, through the API', () => {
  const post = (url: string, payload: unknown) =>
    fuzz.app.inject({
      method: 'POST',
      url,
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  async function previewOne(label: string, url: string, payload: unknown): Promise<void> {
    const { value: response } = await apiClock.time(label, () => post(url, payload));
    memory.sample();
    if (response.statusCode === 200) return;
    const problem = refusalProblem(response);
    if (problem) failures.push(`${label}: ${problem}`);
  }

  it('answers every hostile file with a 200 preview or a clear 4xx, within a second', async () => {
    const files = [...VALID_FIXTURES, ...BAD_FIXTURES].map((name) => ({ name, fileName: name, bytes: fixture(name) }));
    for (const file of [...files, ...viaApi]) {
      await previewOne(`API ${fileLabel(file)}`, '/api/v1/programmes/import/preview', {
        fileName: file.fileName,
        contentBase64: Buffer.from(file.bytes).toString('base64'),
      });
    }
    console.log(`[fuzz] import preview API: ${files.length + viaApi.length} files`);
    expectNoNewFailures();
  });

  it('answers odd pasted text, odd options and odd bulletins clearly', async () => {
    const options = fc.record(
      {
        year: fc.oneof(fc.integer({ min: 1999, max: 2101 }), fc.constant(2030)),
        jurisdiction: fc.oneof(oddString(20), fc.constant('测试区')),
        title: oddString(30),
      },
      { requiredKeys: [] },
    );
    const listText = new TextDecoder().decode(fixture('xiqing-layout-utf8-bom.txt'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(oddString(200), fc.constant(listText)),
        options,
        fc.constantFrom(...ODD_CHARACTERS),
        async (text, opts, odd) => {
          await previewOne(`API pasted ${JSON.stringify(text.slice(0, 40))}`, '/api/v1/programmes/import/preview', {
            text: text + odd,
            ...opts,
          });
          await previewOne(
            `API bulletin ${JSON.stringify(text.slice(0, 40))}`,
            `/api/v1/programmes/${fuzz.programmeId}/bulletin-import/preview`,
            { text: bulletinBase.replace('。', `${odd}。`) + text },
          );
          await previewOne(
            `API bulletin file ${JSON.stringify(text.slice(0, 40))}`,
            `/api/v1/programmes/${fuzz.programmeId}/bulletin-import/preview`,
            { fileName: 'b.txt', contentBase64: Buffer.from(text + odd, 'latin1').toString('base64') },
          );
        },
      ),
      params(40),
    );
    await previewOne('API bulletin: 200 KB', `/api/v1/programmes/${fuzz.programmeId}/bulletin-import/preview`, {
      text: `${bulletinBase}\n\n${'一是提升养老服务。'.repeat(22_000)}`.slice(0, 200 * 1024),
    });
    await previewOne('API pasted: 4.9 MB list', '/api/v1/programmes/import/preview', {
      text: `测试区2030年民心工程\n${'一、新建食堂。\n'.repeat(600_000)}`.slice(0, 4_900_000),
    });
    expectNoNewFailures();
  });
});

describe('figures', () => {
  it('every input within a second, in bounded memory', () => {
    console.log(
      `[fuzz] importers: ${outcomes.imported} imported, ${outcomes.refused} refused clearly, ${failures.length} failures`,
    );
    clock.print('importers (in process)');
    apiClock.print('importers (API)');
    const figures = memory.stop('importers');
    expect([...clock.slow, ...apiClock.slow].map((s) => `${s.label}: ${s.ms.toFixed(0)} ms`)).toEqual([]);
    // Bounds (docs/reliability.md, hostile input): one import may hold ~250 MB while it runs (the readers' limits);
    // what stays after a collection must be small.
    expect(figures.heapMb).toBeLessThan(64);
    expect(figures.peakRssMb).toBeLessThan(1_200);
  });
});
