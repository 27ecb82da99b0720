import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeTree } from '../../src/core/tree.js';
import { insertNotice } from '../../src/db/repositories/notices.repository.js';
import { replaceReportValues } from '../../src/db/repositories/reports.repository.js';
import { auditLog } from '../../src/db/schema.js';
import { reports } from '../../src/db/schema-work.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';

/**
 * A small programme of 明湖区 with two units and reports of known dates, as of
 * 2026-04-10 (monthly reports due on the 25th: M01 on 01-26, M02 and M03 on
 * the 25th), so each rule's figure can be worked out by hand:
 *
 * 考核甲局 leads item 1 (deadline 3月底, 2 食堂 due by Q1): every report on
 * time, but its March report states 1 食堂 and "in progress" → reports 30,
 * milestones 0, items 0, notices (none) 10 = 40.
 * 考核乙局 is co-unit of item 1 and leads item 2 (deadline 12月底, text
 * milestone in Q1): its March report on item 1 came two days late, and it
 * answered its one notice late → reports 5/6 = 25, milestones 30, items
 * (none due) 30, notices 0 = 85.
 */

let ctx: TestContext;
let supervisor: Client;
let reporter: Client;
let leader: Client;
let viewer: Client;
let programmeId: number;
let demoId: number;
const unit: Record<'jia' | 'yi', number> = { jia: 0, yi: 0 };
const AS_OF = '2026-04-10';

interface UnitRow {
  unitId: number;
  unitName: string;
  rules: {
    rule: string;
    numerator: number;
    denominator: number;
    points: number;
    explanation: string;
    misses: string[];
  }[];
  adjustments: { id: number; points: number; reason: string }[];
  base: number;
  total: number;
  rank: number;
}
interface Assessment {
  scope: string;
  units: UnitRow[];
}

