/**
 * What the load run needs before the clock starts: a programme built for it
 * (one jurisdiction, N units, items each shared by several units, one
 * indicator each, reported monthly), published, one reporter account per unit
 * signed in with its own session and CSRF token, and the public addresses the
 * readers ask for (the demo programme, which has a year of approved reports).
 */
import { type ApiSession, SUITE_PASSWORD, signInApi } from '../lib.js';

export const LOAD_JURISDICTION = '负载测试区';
export const DEMO_TITLE = '明湖区2026年20项民心工程';
/** Units named on each item of the load programme (one lead, the rest co-units). */
const UNITS_PER_ITEM = 4;
/** Items each unit is named on: with 11 open monthly periods, 8 × 11 = 88 reports a reporter may write. */
const ITEMS_PER_UNIT = 8;
/** Periods begun by SUITE_TODAY (2026-11-22) on a monthly plan. */
export const OPEN_PERIODS = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11'];

/** One report a reporter may write: its unit on an item for a period. */
export interface Slot {
  itemId: number;
  indicatorId: number;
  period: string;
}

export interface Reporter {
  username: string;
  unitId: number;
  session: ApiSession;
  /** Every (item, period) its unit may report on, in the order it will write them. */
  slots: Slot[];
}

export interface Prepared {
  admin: ApiSession;
  programmeId: number;
  reporters: Reporter[];
  /** Paths the readers cycle through, and a string each answer must contain. */
  readerPaths: string[];
  readerMarker: string;
  /** Milliseconds each step took. */
  timings: Record<string, number>;
}

interface TreeItem {
  id: number;
  number: string;
  name: string;
  units: { unitId: number; role: 'lead' | 'co' }[];
  indicators: { id: number }[];
  children: TreeItem[];
}
interface Tree {
  programme: { id: number; title: string };
  categories: { items: TreeItem[] }[];
}

const unitName = (i: number) => `负载单位${String(i + 1).padStart(3, '0')}`;
const reporterName = (i: number) => `load${String(i + 1).padStart(3, '0')}`;

/**
 * The programme: item i names units i, i + s, i + 2s, i + 3s (mod the unit
 * count, s = a quarter of it), so the four are distinct and every unit is
 * named on ITEMS_PER_UNIT items.
 */
export function loadProgrammeDocument(unitCount: number) {
  const perItem = Math.min(UNITS_PER_ITEM, unitCount);
  const stride = Math.floor(unitCount / perItem);
  const itemCount = Math.ceil((unitCount * ITEMS_PER_UNIT) / perItem);
  const items = Array.from({ length: itemCount }, (_, i) => {
    const units = Array.from({ length: perItem }, (_, k) => unitName((i + k * stride) % unitCount));
    const [leadUnit, ...coUnits] = units;
    return {
      number: String(i + 1),
      name: `负载测试子项${i + 1}：老旧小区改造第${i + 1}批`,
      target: '全年完成改造100户',
      leadUnit,
      coUnits,
      deadline: { text: '12月底', date: '2026-12-31' },
      indicators: [{ name: '完成改造户数', unit: '户', target: 100, checkpoints: { M06: 50, M12: 100 } }],
    };
  });
  return {
    format: 'minxin.programme/v1',
    title: `${LOAD_JURISDICTION}2026年负载测试民心工程`,
    jurisdiction: LOAD_JURISDICTION,
    year: 2026,
    categories: [{ ordinal: 1, title: '负载测试工程', items }],
  };
}

async function call<T>(
  url: string,
  path: string,
  session: ApiSession | undefined,
  method: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: session ? session.headers : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Run `task` over `inputs` with at most `width` at a time, keeping the order of the results. */
async function pool<I, O>(
  inputs: readonly I[],
  width: number,
  task: (input: I, index: number) => Promise<O>,
): Promise<O[]> {
  const results: O[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < inputs.length; i = next++) results[i] = await task(inputs[i] as I, i);
  };
  await Promise.all(Array.from({ length: Math.min(width, inputs.length) }, worker));
  return results;
}

