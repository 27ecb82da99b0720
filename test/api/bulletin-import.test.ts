import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemNode, ProgrammeTree } from '../../src/core/tree.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';

/**
 * Importing a published bulletin (paper history) into a 2025 programme of
 * 明湖区 made for this file: preview, apply, then status reads the reports.
 */

let ctx: TestContext;
let supervisor: Client;
let viewer: Client;
let programme = 0;
const ids = { canteen: 0, housing: 0, bus: 0, canteenIndicator: 0, housingIndicator: 0 };

const url = (path: string) => `/api/v1/programmes/${programme}/bulletin-import/${path}`;

// A half-year report card typed for the test, in the district genre.
const REPORT_CARD = [
  '明湖区上半年民心工程“成绩单”出炉！',
  '来源：明湖发布 发布时间：2025-07-10 09:00',
  '截至2025年6月底，1个子项已完成，其余2个子项正在加快推进！',
  '01  养老服务暖心工程',
  '新建社区食堂3处。目前，已建成社区食堂2处，服务老人1200人次。',
  '改造老旧小区12个。该项目已完成。12个老旧小区全部完工。',
  '02  出行便利工程',
  '全区公共交通持续改善，群众出行更加便利。',
  '分享到：',
].join('\n');

interface Preview {
  script: string;
  genre: string;
  title: string | null;
  cutoff: { year?: number; month: number; day?: number } | null;
  period: string | null;
  matches: Array<{
    itemId: number;
    itemName: string;
    leadUnitName: string;
    evidence: string;
    claimedDone: boolean;
    values: Array<{ indicatorId: number; indicatorName: string; unit: string; value: number; text: string }>;
    existingReportId: number | null;
    paragraph: { text: string; position: number; category?: string };
  }>;
  unmatched: Array<{ kind: string; reason: string; paragraph: { text: string } }>;
  dropped: string[];
}

const flatten = (items: readonly ItemNode[]): ItemNode[] => items.flatMap((i) => [i, ...flatten(i.children)]);

async function reportsOf(period?: string): Promise<Array<{ itemId: number; state: string; period: string }>> {
  const response = await supervisor.get(`/api/v1/programmes/${programme}/reports${period ? `?period=${period}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: Array<{ itemId: number; state: string; period: string }> }).items;
}

beforeAll(async () => {
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  supervisor = await signIn(ctx.app, 'supervisor');
  viewer = await signIn(ctx.app, 'viewer');
  const doc = buildProgrammeDocument({
    title: '明湖区2025年民心工程（通报导入测试）',
    jurisdiction: '明湖区',
    year: 2025,
    categories: [
      {
        ordinal: 1,
        title: '养老服务暖心工程',
        items: [
          buildItem({
            number: '1',
            name: '新建社区食堂',
            target: '新建社区食堂3处',
            leadUnit: '区民政局',
            coUnits: [],
            deadline: { text: '12月底', date: '2025-12-31' },
            indicators: [{ name: '社区食堂', unit: '处', target: 3, direction: 'increase', checkpoints: {} }],
          }),
          buildItem({
            number: '2',
            name: '改造老旧小区',
            target: '改造老旧小区12个',
            leadUnit: '区住建委',
            coUnits: [],
            deadline: { text: '12月底', date: '2025-12-31' },
            indicators: [{ name: '老旧小区', unit: '个', target: 12, direction: 'increase', checkpoints: {} }],
          }),
        ],
      },
      {
        ordinal: 2,
        title: '出行便利工程',
        items: [
          buildItem({
            number: '3',
            name: '新增公交线路',
            target: '新增公交线路3条',
            leadUnit: '区交通局',
            coUnits: [],
            deadline: { text: '12月底', date: '2025-12-31' },
            indicators: [{ name: '公交线路', unit: '条', target: 3, direction: 'increase', checkpoints: {} }],
          }),
        ],
      },
    ],
  });
  const created = await supervisor.post('/api/v1/programmes/import', doc);
  expect(created.statusCode, created.body).toBe(201);
  programme = (created.json() as { id: number }).id;
  const tree = (await supervisor.get(`/api/v1/programmes/${programme}/tree`)).json() as ProgrammeTree;
  const all = tree.categories.flatMap((c) => flatten(c.items));
  const named = (name: string) => all.find((i) => i.name === name) as ItemNode;
  ids.canteen = named('新建社区食堂').id;
  ids.housing = named('改造老旧小区').id;
  ids.bus = named('新增公交线路').id;
  ids.canteenIndicator = named('新建社区食堂').indicators[0]?.id ?? 0;
  ids.housingIndicator = named('改造老旧小区').indicators[0]?.id ?? 0;
});
afterAll(() => ctx.close());

