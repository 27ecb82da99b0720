/**
 * Two units of 明湖区 on a published programme of their own: A (区教育局, the
 * demo reporter's unit) and B (区民政局, with a reporter of its own). B gets a
 * record of every kind a unit has: drafts, submitted, returned and approved
 * reports with evidence files, a notice it answered, an inspection, a
 * resident's comment waiting for moderation, a score adjustment, inbox
 * messages. Every text of B that only B and the office may read carries
 * MARK, so a response that shows one to A has leaked it.
 */
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { answerOf } from '../../src/core/publish/challenge.js';
import { openFeedbackForm } from '../../src/server/use-cases/feedback/open-feedback-form.js';
import { submitFeedback } from '../../src/server/use-cases/feedback/submit-feedback.js';
import { type Client, signIn, TEST_PASSWORD, type TestContext } from '../../test/helpers/app.js';
import { rows } from './lib.js';

export const MARK = 'B单位机密';

export interface UnitWorld {
  programme: number;
  category: number;
  unitA: number;
  unitB: number;
  /** The demo reporter of unit A. */
  userA: number;
  userB: number;
  itemA: number;
  itemB: number;
  /** Led by A, B a co-unit: A may read the item, never B's drafts on it. */
  shared: number;
  /** B's records by the route segment that names them (`reports`, `items`, …). */
  ofB: Record<string, number[]>;
  /** A's own draft on itemA: writes to it by A are allowed. */
  draftA: number;
  reporterB: Client;
}