async function assessment(client: Client, id = programmeId): Promise<Assessment> {
  const response = await client.get(`/api/v1/programmes/${id}/assessment?date=${AS_OF}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Assessment;
}
const rowOf = (a: Assessment, id: number): UnitRow => {
  const row = a.units.find((u) => u.unitId === id);
  if (!row) throw new Error(`no row for unit ${id}`);
  return row;
};
const rule = (row: UnitRow, key: string) => row.rules.find((r) => r.rule === key);

async function addReport(
  itemId: number,
  unitId: number,
  period: string,
  submittedOn: string,
  options: { values?: { indicatorId: number; value: number }[]; claimedStatus?: 'in_progress' | 'done' } = {},
): Promise<void> {
  const db = ctx.database.db;
  const [row] = await db
    .insert(reports)
    .values({
      programmeId,
      itemId,
      unitId,
      period,
      state: 'approved',
      claimedStatus: options.claimedStatus ?? 'in_progress',
      submittedAt: `${submittedOn}T10:00:00+08:00`,
      reviewedAt: `${submittedOn}T16:00:00+08:00`,
    })
    .returning();
  if (!row) throw new Error('report not inserted');
  await replaceReportValues(db, row.id, options.values ?? []);
}

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  supervisor = await signIn(ctx.app, 'supervisor');
  reporter = await signIn(ctx.app, 'reporter');
  leader = await signIn(ctx.app, 'leader');
  viewer = await signIn(ctx.app, 'viewer');
  const doc = buildProgrammeDocument({
    title: '明湖区2026年考核测试清单',
    jurisdiction: '明湖区',
    year: 2026,
    categories: [
      {
        ordinal: 1,
        title: '养老服务',
        items: [
          buildItem({
            number: '1',
            name: '新建社区食堂',
            leadUnit: '考核甲局',
            coUnits: ['考核乙局'],
            persons: [],
            leaders: [],
            deadline: { text: '3月底', date: '2026-03-31' },
            milestones: [{ period: 'Q1', text: '建成2处' }],
            indicators: [{ name: '社区食堂', unit: '处', target: 2, direction: 'increase', checkpoints: { Q1: 2 } }],
          }),
          buildItem({
            number: '2',
            name: '改造老年活动中心',
            leadUnit: '考核乙局',
            coUnits: [],
            persons: [],
            leaders: [],
            deadline: { text: '12月底', date: '2026-12-31' },
            milestones: [{ period: 'Q1', text: '完成设计' }],
            indicators: [],
          }),
        ],
      },
    ],
  });
  const imported = await supervisor.post('/api/v1/programmes/import', doc);
  expect(imported.statusCode, imported.body).toBe(201);
  programmeId = (imported.json() as { id: number }).id;
  const tree = (await supervisor.get(`/api/v1/programmes/${programmeId}/tree`)).json() as ProgrammeTree;
  const [first, second] = tree.categories[0]?.items ?? [];
  if (!first || !second) throw new Error('items missing');
  unit.jia = first.units.find((u) => u.role === 'lead')?.unitId ?? 0;
  unit.yi = second.units.find((u) => u.role === 'lead')?.unitId ?? 0;
  const indicatorId = first.indicators[0]?.id ?? 0;

  await addReport(first.id, unit.jia, 'M01', '2026-01-20');
  await addReport(first.id, unit.jia, 'M02', '2026-02-24');
  await addReport(first.id, unit.jia, 'M03', '2026-03-25', { values: [{ indicatorId, value: 1 }] });
  await addReport(first.id, unit.yi, 'M01', '2026-01-20');
  await addReport(first.id, unit.yi, 'M02', '2026-02-24');
  await addReport(first.id, unit.yi, 'M03', '2026-03-27');
  await addReport(second.id, unit.yi, 'M01', '2026-01-20');
  await addReport(second.id, unit.yi, 'M02', '2026-02-24');
  await addReport(second.id, unit.yi, 'M03', '2026-03-24');
  await insertNotice(ctx.database.db, {
    programmeId,
    itemId: second.id,
    unitId: unit.yi,
    seq: 1,
    reason: '进度滞后',
    requiredAction: '说明原因',
    replyDue: '2026-03-10',
    state: 'replied',
    reply: '已整改',
    repliedAt: '2026-03-12T09:00:00+08:00',
  });

  const programmes = (await supervisor.get('/api/v1/programmes')).json() as { items: { id: number; title: string }[] };
  demoId = programmes.items.find((p) => p.title === '明湖区2026年20项民心工程')?.id ?? 0;
});
afterAll(() => ctx?.close());

describe('the assessment rules', () => {
  it('scores each unit rule by rule from its reports, milestones, deadlines and notices', async () => {
    const result = await assessment(supervisor);
    expect(result.scope).toBe('all');
    expect(result.units.map((u) => u.unitName)).toEqual(['考核乙局', '考核甲局']);

    const jia = rowOf(result, unit.jia);
    expect(jia.rules.map((r) => [r.rule, r.numerator, r.denominator, r.points])).toEqual([
      ['reportsOnTime', 3, 3, 30],
      ['milestonesMet', 0, 1, 0],
      ['itemsDone', 0, 1, 0],
      ['noticesAnswered', 0, 0, 10],
    ]);
    expect(rule(jia, 'milestonesMet')?.misses[0]).toBe('1 新建社区食堂 一季度末：社区食堂应达2处，实报1处');
    expect(rule(jia, 'itemsDone')?.misses[0]).toBe('1 新建社区食堂：截止3月31日未完成');
    expect(rule(jia, 'noticesAnswered')?.explanation).toContain('无应报事项，按满分计');
    expect([jia.base, jia.total, jia.rank]).toEqual([40, 40, 2]);
  });

  it('takes points from a unit that reported late or answered a notice late', async () => {
    const yi = rowOf(await assessment(supervisor), unit.yi);
    expect(rule(yi, 'reportsOnTime')).toMatchObject({ numerator: 5, denominator: 6, points: 25 });
    expect(rule(yi, 'reportsOnTime')?.explanation).toBe('按时报送 5/6 期（83.3%），得 25 分');
    expect(rule(yi, 'reportsOnTime')?.misses).toEqual(['1 新建社区食堂 3月：3月27日报送，应于3月25日前报送']);
    expect(rule(yi, 'milestonesMet')).toMatchObject({ numerator: 1, denominator: 1, points: 30 });
    expect(rule(yi, 'itemsDone')).toMatchObject({ numerator: 0, denominator: 0, points: 30 });
    expect(rule(yi, 'noticesAnswered')).toMatchObject({ numerator: 0, denominator: 1, points: 0 });
    expect([yi.total, yi.rank]).toEqual([85, 1]);
  });

  it('counts nothing that was not yet due at an earlier date', async () => {
    const response = await supervisor.get(`/api/v1/programmes/${programmeId}/assessment?date=2026-01-10`);
    const early = response.json() as Assessment;
    for (const row of early.units) {
      expect(row.total).toBe(100);
      expect(row.rules.every((r) => r.denominator === 0)).toBe(true);
    }
  });

  it('refuses a date that is not one', async () => {
    const response = await supervisor.get(`/api/v1/programmes/${programmeId}/assessment?date=2026-02-30`);
    expect(response.statusCode).toBe(400);
  });
});

describe('adjustments', () => {
  it('needs a reason of four characters and points within ±20', async () => {
    const url = `/api/v1/programmes/${programmeId}/assessment/adjustments`;
    const noReason = await supervisor.post(url, { unitId: unit.jia, points: 5, reason: '好' });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as { message: string }).message).toMatch(/^请求内容不符合要求/);
    expect((await supervisor.post(url, { unitId: unit.jia, points: 25, reason: '主动整改到位' })).statusCode).toBe(400);
    expect((await supervisor.post(url, { unitId: unit.jia, points: 5 })).statusCode).toBe(400);
    const stranger = await supervisor.post(url, { unitId: 999_999, points: 5, reason: '主动整改到位' });
    expect(stranger.statusCode).toBe(400);
    expect((stranger.json() as { message: string }).message).toMatch(/^该单位不是本工程/);
  });

  it('refuses a unit id past the integer range with the schema’s words, not a database error', async () => {
    for (const big of [2_147_483_648, 99_999_999_999]) {
      for (const [url, payload] of [
        [
          `/api/v1/programmes/${programmeId}/assessment/adjustments`,
          { unitId: big, points: 5, reason: '主动整改到位' },
        ],
        [`/api/v1/programmes/${big}/assessment/adjustments`, { unitId: unit.jia, points: 5, reason: '主动整改到位' }],
      ] as const) {
        const response = await supervisor.post(url, payload);
        expect(response.statusCode, response.body).toBe(400);
        const body = response.json() as { code: string; message: string; details: unknown };
        expect(body.code).toBe('VALIDATION');
        expect(body.message).toContain('编号应为 1 到 2147483647 之间的整数');
        expect(JSON.stringify(body.details)).not.toContain('sqlState');
      }
    }
  });

  it('changes the total and the rank, is audited, and can be withdrawn by the office only', async () => {
    const url = `/api/v1/programmes/${programmeId}/assessment/adjustments`;
    const created = await supervisor.post(url, { unitId: unit.jia, points: 20, reason: '主动整改到位，群众评价好' });
    expect(created.statusCode, created.body).toBe(201);
    const adjustment = created.json() as { id: number; points: number; by: string };
    expect(adjustment.points).toBe(20);

    const after = await assessment(supervisor);
    const jia = rowOf(after, unit.jia);
    expect(jia.adjustments).toMatchObject([{ id: adjustment.id, points: 20, reason: '主动整改到位，群众评价好' }]);
    expect([jia.base, jia.total]).toEqual([40, 60]);

    const again = await supervisor.post(url, { unitId: unit.yi, points: -20, reason: '报送材料与实地不符' });
    expect(again.statusCode).toBe(201);
    const flipped = await assessment(supervisor);
    expect(flipped.units.map((u) => [u.unitName, u.total, u.rank])).toEqual([
      ['考核乙局', 65, 1],
      ['考核甲局', 60, 2],
    ]);
    const third = await supervisor.post(url, { unitId: unit.jia, points: 5, reason: '按期完成整改任务' });
    const tied = await assessment(supervisor);
    expect(tied.units.map((u) => [u.total, u.rank])).toEqual([
      [65, 1],
      [65, 1],
    ]);

    const audit = await ctx.database.db.select().from(auditLog);
    const entry = audit.find((a) => a.entityType === 'score_adjustment' && a.entityId === adjustment.id);
    expect(entry).toMatchObject({ action: 'create', actorName: 'supervisor', programmeId });
    expect(entry?.after).toMatchObject({ points: 20, reason: '主动整改到位，群众评价好' });

    const thirdId = (third.json() as { id: number }).id;
    expect((await viewer.delete(`/api/v1/assessment-adjustments/${thirdId}`)).statusCode).toBe(403);
    expect((await supervisor.delete(`/api/v1/assessment-adjustments/${thirdId}`)).statusCode).toBe(204);
    expect((await supervisor.delete(`/api/v1/assessment-adjustments/${thirdId}`)).statusCode).toBe(404);
    const withdrawn = (await ctx.database.db.select().from(auditLog)).find(
      (a) => a.entityType === 'score_adjustment' && a.entityId === thirdId && a.action === 'delete',
    );
    expect(withdrawn?.before).toMatchObject({ points: 5 });
    expect(rowOf(await assessment(supervisor), unit.jia).total).toBe(60);
  });

  it('is refused to those who may only read', async () => {
    const url = `/api/v1/programmes/${demoId}/assessment/adjustments`;
    const body = { unitId: unit.jia, points: 1, reason: '主动整改到位' };
    expect((await viewer.post(url, body)).statusCode).toBe(403);
    expect((await leader.post(url, body)).statusCode).toBe(403);
  });
});

describe('who sees what', () => {
  it('shows a reporter only its own unit, with its rank among all', async () => {
    const all = await assessment(supervisor, demoId);
    expect(all.units.length).toBeGreaterThan(5);
    const own = await assessment(reporter, demoId);
    expect(own.scope).toBe('own-unit');
    expect(own.units.map((u) => u.unitName)).toEqual(['区教育局']);
    expect(own.units[0]?.rank).toBe(all.units.find((u) => u.unitName === '区教育局')?.rank);
    // The reporter's unit works on nothing in the test programme: it is not there for them.
    expect((await reporter.get(`/api/v1/programmes/${programmeId}/assessment`)).statusCode).toBe(404);
  });

  it('shows leaders and viewers every unit', async () => {
    expect((await assessment(leader, demoId)).units.length).toBe((await assessment(supervisor, demoId)).units.length);
    expect((await assessment(viewer)).units).toHaveLength(2);
  });
});

describe('the ranking table export', () => {
  it('opens with exceljs and lists the units in rank order with their points', async () => {
    const response = await supervisor.get(`/api/v1/programmes/${programmeId}/assessment/export?date=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent('明湖区2026年民心工程责任单位考核排名'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell(1, 1).text).toBe('明湖区2026年民心工程责任单位考核排名');
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1, 9);
    expect(row(3)[0]).toBe('名次');
    const current = await assessment(supervisor);
    expect([row(4)[0], row(4)[1], row(4)[7]]).toEqual([1, current.units[0]?.unitName, current.units[0]?.total]);
    expect([row(5)[0], row(5)[1], row(5)[7]]).toEqual([
      current.units[1]?.rank,
      current.units[1]?.unitName,
      current.units[1]?.total,
    ]);
  });

  it('is not given to a reporter, who sees only its own row', async () => {
    expect((await reporter.get(`/api/v1/programmes/${demoId}/assessment/export`)).statusCode).toBe(403);
  });
});
