import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeTree } from '../../src/core/tree.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';

/**
 * Progress reports on a published 2026 programme of 明湖区 made for this file
 * (every month of 2026 has begun), so the demo's own data does not matter.
 */

let ctx: TestContext;
let admin: Client;
let supervisor: Client;
/** 区教育局: lead of 报送测试学校, co-unit of nothing here. */
let reporter: Client;
/** 区住建委: co-unit of 报送测试学校. */
let coReporter: Client;
/** 区体育局: lead of a part of 报送测试分项 only. */
let partReporter: Client;
/** 区民政局: an item of its own, nothing of 区教育局's. */
let otherReporter: Client;
let viewer: Client;

const f = {
  programme: 0,
  school: 0,
  eldercare: 0,
  parent: 0,
  part: 0,
  indicators: [0, 0],
  otherIndicator: 0,
  units: {} as Record<string, number>,
  future: { item: 0, unit: 0 },
};

interface ReportBody {
  id: number;
  state: string;
  version: number;
  unitId: number;
  period: string;
  returnReason: string | null;
  progress: string;
  role: string | null;
  values: { indicatorId: number; value: number }[];
  shares: { id: number; unitId: number; state: string; values: { indicatorId: number; value: number }[] }[] | null;
  consolidated: { indicatorId: number; value: number; source: string }[] | null;
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  reviewedAt: string | null;
}

interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown> | null;
}

const url = (path: string) => `/api/v1${path}`;
const body = <T = ReportBody>(response: { json(): unknown }) => response.json() as T;

async function importPublished(doc: ReturnType<typeof buildProgrammeDocument>, publish: boolean): Promise<number> {
  const created = await admin.post(url('/programmes/import'), doc);
  expect(created.statusCode, created.body).toBe(201);
  const id = body<{ id: number }>(created).id;
  if (publish) {
    const published = await admin.patch(url(`/programmes/${id}`), { version: 1, state: 'published' });
    expect(published.statusCode, published.body).toBe(200);
  }
  return id;
}

async function reporterOf(unit: string, username: string): Promise<Client> {
  const created = await admin.post(url('/users'), {
    username,
    password: TEST_PASSWORD,
    role: 'reporter',
    unitId: f.units[unit],
  });
  expect(created.statusCode, created.body).toBe(201);
  return signIn(ctx.app, username);
}

async function createReport(client: Client, itemId: number, payload: object, headers: Record<string, string> = {}) {
  return client.request({ method: 'POST', url: url(`/items/${itemId}/reports`), payload, headers });
}

