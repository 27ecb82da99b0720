import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { publishedOneItemProgramme } from '../helpers/programmes.js';

/**
 * `submit: true` on POST /items/:id/reports: create and submit in one audited
 * transaction, so one Idempotency-Key covers a whole submission (issue 6, the
 * crash suite relies on it). A published 2026 programme of 明湖区 of its own.
 */

let ctx: TestContext;
let admin: Client;
let supervisor: Client;
let reporter: Client;
let viewer: Client;
let programmeId = 0;
let itemId = 0;
let indicatorId = 0;

interface ReportBody {
  id: number;
  state: string;
  version: number;
  period: string;
  progress: string;
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  submittedBy: number | null;
  values: { indicatorId: number; value: number }[];
}

const url = (path: string) => `/api/v1${path}`;
const create = (client: Client, payload: object, key?: string) =>
  client.request({
    method: 'POST',
    url: url(`/items/${itemId}/reports`),
    payload,
    headers: key ? { 'idempotency-key': key } : {},
  });

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 1000 });
  admin = await signIn(ctx.app, 'admin');
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
  viewer = await signIn(ctx.app, 'viewer');
  ({ programmeId, itemId, indicatorId } = await publishedOneItemProgramme(admin, supervisor, {
    title: '明湖区2026年一步提交测试工程',
    item: '一步提交测试学校',
  }));
}, 120_000);
afterAll(() => ctx?.close());

describe('creating a report with submit: true', () => {
  it('makes a submitted report in one step, audited as create, values, submit', async () => {
    const response = await create(reporter, {
      period: 'M01',
      progress: '一步提交',
      submit: true,
      values: [{ indicatorId, value: 12 }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json() as ReportBody;
    expect(report).toMatchObject({ state: 'submitted', version: 2, period: 'M01', progress: '一步提交' });
    expect(report.values).toEqual([{ indicatorId, value: 12 }]);
    expect(report.submittedAt).not.toBeNull();
    expect(report.firstSubmittedAt).toBe(report.submittedAt);
    expect(report.submittedBy).not.toBeNull();
    const history = (await admin.get(url(`/history?entityType=report&entityId=${report.id}`))).json() as {
      items: { action: string }[];
    };
    expect(history.items.map((e) => e.action).reverse()).toEqual(['create', 'update-values', 'submit']);
    // Now it waits for review: the reviewer can approve it at once.
    const approved = await supervisor.post(url(`/reports/${report.id}/approve`), { version: report.version });
    expect(approved.statusCode, approved.body).toBe(200);
  });

  it('replays the first result for a repeated key: one report, still submitted, nothing more audited', async () => {
    const key = 'crash-retry-0001';
    const first = await create(reporter, { period: 'M02', progress: '重试', submit: true }, key);
    const again = await create(reporter, { period: 'M02', progress: '重试', submit: true }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode, again.body).toBe(200);
    const a = first.json() as ReportBody;
    const b = again.json() as ReportBody;
    expect(b).toMatchObject({ id: a.id, state: 'submitted', version: a.version, submittedAt: a.submittedAt });
    const listed = (await reporter.get(url(`/items/${itemId}/reports?period=M02`))).json() as { total: number };
    expect(listed.total).toBe(1);
    const history = (await admin.get(url(`/history?entityType=report&entityId=${a.id}`))).json() as {
      items: { action: string }[];
    };
    expect(history.items.map((e) => e.action).reverse()).toEqual(['create', 'submit']);
  });

  it('replays the draft a key made when the same key comes back with submit: true', async () => {
    // The web form keeps its key until a create succeeds: a "save" whose answer was lost, then
    // "submit", arrive with one key. The draft comes back (not a 409, not a second report) for the form to submit.
    const key = 'save-then-submit-0001';
    const saved = await create(reporter, { period: 'M07', progress: '草稿' }, key);
    expect(saved.statusCode, saved.body).toBe(201);
    const again = await create(reporter, { period: 'M07', progress: '草稿，已补充', submit: true }, key);
    expect(again.statusCode, again.body).toBe(200);
    const draft = saved.json() as ReportBody;
    expect(again.json()).toMatchObject({ id: draft.id, state: 'draft', version: draft.version, progress: '草稿' });
    const listed = (await reporter.get(url(`/items/${itemId}/reports?period=M07`))).json() as { total: number };
    expect(listed.total).toBe(1);
  });

  it('answers concurrent twins with one key with one report', async () => {
    const key = 'crash-retry-twins';
    const responses = await Promise.all(
      [1, 2, 3, 4].map(() => create(reporter, { period: 'M03', progress: '并发', submit: true }, key)),
    );
    const ids = new Set(responses.map((r) => (r.json() as ReportBody).id));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 201]);
    expect(ids.size).toBe(1);
  });

  it('leaves nothing behind when the period is locked, and is refused to a viewer', async () => {
    const lock = await supervisor.post(url(`/programmes/${programmeId}/periods/M04/lock`));
    expect(lock.statusCode, lock.body).toBe(200);
    const locked = await create(reporter, { period: 'M04', progress: '锁定期', submit: true }, 'crash-locked');
    expect(locked.statusCode).toBe(409);
    expect((locked.json() as { message: string }).message).toMatch(/^该期（M04）已锁定/);
    const listed = (await reporter.get(url(`/items/${itemId}/reports?period=M04`))).json() as { total: number };
    expect(listed.total).toBe(0);
    const denied = await create(viewer, { period: 'M05', unitId: 1, submit: true });
    expect([403, 404]).toContain(denied.statusCode);
    expect(((await reporter.get(url(`/items/${itemId}/reports?period=M05`))).json() as { total: number }).total).toBe(
      0,
    );
  });

  it('refuses a submit that is not a boolean', async () => {
    const response = await create(reporter, { period: 'M06', submit: 'yes' });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { message: string }).message).toMatch(/^[\u4e00-\u9fff]|submit/);
  });
});