async function ok<T>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  what: string,
): Promise<T> {
  const r = await response;
  if (r.statusCode >= 300) throw new Error(`setup ${what}: ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function pngForm(fileName: string): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
  const boundary = '----minxinUnitWorld';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), png, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function buildUnitWorld(ctx: TestContext, admin: Client): Promise<UnitWorld> {
  const list = async <T>(url: string) => (await ok<{ items: T[] }>(admin.get(`/api/v1${url}`), url)).items;
  const post = <T = { id: number; version: number }>(url: string, body: unknown, as = admin) =>
    ok<T>(as.post(`/api/v1${url}`, body), `POST ${url}`);

  const minghu = (await list<{ id: number; name: string }>('/jurisdictions')).find((j) => j.name === '明湖区')?.id;
  const units = await list<{ id: number; name: string }>(`/units?jurisdictionId=${minghu}`);
  const unitA = units.find((u) => u.name === '区教育局')?.id ?? 0;
  const unitB = units.find((u) => u.name === '区民政局')?.id ?? 0;
  const users = await list<{ id: number; username: string }>('/users');
  const userA = users.find((u) => u.username === 'reporter')?.id ?? 0;
  const userB = (
    await post('/users', { username: 'mz-reporter', password: TEST_PASSWORD, role: 'reporter', unitId: unitB })
  ).id;
  const reporterB = await signIn(ctx.app, 'mz-reporter');
  const reporterA = await signIn(ctx.app, 'reporter');

  const year = Number(new Date().toISOString().slice(0, 4));
  const programme = (await post('/programmes', { jurisdictionId: minghu, year, title: '单位隔离测试工程' })).id;
  await ok(admin.patch(`/api/v1/programmes/${programme}`, { version: 1, state: 'published' }), 'publish');
  const category = (await post(`/programmes/${programme}/categories`, { title: '隔离测试' })).id;
  const item = async (name: string, lead: number, co?: number) => {
    const id = (await post(`/categories/${category}/items`, { name })).id;
    await post(`/items/${id}/units`, { unitId: lead, role: 'lead' });
    if (co) await post(`/items/${id}/units`, { unitId: co, role: 'co' });
    return id;
  };
  const itemA = await item('A单位子项', unitA);
  const itemB = await item('B单位子项', unitB);
  const shared = await item('A牵头B配合子项', unitA, unitB);
  const people = await list<{ id: number; name: string }>(`/people?jurisdictionId=${minghu}`);
  const person = people[0]?.id ?? 0;
  const milestone = (await post(`/items/${itemB}/milestones`, { period: 'Q4', text: '完成建设' })).id;
  const indicator = (await post(`/items/${itemB}/indicators`, { name: '床位', unit: '张', target: 100 })).id;
  const itemPerson = (await post(`/items/${itemB}/persons`, { personId: person })).id;
  const itemLeader = (await post(`/items/${itemB}/leaders`, { personId: person })).id;
  const itemUnits = await rows<{ id: number }>(
    ctx.database.db,
    sql`select id from item_units where item_id = ${itemB} order by id`,
  );

  // B's reports: a draft with evidence, one submitted, one returned, one approved (public: no MARK).
  const upload = await ok<{ sha256: string; fileName: string }>(
    reporterB.request({ method: 'POST', url: '/api/v1/files', ...(await pngForm(`${MARK}现场.png`)) }),
    'upload',
  );
  const attachments = [{ sha256: upload.sha256, fileName: upload.fileName }];
  const text = (what: string) => ({
    progress: `${MARK}${what}进展`,
    problems: `${MARK}问题`,
    nextSteps: `${MARK}下一步`,
  });
  const draft = await post(`/items/${itemB}/reports`, { period: 'M01', ...text('草稿'), attachments }, reporterB);
  const sharedDraft = await post(
    `/items/${shared}/reports`,
    { period: 'M01', ...text('配合草稿'), attachments },
    reporterB,
  );
  const submitted = await post(`/items/${itemB}/reports`, { period: 'M02', ...text('已报'), submit: true }, reporterB);
  const returned = await post(`/items/${itemB}/reports`, { period: 'M03', ...text('退回'), submit: true }, reporterB);
  await post(`/reports/${returned.id}/return`, { version: returned.version, reason: `${MARK}退回原因` });
  const approved = await post(
    `/items/${itemB}/reports`,
    { period: 'M04', progress: '已批准公开', submit: true },
    reporterB,
  );
  await post(`/reports/${approved.id}/approve`, { version: approved.version });
  const draftA = (await post(`/items/${itemA}/reports`, { period: 'M01', progress: 'A草稿' }, reporterA)).id;
  const reportIds = [draft.id, sharedDraft.id, submitted.id, returned.id, approved.id];
  const attachmentIds = await rows<{ id: number }>(
    ctx.database.db,
    sql`select id from attachments where owner_type = 'report' and owner_id in (${draft.id}, ${sharedDraft.id}) order by id`,
  );

  const notice = await post(`/items/${itemB}/notices`, {
    unitId: unitB,
    reason: `${MARK}督办原因`,
    requiredAction: `${MARK}整改要求`,
    replyDue: inDays(10),
  });
  await post(`/notices/${notice.id}/reply`, { version: notice.version, reply: `${MARK}反馈` }, reporterB);
  const inspection = await post(`/items/${itemB}/inspections`, {
    date: inDays(0),
    inspectors: `${MARK}督查组`,
    findings: `${MARK}发现`,
    followUp: `${MARK}跟进`,
  });
  const adjustment = await post(`/programmes/${programme}/assessment/adjustments`, {
    unitId: unitB,
    points: -1,
    reason: `${MARK}扣分原因`,
  });

  // A resident's comment on B's item, waiting for moderation (a form opened ten seconds ago).
  const now = Date.now();
  const form = await openFeedbackForm(ctx.database.db, programme, itemB, { now: now - 10_000 });
  if (!form) throw new Error('setup: no feedback form for item B');
  const feedback = await submitFeedback(ctx.database.db, {
    programmeId: programme,
    itemId: itemB,
    body: {
      rating: '2',
      comment: `${MARK}居民留言`,
      token: form.challenge.token,
      answer: String(answerOf(form.challenge.claims)),
    },
    clientAddress: '192.0.2.1',
    now,
  });
  if (feedback.kind !== 'accepted' || feedback.id === null) throw new Error(`setup feedback: ${feedback.kind}`);
  const inbox = await rows<{ id: number }>(
    ctx.database.db,
    sql`select id from inbox_messages where user_id = ${userB}`,
  );

  return {
    programme,
    category,
    unitA,
    unitB,
    userA,
    userB,
    itemA,
    itemB,
    shared,
    draftA,
    reporterB,
    ofB: {
      reports: reportIds,
      items: [itemB],
      attachments: attachmentIds.map((r) => Number(r.id)),
      notices: [notice.id],
      inspections: [inspection.id],
      feedback: [feedback.id],
      'assessment-adjustments': [adjustment.id],
      'item-units': itemUnits.map((r) => Number(r.id)),
      milestones: [milestone],
      indicators: [indicator],
      'item-persons': [itemPerson],
      'item-leaders': [itemLeader],
      units: [unitB],
      users: [userB],
      me: inbox.map((r) => Number(r.id)),
    },
  };
}
