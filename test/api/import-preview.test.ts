import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let supervisor: Client;

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const PROSE = [
  '测试区2030年10项民心工程',
  '一、新建社区食堂。在三个街道新建社区食堂3处。',
  '二、改造老旧小区。完成老旧小区改造12个。',
].join('\n');

beforeAll(async () => {
  ctx = await createTestApp();
  supervisor = await signIn(ctx.app, 'supervisor');
});
afterAll(() => ctx.close());

type Preview = {
  document: { title: string; year: number; jurisdiction: string; categories: { items: { name: string }[] }[] };
  layout: string;
  warnings: unknown[];
};

describe('previewing an import', () => {
  it('reads pasted text, and the preview can be committed as a draft', async () => {
    const response = await supervisor.post('/api/v1/programmes/import/preview', {
      text: PROSE,
      jurisdiction: '明湖区',
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as Preview;
    expect(preview.layout).toBe('prose-list');
    expect(preview.document.categories[0]?.items.map((i) => i.name)).toEqual(['新建社区食堂', '改造老旧小区']);
    const count = async () =>
      ((await supervisor.get('/api/v1/programmes')).json() as { items: unknown[] }).items.length;
    const before = await count();
    expect(await count()).toBe(before);
    const committed = await supervisor.post('/api/v1/programmes/import', preview.document);
    expect(committed.statusCode, committed.body).toBe(201);
  });

  it('reads an uploaded Word table', async () => {
    const response = await supervisor.post('/api/v1/programmes/import/preview', {
      fileName: 'list.docx',
      contentBase64: fixture('xiqing-layout.docx').toString('base64'),
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as Preview;
    expect(preview.document.year).toBe(2030);
    expect(preview.document.categories.length).toBeGreaterThan(0);
  });

  it('answers a file that is not a list with a clear 4xx, Chinese first', async () => {
    for (const name of ['garbage.docx', 'image-renamed.docx', 'bomb.docx', 'no-list.xlsx']) {
      const response = await supervisor.post('/api/v1/programmes/import/preview', {
        fileName: name,
        contentBase64: fixture(name).toString('base64'),
        year: 2030,
        jurisdiction: '明湖区',
      });
      expect(response.statusCode, `${name}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      // Chinese first (a product name such as "Word (.docx)" may lead).
      expect((response.json() as { message: string }).message.slice(0, 15)).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('is the office’s tool', async () => {
    const reporter = await signIn(ctx.app, 'reporter');
    expect((await reporter.post('/api/v1/programmes/import/preview', { text: PROSE })).statusCode).toBe(403);
  });
});
