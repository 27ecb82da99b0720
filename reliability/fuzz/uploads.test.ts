import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THUMBNAIL } from '../../src/core/files/thumbnail.js';
import {
  announce,
  type Caller,
  Clock,
  createFuzzApp,
  type FuzzApp,
  MemoryMeter,
  ODD_CHARACTERS,
  params,
  refusalProblem,
  signInAs,
} from './fuzz-kit.js';
import { BAD_FIXTURES, fixture, handMadeFiles, png, VALID_FIXTURES } from './hostile-files.js';
import { byteMutation, mutateBytes } from './mutations.js';
import { StateWatch } from './state-watch.js';

/**
 * Evidence uploads (`POST /api/v1/files`, multipart) under hostile input, as
 * the admin and the reporter: random bytes under image, PDF and Office names,
 * real images truncated and damaged (sharp makes the thumbnail), images
 * declaring more pixels than the thumbnailer decodes, zip bombs and lying zips
 * named .docx/.xlsx, empty files, and multipart edge cases (no file field,
 * two files, huge field names and file names, broken boundaries).
 *
 * Each answer is a 201 (a file stored by its content) or a clear 4xx that
 * stores nothing; within a second; memory bounded.
 */

const clock = new Clock();
const memory = new MemoryMeter();
const failures: string[] = [];
const statuses = new Map<number, number>();
let stored = 0;
let fuzz: FuzzApp;
let callers: Caller[];
let watch: StateWatch;

interface Part {
  field?: string;
  fileName?: string;
  bytes?: Uint8Array;
  /** A text field instead of a file. */
  value?: string;
}

/** A multipart/form-data body as a browser sends it (names in raw UTF-8). */
function multipart(parts: readonly Part[], boundary = `----minxin${Math.random().toString(16).slice(2)}`) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.value !== undefined
        ? `form-data; name="${part.field ?? 'note'}"`
        : `form-data; name="${part.field ?? 'file'}"; filename="${part.fileName ?? 'a.bin'}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n`));
    if (part.value === undefined) chunks.push(Buffer.from('Content-Type: application/octet-stream\r\n'));
    chunks.push(Buffer.from('\r\n'), Buffer.from(part.value ?? part.bytes ?? new Uint8Array()), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  label: string,
  caller: Caller,
  body: { payload: Buffer | string; contentType?: string },
): Promise<LightMyRequestResponse> {
  await watch.before();
  const headers: Record<string, string> = { ...caller.headers };
  if (body.contentType) headers['content-type'] = body.contentType;
  const { value: response } = await clock.time(`${caller.role} ${label}`, () =>
    fuzz.app.inject({ method: 'POST', url: '/api/v1/files', headers, payload: body.payload }),
  );
  memory.sample();
  statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
  if (response.statusCode === 201) {
    const out = response.json() as { sha256?: string; mime?: string };
    if (!/^[0-9a-f]{64}$/.test(out.sha256 ?? '') || !out.mime) failures.push(`${label}: 201 without a stored file`);
    stored++;
    return response;
  }
  const problem = refusalProblem(response);
  if (problem) failures.push(`${caller.role} ${label}: ${problem}`);
  else {
    const changed = await watch.changed();
    if (changed.length > 0) failures.push(`${caller.role} ${label}: refused but changed ${changed.join(', ')}`);
  }
  return response;
}

const uploadFile = (label: string, caller: Caller, fileName: string, bytes: Uint8Array) =>
  upload(label, caller, multipart([{ fileName, bytes }]));

let reported = 0;
function expectNoNewFailures(): void {
  const added = failures.slice(reported);
  reported = failures.length;
  expect(added, added.slice(0, 20).join('\n')).toEqual([]);
}

// ---------------------------------------------------------------- images

/** A GIF whose logical screen and image declare width × height, with no pixels. */
function gifDeclaring(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(32);
  b.write('GIF89a', 0, 'ascii');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  b[10] = 0;
  b[13] = 0x2c; // image descriptor
  b.writeUInt16LE(width, 18);
  b.writeUInt16LE(height, 20);
  b[23] = 2; // LZW minimum code size
  b[24] = 0; // no data
  b[25] = 0x3b;
  return b.subarray(0, 26);
}

/** A JPEG whose frame header declares width × height, cut off after it. */
function jpegDeclaring(width: number, height: number): Uint8Array {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    sof,
  ]);
}