describe('POST /programmes/:id/bulletin-import/preview', () => {
  it('reads the bulletin, matches its paragraphs and proposes the cut-off’s period', async () => {
    const response = await supervisor.post(url('preview'), { text: REPORT_CARD });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json() as Preview;
    expect(preview).toMatchObject({
      script: 'hans',
      genre: 'district',
      title: '明湖区上半年民心工程“成绩单”出炉！',
      cutoff: { year: 2025, month: 6 },
      period: 'M06',
    });
    expect(
      preview.matches.map((m) => [m.itemName, m.leadUnitName, m.claimedDone, m.values, m.existingReportId]),
    ).toEqual([
      [
        '新建社区食堂',
        '区民政局',
        false,
        [{ indicatorId: ids.canteenIndicator, indicatorName: '社区食堂', unit: '处', value: 2, text: '社区食堂2处' }],
        null,
      ],
      [
        '改造老旧小区',
        '区住建委',
        true,
        [{ indicatorId: ids.housingIndicator, indicatorName: '老旧小区', unit: '个', value: 12, text: '12个老旧小区' }],
        null,
      ],
    ]);
    expect(preview.unmatched.map((u) => [u.kind, u.paragraph.text])).toEqual([
      ['none', '截至2025年6月底，1个子项已完成，其余2个子项正在加快推进！'],
      ['none', '全区公共交通持续改善，群众出行更加便利。'],
    ]);
    expect(preview.dropped).toEqual(['来源：明湖发布发布时间：2025-07-10 09:00', '分享到：']);
    // A preview writes nothing.
    expect(await reportsOf()).toEqual([]);
  });

  it('reads traditional text with pinyin, and a .txt file in GBK', async () => {
    const hant = '01  出行便利工程\n新增公交線(xiàn)路3條(tiáo)。目前，已開通公交線路的(de)2條。';
    const traditional = (await supervisor.post(url('preview'), { text: hant, period: 'M09' })).json() as Preview;
    expect(traditional.script).toBe('hant');
    expect(traditional.period).toBe('M09');
    expect(traditional.matches.map((m) => [m.itemId, m.paragraph.text, m.values.map((v) => v.value)])).toEqual([
      [ids.bus, '新增公交线路3条。目前，已开通公交线路的2条。', [2]],
    ]);

    const gbk = iconv.encode(REPORT_CARD, 'gbk').toString('base64');
    const file = await supervisor.post(url('preview'), { fileName: '通报.txt', contentBase64: gbk });
    expect(file.statusCode, file.body).toBe(200);
    expect((file.json() as Preview).matches.map((m) => m.itemId)).toEqual([ids.canteen, ids.housing]);
  });

  it('refuses an empty, oversized or doubled source with a message that says what to do', async () => {
    const empty = await supervisor.post(url('preview'), { text: '  \n ' });
    expect(empty.statusCode).toBe(400);
    expect((empty.json() as { message: string }).message).toMatch(/^通报文字为空：请粘贴通报正文/);
    const none = await supervisor.post(url('preview'), {});
    expect(none.statusCode).toBe(400);
    const long = await supervisor.post(url('preview'), { text: '民'.repeat(80_000) });
    expect(long.statusCode).toBe(400);
    expect((long.json() as { message: string }).message).toMatch(/^通报文字超过 200 KB/);
    const both = await supervisor.post(url('preview'), { text: REPORT_CARD, contentBase64: 'YQ==' });
    expect(both.statusCode).toBe(400);
    expect((both.json() as { message: string }).message).toMatch(/^请只提供一种来源/);
  });

  it('is for the office: a viewer of the jurisdiction gets 403', async () => {
    const response = await viewer.post(url('preview'), { text: REPORT_CARD });
    expect(response.statusCode).toBe(403);
  });
});

