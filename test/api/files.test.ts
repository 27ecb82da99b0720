import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeTree } from '../../src/core/tree.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';
import { anonymousClient } from '../helpers/routes.js';

/** Evidence files: upload with the type told from the bytes, attach to a report, download by who may read it. */

let ctx: TestContext;
let admin: Client;
let reporter: Client;
let otherReporter: Client;
let viewer: Client;
let leader: Client;
let item = 0;

interface Uploaded {
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  hasThumbnail: boolean;
}
interface ErrorBody {
  code: string;
  message: string;
}
interface Attachment {
  id: number;
  sha256: string;
  fileName: string;
  mime: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const text = (s: string) => Buffer.from(s, 'utf8');

/** A multipart/form-data body with one file part, as a browser sends it (the name in raw UTF-8). */
function form(fileName: string, bytes: Uint8Array, field = 'file') {
  const boundary = `----minxin${Math.random().toString(16).slice(2)}`;
  const head = text(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), text(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(client: Client, fileName: string, bytes: Uint8Array, field = 'file') {
  return client.request({ method: 'POST', url: '/api/v1/files', ...form(fileName, bytes, field) });
}

const json = <T>(response: LightMyRequestResponse) => response.json() as T;

let photo: Buffer;
const pdf = text('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 1000 });
  admin = await signIn(ctx.app, 'admin');
  reporter = await signIn(ctx.app, 'reporter');
  viewer = await signIn(ctx.app, 'viewer');
  leader = await signIn(ctx.app, 'leader');
  const base = { persons: [], leaders: [], milestones: [], deadline: null, children: [] };
  const doc = buildProgrammeDocument({
    title: '明湖区2026年附件测试工程',
    jurisdiction: '明湖区',
    year: 2026,
    categories: [
      {
        ordinal: 1,
        title: '教育',
        items: [
          buildItem({ ...base, number: '1', name: '附件测试学校', leadUnit: '区教育局', coUnits: [] }),
          buildItem({ ...base, number: '2', name: '附件测试养老', leadUnit: '区民政局', coUnits: [] }),
        ],
      },
    ],
  });
  const created = await admin.post('/api/v1/programmes/import', doc);
  const programme = json<{ id: number }>(created).id;
  await admin.patch(`/api/v1/programmes/${programme}`, { version: 1, state: 'published' });
  const tree = json<ProgrammeTree>(await admin.get(`/api/v1/programmes/${programme}/tree`));
  const [school, eldercare] = tree.categories[0]?.items ?? [];
  item = school?.id ?? 0;
  const otherUnit = eldercare?.units[0]?.unitId;
  await admin.post('/api/v1/users', {
    username: 'mz-files',
    password: TEST_PASSWORD,
    role: 'reporter',
    unitId: otherUnit,
  });
  otherReporter = await signIn(ctx.app, 'mz-files');

  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3a7' } })
    .png()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 7/1 0/1' } })
    .toBuffer();
}, 120_000);
afterAll(() => ctx?.close());

describe('uploading evidence', () => {
  it('stores an image by its SHA-256 with a thumbnail, once however often it comes', async () => {
    const response = await upload(reporter, '现场照片.png', photo);
    expect(response.statusCode, response.body).toBe(201);
    const sha256 = createHash('sha256').update(photo).digest('hex');
    expect(json<Uploaded>(response)).toEqual({
      sha256,
      fileName: '现场照片.png',
      mime: 'image/png',
      size: photo.length,
      hasThumbnail: true,
    });
    const again = await upload(admin, '同一张.png', photo);
    expect(json<Uploaded>(again)).toMatchObject({ sha256, fileName: '同一张.png', hasThumbnail: true });
  });

  it('accepts JPEG, PDF, Word and Excel, typed by content', async () => {
    const jpeg = await sharp(photo).jpeg().toBuffer();
    expect(json<Uploaded>(await upload(reporter, 'a.jpg', jpeg))).toMatchObject({
      mime: 'image/jpeg',
      hasThumbnail: true,
    });
    expect(json<Uploaded>(await upload(reporter, '方案.pdf', pdf))).toMatchObject({
      mime: 'application/pdf',
      hasThumbnail: false,
    });
    const types = text('<?xml version="1.0"?><Types/>');
    const docx = zipSync({ '[Content_Types].xml': types, 'word/document.xml': text('<w:document/>') });
    expect(json<Uploaded>(await upload(reporter, '进展.docx', docx)).mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const xlsx = zipSync({ '[Content_Types].xml': types, 'xl/workbook.xml': text('<workbook/>') });
    expect((await upload(reporter, '台账.xlsx', xlsx)).statusCode).toBe(201);
  });

  it('refuses other types, a spoofed extension, a broken image and zip bombs, each with a clear message', async () => {
    const refusals: [string, Uint8Array, RegExp][] = [
      [
        'setup.exe',
        text('MZ\x90\x00\x03\x00 program'),
        /^不支持的文件类型。请上传图片\(JPG\/PNG\/GIF\/WebP\)、PDF、Word或Excel文件/,
      ],
      ['page.html', text('<!doctype html><script>alert(1)</script>'), /^不支持的文件类型/],
      ['现场.jpg', pdf, /^文件名“现场.jpg”的扩展名与文件内容不符：内容是PDF 文件/],
      ['broken.png', photo.subarray(0, 60), /^图片无法读取/],
      ['bomb.docx', fixture('bomb.docx'), /zip 炸弹/],
      ['bomb.xlsx', fixture('bomb-lying.xlsx'), /大于声明的大小/],
    ];
    for (const [name, bytes, message] of refusals) {
      const response = await upload(reporter, name, bytes);
      expect(response.statusCode, name).toBe(400);
      expect(json<ErrorBody>(response).message, name).toMatch(message);
    }
  });

  it('refuses a file over 20 MB with 413', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 0x20);
    pdf.copy(big);
    const response = await upload(reporter, 'big.pdf', big);
    expect(response.statusCode).toBe(413);
    expect(json<ErrorBody>(response)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(json<ErrorBody>(response).message).toMatch(/^文件超过 20 MB 的上限/);
  });

  it('lets only the roles that write upload, and wants the file in the field "file"', async () => {
    expect((await upload(viewer, 'a.pdf', pdf)).statusCode).toBe(403);
    expect((await upload(leader, 'a.pdf', pdf)).statusCode).toBe(403);
    expect((await upload(anonymousClient(ctx.app), 'a.pdf', pdf)).statusCode).toBe(401);
    const wrongField = await upload(reporter, 'a.pdf', pdf, 'document');
    expect(wrongField.statusCode).toBe(400);
    expect(json<ErrorBody>(wrongField).message).toMatch(/^请在表单字段 file 中选择/);
    const notMultipart = await reporter.post('/api/v1/files', { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
  });
});

describe('attachments of a report', () => {
  let attachments: Attachment[] = [];
  let reportId = 0;

  it('attaches uploaded files and refuses one never uploaded', async () => {
    const image = json<Uploaded>(await upload(reporter, '竣工现场.png', photo));
    const doc = json<Uploaded>(await upload(reporter, '验收报告.pdf', pdf));
    const never = await reporter.post(`/api/v1/items/${item}/reports`, {
      period: 'M03',
      attachments: [{ sha256: 'f'.repeat(64), fileName: '没有上传.pdf' }],
    });
    expect(never.statusCode).toBe(400);
    expect(json<ErrorBody>(never).message).toMatch(/^附件“没有上传.pdf”尚未上传/);

    const created = await reporter.post(`/api/v1/items/${item}/reports`, {
      period: 'M03',
      attachments: [image, doc].map(({ sha256, fileName }) => ({ sha256, fileName })),
    });
    expect(created.statusCode, created.body).toBe(201);
    const report = json<{ id: number; attachments: Attachment[] }>(created);
    reportId = report.id;
    attachments = report.attachments;
    expect(attachments.map((a) => [a.fileName, a.mime, a.thumbnailUrl === null])).toEqual([
      ['竣工现场.png', 'image/png', false],
      ['验收报告.pdf', 'application/pdf', true],
    ]);
  });

  it('downloads the file with safe headers and a UTF-8 file name', async () => {
    const [image] = attachments;
    const response = await reporter.get(image?.url ?? '');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toMatch(/^private/);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('竣工现场.png')}`,
    );
    expect(Buffer.compare(response.rawPayload, photo)).toBe(0);
  });

  it('serves a WebP thumbnail at most 320 px wide, without the GPS position, for images only', async () => {
    const [image, doc] = attachments;
    const response = await reporter.get(image?.thumbnailUrl ?? '');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/webp');
    const meta = await sharp(response.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 320, height: 240 });
    expect(meta.exif).toBeUndefined();
    expect((await reporter.get(`/api/v1/attachments/${doc?.id}/thumbnail`)).statusCode).toBe(404);
  });

  it('shows the files only to those who may read the report', async () => {
    const [image] = attachments;
    const urls = [image?.url ?? '', image?.thumbnailUrl ?? ''];
    for (const path of urls) {
      expect((await otherReporter.get(path)).statusCode, path).toBe(404);
      // A draft stays with its unit and the office.
      expect((await viewer.get(path)).statusCode, path).toBe(404);
      expect((await admin.get(path)).statusCode, path).toBe(200);
    }
    await reporter.post(`/api/v1/reports/${reportId}/submit`, { version: 1 });
    expect((await viewer.get(urls[0] ?? '')).statusCode).toBe(200);
    expect((await otherReporter.get(urls[0] ?? '')).statusCode).toBe(404);
    expect((await reporter.get('/api/v1/attachments/999999')).statusCode).toBe(404);
  });

  it('replaces the attachments when a returned report is edited', async () => {
    const current = json<{ version: number }>(await admin.get(`/api/v1/reports/${reportId}`));
    const returned = await admin.post(`/api/v1/reports/${reportId}/return`, {
      version: current.version,
      reason: '照片不清晰',
    });
    const [, doc] = attachments;
    const kept = [{ sha256: doc?.sha256 ?? '', fileName: doc?.fileName ?? '' }];
    const edited = await reporter.patch(`/api/v1/reports/${reportId}`, {
      version: json<{ version: number }>(returned).version,
      attachments: kept,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = json<{ attachments: Attachment[] }>(edited).attachments;
    expect(after.map((a) => a.id)).toEqual([doc?.id]);
    expect((await reporter.get(attachments[0]?.url ?? '')).statusCode).toBe(404);
  });
});