const flatten = (items: readonly TreeItem[]): TreeItem[] => items.flatMap((item) => [item, ...flatten(item.children)]);

export async function prepare(url: string, reporterCount: number): Promise<Prepared> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const admin = await signInApi(url, 'admin');

  const imported = await call<{ id: number; itemCount: number }>(
    url,
    '/api/v1/programmes/import',
    admin,
    'POST',
    loadProgrammeDocument(reporterCount),
  );
  const programmeId = imported.id;
  await call(url, `/api/v1/programmes/${programmeId}/reporting-plan`, admin, 'PUT', {
    version: 0,
    frequency: 'monthly',
  });
  await call(url, `/api/v1/programmes/${programmeId}/publish`, admin, 'POST', {});
  const tree = await call<Tree>(url, `/api/v1/programmes/${programmeId}/tree`, admin, 'GET');
  lap('import and publish');

  // Each unit's slots: its items × the open periods.
  const slotsOf = new Map<number, Slot[]>();
  for (const item of flatten(tree.categories.flatMap((c) => c.items))) {
    const indicatorId = item.indicators[0]?.id;
    if (indicatorId === undefined) throw new Error(`item ${item.number} of the load programme has no indicator`);
    for (const link of item.units) {
      const slots = slotsOf.get(link.unitId) ?? [];
      for (const period of OPEN_PERIODS) slots.push({ itemId: item.id, indicatorId, period });
      slotsOf.set(link.unitId, slots);
    }
  }
  const units = await call<{ items: { id: number; name: string }[] }>(url, '/api/v1/units', admin, 'GET');
  const unitIds = Array.from({ length: reporterCount }, (_, i) => {
    const unit = units.items.find((u) => u.name === unitName(i));
    if (!unit) throw new Error(`unit ${unitName(i)} was not created by the import`);
    return unit.id;
  });

  // Accounts and sessions: argon2 on the server, a few at a time.
  await pool(unitIds, 4, (unitId, i) =>
    call(url, '/api/v1/users', admin, 'POST', {
      username: reporterName(i),
      displayName: `负载填报员${i + 1}`,
      password: SUITE_PASSWORD,
      role: 'reporter',
      unitId,
    }),
  );
  lap('create reporters');
  const sessions = await pool(unitIds, 4, (_, i) => signInApi(url, reporterName(i)));
  lap('sign in reporters');

  const reporters = unitIds.map((unitId, i) => {
    const slots = slotsOf.get(unitId) ?? [];
    // Period-major order (M01 of every item, then M02…): a reporter catches up on its months one by one.
    slots.sort((a, b) => a.period.localeCompare(b.period) || a.itemId - b.itemId);
    return { username: reporterName(i), unitId, session: sessions[i] as ApiSession, slots };
  });

  // The readers: the demo programme (published, with a year of approved reports), its card and item pages.
  const programmes = await call<{ items: { id: number; title: string }[] }>(
    url,
    '/api/v1/public/programmes',
    undefined,
    'GET',
  );
  const demo = programmes.items.find((p) => p.title === DEMO_TITLE);
  if (!demo) throw new Error(`the demo programme ${DEMO_TITLE} is not published`);
  const demoTree = await call<Tree>(url, `/api/v1/public/programmes/${demo.id}/tree`, undefined, 'GET');
  const itemIds = demoTree.categories.flatMap((c) => c.items).map((item) => item.id);
  const readerPaths: string[] = [];
  for (const itemId of itemIds) {
    readerPaths.push(
      `/p/${demo.id}`,
      `/p/${demo.id}/items/${itemId}`,
      `/api/v1/public/programmes/${demo.id}/report-card`,
    );
  }
  // A live site has its pages cached: build each once (and check it) before the clock starts.
  for (const path of new Set(readerPaths)) {
    const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    if (response.status !== 200 || !text.includes(DEMO_TITLE))
      throw new Error(`${path} → ${response.status} without the programme's title: ${text.slice(0, 300)}`);
  }
  lap('reader addresses and warm cache');
  return { admin, programmeId, reporters, readerPaths, readerMarker: DEMO_TITLE, timings };
}