async function draft(client: Client, itemId: number, period: string, extra: object = {}): Promise<ReportBody> {
  const response = await createReport(client, itemId, { period, progress: '按计划推进', ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return body(response);
}

async function submitted(client: Client, itemId: number, period: string, extra: object = {}): Promise<ReportBody> {
  const report = await draft(client, itemId, period, extra);
  const response = await client.post(url(`/reports/${report.id}/submit`), { version: report.version });
  expect(response.statusCode, response.body).toBe(200);
  return body(response);
}

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 1000 });
  admin = await signIn(ctx.app, 'admin');
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
  viewer = await signIn(ctx.app, 'viewer');

  const base = { persons: [], leaders: [], milestones: [], deadline: null, children: [] };
  f.programme = await importPublished(
    buildProgrammeDocument({
      title: '明湖区2026年报送测试工程',
      jurisdiction: '明湖区',
      year: 2026,
      categories: [
        {
          ordinal: 1,
          title: '教育',
          items: [
            buildItem({
              ...base,
              number: '1',
              name: '报送测试学校',
              leadUnit: '区教育局',
              coUnits: ['区住建委'],
              indicators: [
                { name: '新增学位', unit: '个', target: 100, checkpoints: { Q4: 100 } },
                { name: '改造学校', unit: '所', target: 4, checkpoints: { Q4: 4 } },
              ],
            }),
            buildItem({ ...base, number: '2', name: '报送测试养老', leadUnit: '区民政局', coUnits: [] }),
            buildItem({
              ...base,
              number: '3',
              name: '报送测试分项',
              leadUnit: '区教育局',
              coUnits: [],
              indicators: [],
              children: [
                buildItem({
                  ...base,
                  number: '(1)',
                  name: '分项一',
                  leadUnit: '区体育局',
                  coUnits: [],
                  indicators: [],
                }),
              ],
            }),
          ],
        },
      ],
    }),
    true,
  );
  const tree = body<ProgrammeTree>(await admin.get(url(`/programmes/${f.programme}/tree`)));
  const items = tree.categories[0]?.items ?? [];
  const [school, eldercare, parent] = items;
  if (!school || !eldercare || !parent) throw new Error('test programme incomplete');
  f.school = school.id;
  f.eldercare = eldercare.id;
  f.parent = parent.id;
  f.part = parent.children[0]?.id ?? 0;
  f.indicators = school.indicators.map((i) => i.id);
  f.otherIndicator = eldercare.indicators[0]?.id ?? 0;
  for (const node of [school, eldercare, parent, ...parent.children])
    for (const unit of node.units) f.units[unit.name] = unit.unitId;

  coReporter = await reporterOf('区住建委', 'zjw-reporter');
  partReporter = await reporterOf('区体育局', 'tyj-reporter');
  otherReporter = await reporterOf('区民政局', 'mzj-reporter');

  const future = await importPublished(
    buildProgrammeDocument({ title: '测试区2030年报送测试', jurisdiction: '明湖区', year: 2030 }),
    false,
  );
  const futureTree = body<ProgrammeTree>(await admin.get(url(`/programmes/${future}/tree`)));
  const futureItem = futureTree.categories[0]?.items[0];
  f.future = { item: futureItem?.id ?? 0, unit: futureItem?.units[0]?.unitId ?? 0 };
}, 120_000);
afterAll(() => ctx?.close());