const images: { name: string; fileName: string; bytes: Uint8Array }[] = [];

beforeAll(async () => {
  announce('uploads');
  fuzz = await createFuzzApp('pglite', { year: false });
  callers = [await signInAs(fuzz.app, 'admin'), await signInAs(fuzz.app, 'reporter')];
  watch = new StateWatch(fuzz.database);
  const base = sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 200, g: 40, b: 40 } } });
  images.push(
    { name: 'jpeg', fileName: 'a.jpg', bytes: await base.clone().jpeg().toBuffer() },
    { name: 'png', fileName: 'a.png', bytes: await base.clone().png().toBuffer() },
    { name: 'gif', fileName: 'a.gif', bytes: await base.clone().gif().toBuffer() },
    { name: 'webp', fileName: 'a.webp', bytes: await base.clone().webp().toBuffer() },
  );
  // sharp (libvips) loads on the first image: before measuring.
  await uploadFile('warm-up image', callers[0] as Caller, 'warm.png', images[1]?.bytes ?? new Uint8Array());
  memory.start();
}, 600_000);

afterAll(async () => {
  await fuzz?.close();
});

describe('uploads under hostile input', () => {
  it('stores real files and refuses broken fixtures, zip bombs and lying zips clearly', async () => {
    for (const caller of callers) {
      for (const image of images) await uploadFile(`real ${image.name}`, caller, image.fileName, image.bytes);
      for (const name of [...VALID_FIXTURES, ...BAD_FIXTURES])
        await uploadFile(`fixture ${name}`, caller, name, fixture(name));
    }
    for (const file of handMadeFiles().filter((f) => f.fileName.endsWith('.docx') || f.fileName.endsWith('.xlsx'))) {
      await uploadFile(`hand-made ${file.name}`, callers[1] as Caller, file.fileName, file.bytes);
    }
    const bomb = await uploadFile('bomb.docx', callers[1] as Caller, 'report.docx', fixture('bomb.docx'));
    expect(bomb.statusCode).toBe(400);
    expect((bomb.json() as { message: string }).message).toMatch(/zip 炸弹/);
    expectNoNewFailures();
  });

  it('refuses images declaring more pixels than the thumbnailer decodes, quickly', async () => {
    const over = Math.ceil(Math.sqrt(THUMBNAIL.maxInputPixels)) + 1;
    const bombs: [string, string, Uint8Array][] = [
      [`PNG ${over}×${over} (1-bit, 10 rows present)`, 'bomb.png', png(over, over, 10)],
      ['PNG 65535×65535, no rows', 'bomb.png', png(65_535, 65_535, 0)],
      ['PNG 2^31-1 × 1', 'bomb.png', png(2 ** 31 - 1, 1, 0)],
      ['PNG 0×0', 'zero.png', png(0, 0)],
      ['GIF 65535×65535', 'bomb.gif', gifDeclaring(65_535, 65_535)],
      ['JPEG 65500×65500', 'bomb.jpg', jpegDeclaring(65_500, 65_500)],
    ];
    for (const caller of callers) {
      for (const [name, fileName, bytes] of bombs) {
        const response = await uploadFile(name, caller, fileName, bytes);
        if (response.statusCode !== 400)
          failures.push(`${caller.role} ${name}: expected 400, got ${response.statusCode}`);
      }
    }
    expectNoNewFailures();
  });

  it('answers damaged and truncated images with a stored file or a clear refusal', async () => {
    for (const image of images) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(byteMutation, { minLength: 1, maxLength: 3 }),
          fc.boolean(),
          async (mutations, asReporter) => {
            const bytes = mutateBytes(image.bytes, mutations);
            await uploadFile(
              `${image.name} ${JSON.stringify(mutations).slice(0, 100)}`,
              callers[asReporter ? 1 : 0] as Caller,
              image.fileName,
              bytes,
            );
          },
        ),
        params(25),
      );
    }
    expectNoNewFailures();
  });

  it('answers random bytes under image, PDF and Office names', async () => {
    const names = fc.constantFrom(
      'a.jpg',
      'a.png',
      'a.gif',
      'a.webp',
      'a.pdf',
      'a.docx',
      'a.xlsx',
      'a.doc',
      'a.xls',
      'a.exe',
      'a',
      '.png',
    );
    const magic = fc.constantFrom(
      [],
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
      [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    );
    await fc.assert(
      fc.asyncProperty(
        magic,
        fc.uint8Array({ maxLength: 4096 }),
        names,
        fc.boolean(),
        async (head, body, name, asReporter) => {
          const bytes = new Uint8Array([...head, ...body]);
          await uploadFile(
            `random ${bytes.length} bytes as ${name}`,
            callers[asReporter ? 1 : 0] as Caller,
            name,
            bytes,
          );
        },
      ),
      params(120),
    );
    expectNoNewFailures();
  });

  it('answers multipart edge cases clearly', async () => {
    const png1 = images[1]?.bytes ?? new Uint8Array();
    const longName = `${'长'.repeat(5_000)}.png`;
    const cases: [string, { payload: Buffer | string; contentType?: string }][] = [
      ['an empty file', multipart([{ fileName: 'empty.png', bytes: new Uint8Array() }])],
      ['no file field, only text', multipart([{ field: 'note', value: '民心' }])],
      ['the file in another field', multipart([{ field: 'upload', fileName: 'a.png', bytes: png1 }])],
      [
        'two files',
        multipart([
          { fileName: 'a.png', bytes: png1 },
          { fileName: 'b.png', bytes: png1 },
        ]),
      ],
      [
        'three text fields then a file',
        multipart([{ value: '1' }, { value: '2' }, { value: '3' }, { fileName: 'a.png', bytes: png1 }]),
      ],
      ['a 100 KB field name', multipart([{ field: 'f'.repeat(100_000), fileName: 'a.png', bytes: png1 }])],
      ['a 5 000-character file name', multipart([{ fileName: longName, bytes: png1 }])],
      ['a file name climbing out', multipart([{ fileName: '../../../etc/passwd.png', bytes: png1 }])],
      ['odd characters in the file name', multipart([{ fileName: `${ODD_CHARACTERS.join('')}.png`, bytes: png1 }])],
      ['a file name of dots', multipart([{ fileName: '...', bytes: png1 }])],
      ['no body', { payload: '', contentType: 'multipart/form-data; boundary=x' }],
      [
        'no boundary',
        { payload: multipart([{ fileName: 'a.png', bytes: png1 }]).payload, contentType: 'multipart/form-data' },
      ],
      [
        'the wrong boundary',
        {
          payload: multipart([{ fileName: 'a.png', bytes: png1 }], 'aaa').payload,
          contentType: 'multipart/form-data; boundary=bbb',
        },
      ],
      [
        'cut off mid-file',
        {
          payload: multipart([{ fileName: 'a.png', bytes: png1 }], 'cut').payload.subarray(0, 120),
          contentType: 'multipart/form-data; boundary=cut',
        },
      ],
      ['a 2 000-character boundary', multipart([{ fileName: 'a.png', bytes: png1 }], 'b'.repeat(2_000))],
      ['JSON instead of a form', { payload: '{"file":"aGVsbG8="}', contentType: 'application/json' }],
      ['text/plain', { payload: 'hello', contentType: 'text/plain' }],
      ['no content type', { payload: 'hello' }],
      [
        '21 MB',
        multipart([
          { fileName: 'big.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024)]) },
        ]),
      ],
    ];
    for (const caller of callers) {
      for (const [name, body] of cases) {
        const response = await upload(name, caller, body);
        if (name === 'an empty file' && response.statusCode !== 400)
          failures.push(`${name}: got ${response.statusCode}`);
        if (name === '21 MB' && response.statusCode !== 413) failures.push(`${name}: got ${response.statusCode}`);
      }
    }
    expectNoNewFailures();
  });

  it('stored nothing on a refusal, answered within a second, in bounded memory', () => {
    const status = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(', ');
    console.log(`[fuzz] uploads answers: ${status}; ${stored} stored, ${watch.fingerprints} table fingerprints taken`);
    clock.print('uploads');
    const figures = memory.stop('uploads');
    expect(clock.slow.map((s) => `${s.label}: ${s.ms.toFixed(0)} ms`)).toEqual([]);
    // Bounds (docs/reliability.md, hostile input).
    expect(figures.heapMb).toBeLessThan(64);
    expect(figures.peakRssMb).toBeLessThan(1_000);
  });
});
