import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulletinCommand } from '../src/cli/bulletin-command.js';
import { main } from '../src/cli/main.js';
import type { InterchangeItem } from '../src/core/interchange.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { replaceReportValues } from '../src/db/repositories/reports.repository.js';
import { indicators, items, itemUnits } from '../src/db/schema.js';
import { reports } from '../src/db/schema-work.js';
import { importProgramme } from '../src/server/use-cases/programmes/import-programme.js';
import { loadBulletinData } from '../src/server/use-cases/publish/draft-bulletin-data.js';
import { buildItem, buildProgrammeDocument } from './helpers/factories.js';

/**
 * `minxin bulletin` on a database of its own: 测试市's programme (two items
 * served by districts) and the task lists of 南河区 and 北岭区, as of
 * 2026-06-30. 北岭区 reported 10 old estates, 南河区 nothing on them: the city
 * sum must say that 南河区 did not report rather than print 10 as the total.
 */

let dir: string;
const saved = { ...process.env };
const system = { actor: { kind: 'system' as const, name: 'test' }, ip: null };
const CITY = '测试市2026年民心工程';
const DATE = '2026-06-30';
let cityId: number;
let nanheId: number;

const item = (overrides: Partial<InterchangeItem>): InterchangeItem =>
  buildItem({ coUnits: [], persons: [], leaders: [], milestones: [], indicators: [], ...overrides });
const count = (name: string, unit: string, target: number) => ({
  name,
  unit,
  target,
  direction: 'increase' as const,
  checkpoints: { Q2: target / 2, Q4: target },
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) } };
}

async function itemId(db: Database['db'], programmeId: number, name: string): Promise<number> {
  const [row] = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.programmeId, programmeId), eq(items.name, name)));
  if (!row) throw new Error(`no item ${name}`);
  return row.id;
}