describe('the report workflow', () => {
  it('goes draft → submitted → returned → resubmitted → approved, audited step by step', async () => {
    const created = await draft(reporter, f.school, 'M01', {
      percentComplete: 10,
      fundsPlanned: 500,
      fundsAllocated: 200,
      fundsDisbursed: 150,
      values: [{ indicatorId: f.indicators[0], value: 20 }],
    });
    expect(created).toMatchObject({
      state: 'draft',
      version: 1,
      unitId: f.units.区教育局,
      period: 'M01',
      role: 'lead',
    });
    expect(created.values).toEqual([{ indicatorId: f.indicators[0], value: 20 }]);

    const edited = await reporter.patch(url(`/reports/${created.id}`), { version: 1, progress: '完成主体结构' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(body(edited)).toMatchObject({ progress: '完成主体结构', version: 2 });
    expect(body(edited).values).toHaveLength(1);

    const submit = await reporter.post(url(`/reports/${created.id}/submit`), { version: 2 });
    expect(body(submit)).toMatchObject({ state: 'submitted', version: 3 });
    expect(body(submit).submittedAt).not.toBeNull();
    const firstSubmittedAt = body(submit).firstSubmittedAt;
    expect(firstSubmittedAt).toBe(body(submit).submittedAt);

    const noReason = await supervisor.post(url(`/reports/${created.id}/return`), { version: 3, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    const returned = await supervisor.post(url(`/reports/${created.id}/return`), {
      version: 3,
      reason: '请补充资金支出凭证',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(body(returned)).toMatchObject({ state: 'returned', returnReason: '请补充资金支出凭证' });
    const inbox = body<{ items: { title: string; body: string }[] }>(await reporter.get(url('/me/inbox')));
    expect(inbox.items.find((m) => m.title.startsWith('进展报告被退回：1 报送测试学校（M01）'))?.body).toContain(
      '请补充资金支出凭证',
    );

    const fixed = await reporter.patch(url(`/reports/${created.id}`), { version: 4, problems: '已补充凭证' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resubmitted = await reporter.post(url(`/reports/${created.id}/submit`), { version: 5 });
    expect(body(resubmitted).state).toBe('submitted');
    // On time is judged by the first submission: a fix after a return keeps it.
    expect(body(resubmitted).firstSubmittedAt).toBe(firstSubmittedAt);
    const approved = await supervisor.post(url(`/reports/${created.id}/approve`), { version: 6 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(body(approved)).toMatchObject({ state: 'approved', returnReason: null, version: 7 });
    expect(body(approved).reviewedAt).not.toBeNull();

    const locked = await reporter.patch(url(`/reports/${created.id}`), { version: 7, progress: '再改' });
    expect(locked.statusCode).toBe(409);
    expect(body<ErrorBody>(locked).message).toMatch(/^该报告当前状态为“已审核通过”，不能修改/);

    const history = body<{ items: { action: string; entityType: string; entityId: number }[] }>(
      await admin.get(url(`/history?entityType=report&entityId=${created.id}`)),
    );
    expect(history.items.map((e) => e.action).reverse()).toEqual([
      'create',
      'update-values',
      'update',
      'submit',
      'return',
      'update',
      'submit',
      'approve',
    ]);
  });

  it('lets only the office reopen an approved report, back to returned with the reason', async () => {
    const report = await submitted(reporter, f.school, 'M02');
    const approved = body(await supervisor.post(url(`/reports/${report.id}/approve`), { version: report.version }));
    const byReporter = await reporter.post(url(`/reports/${report.id}/reopen`), {
      version: approved.version,
      reason: 'x',
    });
    expect(byReporter.statusCode).toBe(403);
    const reopened = await supervisor.post(url(`/reports/${report.id}/reopen`), {
      version: approved.version,
      reason: '数据需更正',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(body(reopened)).toMatchObject({ state: 'returned', returnReason: '数据需更正' });
    const again = await supervisor.post(url(`/reports/${report.id}/approve`), { version: body(reopened).version });
    expect(again.statusCode).toBe(409);
    expect(body<ErrorBody>(again).message).toContain('已退回');
  });

  it('deletes only drafts, and refuses review by the reporter', async () => {
    const report = await draft(reporter, f.school, 'M03');
    expect((await reporter.post(url(`/reports/${report.id}/approve`), { version: 1 })).statusCode).toBe(403);
    expect((await reporter.delete(url(`/reports/${report.id}`))).statusCode).toBe(204);
    expect((await reporter.get(url(`/reports/${report.id}`))).statusCode).toBe(404);
    const sent = await submitted(reporter, f.school, 'M03');
    const refused = await reporter.delete(url(`/reports/${sent.id}`));
    expect(refused.statusCode).toBe(409);
    expect(body<ErrorBody>(refused).message).toMatch(/^只能删除草稿/);
  });

  it('lets one of two reviewers acting at once win; the other gets 409 with the current record', async () => {
    const report = await submitted(reporter, f.school, 'M04');
    const [a, b] = await Promise.all([
      admin.post(url(`/reports/${report.id}/approve`), { version: report.version }),
      supervisor.post(url(`/reports/${report.id}/return`), { version: report.version, reason: '退回' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = body<ErrorBody>(a.statusCode === 409 ? a : b);
    expect(loser.code).toBe('CONFLICT');
    expect(loser.message).toMatch(/^该记录已被他人修改/);
    const current = (loser.details as { current: { state: string; version: number } }).current;
    expect(current.version).toBe(report.version + 1);
    expect(['approved', 'returned']).toContain(current.state);

    const twice = await submitted(reporter, f.school, 'M06');
    const results = await Promise.all([
      admin.post(url(`/reports/${twice.id}/approve`), { version: twice.version }),
      supervisor.post(url(`/reports/${twice.id}/approve`), { version: twice.version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(body(await admin.get(url(`/reports/${twice.id}`))).version).toBe(twice.version + 1);
  });
});

describe('bad input', () => {
  it('refuses a report for an item of another unit: 404 when unreadable, 403 when readable', async () => {
    const unreadable = await createReport(reporter, f.eldercare, { period: 'M05' });
    expect(unreadable.statusCode).toBe(404);
    expect(body<ErrorBody>(unreadable).message).toMatch(/^子项不存在或您无权查看/);
    const otherUnit = await createReport(reporter, f.school, { period: 'M05', unitId: f.units.区住建委 });
    expect(otherUnit.statusCode).toBe(403);
    expect(body<ErrorBody>(otherUnit).message).toMatch(/^您没有执行此操作的权限/);
    // A unit of a part may read its parent, but reports only on its part.
    const onParent = await createReport(partReporter, f.parent, { period: 'M05' });
    expect(onParent.statusCode).toBe(403);
    expect((await createReport(partReporter, f.part, { period: 'M05' })).statusCode).toBe(201);
    // The parent's lead unit reports on the part too.
    expect((await createReport(reporter, f.part, { period: 'M05' })).statusCode).toBe(201);
    const office = await createReport(supervisor, f.school, { period: 'M05' });
    expect(office.statusCode).toBe(400);
    expect(body<ErrorBody>(office).message).toMatch(/^请指定填报单位/);
    const notAUnit = await createReport(supervisor, f.school, { period: 'M05', unitId: f.units.区民政局 });
    expect(notAUnit.statusCode).toBe(403);
  });

  it('refuses a second report of the same unit and period, pointing at the first', async () => {
    const first = await draft(reporter, f.school, 'M07');
    const second = await createReport(reporter, f.school, { period: 'M07' });
    expect(second.statusCode).toBe(409);
    expect(body<ErrorBody>(second).message).toContain(`编号 ${first.id}`);
    expect(body<ErrorBody>(second).details).toEqual({ existingId: first.id });
  });

  it('returns the first result for a repeated Idempotency-Key and creates nothing more', async () => {
    const headers = { 'idempotency-key': 'submit-form-7f3a' };
    const first = await createReport(reporter, f.school, { period: 'M08', progress: '一' }, headers);
    const again = await createReport(reporter, f.school, { period: 'M08', progress: '一' }, headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode, again.body).toBe(200);
    expect(body(again).id).toBe(body(first).id);
    const listed = body<{ items: { id: number }[]; total: number }>(
      await reporter.get(url(`/items/${f.school}/reports?period=M08`)),
    );
    expect(listed.total).toBe(1);
    const tooLong = await createReport(reporter, f.school, { period: 'M09' }, { 'idempotency-key': 'k'.repeat(101) });
    expect(tooLong.statusCode).toBe(400);
  });

  it('refuses bad figures with a clear message', async () => {
    const overspent = await createReport(reporter, f.school, {
      period: 'M09',
      fundsAllocated: 100,
      fundsDisbursed: 120,
    });
    expect(overspent.statusCode).toBe(400);
    expect(body<ErrorBody>(overspent).message).toMatch(/^已支出资金（120 万元）不能大于已拨付资金（100 万元）/);
    const foreign = await createReport(reporter, f.school, {
      period: 'M09',
      values: [{ indicatorId: f.otherIndicator || 999_999, value: 1 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(body<ErrorBody>(foreign).message).toContain('不是本子项的量化指标');
    for (const bad of [
      { period: 'M09', percentComplete: 101 },
      { period: 'M09', fundsPlanned: -1 },
      { period: 'M13' },
      { period: 'M09', progress: '长'.repeat(5001) },
      { period: 'M09', surprise: true },
    ]) {
      const response = await createReport(reporter, f.school, bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(body<ErrorBody>(response).message).toMatch(/^[\u4e00-\u9fff]/);
    }
    const quarterly = await createReport(reporter, f.school, { period: 'Q1' });
    expect(quarterly.statusCode).toBe(400);
    expect(body<ErrorBody>(quarterly).message).toContain('按月报送');
    const notBegun = await createReport(admin, f.future.item, { period: 'M01', unitId: f.future.unit });
    expect(notBegun.statusCode).toBe(400);
    expect(body<ErrorBody>(notBegun).message).toMatch(/^该期（2030年M01）尚未开始/);
  });

  it('refuses creating, editing, submitting and reopening in a locked period', async () => {
    const waiting = await submitted(reporter, f.school, 'M10');
    const early = await supervisor.post(url(`/programmes/${f.programme}/periods/M10/lock`));
    expect(early.statusCode).toBe(409);
    expect(body<ErrorBody>(early).message).toMatch(/^该期（M10）还有 1 份报告待审核/);
    const approved = body(await supervisor.post(url(`/reports/${waiting.id}/approve`), { version: waiting.version }));
    const coDraft = await draft(coReporter, f.school, 'M10');

    const lock = await supervisor.post(url(`/programmes/${f.programme}/periods/M10/lock`));
    expect(lock.statusCode, lock.body).toBe(200);
    expect(lock.json()).toMatchObject({ locked: true, lockedPeriods: ['M10'] });
    expect((await reporter.post(url(`/programmes/${f.programme}/periods/M10/unlock`))).statusCode).toBe(403);

    const expectLocked = (response: { statusCode: number; body: string }) => {
      expect(response.statusCode, response.body).toBe(409);
      expect(body<ErrorBody>(response as never).message).toMatch(/^该期（M10）已锁定.*请联系督查室解锁/);
    };
    expectLocked(await createReport(partReporter, f.part, { period: 'M10' }));
    expectLocked(await coReporter.patch(url(`/reports/${coDraft.id}`), { version: 1, progress: '改' }));
    expectLocked(await coReporter.post(url(`/reports/${coDraft.id}/submit`), { version: 1 }));
    expectLocked(
      await supervisor.post(url(`/reports/${approved.id}/reopen`), { version: approved.version, reason: '更正' }),
    );

    const unlock = await supervisor.post(url(`/programmes/${f.programme}/periods/M10/unlock`));
    expect(unlock.json()).toMatchObject({ locked: false, lockedPeriods: [] });
    expect((await coReporter.post(url(`/reports/${coDraft.id}/submit`), { version: 1 })).statusCode).toBe(200);
  });
});

describe('co-units and consolidation', () => {
  it("shows the lead unit its co-units' shares and consolidates the values", async () => {
    const [places, schools] = f.indicators as [number, number];
    const coDraft = await draft(coReporter, f.school, 'M11', { values: [{ indicatorId: schools, value: 3 }] });
    // The lead does not see a co-unit's draft.
    expect((await reporter.get(url(`/reports/${coDraft.id}`))).statusCode).toBe(404);
    const lead = await draft(reporter, f.school, 'M11', { values: [{ indicatorId: places, value: 60 }] });
    let view = body(await reporter.get(url(`/reports/${lead.id}`)));
    expect(view.shares).toEqual([]);
    expect(view.consolidated).toEqual([{ indicatorId: places, value: 60, source: 'lead' }]);

    await coReporter.post(url(`/reports/${coDraft.id}/submit`), { version: 1 });
    view = body(await reporter.get(url(`/reports/${lead.id}`)));
    expect(view.shares?.map((s) => [s.unitId, s.state, s.values])).toEqual([
      [f.units.区住建委, 'submitted', [{ indicatorId: schools, value: 3 }]],
    ]);
    expect(view.consolidated).toEqual([
      { indicatorId: places, value: 60, source: 'lead' },
      { indicatorId: schools, value: 3, source: 'shares' },
    ]);
    // The co-unit's own report carries no shares; it reads its own role.
    const co = body(await coReporter.get(url(`/reports/${coDraft.id}`)));
    expect(co).toMatchObject({ role: 'co', shares: null, consolidated: null });
    // …and it cannot read the lead's draft.
    expect((await coReporter.get(url(`/reports/${lead.id}`))).statusCode).toBe(404);
  });
});

describe('lists and my work', () => {
  it('gives the office the review queue and others only what they may read', async () => {
    const queue = body<{ items: { id: number; state: string }[]; total: number }>(
      await supervisor.get(url(`/programmes/${f.programme}/reports?state=submitted&limit=2`)),
    );
    expect(queue.items.length).toBeLessThanOrEqual(2);
    expect(queue.total).toBeGreaterThanOrEqual(2);
    expect(queue.items.every((r) => r.state === 'submitted')).toBe(true);

    const all = body<{ items: { id: number; state: string; unitId: number }[]; total: number }>(
      await supervisor.get(url(`/programmes/${f.programme}/reports?limit=500`)),
    );
    const mine = body<{ items: { id: number; state: string; unitId: number }[]; total: number }>(
      await reporter.get(url(`/programmes/${f.programme}/reports?limit=500`)),
    );
    const expected = all.items.filter(
      (r) => r.unitId === f.units.区教育局 || (r.state !== 'draft' && r.unitId === f.units.区住建委),
    );
    expect(mine.items.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(mine.total).toBe(expected.length);
    expect((await otherReporter.get(url(`/items/${f.school}/reports`))).statusCode).toBe(404);
    const viewerSees = body<{ items: { state: string }[] }>(await viewer.get(url(`/items/${f.school}/reports`)));
    expect(viewerSees.items.some((r) => r.state === 'draft')).toBe(false);
  });

  it('shows a reporter its items and what is due, what needs action first', async () => {
    const returned = await submitted(reporter, f.part, 'M01');
    await supervisor.post(url(`/reports/${returned.id}/return`), { version: returned.version, reason: '缺照片' });
    const work = body<{
      asOf: string;
      unitId: number;
      items: {
        itemId: number;
        role: string;
        periods: {
          period: string;
          dueDate: string;
          report: { id: number; state: string; returnReason: string | null } | null;
          dueSoon: boolean;
          overdue: boolean;
          needsAction: boolean;
        }[];
      }[];
    }>(await reporter.get(url('/me/work?date=2026-11-22')));
    expect(work.asOf).toBe('2026-11-22');
    expect(work.unitId).toBe(f.units.区教育局);
    const ours = work.items.filter((i) => [f.school, f.parent, f.part].includes(i.itemId));
    expect(ours.map((i) => i.itemId).sort()).toEqual([f.school, f.parent].sort());
    expect(work.items.some((i) => i.itemId === f.eldercare)).toBe(false);
    // The returned report on the part is not ours (区体育局 leads the part); on the school item M01 is approved.
    const school = ours.find((i) => i.itemId === f.school);
    expect(school?.role).toBe('lead');
    const periods = school?.periods ?? [];
    expect(periods.map((p) => p.period).sort()).toEqual(
      ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11'].sort(),
    );
    const m11 = periods.find((p) => p.period === 'M11');
    expect(m11).toMatchObject({ dueDate: '2026-11-25', dueSoon: true, overdue: false, needsAction: true });
    const m09 = periods.find((p) => p.period === 'M09');
    expect(m09).toMatchObject({ report: null, overdue: true, needsAction: true });
    const m01 = periods.find((p) => p.period === 'M01');
    expect(m01).toMatchObject({ overdue: false, needsAction: false, report: { state: 'approved' } });
    const ranks = periods.map((p) => (p.overdue ? 1 : p.needsAction ? 2 : 3));
    expect([...ranks].sort()).toEqual(ranks);
    // The office gets an empty list.
    expect(body<{ items: unknown[] }>(await supervisor.get(url('/me/work'))).items).toEqual([]);
    expect((await reporter.get(url('/me/work?date=2026-13-01'))).statusCode).toBe(400);
  });

  it('puts a returned report first', async () => {
    const report = await submitted(reporter, f.school, 'M05');
    await supervisor.post(url(`/reports/${report.id}/return`), { version: report.version, reason: '请补充' });
    const work = body<{ items: { itemId: number; periods: { period: string; report: { state: string } | null }[] }[] }>(
      await reporter.get(url('/me/work?date=2026-11-22')),
    );
    const first = work.items[0];
    expect(first?.itemId).toBe(f.school);
    const states = (first?.periods ?? []).map((p) => p.report?.state ?? null);
    const leading = states.slice(
      0,
      states.findIndex((state) => state !== 'returned'),
    );
    expect(leading.length).toBeGreaterThanOrEqual(2);
    const returnedPeriods = (first?.periods ?? []).slice(0, leading.length).map((p) => p.period);
    expect(returnedPeriods).toContain('M05');
    expect(returnedPeriods).toContain('M02');
    expect(states.slice(leading.length)).not.toContain('returned');
  });
});
