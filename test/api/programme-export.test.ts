import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_SHEET, readEmbeddedDocument } from '../../src/core/export/embedded-document.js';
import { readDocxBack, readXlsxBack, xlsxSource } from '../../src/core/export/testing/read-back.js';
import type { ProgrammeDocument } from '../../src/core/interchange.js';
import { normalizeDocument } from '../../src/core/tree.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildProgrammeDocument } from '../helpers/factories.js';

let ctx: TestContext;
let admin: Client;
let id: number;
const doc = buildProgrammeDocument({ title: '测试区2030年民心工程（第二批）' });

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  admin = await signIn(ctx.app, 'admin');
  const response = await admin.post('/api/v1/programmes/import', doc);
  expect(response.statusCode, response.body).toBe(201);
  id = (response.json() as { id: number }).id;
});
afterAll(() => ctx.close());

const encodedTitle = encodeURIComponent('测试区2030年民心工程（第二批）');

describe('GET /programmes/:id/export in every format', () => {
  it.each([
    ['', 'json', 'application/json; charset=utf-8'],
    ['?format=json', 'json', 'application/json; charset=utf-8'],
    ['?format=xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['?format=docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['?format=csv', 'csv', 'text/csv; charset=utf-8'],
  ])('%s answers %s with its content type and the title as the file name', async (query, ext, type) => {
    const response = await admin.get(`/api/v1/programmes/${id}/export${query}`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="programme-${id}.${ext}"; filename*=UTF-8''${encodedTitle}.${ext}`,
    );
  });

  it('sends the interchange document as JSON', async () => {
    const response = await admin.get(`/api/v1/programmes/${id}/export`);
    expect(response.json() as ProgrammeDocument).toEqual(normalizeDocument(doc));
  });

  it('sends a workbook whose hidden sheet holds the whole programme', async () => {
    const response = await admin.get(`/api/v1/programmes/${id}/export?format=xlsx`);
    const { sheets } = await readXlsxBack(response.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual(['清单', EMBED_SHEET]);
    expect(sheets[0]?.rows[0]?.[0]).toBe('测试区2030年民心工程（第二批）进度和责任清单');
    expect(readEmbeddedDocument(xlsxSource(sheets))).toEqual({
      kind: 'document',
      document: normalizeDocument(doc),
      visibleTableMatches: true,
    });
  });

  it('sends a Word document with the table and the programme', async () => {
    const response = await admin.get(`/api/v1/programmes/${id}/export?format=docx`);
    const { source } = readDocxBack(response.rawPayload);
    expect(source.tables[0]?.rows[0]?.[0]).toBe('大项');
    expect(readEmbeddedDocument(source)).toMatchObject({ kind: 'document', visibleTableMatches: true });
  });

  it('sends CSV with a byte-order mark, one row per item and part', async () => {
    const response = await admin.get(`/api/v1/programmes/${id}/export?format=csv`);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.rawPayload.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]?.slice(1)).toMatch(/^大项,序号,分项,项目名称,/);
    expect(lines).toHaveLength(1 + 5); // the header; items 1, 2 and 3; the two parts of 2
  });

  it('refuses an unknown format, saying so in Chinese first', async () => {
    const response = await admin.get(`/api/v1/programmes/${id}/export?format=pdf`);
    expect(response.statusCode).toBe(400);
    expect((response.json() as { message: string }).message).toMatch(/^[\u4e00-\u9fff]/);
  });

  it('is for those who see the whole list: a reporter and a leader get 403 in every format, a viewer the file', async () => {
    const demoId = (
      (await admin.get('/api/v1/programmes')).json() as { items: { id: number; title: string }[] }
    ).items.find((p) => p.title.startsWith('明湖区'))?.id;
    expect(demoId).toBeDefined();
    for (const role of ['reporter', 'leader'] as const) {
      const client = await signIn(ctx.app, role);
      for (const format of ['json', 'xlsx', 'docx', 'csv']) {
        const response = await client.get(`/api/v1/programmes/${demoId}/export?format=${format}`);
        expect(response.statusCode, `${role} ${format}`).toBe(403);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.headers['content-disposition']).toBeUndefined();
      }
    }
    const viewer = await signIn(ctx.app, 'viewer');
    const response = await viewer.get(`/api/v1/programmes/${demoId}/export?format=xlsx`);
    expect(response.statusCode).toBe(200);
  });
});