async function approve(db: Database['db'], programmeId: number, id: number, progress: string, value: number | null) {
  const [lead] = await db
    .select({ unitId: itemUnits.unitId })
    .from(itemUnits)
    .where(and(eq(itemUnits.itemId, id), eq(itemUnits.role, 'lead')));
  if (!lead) throw new Error(`item ${id} has no lead unit`);
  const [row] = await db
    .insert(reports)
    .values({
      programmeId,
      itemId: id,
      unitId: lead.unitId,
      period: 'M06',
      state: 'approved',
      progress,
      claimedStatus: 'in_progress',
      submittedAt: '2026-06-25T10:00:00+08:00',
      reviewedAt: '2026-06-28T10:00:00+08:00',
    })
    .returning();
  if (!row) throw new Error('report not inserted');
  if (value === null) return;
  const [indicator] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.itemId, id));
  if (!indicator) throw new Error(`item ${id} has no indicator`);
  await replaceReportValues(db, row.id, [{ indicatorId: indicator.id, value }]);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'minxin-bulletin-'));
  process.env.MINXIN_DATA_DIR = path.join(dir, 'data');
  delete process.env.DATABASE_URL;
  delete process.env.MINXIN_TODAY;
  const database = await openDatabase({ dataDir: process.env.MINXIN_DATA_DIR });
  try {
    await database.migrate();
    const db = database.db;
    cityId = (
      await importProgramme(
        db,
        system,
        buildProgrammeDocument({
          title: CITY,
          jurisdiction: '测试市',
          year: 2026,
          categories: [
            {
              ordinal: 1,
              title: '安居工程',
              items: [
                item({
                  number: '1',
                  name: '老旧小区改造',
                  leadUnit: '市住建委',
                  indicators: [count('改造老旧小区', '个', 100)],
                }),
                item({
                  number: '2',
                  name: '新建社区食堂',
                  leadUnit: '市民政局',
                  indicators: [count('新建社区食堂', '处', 10)],
                }),
              ],
            },
            { ordinal: 2, title: '教育', items: [item({ number: '3', name: '新建幼儿园', leadUnit: '市教委' })] },
          ],
        }),
      )
    ).id;
    const district = (name: string, list: InterchangeItem[]) =>
      buildProgrammeDocument({
        title: `${CITY}涉及${name}任务清单`,
        jurisdiction: name,
        year: 2026,
        parent: CITY,
        categories: [{ ordinal: 1, title: '安居工程', items: list }],
      });
    nanheId = (
      await importProgramme(
        db,
        system,
        district('南河区', [
          item({
            number: '1',
            name: '南河区老旧小区改造',
            leadUnit: '南河区住建委',
            indicators: [count('改造小区', '个', 40)],
          }),
          item({ number: '2', name: '南河区社区食堂', leadUnit: '南河区民政局', indicators: [count('食堂', '处', 4)] }),
        ]),
      )
    ).id;
    const beilingId = (
      await importProgramme(
        db,
        system,
        district('北岭区', [
          item({
            number: '5',
            name: '北岭区老旧小区提升',
            leadUnit: '北岭区住建委',
            indicators: [count('改造老旧小区', '个', 60)],
          }),
        ]),
      )
    ).id;
    const link = async (programmeId: number, name: string, cityName: string) =>
      db
        .update(items)
        .set({ cityItemId: await itemId(db, cityId, cityName) })
        .where(eq(items.id, await itemId(db, programmeId, name)));
    await link(nanheId, '南河区老旧小区改造', '老旧小区改造');
    await link(nanheId, '南河区社区食堂', '新建社区食堂');
    await link(beilingId, '北岭区老旧小区提升', '老旧小区改造');
    await approve(db, beilingId, await itemId(db, beilingId, '北岭区老旧小区提升'), '完成10个小区的改造。', 10);
    await approve(db, nanheId, await itemId(db, nanheId, '南河区社区食堂'), '两处食堂已开业。', 2);
    await approve(db, cityId, await itemId(db, cityId, '新建幼儿园'), '主体结构<封顶>。', null);
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('loadBulletinData', () => {
  it('sums the districts’ numbers per city item and lists the districts that did not report', async () => {
    const database = await openDatabase({ dataDir: process.env.MINXIN_DATA_DIR });
    try {
      const data = await loadBulletinData(database.db, cityId, DATE);
      expect(data?.card.headline).toMatchObject({ done: 0, rest: 3, total: 3 });
      const byName = new Map(data?.citySums.map((s) => [s.indicatorName, s]));
      expect(byName.get('改造老旧小区')).toEqual({
        cityItemId: expect.any(Number),
        indicatorName: '改造老旧小区',
        unit: '个',
        actualSum: 10,
        targetSum: 100,
        reportedDistricts: 1,
        missingDistricts: ['南河区'],
      });
      expect(byName.get('新建社区食堂')).toMatchObject({
        actualSum: 2,
        targetSum: 4,
        reportedDistricts: 1,
        missingDistricts: [],
      });
      // A district list has no districts under it.
      expect((await loadBulletinData(database.db, nanheId, DATE))?.citySums).toEqual([]);
      expect(await loadBulletinData(database.db, 9999, DATE)).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});

describe('minxin bulletin', () => {
  it('writes the city bulletin as Markdown with the headline, the sums and the missing district', async () => {
    const out = path.join(dir, 'city.md');
    const run = io();
    expect(await bulletinCommand([CITY, '--date', DATE, '--format', 'md', '--out', out], run.io)).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.split('\n')[0]).toBe('# 2026年3项民心工程上半年进展情况');
    expect(md).toContain('截至6月底，3个子项正在加快推进。');
    expect(md).toContain('## 一、安居工程');
    expect(md).toContain('各区已改造老旧小区10个（1个区未报送：南河区）');
    expect(md).toContain('各区已新建社区食堂2处，完成全年任务的50%');
    expect(md).toContain('主体结构\\<封顶\\>');
    expect(run.err.join('')).toContain('已生成 (written)');
  });

  it('writes a district report card by id as a standalone HTML page, and to stdout without --out', async () => {
    const out = path.join(dir, 'nanhe.html');
    expect(await bulletinCommand([String(nanheId), '--date', DATE, '--format', 'html', '--out', out], io().io)).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<h1 class="bulletin-title">南河区2026年民心工程上半年“成绩单”</h1>');
    expect(html).toContain('<span class="bulletin-number">01</span> 安居工程</h2>');
    expect(html).toContain('两处食堂已开业');
    expect(html).not.toContain('<script');

    const run = io();
    expect(await bulletinCommand([String(nanheId), '--date', DATE, '--format', 'md'], run.io)).toBe(0);
    expect(run.out.join('')).toMatch(/^# 南河区2026年民心工程上半年“成绩单”\n/);
  });

  it('writes a .docx that is a zip with the title in word/document.xml, through the command table', async () => {
    const out = path.join(dir, 'city.docx');
    expect(await main(['bulletin', String(cityId), '--date', '2026-03-31', '--format', 'docx', '--out', out])).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('2026年3项民心工程一季度进展情况');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('一、安居工程');
  });

  it('exits 2 on a bad date or format and 1 on an unknown programme, Chinese first, writing nothing', async () => {
    const cases: [string[], number, RegExp][] = [
      [[CITY, '--date', '2026-02-30', '--format', 'md'], 2, /^日期“2026-02-30”无效/],
      [[CITY, '--date', '30/06/2026', '--format', 'md'], 2, /^日期“30\/06\/2026”无效/],
      [[CITY, '--date', DATE, '--format', 'pdf'], 2, /^未知格式“pdf”/],
      [['--date', DATE, '--format', 'md'], 2, /^需要民心工程编号或标题/],
      [[CITY, '--date', DATE, '--colour', 'red'], 2, /^参数有误 \(invalid arguments\): Unknown option '--colour'/],
      [[CITY, '--date', '2025-12-31', '--format', 'md'], 2, /^截止日期 2025-12-31 早于民心工程的年度/],
      [['不存在的民心工程', '--date', DATE, '--format', 'md'], 1, /^未找到民心工程“不存在的民心工程”/],
      [['9999', '--date', DATE, '--format', 'md'], 1, /^未找到民心工程“9999”/],
    ];
    for (const [args, code, message] of cases) {
      const out = path.join(dir, 'never.md');
      const run = io();
      expect(await bulletinCommand([...args, '--out', out], run.io), args.join(' ')).toBe(code);
      expect(run.err.join(''), args.join(' ')).toMatch(message);
      expect(existsSync(out), args.join(' ')).toBe(false);
    }
  });
});
