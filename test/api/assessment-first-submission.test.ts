import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeTree } from '../../src/core/tree.js';
import { reports } from '../../src/db/schema-work.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';

/**
 * On time is judged by the first submission: a report handed in before its due
 * date, returned and fixed after it, was not late.
 */
let ctx: TestContext;
let office: Client;
let programmeId: number;

interface Rule {
  rule: string;
  numerator: number;
  denominator: number;
}

beforeAll(async () => {
  ctx = await createTestApp();
  office = await signIn(ctx.app, 'supervisor');
  const document = buildProgrammeDocument({
    jurisdiction: '明湖区',
    title: '明湖区2026年首次报送测试',
    year: 2026,
    categories: [
      {
        ordinal: 1,
        title: '养老服务',
        items: [buildItem({ leadUnit: '首报测试局', coUnits: [], persons: [], leaders: [], indicators: [] })],
      },
    ],
  });
  const imported = await office.post('/api/v1/programmes/import', document);
  expect(imported.statusCode, imported.body).toBe(201);
  programmeId = (imported.json() as { id: number }).id;
  const tree = (await office.get(`/api/v1/programmes/${programmeId}/tree`)).json() as ProgrammeTree;
  const item = tree.categories[0]?.items[0];
  if (!item) throw new Error('item missing');
  const unitId = item.units[0]?.unitId as number;
  // M01 is due on 26 January 2026 (the 25th is a Sunday).
  await ctx.database.db.insert(reports).values([
    {
      programmeId,
      itemId: item.id,
      unitId,
      period: 'M01',
      state: 'approved',
      firstSubmittedAt: '2026-01-20T10:00:00+08:00',
      submittedAt: '2026-02-03T10:00:00+08:00',
      reviewedAt: '2026-02-04T10:00:00+08:00',
    },
    {
      programmeId,
      itemId: item.id,
      unitId,
      period: 'M02',
      state: 'approved',
      firstSubmittedAt: '2026-03-02T10:00:00+08:00',
      submittedAt: '2026-03-02T10:00:00+08:00',
      reviewedAt: '2026-03-03T10:00:00+08:00',
    },
  ]);
});

afterAll(async () => ctx?.close());

describe('reports on time', () => {
  it('counts a report first handed in before its due date, though resubmitted after it', async () => {
    const response = await office.get(`/api/v1/programmes/${programmeId}/assessment?date=2026-03-10`);
    expect(response.statusCode, response.body).toBe(200);
    const [unit] = (response.json() as { units: { rules: Rule[] }[] }).units;
    const onTime = unit?.rules.find((r) => r.rule === 'reportsOnTime');
    // M01 on time by its first submission; M02 (due 25 February) late.
    expect(onTime).toMatchObject({ numerator: 1, denominator: 2 });
  });
});
