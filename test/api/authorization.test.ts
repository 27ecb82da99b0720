import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/core/actor.js';
import type { ItemNode, ProgrammeTree } from '../../src/core/tree.js';
import { feedback } from '../../src/db/schema-publish.js';
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { buildProgrammeDocument } from '../helpers/factories.js';
import { anonymousClient, apiRoutes, checkRows, type Expect, type RouteRow, type Who } from '../helpers/routes.js';

/**
 * The role × route matrix (STYLE.md rule 5): every /api/v1 route, called by
 * every demo account and by a visitor without a session, on real records.
 * Routes that change or delete something get a record made for that one call.
 */

let ctx: TestContext;
const clients = {} as Record<Who, Client>;
let f: Fixtures;

/** An item of the demo programme and one of each record hanging off it. */
interface ItemRecords {
  item: number;
  category: number;
  milestone: number;
  indicator: number;
  itemUnit: number;
  itemPerson: number;
  itemLeader: number;
}

interface Fixtures {
  minghu: number;
  /** 区教育局: the reporter's unit. */
  eduUnit: number;
  /** 周文清: the leader's person record. */
  zhou: number;
  demo: number;
  /** An item led by 区教育局 and supervised by 周文清. */
  own: ItemRecords;
  /** An item of neither (区民政局, 陈永和). */
  other: ItemRecords;
  /** A draft programme of 明湖区. */
  draft: number;
  viewerUser: number;
  /** 远山区, a second jurisdiction the supervisor of 明湖区 has nothing to do with. */
  far: { jurisdiction: number; programme: number; category: number; item: number; unit: number };
}

let counter = 0;
const uniq = (prefix: string) => `${prefix}${++counter}`;

async function make(url: string, body: unknown): Promise<number> {
  const response = await clients.admin.post(`/api/v1${url}`, body);
  if (response.statusCode !== 201) throw new Error(`setup POST ${url}: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: number }).id;
}

async function list<T>(url: string): Promise<T[]> {
  return ((await clients.admin.get(`/api/v1${url}`)).json() as { items: T[] }).items;
}

async function treeOf(who: Who, programmeId: number): Promise<ProgrammeTree> {
  return (await clients[who].get(`/api/v1/programmes/${programmeId}/tree`)).json() as ProgrammeTree;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo data has no ${what}`);
  return value;
}

function flatten(tree: ProgrammeTree): { item: ItemNode; parent: ItemNode | null }[] {
  const walk = (items: ItemNode[], parent: ItemNode | null): { item: ItemNode; parent: ItemNode | null }[] =>
    items.flatMap((item) => [{ item, parent }, ...walk(item.children, item)]);
  return tree.categories.flatMap((c) => walk(c.items, null));
}

function recordsOf(tree: ProgrammeTree, name: string): ItemRecords {
  const item = must(flatten(tree).find((node) => node.item.name === name)?.item, name);
  return {
    item: item.id,
    category: item.categoryId,
    milestone: must(item.milestones[0], `milestone of ${name}`).id,
    indicator: must(item.indicators[0], `indicator of ${name}`).id,
    itemUnit: must(item.units[0], `unit of ${name}`).id,
    itemPerson: must(item.persons[0], `person of ${name}`).id,
    itemLeader: must(item.leaders[0], `leader of ${name}`).id,
  };
}

/** Fresh records, made by the admin, one per call. */
const fresh = {
  town: () => make('/jurisdictions', { name: uniq('新镇'), level: 'town', parentId: f.minghu }),
  district: () => make('/jurisdictions', { name: uniq('新区'), level: 'district', parentId: null }),
  unit: (j = f.minghu) => make('/units', { jurisdictionId: j, name: uniq('新单位') }),
  person: (j = f.minghu) => make('/people', { jurisdictionId: j, name: uniq('新人员') }),
  user: () =>
    make('/users', { username: uniq('u'), password: TEST_PASSWORD, role: 'viewer', jurisdictionId: f.minghu }),
  programme: (j = f.minghu) => make('/programmes', { jurisdictionId: j, year: 2026, title: uniq('新工程') }),
  category: async (j = f.minghu) => make(`/programmes/${await fresh.programme(j)}/categories`, { title: uniq('大项') }),
  item: async (j = f.minghu) => make(`/categories/${await fresh.category(j)}/items`, { name: uniq('子项') }),
  itemUnit: async () => make(`/items/${await fresh.item()}/units`, { unitId: f.eduUnit, role: 'lead' }),
  itemPerson: async () => make(`/items/${await fresh.item()}/persons`, { personId: f.zhou }),
  itemLeader: async () => make(`/items/${await fresh.item()}/leaders`, { personId: f.zhou }),
  milestone: async (j = f.minghu) => make(`/items/${await fresh.item(j)}/milestones`, { period: 'Q1', text: '选址' }),
  indicator: async () => make(`/items/${await fresh.item()}/indicators`, { name: '社区食堂', unit: '处', target: 3 }),
};

/** What a new account of each role is attached to, like the demo account. */
const attachments = (role: Role) =>
  ({
    admin: {},
    supervisor: { jurisdictionId: f.minghu },
    reporter: { unitId: f.eduUnit },
    leader: { personId: f.zhou },
    viewer: { jurisdictionId: f.minghu },
  })[role];

/** A second session of the same demo account: ending it leaves the shared one alone. */
const anotherSession = (_f: Fixtures, role: Role) => signIn(ctx.app, role);
/** A new account of the role: changing its password leaves the demo accounts alone. */
async function newAccount(_f: Fixtures, role: Role): Promise<Client> {
  const username = uniq(`${role}-`);
  await make('/users', { username, password: TEST_PASSWORD, role, ...attachments(role) });
  return signIn(ctx.app, username);
}

// biome-ignore format: one caller a column
const signedIn = (status: number): Expect => ({ admin: status, supervisor: status, reporter: status, leader: status, viewer: status, anonymous: 401 });
const everyone = (status: number): Expect => ({ ...signedIn(status), anonymous: status });
/** The office of 明湖区 writes: the admin and its supervisor. */
// biome-ignore format: one caller a column
const office = (status: number): Expect => ({ admin: status, supervisor: status, reporter: 403, leader: 403, viewer: 403, anonymous: 401 });
/** Only the admin: users, top-level jurisdictions, and everything of 远山区. */
// biome-ignore format: one caller a column
const adminOnly = (status: number): Expect => ({ admin: status, supervisor: 403, reporter: 403, leader: 403, viewer: 403, anonymous: 401 });
const READ = signedIn(200);
/** Something of 远山区: the accounts of 明湖区 do not see it at all. */
const FAR_READ: Expect = { admin: 200, supervisor: 404, reporter: 404, leader: 404, viewer: 404, anonymous: 401 };
/** An item of neither the reporter's unit nor the leader, and what hangs off it. */
const OTHER_ITEM: Expect = { admin: 200, supervisor: 200, reporter: 404, leader: 404, viewer: 200, anonymous: 401 };
/** The whole list (or its whole history) leaves only for those who may see every item. */
const WHOLE_LIST: Expect = { admin: 200, supervisor: 200, reporter: 403, leader: 403, viewer: 200, anonymous: 401 };
const DRAFT: Expect = { admin: 200, supervisor: 200, reporter: 404, leader: 404, viewer: 200, anonymous: 401 };

