/**
 * Status against plan at city scale, on the embedded database in memory:
 * 16 district programmes × 40 items, 2–3 indicators per item with quarterly
 * checkpoints, an approved report a month for 12 months per item. Prints the
 * time to evaluate every item of every programme (evaluateProgrammeStatus:
 * its queries and the evaluation) against a baseline measured in the same
 * run: a plain scan of the same rows (the approved reports and their values).
 * Then doubles the data (32 districts) and measures again.
 *
 *   node --import tsx bench/status.ts [--rounds 5]
 */
import { and, eq, inArray } from 'drizzle-orm';
import { type Db, openDatabase } from '../src/db/client.js';
import { loadStatusInputs } from '../src/db/repositories/status-inputs.repository.js';
import { categories, indicators, items, itemUnits, jurisdictions, programmes, units } from '../src/db/schema.js';
import { reports, reportValues } from '../src/db/schema-work.js';
import { buildApp } from '../src/server/app.js';
import { testConfig } from '../src/server/config.js';
import { seedDemo } from '../src/server/use-cases/demo/seed-demo.js';
import {
  evaluateProgrammeStatus,
  evaluateStatusInputs,
} from '../src/server/use-cases/work/evaluate-programme-status.js';
import { BENCH_PASSWORD, fmt, machineLine, median, numberFlag } from './lib.js';

const ITEMS = 40;
const CATEGORIES = 4;
const YEAR = 2026;
const AS_OF = '2026-12-20';
const MONTHS = Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);

async function batched<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** One district's programme of 40 items with a year of approved monthly reports. */
async function buildDistrict(db: Db, n: number): Promise<number> {
  const [district] = await db
    .insert(jurisdictions)
    .values({ name: `基准${n}区`, level: 'district' })
    .returning();
  if (!district) throw new Error('no district');
  const unitRows = await db
    .insert(units)
    .values([0, 1, 2].map((k) => ({ jurisdictionId: district.id, name: `基准${n}区单位${k}` })))
    .returning();
  const [programme] = await db
    .insert(programmes)
    .values({ jurisdictionId: district.id, year: YEAR, title: `基准${n}区${YEAR}年40项民心工程`, state: 'published' })
    .returning();
  if (!programme) throw new Error('no programme');
  const categoryRows = await db
    .insert(categories)
    .values(
      Array.from({ length: CATEGORIES }, (_, c) => ({
        programmeId: programme.id,
        position: c,
        ordinal: c + 1,
        title: `大项${c + 1}`,
      })),
    )
    .returning();
  const itemRows = await db
    .insert(items)
    .values(
      Array.from({ length: ITEMS }, (_, i) => ({
        programmeId: programme.id,
        categoryId: categoryRows[i % CATEGORIES]?.id ?? 0,
        position: i,
        number: String(i + 1),
        name: `第${i + 1}项民心工程`,
        deadlineDate: `${YEAR}-12-31`,
      })),
    )
    .returning();
  await db.insert(itemUnits).values(
    itemRows.flatMap((item, i) => [
      { itemId: item.id, unitId: unitRows[i % 3]?.id ?? 0, role: 'lead' as const, position: 0 },
      { itemId: item.id, unitId: unitRows[(i + 1) % 3]?.id ?? 0, role: 'co' as const, position: 1 },
    ]),
  );
  const indicatorRows = await db
    .insert(indicators)
    .values(
      itemRows.flatMap((item, i) =>
        Array.from({ length: 2 + (i % 2) }, (_, k) => {
          const target = 1000 * (k + 1) + i * 10;
          return {
            itemId: item.id,
            name: `指标${k + 1}`,
            unit: '人',
            target,
            position: k,
            checkpoints: { Q1: target * 0.2, Q2: target * 0.5, Q3: target * 0.75, Q4: target },
          };
        }),
      ),
    )
    .returning();
  const reportRows = await db
    .insert(reports)
    .values(
      itemRows.flatMap((item, i) =>
        MONTHS.map((period) => ({
          programmeId: programme.id,
          itemId: item.id,
          unitId: unitRows[i % 3]?.id ?? 0,
          period,
          state: 'approved' as const,
          claimedStatus: 'in_progress' as const,
          percentComplete: Number(period.slice(1)) * 8,
          reviewedAt: `${YEAR}-${period.slice(1)}-28T10:00:00+08:00`,
        })),
      ),
    )
    .returning({ id: reports.id, itemId: reports.itemId, period: reports.period });
  const indicatorsOf = new Map<number, number[]>();
  for (const ind of indicatorRows) indicatorsOf.set(ind.itemId, [...(indicatorsOf.get(ind.itemId) ?? []), ind.id]);
  // Some items run behind: cumulative values at 60–105% of a straight line to the target.
  const values = reportRows.flatMap((r) =>
    (indicatorsOf.get(r.itemId) ?? []).map((indicatorId) => {
      const month = Number(r.period.slice(1));
      const pace = 0.6 + ((r.itemId * 7) % 10) * 0.05;
      return { reportId: r.id, indicatorId, value: Math.round(((1000 * month) / 12) * pace) };
    }),
  );
  await batched(values, 2000, (chunk) => db.insert(reportValues).values(chunk));
  return programme.id;
}

