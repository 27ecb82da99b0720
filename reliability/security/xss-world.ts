/**
 * A programme whose every free text a person can write is hostile: names and
 * texts of the programme, its categories, items, milestones and indicators,
 * jurisdictions, units, people and accounts, reports (progress, problems,
 * next steps, return reasons, file names), notices (reasons, required
 * actions, replies, notes), inspections, score adjustments, bulletins,
 * calendar days, channels and residents' comments (sent through the public
 * form, then approved). Built through the HTTP API of a running server, as
 * the office, the units' reporters and a resident would.
 */
import { SUITE_TODAY } from '../lib.js';

/** Each sets `__xss` or opens a dialog if it ever runs; short enough for a 50-character name. */
export const PAYLOADS = [
  '<script>__xss=1</script>',
  '<img src=x onerror=alert(2)>',
  'javascript:__xss=3//',
  '"><svg onload=alert(4)>',
  "{{constructor.constructor('__xss=5')()}}",
] as const;
/** All of them in one text, for the fields with room. */
export const ALL = PAYLOADS.join(' ');

export interface Session {
  cookie: string;
  csrfToken: string;
}

export interface XssWorld {
  programme: number;
  items: number[];
  jurisdiction: number;
  notices: number[];
  reports: { approved: number[]; returned: number[] };
  bulletin: number;
  /** Reporter accounts of the five units, and their passwords. */
  reporters: { username: string; password: string }[];
  /** Every secret the server was given or gave out while building: none may reach its log. */
  secrets: string[];
  /** `field: payloads written into it`, for the figures. */
  fields: Map<string, number>;
}

export class Api {
  constructor(
    readonly url: string,
    readonly session: Session,
  ) {}