const v1 =
  <T extends object>(fields: T) =>
  () => ({ version: 1, ...fields });
const far = (f: Fixtures) => f.far.jurisdiction;

// Reports and evidence files (issue 4, part 2): fixtures on a published programme of their own, so the demo's data does not matter.
interface ReportFixtures {
  programme: number;
  category: number;
  /** An item led by 区教育局 and supervised by 周文清; one led by 区民政局. */
  own: number;
  other: number;
  otherUnit: number;
  /** Submitted reports on each, with a PNG attached. */
  ownReport: number;
  otherReport: number;
  ownDraft: number;
  ownFile: number;
  otherFile: number;
}
let rf: ReportFixtures;

/** multipart/form-data with one PNG in the field "file". */
async function pngForm(): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
    .png()
    .toBuffer();
  const boundary = '----minxinAuthorization';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场.png"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function reportCall(path: string, body: unknown): Promise<{ id: number; version: number }> {
  const response = await clients.admin.post(`/api/v1${path}`, body);
  if (response.statusCode >= 300) throw new Error(`setup POST ${path}: ${response.statusCode} ${response.body}`);
  return response.json() as { id: number; version: number };
}

const reportItem = async (unitId = f.eduUnit): Promise<number> => {
  const item = await make(`/categories/${rf.category}/items`, { name: uniq('报送子项') });
  await make(`/items/${item}/units`, { unitId, role: 'lead' });
  if (unitId === f.eduUnit) await make(`/items/${item}/leaders`, { personId: f.zhou });
  return item;
};
/** A report of 区教育局 on a fresh item, taken to a state. */
async function freshReport(state: 'draft' | 'submitted' | 'approved', item?: number, attach?: number): Promise<number> {
  const onItem = item ?? (await reportItem());
  const unitId = onItem === rf?.other ? rf.otherUnit : f.eduUnit;
  const body = { period: 'M01', unitId, ...(attach === undefined ? {} : { attachments: [await uploaded()] }) };
  const { id } = await reportCall(`/items/${onItem}/reports`, body);
  if (state !== 'draft') await reportCall(`/reports/${id}/submit`, { version: 1 });
  if (state === 'approved') await reportCall(`/reports/${id}/approve`, { version: 2 });
  return id;
}
async function uploaded(): Promise<{ sha256: string; fileName: string }> {
  const response = await clients.admin.request({ method: 'POST', url: '/api/v1/files', ...(await pngForm()) });
  if (response.statusCode !== 201) throw new Error(`setup upload: ${response.statusCode} ${response.body}`);
  const { sha256, fileName } = response.json() as { sha256: string; fileName: string };
  return { sha256, fileName };
}
async function reportFixtures(): Promise<ReportFixtures> {
  const programme = await make('/programmes', {
    jurisdictionId: f.minghu,
    year: 2026,
    title: '明湖区2026年报送权限测试',
  });
  await clients.admin.patch(`/api/v1/programmes/${programme}`, { version: 1, state: 'published' });
  const units = await list<{ id: number; name: string }>(`/units?jurisdictionId=${f.minghu}`);
  const otherUnit = must(
    units.find((u) => u.name === '区民政局'),
    '区民政局',
  ).id;
  rf = { programme, category: await make(`/programmes/${programme}/categories`, { title: '报送' }) } as ReportFixtures;
  rf.own = await reportItem();
  rf.other = await reportItem(otherUnit);
  rf.otherUnit = otherUnit;
  rf.ownReport = await freshReport('submitted', rf.own, 1);
  rf.otherReport = await freshReport('submitted', rf.other, 1);
  rf.ownDraft = await freshReport('draft');
  const fileOf = async (report: number) =>
    ((await clients.admin.get(`/api/v1/reports/${report}`)).json() as { attachments: { id: number }[] }).attachments[0]
      ?.id ?? 0;
  rf.ownFile = await fileOf(rf.ownReport);
  rf.otherFile = await fileOf(rf.otherReport);
  return rf;
}
/**
 * The matrix fills only `:id`; a period route gets its period (and the rest
 * of its path) through the id, the registered tail left behind as a query.
 */
const withPeriod = (programme: () => number, period: string, action: string) => () =>
  `${programme()}/periods/${period}/${action}?rest=` as unknown as number;
const READ_DRAFT: Expect = { admin: 200, supervisor: 200, reporter: 200, leader: 404, viewer: 404, anonymous: 401 };
// biome-ignore format: one caller a column
const WRITE_DRAFT = (status: number): Expect => ({ admin: status, supervisor: status, reporter: status, leader: 404, viewer: 404, anonymous: 401 });
// biome-ignore format: one caller a column
const UPLOAD: Expect = { admin: 400, supervisor: 400, reporter: 400, leader: 403, viewer: 403, anonymous: 401 };

// biome-ignore format: a table reads best one row a line
const reportRows: RouteRow<Fixtures>[] = [
  { method: 'POST', route: '/files', body: () => ({ note: 'not multipart: writers get 400, others 403' }), expect: UPLOAD },
  { method: 'GET', route: '/attachments/:id', id: () => rf.ownFile, expect: READ },
  { method: 'GET', route: '/attachments/:id', id: () => rf.otherFile, expect: OTHER_ITEM },
  { method: 'GET', route: '/attachments/:id/thumbnail', id: () => rf.ownFile, expect: READ },
  { method: 'GET', route: '/attachments/:id/thumbnail', id: () => rf.otherFile, expect: OTHER_ITEM },
  { method: 'POST', route: '/items/:id/reports', id: () => reportItem(), body: (f) => ({ period: 'M01', unitId: f.eduUnit }), expect: { ...office(201), reporter: 201 } },
  { method: 'GET', route: '/items/:id/reports', id: () => rf.own, expect: READ },
  { method: 'GET', route: '/items/:id/reports', id: () => rf.other, expect: OTHER_ITEM },
  { method: 'GET', route: '/reports/:id', id: () => rf.ownReport, expect: READ },
  { method: 'GET', route: '/reports/:id', id: () => rf.otherReport, expect: OTHER_ITEM },
  { method: 'GET', route: '/reports/:id', id: () => rf.ownDraft, expect: READ_DRAFT },
  { method: 'PATCH', route: '/reports/:id', id: () => freshReport('draft'), body: v1({ progress: '推进中' }), expect: WRITE_DRAFT(200) },
  { method: 'DELETE', route: '/reports/:id', id: () => freshReport('draft'), expect: WRITE_DRAFT(204) },
  { method: 'POST', route: '/reports/:id/submit', id: () => freshReport('draft'), body: v1({}), expect: WRITE_DRAFT(200) },
  { method: 'POST', route: '/reports/:id/approve', id: () => freshReport('submitted'), body: () => ({ version: 2 }), expect: office(200) },
  { method: 'POST', route: '/reports/:id/return', id: () => freshReport('submitted'), body: () => ({ version: 2, reason: '请补充' }), expect: office(200) },
  { method: 'POST', route: '/reports/:id/reopen', id: () => freshReport('approved'), body: () => ({ version: 3, reason: '更正' }), expect: office(200) },
  { method: 'GET', route: '/programmes/:id/reports', id: () => rf.programme, expect: READ },
  { method: 'GET', route: '/programmes/:id/reports', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'POST', route: '/programmes/:id/periods/:period/lock', id: withPeriod(() => rf.programme, 'M12', 'lock'), expect: office(200) },
  { method: 'POST', route: '/programmes/:id/periods/:period/lock', id: withPeriod(() => f.far.programme, 'M12', 'lock'), expect: FAR_READ },
  { method: 'POST', route: '/programmes/:id/periods/:period/unlock', id: withPeriod(() => rf.programme, 'M12', 'unlock'), expect: office(200) },
  { method: 'GET', route: '/me/work', expect: READ },
];

