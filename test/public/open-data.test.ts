import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportCard } from '../../src/core/publish/report-card.js';
import type { ItemNode, ProgrammeTree } from '../../src/core/tree.js';
import { pinBusinessDate } from '../../src/core/work/calendar.js';
import { reports, reportValues } from '../../src/db/schema-work.js';
import { getReportCard } from '../../src/server/use-cases/publish/get-report-card.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';

/**
 * Open data: the public JSON API (report card, item progress, list, tree) and
 * the files of /p/{id}/export.* and /p/{id}/status.*: published programmes
 * only, public fields only, cached with a strong ETag.
 */
const TODAY = '2026-07-10';
const PUBLIC_TEXT = '已完成筛查33000人次，覆盖全区中小学';
const MARKERS = ['DRAFT-MARKER', 'RETURNED-MARKER', 'PROBLEM-MARKER', 'NEXT-MARKER', 'SUBMITTED-MARKER'];

let ctx: TestContext;
let supervisor: Client;
let admin: Client;
let demo: number;
let draft: number;
let draftItem: number;
let screening: ItemNode;
let demoTitle: string;

const anonymous = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers });
const flatten = (items: readonly ItemNode[]): ItemNode[] => items.flatMap((i) => [i, ...flatten(i.children)]);

/** A small RFC 4180 reader: what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

async function report(
  unitId: number,
  period: string,
  state: 'draft' | 'submitted' | 'approved' | 'returned',
  fields: Partial<typeof reports.$inferInsert>,
  value?: number,
) {
  const [row] = await ctx.database.db
    .insert(reports)
    .values({
      programmeId: demo,
      itemId: screening.id,
      unitId,
      period,
      state,
      reviewedAt: state === 'approved' || state === 'returned' ? '2026-07-05T10:00:00+08:00' : null,
      ...fields,
    })
    .returning();
  if (!row) throw new Error('report not inserted');
  const indicatorId = screening.indicators[0]?.id;
  if (value !== undefined && indicatorId !== undefined)
    await ctx.database.db.insert(reportValues).values({ reportId: row.id, indicatorId, value });
}

beforeAll(async () => {
  pinBusinessDate(TODAY);
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  supervisor = await signIn(ctx.app, 'supervisor');
  admin = await signIn(ctx.app, 'admin');
  const list = (await supervisor.get('/api/v1/programmes')).json() as { items: Array<{ id: number; title: string }> };
  const found = list.items.find((p) => p.title.startsWith('明湖区2026年'));
  if (!found) throw new Error('no demo programme');
  demo = found.id;
  demoTitle = found.title;
  const tree = (await supervisor.get(`/api/v1/programmes/${demo}/tree`)).json() as ProgrammeTree;
  const all = tree.categories.flatMap((c) => flatten(c.items));
  const item = all.find((i) => i.name.startsWith('开展儿童青少年近视'));
  if (!item) throw new Error('demo has no screening item');
  screening = item;
  const units = (await supervisor.get('/api/v1/units')).json() as { items: Array<{ id: number; name: string }> };
  const unit = (name: string) => units.items.find((u) => u.name === name)?.id ?? 0;
  const lead = unit(item.units.find((u) => u.role === 'lead')?.name ?? '');
  const co = unit('区教育局');

  // What the public may see, and what it must never see: written before any public answer is cached.
  await report(
    lead,
    'M06',
    'approved',
    { progress: PUBLIC_TEXT, problems: 'PROBLEM-MARKER', nextSteps: 'NEXT-MARKER' },
    33000,
  );
  await report(lead, 'M07', 'draft', { progress: 'DRAFT-MARKER' }, 99999);
  await report(co, 'M06', 'returned', { progress: '退回的进展', returnReason: 'RETURNED-MARKER' });
  await report(co, 'M07', 'submitted', { progress: 'SUBMITTED-MARKER' }, 88888);

  const created = await admin.post('/api/v1/programmes', {
    jurisdictionId: tree.programme.jurisdictionId,
    year: 2026,
    title: '未发布的工程',
  });
  expect(created.statusCode, created.body).toBe(201);
  draft = (created.json() as { id: number }).id;
  const category = await admin.post(`/api/v1/programmes/${draft}/categories`, { title: '民生保障' });
  const newItem = await admin.post(`/api/v1/categories/${(category.json() as { id: number }).id}/items`, {
    name: '未发布的子项',
  });
  draftItem = (newItem.json() as { id: number }).id;
});
afterAll(async () => {
  await ctx?.close();
  pinBusinessDate(null);
});

describe('GET /api/v1/public/programmes/:id/report-card', () => {
  it('gives the report card of a published programme at today, public fields only', async () => {
    const response = await anonymous(`/api/v1/public/programmes/${demo}/report-card`);
    expect(response.statusCode, response.body).toBe(200);
    const card = response.json() as ReportCard;
    expect(card.asOf).toBe(TODAY);
    expect(card.programme).toMatchObject({ id: demo, title: demoTitle, year: 2026, jurisdictionName: '明湖区' });
    const item = card.categories.flatMap((c) => c.items).find((i) => i.id === screening.id);
    expect(item).toMatchObject({ progress: PUBLIC_TEXT, progressPeriod: 'M06' });
    expect(item?.indicators[0]).toMatchObject({ actual: 33000, target: screening.indicators[0]?.target });
    expect(card.headline.total).toBe(card.categories.reduce((sum, c) => sum + c.total, 0));
    // Exactly what the use case builds, nothing more.
    expect(card).toEqual(await getReportCard(ctx.database.db, demo, TODAY, { publicOnly: true }));
    for (const marker of MARKERS) expect(response.body).not.toContain(marker);
    expect(response.body).not.toContain('reasons');
    expect(response.body).not.toContain('expected');
  });

  it('takes a date, and refuses one outside 2000–2100 or not a date with a clear 400', async () => {
    const early = (
      await anonymous(`/api/v1/public/programmes/${demo}/report-card?date=2026-03-01`)
    ).json() as ReportCard;
    expect(early.asOf).toBe('2026-03-01');
    expect(JSON.stringify(early)).not.toContain(PUBLIC_TEXT);
    for (const date of ['1999-12-31', '2101-01-01']) {
      const response = await anonymous(`/api/v1/public/programmes/${demo}/report-card?date=${date}`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('日期须在 2000—2100 年之间');
    }
    const bad = await anonymous(`/api/v1/public/programmes/${demo}/report-card?date=2026-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('YYYY-MM-DD');
  });

  it('answers a JSON 404 for a draft programme and for none, and 200 once it is published', async () => {
    const response = await anonymous(`/api/v1/public/programmes/${draft}/report-card`);
    expect(response.statusCode).toBe(404);
    expect((response.json() as { code: string; message: string }).code).toBe('NOT_FOUND');
    expect((await anonymous('/api/v1/public/programmes/999999/report-card')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/public/items/:id/progress', () => {
  it('gives planned and approved actual values, without reasons or projections', async () => {
    const response = await anonymous(`/api/v1/public/items/${screening.id}/progress`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as {
      itemId: number;
      programmeId: number;
      asOf: string;
      indicators: Array<{ planned: unknown[]; actual: unknown[]; target: number }>;
    };
    expect(body).toMatchObject({ itemId: screening.id, programmeId: demo, asOf: TODAY });
    expect(body.indicators[0]?.planned).toContainEqual({ period: 'Q2', value: 35000 });
    expect(body.indicators[0]?.actual).toEqual([{ period: 'M06', value: 33000 }]);
    expect(Object.keys(body).sort()).toEqual(['asOf', 'indicators', 'itemId', 'programmeId', 'status']);
    expect(response.body).not.toMatch(/reasons|projection|99999|88888/);
  });

  it('answers 404 for an item of an unpublished programme', async () => {
    expect((await anonymous(`/api/v1/public/items/${draftItem}/progress`)).statusCode).toBe(404);
    expect((await anonymous('/api/v1/public/items/999999/progress')).statusCode).toBe(404);
  });
});

describe('caching of the public API', () => {
  const urls = () => [
    '/api/v1/public/programmes',
    `/api/v1/public/programmes/${demo}/tree`,
    `/api/v1/public/programmes/${demo}/report-card`,
    `/api/v1/public/programmes/${demo}/report-card?date=2026-06-30`,
    `/api/v1/public/items/${screening.id}/progress`,
  ];

  it('sends a strong ETag and Cache-Control, and 304 to If-None-Match', async () => {
    for (const url of urls()) {
      const first = await anonymous(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control'], url).toBe('public, max-age=60, stale-while-revalidate=300');
      expect(first.headers['content-type'], url).toBe('application/json; charset=utf-8');
      const etag = String(first.headers.etag);
      expect(etag, url).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      const again = await anonymous(url);
      expect(again.headers.etag, url).toBe(etag);
      expect(again.body, url).toBe(first.body);
      const cached = await anonymous(url, { 'if-none-match': etag });
      expect(cached.statusCode, url).toBe(304);
      expect(cached.body, url).toBe('');
      expect(cached.headers.etag, url).toBe(etag);
      expect((await anonymous(url, { 'if-none-match': `"other", ${etag}` })).statusCode, url).toBe(304);
      expect((await anonymous(url, { 'if-none-match': '"other"' })).statusCode, url).toBe(200);
    }
  });

  it('gives each date its own entry', async () => {
    const june = await anonymous(`/api/v1/public/programmes/${demo}/report-card?date=2026-06-30`);
    const march = await anonymous(`/api/v1/public/programmes/${demo}/report-card?date=2026-03-31`);
    expect((june.json() as ReportCard).asOf).toBe('2026-06-30');
    expect((march.json() as ReportCard).asOf).toBe('2026-03-31');
    expect(june.headers.etag).not.toBe(march.headers.etag);
  });

  it('drops every cached answer at the next audited change, and shows a programme once published', async () => {
    const list = await anonymous('/api/v1/public/programmes');
    const card = await anonymous(`/api/v1/public/programmes/${draft}/report-card`);
    expect(card.statusCode).toBe(404);
    const published = await supervisor.post(`/api/v1/programmes/${draft}/publish`);
    expect(published.statusCode, published.body).toBe(200);

    const after = await anonymous('/api/v1/public/programmes', { 'if-none-match': String(list.headers.etag) });
    expect(after.statusCode).toBe(200);
    expect((after.json() as { items: Array<{ id: number }> }).items.map((p) => p.id)).toContain(draft);
    const nowCard = await anonymous(`/api/v1/public/programmes/${draft}/report-card`);
    expect(nowCard.statusCode).toBe(200);
    expect((nowCard.json() as ReportCard).categories[0]?.items[0]?.name).toBe('未发布的子项');
    expect((await anonymous(`/api/v1/public/items/${draftItem}/progress`)).statusCode).toBe(200);
    // Back to draft for the file tests below (an audited change too).
    const current = (await admin.get(`/api/v1/programmes/${draft}`)).json() as { version: number };
    const back = await admin.patch(`/api/v1/programmes/${draft}`, { version: current.version, state: 'draft' });
    expect(back.statusCode, back.body).toBe(200);
    expect((await anonymous(`/api/v1/public/programmes/${draft}/report-card`)).statusCode).toBe(404);
  });
});

describe('GET /p/:id/export.xlsx|csv|json', () => {
  const disposition = (ext: string) =>
    `attachment; filename="programme-${demo}.${ext}"; filename*=UTF-8''${encodeURIComponent(demoTitle)}.${ext}`;

  it('sends the official workbook, which opens with exceljs and lists the items', async () => {
    const response = await anonymous(`/p/${demo}/export.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(disposition('xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('清单');
    expect(sheet).toBeDefined();
    const cells: string[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.text));
      });
    });
    expect(cells[0]).toBe(`${demoTitle}进度和责任清单`);
    expect(cells).toContain(screening.name);
    expect(cells.join('\n')).not.toContain('DRAFT-MARKER');
  });

  it('sends the list as CSV with a byte-order mark', async () => {
    const response = await anonymous(`/p/${demo}/export.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(disposition('csv'));
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(response.rawPayload.toString('utf8').slice(1));
    expect(rows.some((row) => row.includes(screening.name))).toBe(true);
  });

  it('sends the interchange document as JSON, the same as the signed-in export', async () => {
    const response = await anonymous(`/p/${demo}/export.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(disposition('json'));
    const signedIn = await admin.get(`/api/v1/programmes/${demo}/export`);
    expect(response.json()).toEqual(signedIn.json());
  });

  it('answers the HTML 404 page for an unpublished or missing programme, and for a bad id', async () => {
    for (const url of [
      `/p/${draft}/export.xlsx`,
      `/p/${draft}/export.csv`,
      '/p/999999/export.json',
      '/p/abc/export.json',
    ]) {
      const response = await anonymous(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.body, url).not.toContain('未发布的工程');
    }
  });
});

describe('GET /p/:id/status.csv|json', () => {
  it('sends the report card at today as JSON', async () => {
    const response = await anonymous(`/p/${demo}/status.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const name = encodeURIComponent(`${demoTitle}进展情况（截至${TODAY}）`);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="status-${demo}-${TODAY}.json"; filename*=UTF-8''${name}.json`,
    );
    const api = await anonymous(`/api/v1/public/programmes/${demo}/report-card`);
    expect(response.json()).toEqual(api.json());
    for (const marker of MARKERS) expect(response.body).not.toContain(marker);
  });

  it('sends the status as CSV with a BOM, one row per item and part', async () => {
    const response = await anonymous(`/p/${demo}/status.csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(response.headers['content-disposition'])).toMatch(/filename\*=UTF-8''.+\.csv$/);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = response.rawPayload.toString('utf8');
    const rows = parseCsv(text.slice(1));
    expect(rows[0]?.slice(0, 5)).toEqual(['大项', '序号', '分项', '项目名称', '状态']);
    const card = (await anonymous(`/api/v1/public/programmes/${demo}/report-card`)).json() as ReportCard;
    const count = (items: ReportCard['categories'][0]['items']): number =>
      items.reduce((n, i) => n + 1 + count(i.parts), 0);
    expect(rows.length - 1).toBe(card.categories.reduce((n, c) => n + count(c.items), 0));
    const row = rows.find((r) => r[3] === screening.name);
    expect(row?.[8]).toBe(PUBLIC_TEXT);
    expect(row?.[9]).toBe('2026年6月');
    expect(row?.[10]).toContain(`：33000/${screening.indicators[0]?.target}`);
    for (const marker of MARKERS) expect(text).not.toContain(marker);
  });

  it('is cached with a strong ETag and answers 304', async () => {
    const first = await anonymous(`/p/${demo}/status.csv`);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await anonymous(`/p/${demo}/status.csv`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.headers['content-disposition']).toBe(first.headers['content-disposition']);
  });

  it('answers 404 for a programme that is not published', async () => {
    expect((await anonymous(`/p/${draft}/status.json`)).statusCode).toBe(404);
    expect((await anonymous(`/p/${draft}/status.csv`)).statusCode).toBe(404);
  });
});
