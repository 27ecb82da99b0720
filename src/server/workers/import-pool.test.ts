import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { sniffEvidence } from '../../core/files/sniff.js';
import { matchBulletin } from '../../core/import/bulletin/match-bulletin.js';
import { readBulletin } from '../../core/import/bulletin/read-bulletin.js';
import type { MatchProgramme } from '../../core/import/bulletin/types.js';
import { importFile, importPastedText } from '../../core/import/import-document.js';
import { PROSE_LIST } from '../../core/import/testing/fixtures.js';
import { listDocument, listWorkbook } from '../../core/import/testing/office-lists.js';
import { ImportPool } from './import-pool.js';
import { holdImportPool, importPool } from './shared-pool.js';
import { heavyListDocx } from './testing/heavy-list.js';

// A worker starts by loading the importers (through tsx, from the sources): seconds on a busy machine.
const SLOW = 120_000;

const PROGRAMME: MatchProgramme = {
  categories: [{ id: 1, title: '养老服务暖心工程' }],
  items: [
    {
      id: 11,
      categoryId: 1,
      parentId: null,
      number: '1',
      name: '新建社区食堂',
      target: '新建社区食堂3处',
      description: '',
      indicators: [{ id: 101, name: '社区食堂', unit: '处' }],
    },
  ],
};
const BULLETIN = '01  养老服务暖心工程\n\n新建社区食堂3处。目前，已建成社区食堂2处，服务老人1200人次。';
const OPTIONS = { year: 2030, jurisdiction: '明湖区' };

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the job to fail');
}

