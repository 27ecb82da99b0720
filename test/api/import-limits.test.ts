import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdImportPool, importPool } from '../../src/server/workers/shared-pool.js';
import { heavyListDocx } from '../../src/server/workers/testing/heavy-list.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

/**
 * The import pool's bounds as a person sees them through the API: a file past
 * the time limit and a full queue get clear answers, Chinese first, and the
 * next import is read as usual. The process-wide pool is made here, before
 * the app, with a short limit and no queue; the app then shares it.
 */

const PROSE = [
  '测试区2030年10项民心工程',
  '一、新建社区食堂。新建社区食堂3处。',
  '二、改造老旧小区。完成老旧小区改造12个。',
].join('\n');

let releasePool: () => Promise<void>;
let ctx: TestContext;
let supervisor: Client;

beforeAll(async () => {
  releasePool = holdImportPool({ timeoutMs: 500, maxWaiting: 0 });
  ctx = await createTestApp();
  supervisor = await signIn(ctx.app, 'supervisor');
  // Start the worker, so the limit below meets the reading and not the start-up.
  expect((await supervisor.post('/api/v1/programmes/import/preview', { text: PROSE })).statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await ctx.close();
  await releasePool();
});

const preview = (payload: object) => supervisor.post('/api/v1/programmes/import/preview', payload);

describe('the bounds of an import, through the API', () => {
  it('answers 413 past the time limit and 503 past the queue, then reads the next import', async () => {
    const heavy = preview({ fileName: 'list.docx', contentBase64: Buffer.from(heavyListDocx()).toString('base64') });
    while (importPool().running === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const queued = await preview({ text: PROSE });
    expect(queued.statusCode, queued.body).toBe(503);
    expect(queued.json()).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^导入排队已满，请稍后再试。/),
    });

    const slow = await heavy;
    expect(slow.statusCode, slow.body).toBe(413);
    expect(slow.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/^文件过于复杂，未能在 0\.5 秒内读完，请拆分后再导入。/),
    });

    const next = await preview({ text: PROSE });
    expect(next.statusCode, next.body).toBe(200);
  }, 120_000);
});