describe('POST /programmes/:id/bulletin-import/apply', () => {
  it('writes approved reports of the lead units that status then uses, each audited', async () => {
    const response = await supervisor.post(url('apply'), {
      text: REPORT_CARD,
      period: 'M06',
      accept: [ids.canteen, ids.housing],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ period: 'M06', created: 2, values: 2, done: 1 });

    const written = await reportsOf('M06');
    expect(written.map((r) => [r.itemId, r.state]).sort()).toEqual(
      [
        [ids.canteen, 'approved'],
        [ids.housing, 'approved'],
      ].sort(),
    );
    const [canteenId] = (response.json() as { reportIds: number[] }).reportIds;
    const canteenReport = (await supervisor.get(`/api/v1/reports/${canteenId}`)).json() as Record<string, unknown>;
    expect(canteenReport).toMatchObject({
      itemId: ids.canteen,
      unitId: unitOf('区民政局'),
      state: 'approved',
      progress: '新建社区食堂3处。目前，已建成社区食堂2处，服务老人1200人次。',
      claimedStatus: 'in_progress',
      values: [{ indicatorId: ids.canteenIndicator, value: 2 }],
    });

    const status = (await supervisor.get(`/api/v1/programmes/${programme}/status?date=2025-07-10`)).json() as {
      items: Array<{ id: number; status: string; indicators: Array<{ actual: number | null }> }>;
    };
    const of = (id: number) => status.items.find((i) => i.id === id);
    expect(of(ids.housing)?.status).toBe('done');
    expect(of(ids.canteen)?.indicators[0]?.actual).toBe(2);
    expect(of(ids.bus)?.indicators[0]?.actual).toBeNull();

    const history = (await supervisor.get(`/api/v1/history?programmeId=${programme}`)).json() as {
      items: Array<{ action: string; entityType: string; itemId: number | null }>;
    };
    const imported = history.items.filter((h) => h.action === 'import-bulletin');
    expect(imported.map((h) => [h.entityType, h.itemId]).sort()).toEqual(
      [
        ['report', ids.canteen],
        ['report', ids.housing],
      ].sort(),
    );
  });

  it('refuses a second import of the same period (409) and writes nothing', async () => {
    const before = await reportsOf();
    const again = await supervisor.post(url('apply'), { text: REPORT_CARD, period: 'M06', accept: [ids.canteen] });
    expect(again.statusCode).toBe(409);
    expect((again.json() as { message: string }).message).toMatch(
      /^以下子项的牵头单位本期（M06）已有报告，本次导入未写入任何内容/,
    );
    expect(await reportsOf()).toEqual(before);
  });

  it('writes nothing when one accepted item already has a report for the period', async () => {
    const draft = await supervisor.post(`/api/v1/items/${ids.housing}/reports`, {
      period: 'M09',
      unitId: unitOf('区住建委'),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const response = await supervisor.post(url('apply'), {
      text: REPORT_CARD,
      period: 'M09',
      accept: [ids.canteen, ids.housing],
    });
    expect(response.statusCode).toBe(409);
    expect((await reportsOf('M09')).map((r) => r.itemId)).toEqual([ids.housing]);
    const preview = (await supervisor.post(url('preview'), { text: REPORT_CARD, period: 'M09' })).json() as Preview;
    expect(preview.matches.find((m) => m.itemId === ids.housing)?.existingReportId).toBe(
      (draft.json() as { id: number }).id,
    );
  });

  it('refuses a locked period (409) and an item that is not among the matches (400)', async () => {
    const locked = await supervisor.post(`/api/v1/programmes/${programme}/periods/M10/lock`);
    expect(locked.statusCode, locked.body).toBe(200);
    const response = await supervisor.post(url('apply'), { text: REPORT_CARD, period: 'M10', accept: [ids.canteen] });
    expect(response.statusCode).toBe(409);
    expect((response.json() as { message: string }).message).toMatch(/已锁定/);
    expect(await reportsOf('M10')).toEqual([]);

    const unmatched = await supervisor.post(url('apply'), { text: REPORT_CARD, period: 'M11', accept: [ids.bus] });
    expect(unmatched.statusCode).toBe(400);
    expect((unmatched.json() as { message: string }).message).toMatch(/^子项 \d+ 不在本次通报识别出的匹配中/);
    expect(await reportsOf('M11')).toEqual([]);
  });
});

const unitIds = new Map<string, number>();
function unitOf(name: string): number {
  const id = unitIds.get(name);
  if (id === undefined) throw new Error(`no unit ${name}`);
  return id;
}
beforeAll(async () => {
  const units = (await supervisor.get('/api/v1/units')).json() as { items: Array<{ id: number; name: string }> };
  for (const unit of units.items) unitIds.set(unit.name, unit.id);
});