// Supervision notices and on-site inspections (issue 4, parts 5 and 6): records made on first use, on the demo's items.
const memo = <T>(make: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make();
    return value;
  };
};
const noticeBody = (unitId: number) => ({
  unitId,
  reason: '进度滞后',
  requiredAction: '倒排工期',
  replyDue: '2099-12-31',
});
const freshNotice = () => make(`/items/${f.own.item}/notices`, noticeBody(f.eduUnit));
const ownNotice = memo(freshNotice);
const otherNotice = memo(async () => {
  const unit = (await clients.admin.get(`/api/v1/item-units/${f.other.itemUnit}`)).json() as { unitId: number };
  return make(`/items/${f.other.item}/notices`, noticeBody(unit.unitId));
});
const inspectionBody = () => ({ date: '2026-06-18', inspectors: '王督查', findings: '已封顶', followUp: '两周后复查' });
const freshInspection = () => make(`/items/${f.own.item}/inspections`, inspectionBody());
// biome-ignore format: one caller a column
const REPLY: Expect = { admin: 403, supervisor: 403, reporter: 200, leader: 403, viewer: 403, anonymous: 401 };

// biome-ignore format: a table reads best one row a line
const noticeRows: RouteRow<Fixtures>[] = [
  { method: 'POST', route: '/items/:id/notices', id: (f) => f.own.item, body: (f) => noticeBody(f.eduUnit), expect: office(201) },
  { method: 'GET', route: '/programmes/:id/notices', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/notices', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'GET', route: '/notices/:id', id: () => ownNotice(), expect: READ },
  { method: 'GET', route: '/notices/:id', id: () => otherNotice(), expect: OTHER_ITEM },
  { method: 'GET', route: '/notices/:id/docx', id: () => ownNotice(), expect: READ },
  { method: 'GET', route: '/notices/:id/docx', id: () => otherNotice(), expect: OTHER_ITEM },
  { method: 'POST', route: '/notices/:id/reply', id: () => freshNotice(), body: v1({ reply: '已落实' }), expect: REPLY },
  { method: 'POST', route: '/notices/:id/close', id: () => freshNotice(), body: v1({ note: '已电话核实' }), expect: office(200) },
  { method: 'POST', route: '/notices/:id/escalate', id: () => freshNotice(), body: v1({ note: '逾期未回复' }), expect: office(200) },
  { method: 'POST', route: '/items/:id/inspections', id: (f) => f.own.item, body: inspectionBody, expect: office(201) },
  { method: 'GET', route: '/items/:id/inspections', id: (f) => f.own.item, expect: READ },
  { method: 'GET', route: '/items/:id/inspections', id: (f) => f.other.item, expect: OTHER_ITEM },
  { method: 'GET', route: '/items/:id/inspections', id: (f) => f.far.item, expect: FAR_READ },
  { method: 'GET', route: '/programmes/:id/inspections', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/inspections', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'PATCH', route: '/inspections/:id', id: () => freshInspection(), body: v1({ findings: '已进场装修' }), expect: office(200) },
  { method: 'DELETE', route: '/inspections/:id', id: () => freshInspection(), expect: office(204) },
];

// Assessment (考核) and the city over its districts (issue 4, parts 5 and 7).
/** A city programme with one item, and a district programme of 明湖区 that carries it out; made on first use. */
let cityLink: { cityItem: number; district: number; category: number } | undefined;
async function districtFixtures(): Promise<NonNullable<typeof cityLink>> {
  if (cityLink) return cityLink;
  const city = await fresh.programme();
  const cityCategory = await make(`/programmes/${city}/categories`, { title: '市级大项' });
  const cityItem = await make(`/categories/${cityCategory}/items`, { name: uniq('市级子项') });
  const district = await make('/programmes', {
    jurisdictionId: f.minghu,
    year: 2026,
    title: uniq('任务清单'),
    parentId: city,
  });
  cityLink = { cityItem, district, category: await make(`/programmes/${district}/categories`, { title: '区级大项' }) };
  return cityLink;
}
const districtItem = async () =>
  make(`/categories/${(await districtFixtures()).category}/items`, { name: uniq('区级子项') });
const adjustmentBody = (f: Fixtures) => ({ unitId: f.eduUnit, points: 1, reason: '主动整改到位' });
const freshAdjustment = () => make(`/programmes/${f.demo}/assessment/adjustments`, adjustmentBody(f));
/** The office writes; a reporter or leader who cannot see the record learns nothing, a viewer who can is refused. */
// biome-ignore format: one caller a column
const UNSEEN_WRITE = (status: number): Expect => ({ admin: status, supervisor: status, reporter: 404, leader: 404, viewer: 403, anonymous: 401 });
/** The ranking lists every unit: not for a reporter, who sees only its own. */
const RANKING: Expect = { ...READ, reporter: 403 };

// biome-ignore format: a table reads best one row a line
const assessmentRows: RouteRow<Fixtures>[] = [
  { method: 'GET', route: '/programmes/:id/assessment', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/assessment', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'GET', route: '/programmes/:id/assessment/export', id: (f) => f.demo, expect: RANKING },
  { method: 'POST', route: '/programmes/:id/assessment/adjustments', id: (f) => f.demo, body: adjustmentBody, expect: office(201) },
  { method: 'DELETE', route: '/assessment-adjustments/:id', id: () => freshAdjustment(), expect: office(204) },
  { method: 'GET', route: '/programmes/:id/districts', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/districts', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'PUT', route: '/items/:id/city-item', id: () => districtItem(), body: () => ({ cityItemId: cityLink?.cityItem, version: 1 }), expect: UNSEEN_WRITE(200) },
  { method: 'POST', route: '/programmes/:id/link-city-items', id: async () => (await districtFixtures()).district, expect: UNSEEN_WRITE(200) },
];

/** Calendar days for the matrix: each call a date of its own, far from the built-in years. */
let calendarDays = 0;
const nextCalendarDate = () => new Date(Date.UTC(2031, 0, 1 + ++calendarDays)).toISOString().slice(0, 10);
const freshCalendarDay = () => make('/calendar/days', { date: nextCalendarDate(), kind: 'holiday', name: '测试假日' });

// Reminders: channels, the delivery log and the inbox (issue 4, part 4).
const channelBody = (f: Fixtures) => ({
  jurisdictionId: f.minghu,
  kind: 'wecom',
  name: uniq('机器人'),
  url: 'http://127.0.0.1:9/robot',
});
const freshChannel = () => make('/channels', channelBody(f));
/** A dead delivery: a test message to a robot nobody listens to. */
const freshDeadDelivery = async () => {
  const response = await clients.admin.post(`/api/v1/channels/${await freshChannel()}/test`);
  return (response.json() as { deliveryId: number }).deliveryId;
};

// biome-ignore format: a table reads best one row a line
const reminderRows: RouteRow<Fixtures>[] = [
  { method: 'GET', route: '/channels', expect: office(200) },
  { method: 'POST', route: '/channels', body: (f) => channelBody(f), expect: office(201) },
  { method: 'POST', route: '/channels', body: () => ({ kind: 'email', name: uniq('邮件') }), expect: adminOnly(201) },
  { method: 'PATCH', route: '/channels/:id', id: () => freshChannel(), body: v1({ minLevel: 'red' }), expect: office(200) },
  { method: 'DELETE', route: '/channels/:id', id: () => freshChannel(), expect: office(204) },
  { method: 'POST', route: '/channels/:id/test', id: () => freshChannel(), expect: office(200) },
  { method: 'GET', route: '/deliveries', expect: office(200) },
  { method: 'POST', route: '/deliveries/:id/retry', id: () => freshDeadDelivery(), expect: office(200) },
  { method: 'GET', route: '/me/inbox', expect: READ },
  { method: 'POST', route: '/me/inbox/:id/read', id: () => 2_000_000_000, expect: signedIn(404) },
  { method: 'POST', route: '/me/inbox/read-all', expect: signedIn(200) },
];

/** Publishing a draft of 明湖区: the viewer reads drafts (403), reporters and leaders do not (404). */
const PUBLISH_DRAFT: Expect = { admin: 200, supervisor: 200, reporter: 404, leader: 404, viewer: 403, anonymous: 401 };
// biome-ignore format: a table reads best one row a line
const publishRows: RouteRow<Fixtures>[] = [
  { method: 'POST', route: '/programmes/:id/publish', id: () => fresh.programme(), expect: PUBLISH_DRAFT },
  { method: 'POST', route: '/programmes/:id/publish', id: (f) => f.demo, expect: office(200) },
  { method: 'POST', route: '/programmes/:id/publish', id: (f) => fresh.programme(far(f)), expect: FAR_READ },
  { method: 'GET', route: '/public/programmes/:id/report-card', id: (f) => f.demo, expect: everyone(200) },
  { method: 'GET', route: '/public/programmes/:id/report-card', id: (f) => f.draft, expect: everyone(404) },
  { method: 'GET', route: '/public/programmes/:id/report-card', id: (f) => f.far.programme, expect: everyone(404) },
  { method: 'GET', route: '/public/items/:id/progress', id: (f) => f.other.item, expect: everyone(200) },
  { method: 'GET', route: '/public/items/:id/progress', id: () => fresh.item(), expect: everyone(404) },
  { method: 'GET', route: '/public/items/:id/progress', id: (f) => f.far.item, expect: everyone(404) },
];

// Residents' feedback (issue 5): a pending comment made for each call, on the demo's item or 远山区's.
const freshComment = async (itemId: number, programmeId: number): Promise<number> => {
  const [row] = await ctx.database.db
    .insert(feedback)
    .values({ programmeId, itemId, rating: 4, comment: uniq('留言'), state: 'pending', clientHash: uniq('client') })
    .returning({ id: feedback.id });
  return row?.id ?? 0;
};
const moderation = () => ({ state: 'approved', version: 1 });
/** Satisfaction: as the assessment ranking (office, leaders and viewers; not reporters). */
// biome-ignore format: a table reads best one row a line
const feedbackRows: RouteRow<Fixtures>[] = [
  { method: 'GET', route: '/feedback', query: (f) => `programmeId=${f.demo}`, expect: office(200) },
  { method: 'GET', route: '/feedback', query: (f) => `programmeId=${f.far.programme}`, expect: FAR_READ },
  { method: 'PATCH', route: '/feedback/:id', id: (f) => freshComment(f.own.item, f.demo), body: moderation, expect: office(200) },
  { method: 'PATCH', route: '/feedback/:id', id: (f) => freshComment(f.far.item, f.far.programme), body: moderation, expect: FAR_READ },
  { method: 'GET', route: '/programmes/:id/satisfaction', id: (f) => f.demo, expect: RANKING },
  { method: 'GET', route: '/programmes/:id/satisfaction', id: (f) => f.far.programme, expect: FAR_READ },
];

// Bulletins (issue 5): drafts of the demo made for each call; one published bulletin shared by the reads.
const freshBulletin = () => make(`/programmes/${f.demo}/bulletins`, { cutoff: '2026-06-30' });
const draftBulletin = memo(freshBulletin);
const publishedBulletin = memo(async () => {
  const id = await freshBulletin();
  await reportCall(`/bulletins/${id}/publish`, {});
  return id;
});
const publishedSeq = async (): Promise<number> =>
  ((await clients.admin.get(`/api/v1/bulletins/${await publishedBulletin()}`)).json() as { seq: number }).seq;
/** A draft bulletin is the office's: everyone else learns nothing of it. */
// biome-ignore format: one caller a column
const OFFICE_DRAFT = (status: number): Expect => ({ admin: status, supervisor: status, reporter: 404, leader: 404, viewer: 404, anonymous: 401 });
/** Changing a published bulletin: the office hears it is frozen, readers that they may not. */
// biome-ignore format: one caller a column
const FROZEN: Expect = { admin: 409, supervisor: 409, reporter: 403, leader: 403, viewer: 403, anonymous: 401 };
// biome-ignore format: a table reads best one row a line
const bulletinRows: RouteRow<Fixtures>[] = [
  { method: 'POST', route: '/programmes/:id/bulletins', id: (f) => f.demo, body: () => ({ cutoff: '2026-06-30' }), expect: office(201) },
  { method: 'POST', route: '/programmes/:id/bulletins', id: (f) => f.far.programme, body: () => ({ cutoff: '2026-06-30' }), expect: { ...FAR_READ, admin: 201 } },
  { method: 'GET', route: '/programmes/:id/bulletins', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/bulletins', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'GET', route: '/programmes/:id/bulletins/verify', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/bulletins/verify', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'GET', route: '/bulletins/:id', id: () => draftBulletin(), expect: OFFICE_DRAFT(200) },
  { method: 'GET', route: '/bulletins/:id', id: () => publishedBulletin(), expect: READ },
  { method: 'PATCH', route: '/bulletins/:id', id: () => freshBulletin(), body: v1({ title: '改写的标题' }), expect: OFFICE_DRAFT(200) },
  { method: 'PATCH', route: '/bulletins/:id', id: () => publishedBulletin(), body: () => ({ version: 2, title: '改写的标题' }), expect: FROZEN },
  { method: 'POST', route: '/bulletins/:id/refresh', id: () => freshBulletin(), expect: OFFICE_DRAFT(200) },
  { method: 'POST', route: '/bulletins/:id/publish', id: () => freshBulletin(), expect: OFFICE_DRAFT(200) },
  { method: 'POST', route: '/bulletins/:id/publish', id: () => publishedBulletin(), expect: FROZEN },
  { method: 'DELETE', route: '/bulletins/:id', id: () => freshBulletin(), expect: OFFICE_DRAFT(204) },
  { method: 'DELETE', route: '/bulletins/:id', id: () => publishedBulletin(), expect: FROZEN },
  { method: 'GET', route: '/bulletins/:id/export.docx', id: () => draftBulletin(), expect: OFFICE_DRAFT(200) },
  { method: 'GET', route: '/bulletins/:id/export.docx', id: () => publishedBulletin(), expect: READ },
  { method: 'GET', route: '/bulletins/:id/export.md', id: () => publishedBulletin(), expect: READ },
  { method: 'GET', route: '/bulletins/:id/export.html', id: () => draftBulletin(), expect: OFFICE_DRAFT(200) },
  { method: 'GET', route: '/public/programmes/:id/bulletins', id: (f) => f.demo, expect: everyone(200) },
  { method: 'GET', route: '/public/programmes/:id/bulletins', id: (f) => f.draft, expect: everyone(404) },
  { method: 'GET', route: '/public/programmes/:id/bulletins/:seq', id: async (f) => `${f.demo}/bulletins/${await publishedSeq()}?rest=` as unknown as number, expect: everyone(200) },
  { method: 'GET', route: '/public/programmes/:id/bulletins/:seq', id: (f) => `${f.demo}/bulletins/999?rest=` as unknown as number, expect: everyone(404) },
];

// Importing a published bulletin (issue 5): the office of the jurisdiction; accepting nothing writes nothing.
const bulletinImportBody = () => ({ text: '01  教育提质工程\n全区教育事业稳步发展。' });
// biome-ignore format: a table reads best one row a line
const bulletinImportRows: RouteRow<Fixtures>[] = [
  { method: 'POST', route: '/programmes/:id/bulletin-import/preview', id: (f) => f.demo, body: bulletinImportBody, expect: office(200) },
  { method: 'POST', route: '/programmes/:id/bulletin-import/preview', id: (f) => f.far.programme, body: bulletinImportBody, expect: FAR_READ },
  { method: 'POST', route: '/programmes/:id/bulletin-import/apply', id: (f) => f.demo, body: () => ({ ...bulletinImportBody(), period: 'M01', accept: [] }), expect: office(200) },
  { method: 'POST', route: '/programmes/:id/bulletin-import/apply', id: (f) => f.far.programme, body: () => ({ ...bulletinImportBody(), period: 'M01', accept: [] }), expect: FAR_READ },
];

// biome-ignore format: a table reads best one row a line
const rows: RouteRow<Fixtures>[] = [
  // System and session
  { method: 'GET', route: '/health', expect: everyone(200) },
  // A sign-in ends the session the caller brought: each signed-in caller brings one of its own to spare.
  { method: 'POST', route: '/session', as: anotherSession, body: () => ({ username: 'viewer', password: TEST_PASSWORD }), expect: everyone(200) },
  { method: 'GET', route: '/session', expect: READ },
  { method: 'DELETE', route: '/session', as: anotherSession, expect: signedIn(204) },
  { method: 'PUT', route: '/me/password', as: newAccount, body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'Changed-pass-2027' }), expect: signedIn(204) },

  // Reference data: read by all, written by the office of the jurisdiction
  { method: 'GET', route: '/jurisdictions', expect: READ },
  { method: 'GET', route: '/jurisdictions/:id', id: (f) => f.minghu, expect: READ },
  { method: 'POST', route: '/jurisdictions', body: (f) => ({ name: uniq('镇'), level: 'town', parentId: f.minghu }), expect: office(201) },
  { method: 'POST', route: '/jurisdictions', body: () => ({ name: uniq('区'), level: 'district', parentId: null }), expect: adminOnly(201) },
  { method: 'POST', route: '/jurisdictions', body: (f) => ({ name: uniq('镇'), level: 'town', parentId: far(f) }), expect: adminOnly(201) },
  { method: 'PATCH', route: '/jurisdictions/:id', id: () => fresh.town(), body: v1({ level: 'town' }), expect: office(200) },
  { method: 'PATCH', route: '/jurisdictions/:id', id: () => fresh.district(), body: v1({ level: 'district' }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/jurisdictions/:id', id: () => fresh.town(), expect: office(204) },
  { method: 'DELETE', route: '/jurisdictions/:id', id: () => fresh.district(), expect: adminOnly(204) },
  { method: 'GET', route: '/units', expect: READ },
  { method: 'GET', route: '/units/:id', id: (f) => f.eduUnit, expect: READ },
  { method: 'POST', route: '/units', body: (f) => ({ jurisdictionId: f.minghu, name: uniq('单位') }), expect: office(201) },
  { method: 'POST', route: '/units', body: (f) => ({ jurisdictionId: far(f), name: uniq('单位') }), expect: adminOnly(201) },
  { method: 'PATCH', route: '/units/:id', id: () => fresh.unit(), body: () => ({ version: 1, name: uniq('单位') }), expect: office(200) },
  { method: 'PATCH', route: '/units/:id', id: (f) => fresh.unit(far(f)), body: () => ({ version: 1, name: uniq('单位') }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/units/:id', id: () => fresh.unit(), expect: office(204) },
  { method: 'DELETE', route: '/units/:id', id: (f) => fresh.unit(far(f)), expect: adminOnly(204) },
  { method: 'GET', route: '/people', expect: READ },
  { method: 'GET', route: '/people/:id', id: (f) => f.zhou, expect: READ },
  { method: 'POST', route: '/people', body: (f) => ({ jurisdictionId: f.minghu, name: uniq('人员') }), expect: office(201) },
  { method: 'POST', route: '/people', body: (f) => ({ jurisdictionId: far(f), name: uniq('人员') }), expect: adminOnly(201) },
  { method: 'PATCH', route: '/people/:id', id: () => fresh.person(), body: v1({ title: '副区长' }), expect: office(200) },
  { method: 'PATCH', route: '/people/:id', id: (f) => fresh.person(far(f)), body: v1({ title: '副区长' }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/people/:id', id: () => fresh.person(), expect: office(204) },
  { method: 'DELETE', route: '/people/:id', id: (f) => fresh.person(far(f)), expect: adminOnly(204) },

  // Accounts: the admin's alone
  { method: 'GET', route: '/users', expect: adminOnly(200) },
  { method: 'GET', route: '/users/:id', id: (f) => f.viewerUser, expect: adminOnly(200) },
  { method: 'POST', route: '/users', body: (f) => ({ username: uniq('new'), password: TEST_PASSWORD, role: 'viewer', jurisdictionId: f.minghu }), expect: adminOnly(201) },
  { method: 'PATCH', route: '/users/:id', id: () => fresh.user(), body: v1({ displayName: '新名字' }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/users/:id', id: () => fresh.user(), expect: adminOnly(204) },

  // Programmes and their categories
  { method: 'GET', route: '/programmes', expect: READ },
  { method: 'GET', route: '/programmes/:id', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id', id: (f) => f.draft, expect: DRAFT },
  { method: 'GET', route: '/programmes/:id', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'GET', route: '/programmes/:id/tree', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/tree', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'GET', route: '/programmes/:id/export', id: (f) => f.demo, expect: WHOLE_LIST },
  { method: 'GET', route: '/programmes/:id/export', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'POST', route: '/programmes/import', body: () => buildProgrammeDocument({ jurisdiction: '明湖区', title: uniq('导入') }), expect: office(201) },
  { method: 'POST', route: '/programmes/import', body: () => buildProgrammeDocument({ jurisdiction: '远山区', title: uniq('导入') }), expect: adminOnly(201) },
  { method: 'POST', route: '/programmes/:id/reimport/preview', id: () => fresh.programme(), body: () => buildProgrammeDocument({ jurisdiction: '明湖区' }), expect: office(200) },
  { method: 'POST', route: '/programmes/:id/reimport/preview', id: (f) => fresh.programme(far(f)), body: () => buildProgrammeDocument({ jurisdiction: '远山区' }), expect: adminOnly(200) },
  { method: 'POST', route: '/programmes/:id/reimport', id: () => fresh.programme(), body: () => buildProgrammeDocument({ jurisdiction: '明湖区' }), expect: office(200) },
  { method: 'POST', route: '/programmes/:id/reimport', id: (f) => fresh.programme(far(f)), body: () => buildProgrammeDocument({ jurisdiction: '远山区' }), expect: adminOnly(200) },
  { method: 'POST', route: '/programmes/import/preview', body: () => ({ text: '测试区2030年民心工程\n一、新建社区食堂。新建3处。\n二、改造老旧小区。改造12个。', jurisdiction: '明湖区' }), expect: office(200) },
  { method: 'POST', route: '/programmes', body: (f) => ({ jurisdictionId: f.minghu, year: 2027, title: uniq('工程') }), expect: office(201) },
  { method: 'POST', route: '/programmes', body: (f) => ({ jurisdictionId: far(f), year: 2027, title: uniq('工程') }), expect: adminOnly(201) },
  { method: 'PATCH', route: '/programmes/:id', id: () => fresh.programme(), body: v1({ title: '改名工程' }), expect: office(200) },
  { method: 'PATCH', route: '/programmes/:id', id: (f) => fresh.programme(far(f)), body: v1({ title: '改名工程' }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/programmes/:id', id: () => fresh.programme(), expect: office(204) },
  { method: 'DELETE', route: '/programmes/:id', id: (f) => fresh.programme(far(f)), expect: adminOnly(204) },
  { method: 'POST', route: '/programmes/:id/categories', id: () => fresh.programme(), body: () => ({ title: '大项' }), expect: office(201) },
  { method: 'POST', route: '/programmes/:id/categories', id: (f) => f.far.programme, body: () => ({ title: '大项' }), expect: adminOnly(201) },
  { method: 'GET', route: '/categories/:id', id: (f) => f.own.category, expect: READ },
  { method: 'GET', route: '/categories/:id', id: (f) => f.far.category, expect: FAR_READ },
  { method: 'PATCH', route: '/categories/:id', id: () => fresh.category(), body: v1({ title: '改名大项' }), expect: office(200) },
  { method: 'PATCH', route: '/categories/:id', id: (f) => fresh.category(far(f)), body: v1({ title: '改名大项' }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/categories/:id', id: () => fresh.category(), expect: office(204) },
  { method: 'DELETE', route: '/categories/:id', id: (f) => fresh.category(far(f)), expect: adminOnly(204) },
  { method: 'POST', route: '/categories/:id/items', id: () => fresh.category(), body: () => ({ name: '新子项' }), expect: office(201) },
  { method: 'POST', route: '/categories/:id/items', id: (f) => fresh.category(far(f)), body: () => ({ name: '新子项' }), expect: adminOnly(201) },

  // Items and what hangs off them
  { method: 'GET', route: '/items/:id', id: (f) => f.own.item, expect: READ },
  { method: 'GET', route: '/items/:id', id: (f) => f.other.item, expect: OTHER_ITEM },
  { method: 'GET', route: '/items/:id', id: (f) => f.far.item, expect: FAR_READ },
  { method: 'PATCH', route: '/items/:id', id: () => fresh.item(), body: v1({ name: '改名子项' }), expect: office(200) },
  { method: 'PATCH', route: '/items/:id', id: (f) => fresh.item(far(f)), body: v1({ name: '改名子项' }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/items/:id', id: () => fresh.item(), expect: office(204) },
  { method: 'DELETE', route: '/items/:id', id: (f) => fresh.item(far(f)), expect: adminOnly(204) },
  { method: 'POST', route: '/items/:id/units', id: () => fresh.item(), body: (f) => ({ unitId: f.eduUnit, role: 'lead' }), expect: office(201) },
  { method: 'POST', route: '/items/:id/units', id: (f) => fresh.item(far(f)), body: (f) => ({ unitId: f.far.unit, role: 'lead' }), expect: adminOnly(201) },
  { method: 'GET', route: '/item-units/:id', id: (f) => f.own.itemUnit, expect: READ },
  { method: 'GET', route: '/item-units/:id', id: (f) => f.other.itemUnit, expect: OTHER_ITEM },
  { method: 'PATCH', route: '/item-units/:id', id: () => fresh.itemUnit(), body: v1({ role: 'co' }), expect: office(200) },
  { method: 'DELETE', route: '/item-units/:id', id: () => fresh.itemUnit(), expect: office(204) },
  { method: 'POST', route: '/items/:id/persons', id: () => fresh.item(), body: (f) => ({ personId: f.zhou }), expect: office(201) },
  { method: 'GET', route: '/item-persons/:id', id: (f) => f.own.itemPerson, expect: READ },
  { method: 'GET', route: '/item-persons/:id', id: (f) => f.other.itemPerson, expect: OTHER_ITEM },
  { method: 'PATCH', route: '/item-persons/:id', id: () => fresh.itemPerson(), body: v1({ position: 5 }), expect: office(200) },
  { method: 'DELETE', route: '/item-persons/:id', id: () => fresh.itemPerson(), expect: office(204) },
  { method: 'POST', route: '/items/:id/leaders', id: () => fresh.item(), body: (f) => ({ personId: f.zhou }), expect: office(201) },
  { method: 'GET', route: '/item-leaders/:id', id: (f) => f.own.itemLeader, expect: READ },
  { method: 'GET', route: '/item-leaders/:id', id: (f) => f.other.itemLeader, expect: OTHER_ITEM },
  { method: 'PATCH', route: '/item-leaders/:id', id: () => fresh.itemLeader(), body: v1({ position: 5 }), expect: office(200) },
  { method: 'DELETE', route: '/item-leaders/:id', id: () => fresh.itemLeader(), expect: office(204) },
  { method: 'POST', route: '/items/:id/milestones', id: () => fresh.item(), body: () => ({ period: 'Q2', text: '开工建设' }), expect: office(201) },
  { method: 'POST', route: '/items/:id/milestones', id: (f) => fresh.item(far(f)), body: () => ({ period: 'Q2', text: '开工建设' }), expect: adminOnly(201) },
  { method: 'GET', route: '/milestones/:id', id: (f) => f.own.milestone, expect: READ },
  { method: 'GET', route: '/milestones/:id', id: (f) => f.other.milestone, expect: OTHER_ITEM },
  { method: 'GET', route: '/milestones/:id', id: (f) => fresh.milestone(far(f)), expect: FAR_READ },
  { method: 'PATCH', route: '/milestones/:id', id: () => fresh.milestone(), body: v1({ text: '完成招标' }), expect: office(200) },
  { method: 'PATCH', route: '/milestones/:id', id: (f) => fresh.milestone(far(f)), body: v1({ text: '完成招标' }), expect: adminOnly(200) },
  { method: 'DELETE', route: '/milestones/:id', id: () => fresh.milestone(), expect: office(204) },
  { method: 'POST', route: '/items/:id/indicators', id: () => fresh.item(), body: () => ({ name: '新增学位', unit: '个', target: 1620 }), expect: office(201) },
  { method: 'GET', route: '/indicators/:id', id: (f) => f.own.indicator, expect: READ },
  { method: 'GET', route: '/indicators/:id', id: (f) => f.other.indicator, expect: OTHER_ITEM },
  { method: 'PATCH', route: '/indicators/:id', id: () => fresh.indicator(), body: v1({ target: 5 }), expect: office(200) },
  { method: 'DELETE', route: '/indicators/:id', id: () => fresh.indicator(), expect: office(204) },

  // The audit trail
  { method: 'GET', route: '/history', expect: adminOnly(200) },
  { method: 'GET', route: '/history', query: (f) => `programmeId=${f.demo}`, expect: WHOLE_LIST },
  { method: 'GET', route: '/history', query: (f) => `programmeId=${f.far.programme}`, expect: FAR_READ },
  { method: 'GET', route: '/history', query: (f) => `entityType=unit&entityId=${f.eduUnit}`, expect: office(200) },
  { method: 'GET', route: '/history', query: (f) => `entityType=unit&entityId=${f.far.unit}`, expect: adminOnly(200) },
  { method: 'GET', route: '/items/:id/history', id: (f) => f.own.item, expect: READ },
  { method: 'GET', route: '/items/:id/history', id: (f) => f.other.item, expect: OTHER_ITEM },
  { method: 'GET', route: '/items/:id/history', id: (f) => f.far.item, expect: FAR_READ },

  // Calendar, reporting plan and status against plan (issue 4)
  { method: 'GET', route: '/calendar', query: () => 'year=2026', expect: READ },
  { method: 'POST', route: '/calendar/days', body: () => ({ date: nextCalendarDate(), kind: 'holiday', name: '测试假日' }), expect: office(201) },
  { method: 'PATCH', route: '/calendar/days/:id', id: () => freshCalendarDay(), body: v1({ name: '改名假日' }), expect: office(200) },
  { method: 'DELETE', route: '/calendar/days/:id', id: () => freshCalendarDay(), expect: office(204) },
  { method: 'GET', route: '/programmes/:id/reporting-plan', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/reporting-plan', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'PUT', route: '/programmes/:id/reporting-plan', id: () => fresh.programme(), body: () => ({ version: 0, dueDay: 20 }), expect: office(200) },
  { method: 'PUT', route: '/programmes/:id/reporting-plan', id: (f) => fresh.programme(far(f)), body: () => ({ version: 0, dueDay: 20 }), expect: adminOnly(200) },
  { method: 'GET', route: '/programmes/:id/status', id: (f) => f.demo, expect: READ },
  { method: 'GET', route: '/programmes/:id/status', id: (f) => f.far.programme, expect: FAR_READ },
  { method: 'GET', route: '/items/:id/progress', id: (f) => f.own.item, expect: READ },
  { method: 'GET', route: '/items/:id/progress', id: (f) => f.other.item, expect: OTHER_ITEM },
  { method: 'GET', route: '/items/:id/progress', id: (f) => f.far.item, expect: FAR_READ },

  // The public site: published programmes only, no sign-in
  { method: 'GET', route: '/public/programmes', expect: everyone(200) },
  { method: 'GET', route: '/public/programmes/:id/tree', id: (f) => f.demo, expect: everyone(200) },
  { method: 'GET', route: '/public/programmes/:id/tree', id: (f) => f.draft, expect: everyone(404) },
  { method: 'GET', route: '/public/programmes/:id/tree', id: (f) => f.far.programme, expect: everyone(404) },
  ...reportRows,
  ...noticeRows,
  ...assessmentRows,
  ...reminderRows,
  ...publishRows,
  ...feedbackRows,
  ...bulletinRows,
  ...bulletinImportRows,
];

beforeAll(async () => {
  // The table signs in well over the default 20 times a minute from one address.
  ctx = await createTestApp({ MINXIN_LOGIN_RATE_PER_MINUTE: 10_000 });
  for (const role of ROLES) clients[role] = await signIn(ctx.app, role);
  clients.anonymous = anonymousClient(ctx.app);

  const jurisdictions = await list<{ id: number; name: string }>('/jurisdictions');
  const minghu = must(
    jurisdictions.find((j) => j.name === '明湖区'),
    '明湖区',
  ).id;
  const programmes = await list<{ id: number; jurisdictionId: number }>('/programmes');
  const demo = must(
    programmes.find((p) => p.jurisdictionId === minghu),
    'programme',
  ).id;
  const tree = await treeOf('admin', demo);
  const units = await list<{ id: number; name: string }>(`/units?jurisdictionId=${minghu}`);
  const people = await list<{ id: number; name: string; unitId: number | null }>(`/people?jurisdictionId=${minghu}`);
  const users = await list<{ id: number; username: string }>('/users');
  f = {
    minghu,
    demo,
    eduUnit: must(
      units.find((u) => u.name === '区教育局'),
      '区教育局',
    ).id,
    zhou: must(
      people.find((p) => p.name === '周文清' && p.unitId === null),
      '周文清',
    ).id,
    own: recordsOf(tree, '建成明湖区实验小学云溪校区'),
    other: recordsOf(tree, '建设社区嵌入式养老服务设施'),
    viewerUser: must(
      users.find((u) => u.username === 'viewer'),
      'viewer',
    ).id,
    draft: 0,
    far: { jurisdiction: 0, programme: 0, category: 0, item: 0, unit: 0 },
  };
  f.draft = await fresh.programme();
  const farId = await make('/jurisdictions', { name: '远山区', level: 'district', parentId: null });
  const programme = await fresh.programme(farId);
  const category = await make(`/programmes/${programme}/categories`, { title: '民生保障' });
  const item = await make(`/categories/${category}/items`, { name: '新建远山区中心小学' });
  f.far = { jurisdiction: farId, programme, category, item, unit: await fresh.unit(farId) };
  rf = await reportFixtures();
});
afterAll(() => ctx?.close());

describe('who may call which route', () => {
  it('has a row for every /api/v1 route the app serves, and none for a route it does not', () => {
    const served = apiRoutes(ctx.app);
    const inTable = new Set(rows.map((r) => `${r.method} ${r.route}`));
    expect(served.filter((route) => !inTable.has(route))).toEqual([]);
    expect([...inTable].filter((route) => !served.includes(route))).toEqual([]);
  });

  it('gives each role the status of the table, with a Chinese message on every refusal', async () => {
    expect(await checkRows(rows, clients, f)).toEqual([]);
  }, 240_000);

  it('keeps a supervisor of 明湖区 from moving an item into a category of 远山区', async () => {
    const item = await fresh.item();
    const moved = await clients.supervisor.patch(`/api/v1/items/${item}`, { version: 1, categoryId: f.far.category });
    expect([400, 403], moved.body).toContain(moved.statusCode);
    expect((await clients.admin.get(`/api/v1/items/${item}`)).statusCode).toBe(200);
  });

  it('keeps a supervisor of 明湖区 from moving one of its towns under 远山区', async () => {
    const town = await fresh.town();
    const body = { version: 1, parentId: f.far.jurisdiction };
    const rehomed = await clients.supervisor.patch(`/api/v1/jurisdictions/${town}`, body);
    expect(rehomed.statusCode, rehomed.body).toBe(403);
    const after = (await clients.admin.get(`/api/v1/jurisdictions/${town}`)).json() as { parentId: number };
    expect(after.parentId).toBe(f.minghu);
  });
});

describe('what each role sees inside what it may read', () => {
  const ids = async (who: Who, url: string) =>
    ((await clients[who].get(`/api/v1${url}`)).json() as { items: { id: number }[] }).items.map((p) => p.id);
  const itemIds = async (who: Who) => flatten(await treeOf(who, f.demo)).map(({ item }) => item.id);
  const linked = {
    reporter: (item: ItemNode) => item.units.some((u) => u.unitId === f.eduUnit),
    leader: (item: ItemNode) => item.leaders.some((l) => l.personId === f.zhou),
  };

  it('shows the public only published programmes', async () => {
    const published = await ids('anonymous', '/public/programmes');
    expect(published).toContain(f.demo);
    expect(published).not.toContain(f.draft);
    expect(published).not.toContain(f.far.programme);
    expect((await clients.anonymous.get(`/api/v1/public/programmes/${f.draft}/tree`)).statusCode).toBe(404);
  });

  it('lists for each role only the programmes it may read', async () => {
    for (const who of ['supervisor', 'viewer'] as const) {
      const seen = await ids(who, '/programmes');
      expect(seen, who).toEqual(expect.arrayContaining([f.demo, f.draft]));
      expect(seen, who).not.toContain(f.far.programme);
    }
    for (const who of ['reporter', 'leader'] as const) {
      const seen = await ids(who, '/programmes');
      expect(seen, who).toContain(f.demo);
      expect(seen, who).not.toContain(f.draft);
      expect(seen, who).not.toContain(f.far.programme);
      for (const id of seen) {
        const touched = flatten(await treeOf('admin', id)).some(({ item }) => linked[who](item));
        expect(touched, `${who} lists programme ${id}`).toBe(true);
      }
    }
    expect(await ids('admin', '/programmes')).toEqual(expect.arrayContaining([f.demo, f.draft, f.far.programme]));
  });

  it('shows a reporter the items of its unit (with their parents and parts), a leader those it supervises', async () => {
    const whole = flatten(await treeOf('admin', f.demo));
    const descendants = (item: ItemNode): ItemNode[] => item.children.flatMap((c) => [c, ...descendants(c)]);
    const touching = (test: (item: ItemNode) => boolean) =>
      whole
        .filter(({ item, parent }) => [item, ...(parent ? [parent] : []), ...descendants(item)].some(test))
        .map(({ item }) => item.id);
    const ofUnit = touching(linked.reporter);
    const ofLeader = touching(linked.leader);

    expect((await itemIds('reporter')).sort()).toEqual(ofUnit.sort());
    expect((await itemIds('leader')).sort()).toEqual(ofLeader.sort());
    expect(ofUnit).toContain(f.own.item);
    expect(ofUnit).not.toContain(f.other.item);
    expect(ofLeader).not.toContain(f.other.item);
    expect(ofUnit.length).toBeLessThan(whole.length);
    expect((await itemIds('viewer')).length).toBe(whole.length);
    expect((await itemIds('supervisor')).length).toBe(whole.length);
  });

  it('hides from a reporter and a leader the categories their tree leaves out', async () => {
    const all = (await treeOf('admin', f.demo)).categories.map((c) => c.id);
    for (const who of ['reporter', 'leader'] as const) {
      const shown = new Set((await treeOf(who, f.demo)).categories.map((c) => c.id));
      const hidden = all.filter((id) => !shown.has(id));
      expect(hidden.length, `${who} sees every category`).toBeGreaterThan(0);
      for (const id of hidden) {
        const { statusCode } = await clients[who].get(`/api/v1/categories/${id}`);
        expect(statusCode, `${who} GET /categories/${id}`).toBe(404);
      }
    }
  });
});