  async call<T = { id: number; version: number }>(method: string, path: string, body?: unknown): Promise<T> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: {
        cookie: this.session.cookie,
        'x-csrf-token': this.session.csrfToken,
        ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: isForm ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

export async function signInAs(url: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** The smallest PNG sharp would read: 1×1 grey. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * `items`: how many items carry a year's work (reports, notices, inspections, comments); every
 * text field gets every payload either way, the names of units, people and accounts one each.
 */
export async function buildXssWorld(url: string, adminSession: Session, items = 2): Promise<XssWorld> {
  const admin = new Api(url, adminSession);
  const fields = new Map<string, number>();
  const wrote = (field: string, count: number = PAYLOADS.length) => fields.set(field, (fields.get(field) ?? 0) + count);
  const secrets = [adminSession.cookie.split('=')[1] ?? '', adminSession.csrfToken];

  const jurisdiction = (await admin.call('POST', '/jurisdictions', { name: `区${PAYLOADS[3]}`, level: 'district' })).id;
  wrote('jurisdiction.name', 1);
  const units: number[] = [];
  const people: number[] = [];
  const reporters: XssWorld['reporters'] = [];
  for (const [j, p] of PAYLOADS.entries()) {
    units.push((await admin.call('POST', '/units', { jurisdictionId: jurisdiction, name: `单位${p}` })).id);
    people.push((await admin.call('POST', '/people', { jurisdictionId: jurisdiction, name: p, title: p })).id);
    const username = `xss-reporter-${j}`;
    const password = `Xss-secret-${j}-${Math.random().toString(36).slice(2, 10)}`;
    await admin.call('POST', '/users', { username, password, displayName: p, role: 'reporter', unitId: units[j] });
    reporters.push({ username, password });
    secrets.push(password);
  }
  wrote('unit.name');
  wrote('person.name');
  wrote('person.title');
  wrote('user.displayName');

  const programme = (await admin.call('POST', '/programmes', { jurisdictionId: jurisdiction, year: 2026, title: ALL }))
    .id;
  wrote('programme.title');
  const itemIds: number[] = [];
  for (const [j, p] of PAYLOADS.slice(0, items).entries()) {
    const category = (await admin.call('POST', `/programmes/${programme}/categories`, { title: ALL })).id;
    const item = (
      await admin.call('POST', `/categories/${category}/items`, {
        name: `事项${ALL}`,
        description: ALL,
        target: ALL,
        // At most 100 characters: four payloads on the first item, the fifth on the others.
        deadline: { text: j === 0 ? PAYLOADS.slice(0, 4).join(' ') : PAYLOADS[4], date: null },
      })
    ).id;
    itemIds.push(item);
    await admin.call('POST', `/items/${item}/units`, { unitId: units[j], role: 'lead' });
    await admin.call('POST', `/items/${item}/persons`, { personId: people[j] });
    await admin.call('POST', `/items/${item}/leaders`, { personId: people[j] });
    await admin.call('POST', `/items/${item}/milestones`, { period: 'Q4', text: ALL });
    await admin.call('POST', `/items/${item}/indicators`, { name: `${ALL}${p}`, unit: PAYLOADS[2], target: 10 });
  }
  const texts5 = ['category.title', 'item.name', 'item.deadlineText', 'item.description', 'item.target'];
  for (const field of [...texts5, 'milestone.text', 'indicator.name']) wrote(field);
  wrote('indicator.unit', 1);
  await admin.call('PATCH', `/programmes/${programme}`, { version: 1, state: 'published' });

  const texts = { progress: ALL, problems: ALL, nextSteps: ALL };
  const approved: number[] = [];
  const returned: number[] = [];
  const notices: number[] = [];
  for (const [j, p] of PAYLOADS.slice(0, items).entries()) {
    const reporterSession = await signInAs(url, reporters[j]?.username ?? '', reporters[j]?.password ?? '');
    secrets.push(reporterSession.cookie.split('=')[1] ?? '', reporterSession.csrfToken);
    const reporter = new Api(url, reporterSession);
    const file = new FormData();
    // A name keeps what follows its last slash (a browser never sends a folder): the payload without slashes.
    file.append('file', new Blob([PNG], { type: 'image/png' }), `${p.replaceAll('/', '')}.png`);
    const uploaded = await reporter.call<{ sha256: string; fileName: string }>('POST', '/files', file);
    const attachments = [{ sha256: uploaded.sha256, fileName: uploaded.fileName }];
    const first = await reporter.call('POST', `/items/${itemIds[j]}/reports`, {
      period: 'M10',
      ...texts,
      attachments,
      submit: true,
    });
    await admin.call('POST', `/reports/${first.id}/approve`, { version: first.version });
    approved.push(first.id);
    const second = await reporter.call('POST', `/items/${itemIds[j]}/reports`, {
      period: 'M11',
      ...texts,
      submit: true,
    });
    await admin.call('POST', `/reports/${second.id}/return`, { version: second.version, reason: ALL });
    returned.push(second.id);

    const notice = await admin.call('POST', `/items/${itemIds[j]}/notices`, {
      unitId: units[j],
      reason: ALL,
      requiredAction: ALL,
      replyDue: '2026-12-31',
    });
    const replied = await reporter.call('POST', `/notices/${notice.id}/reply`, { version: notice.version, reply: ALL });
    const escalated = await admin.call('POST', `/notices/${notice.id}/escalate`, {
      version: replied.version,
      note: ALL,
    });
    await admin.call('POST', `/notices/${notice.id}/close`, { version: escalated.version, note: ALL });
    notices.push(notice.id);
    await admin.call('POST', `/items/${itemIds[j]}/inspections`, {
      date: SUITE_TODAY,
      inspectors: ALL,
      findings: ALL,
      followUp: ALL,
    });
    await admin.call('POST', `/programmes/${programme}/assessment/adjustments`, {
      unitId: units[j],
      points: 1,
      reason: ALL,
    });
  }
  for (const [j, p] of PAYLOADS.entries())
    await admin.call('POST', '/calendar/days', { date: `2026-12-0${j + 1}`, kind: 'holiday', name: p });
  wrote('attachment.fileName', items);
  for (const field of ['report.progress', 'report.problems', 'report.nextSteps', 'report.returnReason']) wrote(field);
  for (const field of [
    'notice.reason',
    'notice.requiredAction',
    'notice.reply',
    'notice.escalationNote',
    'notice.closeNote',
  ])
    wrote(field);
  for (const field of ['inspection.inspectors', 'inspection.findings', 'inspection.followUp', 'adjustment.reason'])
    wrote(field);
  wrote('calendarDay.name');

  // Residents' comments, through the public form as a browser without JavaScript sends it, then approved.
  const forms = await Promise.all(itemIds.map((item) => openFeedbackForm(url, programme, item)));
  await new Promise((resolve) => setTimeout(resolve, 3_200));
  for (const [j, form] of forms.entries()) {
    const body = new URLSearchParams({
      rating: '3',
      comment: ALL,
      website: '',
      answer: form.answer,
      token: form.token,
    });
    const sent = await fetch(`${url}/p/${programme}/items/${itemIds[j]}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });
    if (sent.status !== 303)
      throw new Error(`feedback on item ${itemIds[j]}: ${sent.status} ${(await sent.text()).slice(0, 300)}`);
  }
  const pending = await admin.call<{ items: { id: number; version: number }[] }>(
    'GET',
    `/feedback?programmeId=${programme}&state=pending`,
  );
  for (const [k, comment] of pending.items.entries()) {
    const decision = k === 0 ? { state: 'rejected', reason: ALL } : { state: 'approved' };
    await admin.call('PATCH', `/feedback/${comment.id}`, { version: comment.version, ...decision });
  }
  wrote('feedback.comment');
  wrote('feedback.rejectReason');

  const bulletin = await admin.call<{ id: number; version: number; body: BulletinBody }>(
    'POST',
    `/programmes/${programme}/bulletins`,
    { cutoff: '2026-11-20' },
  );
  const body: BulletinBody = {
    ...bulletin.body,
    lede: ALL,
    closing: ALL,
    source: ALL,
    sections: bulletin.body.sections.map((s) => ({
      ...s,
      heading: ALL,
      paragraphs: s.paragraphs.map((para) => ({ ...para, text: ALL })),
    })),
  };
  const edited = await admin.call('PATCH', `/bulletins/${bulletin.id}`, {
    version: bulletin.version,
    title: ALL,
    body,
  });
  await admin.call('POST', `/bulletins/${bulletin.id}/publish`, { version: edited.version });
  for (const field of [
    'bulletin.title',
    'bulletin.lede',
    'bulletin.heading',
    'bulletin.paragraph',
    'bulletin.closing',
    'bulletin.source',
  ])
    wrote(field);

  // Reminder channels: names, and the secrets no log may show.
  const dingtalkSecret = `SEC${Math.random().toString(16).slice(2)}dingtalk`;
  const accessToken = `token${Math.random().toString(16).slice(2)}robot`;
  const robot = await admin.call('POST', '/channels', {
    kind: 'dingtalk',
    name: PAYLOADS[1],
    url: `https://127.0.0.1:9/robot/send?access_token=${accessToken}`,
    secret: dingtalkSecret,
  });
  const mail = await admin.call('POST', '/channels', { kind: 'email', name: PAYLOADS[3] });
  for (const channel of [robot.id, mail.id])
    await admin.call('POST', `/channels/${channel}/test`, {}).catch(() => undefined);
  secrets.push(dingtalkSecret, accessToken);
  wrote('channel.name', 2);

  return {
    programme,
    items: itemIds,
    jurisdiction,
    notices,
    reports: { approved, returned },
    bulletin: bulletin.id,
    reporters,
    secrets,
    fields,
  };
}

interface BulletinBody {
  genre: string;
  lede: string;
  closing: string;
  source: string;
  sections: { heading: string; paragraphs: { text: string }[] }[];
}

async function openFeedbackForm(
  url: string,
  programme: number,
  item: number,
): Promise<{ token: string; answer: string }> {
  const html = await (await fetch(`${url}/p/${programme}/items/${item}/feedback`)).text();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  const question = /(\d+) (加|减) (\d+) 等于几/.exec(html);
  if (!token || !question) throw new Error(`no feedback form for item ${item}: ${html.slice(0, 300)}`);
  const [a, b] = [Number(question[1]), Number(question[3])];
  return { token: token.replace(/&amp;/g, '&'), answer: String(question[2] === '加' ? a + b : a - b) };
}