/** The baseline: read the same approved reports and values, and nothing else. */
async function plainScan(db: Db, programmeIds: readonly number[]): Promise<number> {
  let rows = 0;
  for (const id of programmeIds) {
    const approved = and(eq(reports.programmeId, id), eq(reports.state, 'approved'));
    const [r, v] = await Promise.all([
      db.select().from(reports).where(approved),
      db
        .select({ reportId: reportValues.reportId, indicatorId: reportValues.indicatorId, value: reportValues.value })
        .from(reportValues)
        .innerJoin(reports, eq(reports.id, reportValues.reportId))
        .where(approved),
    ]);
    rows += r.length + v.length;
  }
  return rows;
}

async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const rounds = numberFlag('rounds', 5);
const database = await openDatabase({ dataDir: 'memory://' });
await database.migrate();
const db = database.db;
const programmeIds: number[] = [];

type App = Awaited<ReturnType<typeof buildApp>>;

/**
 * The dashboard's endpoint (GET /programmes/:id/status) for one district of
 * 40 items, through the whole HTTP stack (session, policy, JSON), against a
 * plain scan of that programme's approved reports and values.
 */
async function measureEndpoint(
  app: App,
  cookie: string,
  programmeId: number,
): Promise<{ endpoint: number; scan: number }> {
  const url = `/api/v1/programmes/${programmeId}/status?date=${AS_OF}`;
  const call = async () => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`status endpoint: ${response.statusCode} ${response.body}`);
  };
  await call();
  await plainScan(db, [programmeId]);
  const endpoint: number[] = [];
  const scan: number[] = [];
  for (let r = 0; r < rounds * 10; r++) {
    scan.push(await timeMs(() => plainScan(db, [programmeId])));
    endpoint.push(await timeMs(call));
  }
  return { endpoint: median(endpoint), scan: median(scan) };
}

async function measure(districts: number): Promise<{ status: number; scan: number; pure: number; items: number }> {
  while (programmeIds.length < districts) programmeIds.push(await buildDistrict(db, programmeIds.length + 1));
  // Warm up both paths once.
  await plainScan(db, programmeIds);
  for (const id of programmeIds) await evaluateProgrammeStatus(db, id, AS_OF);
  const scan: number[] = [];
  const status: number[] = [];
  const pure: number[] = [];
  let evaluated = 0;
  const inputs = await Promise.all(programmeIds.map((id) => loadStatusInputs(db, id)));
  for (let r = 0; r < rounds; r++) {
    scan.push(await timeMs(() => plainScan(db, programmeIds)));
    status.push(
      await timeMs(async () => {
        evaluated = 0;
        for (const id of programmeIds) evaluated += (await evaluateProgrammeStatus(db, id, AS_OF))?.items.length ?? 0;
      }),
    );
    pure.push(
      await timeMs(async () => {
        for (const input of inputs) if (input) evaluateStatusInputs(input, AS_OF);
      }),
    );
  }
  return { status: median(status), scan: median(scan), pure: median(pure), items: evaluated };
}

console.log('status against plan: every item of every district programme, vs a plain scan of the same reports');
console.log(`  ${machineLine()}`);
await seedDemo(db, BENCH_PASSWORD);
const app = await buildApp({ database, config: testConfig({ MINXIN_LOG_LEVEL: 'silent' }), serveWeb: false });
await app.ready();
const signIn = await app.inject({
  method: 'POST',
  url: '/api/v1/session',
  payload: { username: 'admin', password: BENCH_PASSWORD },
});
if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.statusCode}`);
const cookie = String(signIn.headers['set-cookie'] ?? '').split(';')[0] ?? '';
const results: Array<{ districts: number; status: number; scan: number; pure: number; items: number }> = [];
for (const districts of [16, 32]) {
  const buildStart = performance.now();
  const result = await measure(districts);
  const [reportCount] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(inArray(reports.programmeId, programmeIds))
    .then((rows) => [rows.length]);
  results.push({ districts, ...result });
  console.log(
    `  ${String(districts).padStart(2)} districts, ${result.items} items, ${reportCount} reports (built+measured in ${fmt((performance.now() - buildStart) / 1000, 1)} s):`,
  );
  console.log(
    `    plain scan ${fmt(result.scan, 1).padStart(7)} ms   status ${fmt(result.status, 1).padStart(7)} ms   ratio ${fmt(result.status / result.scan, 2)} ×   (evaluation alone ${fmt(result.pure, 1)} ms)`,
  );
  const endpoint = await measureEndpoint(app, cookie, programmeIds[0] as number);
  console.log(
    `    dashboard endpoint (one district, 40 items, median of ${rounds * 10}): ${fmt(endpoint.endpoint, 1)} ms vs plain scan ${fmt(endpoint.scan, 1)} ms, ratio ${fmt(endpoint.endpoint / endpoint.scan, 2)} ×`,
  );
}
const [a, b] = results;
if (a && b)
  console.log(
    `  doubling the data: scan ${fmt(b.scan / a.scan, 2)} ×, status ${fmt(b.status / a.status, 2)} ×, evaluation alone ${fmt(b.pure / a.pure, 2)} ×`,
  );
await app.close();
await database.close();
