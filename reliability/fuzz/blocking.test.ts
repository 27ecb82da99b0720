import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THUMBNAIL } from '../../src/core/files/thumbnail.js';
import { IMPORT_LIMITS } from '../../src/core/import/model.js';
import { MAX_DOCX_ELEMENTS } from '../../src/core/import/readers/read-docx.js';
import { BULLETIN_MAX_BYTES } from '../../src/server/schemas/bulletin-import.js';
import { ROOT, removeDir, signInApi, startServer, tempDataDir } from '../lib.js';
import { announce, type Caller, createFuzzApp, type FuzzApp, gc, signInAs } from './fuzz-kit.js';
import { docx, listSheet, png, xlsx } from './hostile-files.js';

/**
 * Issue 6, hostile input: the largest inputs the API accepts — at the
 * readers' limits, not past them — timed for the request's wall time, the
 * longest the event loop was blocked, and the process's peak RSS (the import
 * worker's heap included: it is a thread of this process).
 *
 * Imports (list previews, bulletin previews) and the zip-bomb check of an
 * evidence .docx/.xlsx are read on the import pool's worker thread
 * (src/server/workers), so the loop stays free while they are read; these
 * used to hold it for 0.8–5 s (before the limit on XML characters an 88 KB
 * .docx held it 17–53 s and 2–3 GB). An image's thumbnail is made by sharp
 * off the loop. The ceiling for every case is the goal, a second.
 *
 * The second test starts the built server (dist/) and checks the same of it:
 * the compiled worker is found and used.
 */

/** No import may hold the event loop longer while its file is read on the worker. */
const IMPORT_BLOCK_CEILING_MS = 1_000;
/** Nor may an upload (its zip check on the worker, its thumbnail in sharp's threads). */
const BLOCK_CEILING_MS = 1_000;
/** …nor raise the process's peak RSS by more. */
const PEAK_RSS_CEILING_MB = 1_500;

interface Case {
  name: string;
  url: string;
  /** Import work, read on the import pool's worker thread. */
  worker: boolean;
  /** The request: JSON for the import previews, multipart for uploads. */
  body: () => { payload: Buffer | string; contentType: string };
}

let fuzz: FuzzApp;
let admin: Caller;
const figures: string[] = [];

const json = (value: unknown) => () => ({ payload: JSON.stringify(value), contentType: 'application/json' });
const file = (fileName: string, bytes: () => Uint8Array) => () =>
  json({ fileName, contentBase64: Buffer.from(bytes()).toString('base64') })();

function multipartFile(fileName: string, bytes: Uint8Array) {
  const boundary = 'minxin-blocking';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string) => `<w:tc>${para(text)}</w:tc>`;
const HEADER = ['序号', '项目名称', '任务明细', '责任单位', '责任人', '完成时间'];
const docxRow = (i: number) =>
  `<w:tr>${[String(i + 1), `新建社区食堂${i}`, '建成3处。', '区民政局', '王小明', '12月底'].map(tc).join('')}</w:tr>`;
const countElements = (xml: string) => (xml.match(/<[^/!?]/g) ?? []).length;

/** As many rows as fit under both the element limit and the character limit, with room to spare. */
function rowsUnderLimits(row: string, elementLimit: number): number {
  return Math.floor(
    Math.min((elementLimit - 1_000) / countElements(row), (IMPORT_LIMITS.xmlChars - 20_000) / row.length),
  );
}

const DOCX_ROWS = rowsUnderLimits(docxRow(99_999), MAX_DOCX_ELEMENTS);

/** A Word list table of as many rows as the readers take: seconds of reading, refused at the end (over 500 items). */
const largestDocx = () =>
  docx(
    `${para('测试区2030年民心工程进度和责任清单')}<w:tbl><w:tr>${HEADER.map(tc).join('')}</w:tr>${Array.from({ length: DOCX_ROWS }, (_, i) => docxRow(i)).join('')}</w:tbl>`,
  );