describe('the import pool', () => {
  let pool: ImportPool;
  beforeAll(() => {
    pool = new ImportPool({ size: 1, maxWaiting: 1 });
  });
  afterAll(() => pool.close());

  it(
    'reads a workbook, a Word table, pasted text and a bulletin exactly as the importer does on this thread',
    async () => {
      const workbook = await listWorkbook();
      const document = await listDocument();
      expect(await pool.importFile(workbook, '清单.xlsx', {})).toEqual(await importFile(workbook, '清单.xlsx', {}));
      expect(await pool.importFile(document, '清单.docx', {})).toEqual(await importFile(document, '清单.docx', {}));
      expect(await pool.importPastedText(PROSE_LIST, OPTIONS)).toEqual(importPastedText(PROSE_LIST, OPTIONS));
      const read = readBulletin(BULLETIN);
      const reading = await pool.readBulletin(BULLETIN, PROGRAMME);
      expect(reading).toEqual({ read, result: matchBulletin(read, PROGRAMME) });
      expect(reading.result.matches.map((m) => m.itemId)).toEqual([11]);
      // The caller's bytes are copied, not handed over: they stay readable.
      expect(workbook.byteLength).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'checks an evidence Word package on the worker, and anything else on this thread',
    async () => {
      const document = await listDocument();
      expect(await pool.sniffEvidence(document, '进度.docx')).toEqual(sniffEvidence(document, '进度.docx'));
      expect((await pool.sniffEvidence(document, '进度.docx')).kind).toBe('docx');
      // A name that disagrees with the content is refused as on this thread.
      const refused = await failure(pool.sniffEvidence(document, '进度.xlsx'));
      expect(refused).toBeInstanceOf(AppError);
      expect(refused.message).toBe(
        (await failure(Promise.resolve().then(() => sniffEvidence(document, '进度.xlsx')))).message,
      );
      // Not a zip: answered here, without a worker (a fresh pool has none).
      const inline = new ImportPool({ size: 1 });
      try {
        const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
        expect(await inline.sniffEvidence(pdf, '照片.pdf')).toMatchObject({ kind: 'pdf', image: false });
        expect(inline.workerCount).toBe(0);
      } finally {
        await inline.close();
      }
    },
    SLOW,
  );

  it('gives back a domain error as the same AppError: code, message and details', async () => {
    const garbage = new TextEncoder().encode('not a zip at all');
    const inline = await failure(importFile(garbage, 'list.docx', {}));
    const pooled = await failure(pool.importFile(garbage, 'list.docx', {}));
    expect(inline).toBeInstanceOf(AppError);
    expect(pooled).toBeInstanceOf(AppError);
    const fields = (e: Error) => ({ code: (e as AppError).code, message: e.message, details: (e as AppError).details });
    expect(fields(pooled)).toEqual(fields(inline));
    expect((pooled as AppError).code).toBe('VALIDATION');
  });

  it('gives back a fault in the code as an ordinary error, as it would be thrown here', async () => {
    const broken = null as unknown as MatchProgramme;
    const inline = await failure(Promise.resolve().then(() => matchBulletin(readBulletin(BULLETIN), broken)));
    const pooled = await failure(pool.readBulletin(BULLETIN, broken));
    expect(pooled).not.toBeInstanceOf(AppError);
    expect([pooled.name, pooled.message]).toEqual([inline.name, inline.message]);
  });

  it('queues beyond its workers, and refuses with 503 beyond the queue', async () => {
    const jobs = [1, 2].map(() => pool.importPastedText(PROSE_LIST, OPTIONS));
    const third = await failure(pool.importPastedText(PROSE_LIST, OPTIONS));
    expect(third).toBeInstanceOf(AppError);
    expect((third as AppError).code).toBe('UNAVAILABLE');
    expect(third.message).toMatch(/^导入排队已满，请稍后再试。/);
    for (const result of await Promise.all(jobs)) expect(result.document.categories[0]?.items).toHaveLength(3);
    expect(pool.workerCount).toBe(1);
  });
});

describe('the bounds of a job', () => {
  it(
    'ends a job past its time limit with a clear 4xx, replaces the worker, and serves the next job',
    async () => {
      const pool = new ImportPool({ timeoutMs: 200, idleMs: 300 });
      try {
        // Warm, so the limit below meets the reading and not the start-up.
        await pool.importPastedText(PROSE_LIST, OPTIONS);
        const heavy = heavyListDocx();
        const started = performance.now();
        const error = await failure(pool.importFile(heavy, 'list.docx', {}));
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('PAYLOAD_TOO_LARGE');
        expect(error.message).toMatch(/^文件过于复杂，未能在 0\.2 秒内读完，请拆分后再导入。/);
        // Answered at the limit, not when the reading would have ended (seconds later).
        expect(performance.now() - started).toBeLessThan(1_500);
        expect(pool.workerCount).toBe(0);
        const next = await pool.importPastedText(PROSE_LIST, OPTIONS);
        expect(next.layout).toBe('prose-list');
        // Idle workers exit, so a process with nothing to import holds no thread.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(pool.workerCount).toBe(0);
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );

  it(
    'ends a job past its memory limit with a clear 4xx, and the next job works',
    async () => {
      const pool = new ImportPool({ resourceLimits: { maxOldGenerationSizeMb: 48 }, timeoutMs: SLOW });
      try {
        const error = await failure(pool.importFile(heavyListDocx(), 'list.docx', {}));
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('PAYLOAD_TOO_LARGE');
        expect(error.message).toMatch(/^文件过大或过于复杂，读取时超出内存上限，请拆分后再导入。/);
        const next = await pool.importPastedText(PROSE_LIST, OPTIONS);
        expect(next.document.categories[0]?.items.map((i) => i.name)).toEqual([
          '改善饮水条件',
          '建设文化广场',
          '开展义诊活动',
        ]);
      } finally {
        await pool.close();
      }
    },
    SLOW,
  );

  it(
    'refuses what waits when closed, and everything after',
    async () => {
      const pool = new ImportPool();
      const running = failure(pool.importPastedText(PROSE_LIST, OPTIONS));
      const waiting = failure(pool.importPastedText(PROSE_LIST, OPTIONS));
      await pool.close();
      for (const error of [await running, await waiting, await failure(pool.importPastedText(PROSE_LIST, OPTIONS))]) {
        expect((error as AppError).code).toBe('UNAVAILABLE');
      }
      expect(pool.workerCount).toBe(0);
    },
    SLOW,
  );

  it('runs inline with no workers (size 0), for debugging', async () => {
    const pool = new ImportPool({ size: 0 });
    expect(await pool.importPastedText(PROSE_LIST, OPTIONS)).toEqual(importPastedText(PROSE_LIST, OPTIONS));
    expect(pool.workerCount).toBe(0);
    await pool.close();
  });
});

describe('the process-wide pool', () => {
  it('lives while any app holds it, and is ended by the last release', async () => {
    const first = holdImportPool({ size: 0 });
    const second = holdImportPool({ size: 3 });
    const pool = importPool();
    expect(pool.options.size).toBe(0);
    await first();
    await first();
    expect(importPool()).toBe(pool);
    await second();
    expect(await failure(pool.importPastedText(PROSE_LIST, OPTIONS))).toBeInstanceOf(AppError);
    expect(importPool()).not.toBe(pool);
  });
});