/** The largest inputs each entry point takes in and reads in full (just under its limits). */
function cases(programmeId: number): Case[] {
  const preview = '/api/v1/programmes/import/preview';
  const numbered = (n: number, line: (i: number) => string) =>
    `测试区2030年民心工程\n${Array.from({ length: n }, (_, i) => line(i)).join('\n')}`;
  // Rows grow with their numbers: shrink until the sheet is within the character limit, with 3 % to spare.
  let xlsxRows = Math.floor(IMPORT_LIMITS.cells / 6) - 10;
  let length = listSheet(xlsxRows).length;
  while (length > 0.97 * IMPORT_LIMITS.xmlChars) {
    xlsxRows = Math.floor((xlsxRows * 0.96 * IMPORT_LIMITS.xmlChars) / length);
    length = listSheet(xlsxRows).length;
  }

  const side = Math.floor(Math.sqrt(THUMBNAIL.maxInputPixels));
  const bulletin = '01  养老服务\n\n新建社区食堂3处。目前，已建成社区食堂2处，累计服务老人1200人次。\n\n';
  return [
    {
      name: `pasted text: 5 000 000 characters in ${IMPORT_LIMITS.lines - 1} numbered lines`,
      url: preview,
      worker: true,
      body: json({
        text: numbered(IMPORT_LIMITS.lines - 2, (i) => `${i + 1}．新建社区食堂${i}处。`).slice(0, 5_000_000),
      }),
    },
    {
      name: `.txt: ${IMPORT_LIMITS.lines - 1} numbered lines, just under ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB`,
      url: preview,
      worker: true,
      body: file('list.txt', () =>
        new TextEncoder()
          .encode(
            numbered(
              IMPORT_LIMITS.lines - 2,
              (i) => `${i + 1}．新建社区食堂${i}处，完成改造老旧小区${i}个，${'惠及居民'.repeat(5)}。`,
            ),
          )
          .slice(0, IMPORT_LIMITS.fileBytes - 1024),
      ),
    },
    {
      name: `.docx: a list table of ${DOCX_ROWS} rows (just under the element and character limits)`,
      url: preview,
      worker: true,
      body: file('list.docx', largestDocx),
    },
    {
      name: `.docx: one paragraph just under ${IMPORT_LIMITS.xmlChars / 1e6} million XML characters`,
      url: preview,
      worker: true,
      body: file('list.docx', () => docx(para('民'.repeat(IMPORT_LIMITS.xmlChars - 1_000)))),
    },
    {
      name: `.xlsx: a list of ${xlsxRows} rows × 6 cells (just under the cell and character limits)`,
      url: preview,
      worker: true,
      body: file('list.xlsx', () => xlsx([listSheet(xlsxRows)])),
    },
    {
      name: '.xlsx: a list of 500 items (the most a category may hold), 6 cells each',
      url: preview,
      worker: true,
      body: file('list.xlsx', () => xlsx([listSheet(500)])),
    },
    {
      name: `bulletin preview: just under ${BULLETIN_MAX_BYTES / 1024} KB of text`,
      url: `/api/v1/programmes/${programmeId}/bulletin-import/preview`,
      worker: true,
      body: json({ text: bulletin.repeat(Math.floor((BULLETIN_MAX_BYTES - 1024) / Buffer.byteLength(bulletin))) }),
    },
    {
      name: `evidence upload: a .docx whose parts inflate to just under ${IMPORT_LIMITS.inflatedBytes / 1024 / 1024} MB`,
      url: '/api/v1/files',
      worker: true,
      body: () =>
        multipartFile(
          'evidence.docx',
          zipSync({
            '[Content_Types].xml': strToU8('<Types/>'),
            'word/document.xml': new Uint8Array(IMPORT_LIMITS.inflatedBytes - 1024 * 1024),
          }),
        ),
    },
    {
      name: `evidence upload: a PNG of ${side}×${side} pixels (the thumbnail limit)`,
      url: '/api/v1/files',
      worker: false,
      // 1-bit grey, all zeros: 12.5 MB of pixels in a few KB, decoded in full by the thumbnailer.
      body: () => multipartFile('photo.png', png(side, side)),
    },
  ];
}

beforeAll(async () => {
  announce('blocking');
  fuzz = await createFuzzApp('pglite', { year: false });
  admin = await signInAs(fuzz.app, 'admin');
  // Warm: the readers, exceljs and sharp load on first use.
  await fuzz.app.inject({
    method: 'POST',
    url: '/api/v1/programmes/import/preview',
    headers: admin.headers,
    payload: { fileName: 'a.xlsx', contentBase64: Buffer.from(xlsx([listSheet(3)])).toString('base64') },
  });
}, 600_000);

afterAll(async () => {
  await fuzz?.close();
});

describe('the largest inputs the API accepts, timed on the event loop', () => {
  it('holds the event loop and memory under the documented ceilings', async () => {
    const found: { name: string; worker: boolean; wall: number; block: number; peakMb: number; status: number }[] = [];
    for (const c of cases(fuzz.programmeId)) {
      const { payload, contentType } = c.body();
      gc();
      const peakBefore = process.resourceUsage().maxRSS / 1024;
      // The longest gap between ticks of a 5 ms interval is the longest the loop was held.
      let last = performance.now();
      let gap = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        gap = Math.max(gap, now - last);
        last = now;
      }, 5);
      const started = performance.now();
      const response = await fuzz.app.inject({
        method: 'POST',
        url: c.url,
        headers: { ...admin.headers, 'content-type': contentType },
        payload,
      });
      const wall = performance.now() - started;
      // One more turn of the loop, so a block at the very end is recorded.
      await new Promise((resolve) => setTimeout(resolve, 20));
      clearInterval(ticker);
      const block = gap;
      const peakAfter = process.resourceUsage().maxRSS / 1024;
      const peakMb = Math.max(0, peakAfter - peakBefore);
      found.push({ name: c.name, worker: c.worker, wall, block, peakMb, status: response.statusCode });
      const line =
        `[fuzz] blocking: ${c.name} (${(payload.length / 1e6).toFixed(1)} MB request${c.worker ? ', read on the worker' : ''}) → ${response.statusCode} ` +
        `in ${wall.toFixed(0)} ms, event loop blocked up to ${block.toFixed(0)} ms, ` +
        `process peak RSS ${peakAfter.toFixed(0)} MB (+${peakMb.toFixed(0)}): ${response.body.slice(0, 80)}`;
      console.log(line);
      figures.push(line);
      expect(response.statusCode, `${c.name}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
    }
    const worst = (rows: typeof found) => rows.reduce((a, b) => (b.block > a.block ? b : a));
    const imports = found.filter((f) => f.worker);
    const uploads = found.filter((f) => !f.worker);
    console.log(
      `[fuzz] blocking: imports and zip checks on the worker: worst ${worst(imports).block.toFixed(0)} ms (${worst(imports).name}), ` +
        `ceiling ${IMPORT_BLOCK_CEILING_MS} ms; the rest (an image's thumbnail): worst ` +
        `${worst(uploads).block.toFixed(0)} ms (${worst(uploads).name}), ceiling ${BLOCK_CEILING_MS} ms`,
    );
    expect(imports.filter((f) => f.block > IMPORT_BLOCK_CEILING_MS).map((f) => f.name)).toEqual([]);
    expect(uploads.filter((f) => f.block > BLOCK_CEILING_MS).map((f) => f.name)).toEqual([]);
    expect(found.filter((f) => f.peakMb > PEAK_RSS_CEILING_MB).map((f) => f.name)).toEqual([]);
  });
});

describe('the built server', () => {
  it('reads a large import on its compiled worker while it answers other requests', async () => {
    // Only the server is needed (the shared ensureBuilt also builds the web application).
    const { ensureBuilt } = (await import(new URL('../../scripts/ensure-built.js', import.meta.url).href)) as {
      ensureBuilt(options: { web: boolean }): void;
    };
    ensureBuilt({ web: false });
    // ensureBuilt builds only a missing dist/: one older than the pool would read imports on the request's thread.
    const compiled = join(ROOT, 'dist/server/workers/import-worker.js');
    expect(existsSync(compiled), `${compiled} is missing: dist/ is older than the sources; npm run build:server`).toBe(
      true,
    );
    const dataDir = await tempDataDir();
    // No reminder run in this process: only the import may compete for the loop.
    const server = await startServer({ dataDir, env: { MINXIN_REMINDER_INTERVAL: '0' } });
    try {
      const supervisor = await signInApi(server.url, 'supervisor');
      const health: number[] = [];
      let done = false;
      const started = performance.now();
      const preview = fetch(`${server.url}/api/v1/programmes/import/preview`, {
        method: 'POST',
        headers: supervisor.headers,
        body: JSON.stringify({ fileName: 'list.docx', contentBase64: Buffer.from(largestDocx()).toString('base64') }),
      }).finally(() => {
        done = true;
      });
      while (!done) {
        const asked = performance.now();
        expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
        health.push(performance.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const response = await preview;
      const wall = performance.now() - started;
      const body = (await response.json()) as { message: string };
      const slowest = Math.max(...health);
      const line =
        `[fuzz] blocking: the built server, .docx of ${DOCX_ROWS} rows → ${response.status} in ${wall.toFixed(0)} ms; ` +
        `meanwhile /api/v1/health answered ${health.length} times, slowest ${slowest.toFixed(0)} ms`;
      console.log(line);
      figures.push(line);
      // Read in full (the worker started and loaded the importers), then refused as a list too long.
      expect(response.status, body.message).toBe(400);
      expect(body.message).toMatch(/^清单的子项超过 500 个/);
      expect(health.length).toBeGreaterThanOrEqual(3);
      expect(slowest).toBeLessThan(IMPORT_BLOCK_CEILING_MS);
    } finally {
      await server.stop();
      await removeDir(dataDir);
    }
  });
});
