import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemNode, ProgrammeTree } from '../../src/core/tree.js';
import { pinBusinessDate } from '../../src/core/work/calendar.js';
import { feedback } from '../../src/db/schema-publish.js';
import { reports } from '../../src/db/schema-work.js';
import { type Client, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import { buildItem, buildProgrammeDocument } from '../helpers/factories.js';
import { apiRoutes } from '../helpers/routes.js';

/**
 * Nothing internal reaches the public: every /p/ page and file and every
 * public JSON route is read, in every reading mode, and searched for marker
 * strings planted in drafts, submitted and returned reports, return reasons,
 * problems, next steps, unmoderated comments and an unpublished programme.
 * The approved progress text must appear, so the search is known to look.
 */

let ctx: TestContext;
let admin: Client;
const ids = { published: 0, unpublished: 0, publishedItems: [] as number[], unpublishedItems: [] as number[] };

/** ASCII, so 繁體 and pinyin leave them as they are. */
const MARKERS = {
  draft: 'ZQXDRAFTPROGRESS',
  submitted: 'ZQXSUBMITTEDPROGRESS',
  returned: 'ZQXRETURNEDPROGRESS',
  returnReason: 'ZQXRETURNREASON',
  problems: 'ZQXPROBLEMS',
  nextSteps: 'ZQXNEXTSTEPS',
  pendingComment: 'ZQXPENDINGCOMMENT',
  rejectedComment: 'ZQXREJECTEDCOMMENT',
  rejectReason: 'ZQXREJECTREASON',
  unpublishedTitle: 'ZQXUNPUBLISHEDTITLE',
  unpublishedItem: 'ZQXUNPUBLISHEDITEM',
  unpublishedProgress: 'ZQXUNPUBLISHEDPROGRESS',
} as const;
const APPROVED = 'ZQXAPPROVEDPROGRESS';

const flatten = (items: readonly ItemNode[]): ItemNode[] => items.flatMap((i) => [i, ...flatten(i.children)]);

async function importProgramme(doc: ReturnType<typeof buildProgrammeDocument>, publish: boolean) {
  const created = await admin.post('/api/v1/programmes/import', doc);
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as { id: number }).id;
  if (publish) expect((await admin.post(`/api/v1/programmes/${id}/publish`)).statusCode).toBe(200);
  const tree = (await admin.get(`/api/v1/programmes/${id}/tree`)).json() as ProgrammeTree;
  const nodes = tree.categories.flatMap((c) => flatten(c.items));
  return { id, nodes };
}

type ReportState = 'draft' | 'submitted' | 'returned' | 'approved';

async function report(programmeId: number, node: ItemNode, period: string, state: ReportState, extra: object) {
  await ctx.database.db.insert(reports).values({
    programmeId,
    itemId: node.id,
    unitId: node.units[0]?.unitId ?? 0,
    period,
    state,
    claimedStatus: 'in_progress',
    ...(state === 'approved' ? { reviewedAt: '2030-07-05T10:00:00+08:00' } : {}),
    ...extra,
  });
}

/** The text of a response; an xlsx (zip) is opened and its XML parts joined. */
function textOf(response: { rawPayload: Buffer; headers: Record<string, unknown> }): string {
  const raw = response.rawPayload;
  if (raw[0] === 0x50 && raw[1] === 0x4b) {
    const files = unzipSync(new Uint8Array(raw));
    return Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
  }
  return raw.toString('utf8');
}

/** Every concrete URL for a route template, with the ids of both programmes and their items. */
function urlsFor(template: string): string[] {
  if (template.includes('*')) return [template.replace('*', 'anything')];
  const pairs = [
    { id: ids.published, items: ids.publishedItems },
    { id: ids.unpublished, items: ids.unpublishedItems },
  ];
  const out = new Set<string>();
  for (const { id, items } of pairs) {
    const withId = template.replace(':id', String(id)).replace(':seq', '1').replace(':name', 'public.css');
    if (withId.includes(':itemId')) for (const item of items) out.add(withId.replace(':itemId', String(item)));
    else out.add(withId);
  }
  // /api/v1/public/items/:id/… takes an item id.
  if (template.includes('/items/:id'))
    for (const item of [...ids.publishedItems, ...ids.unpublishedItems])
      out.add(template.replace(':id', String(item)).replace(':seq', '1'));
  return [...out];
}

beforeAll(async () => {
  pinBusinessDate('2030-07-15');
  ctx = await createTestApp({ MINXIN_LOG_LEVEL: 'error' });
  admin = await signIn(ctx.app, 'admin');

  const published = await importProgramme(
    buildProgrammeDocument({ title: '明湖区2030年泄露测试', jurisdiction: '明湖区' }),
    true,
  );
  ids.published = published.id;
  ids.publishedItems = published.nodes.map((n) => n.id);
  const [first, second, third] = published.nodes;
  if (!first || !second || !third) throw new Error('test programme incomplete');
  await report(published.id, first, 'Q2', 'approved', {
    progress: `已建成两处${APPROVED}`,
    problems: `资金不足${MARKERS.problems}`,
    nextSteps: `加快施工${MARKERS.nextSteps}`,
    percentComplete: 60,
  });
  await report(published.id, first, 'M07', 'draft', { progress: `草稿${MARKERS.draft}` });
  await report(published.id, second, 'Q2', 'submitted', { progress: `待审${MARKERS.submitted}` });
  await report(published.id, third, 'Q2', 'returned', {
    progress: `退回${MARKERS.returned}`,
    returnReason: `数据有误${MARKERS.returnReason}`,
  });
  await ctx.database.db.insert(feedback).values([
    { programmeId: published.id, itemId: first.id, rating: 2, comment: MARKERS.pendingComment, clientHash: 'a' },
    {
      programmeId: published.id,
      itemId: first.id,
      rating: 1,
      comment: MARKERS.rejectedComment,
      state: 'rejected',
      rejectReason: MARKERS.rejectReason,
      clientHash: 'b',
    },
  ]);

  const unpublished = await importProgramme(
    buildProgrammeDocument({
      title: `明湖区2030年${MARKERS.unpublishedTitle}`,
      jurisdiction: '明湖区',
      categories: [
        { ordinal: 1, title: '未公开', items: [buildItem({ name: `未公开项目${MARKERS.unpublishedItem}` })] },
      ],
    }),
    false,
  );
  ids.unpublished = unpublished.id;
  ids.unpublishedItems = unpublished.nodes.map((n) => n.id);
  const hidden = unpublished.nodes[0];
  if (!hidden) throw new Error('unpublished programme incomplete');
  await report(unpublished.id, hidden, 'Q2', 'approved', { progress: `已完成${MARKERS.unpublishedProgress}` });

  // A published bulletin, drafted from these data (it must hold the approved text only).
  const draft = await admin.post(`/api/v1/programmes/${published.id}/bulletins`, { cutoff: '2030-07-15' });
  expect(draft.statusCode, draft.body).toBe(201);
  const bulletin = draft.json() as { id: number };
  const done = await admin.post(`/api/v1/bulletins/${bulletin.id}/publish`, {});
  expect(done.statusCode, done.body).toBe(200);
}, 120_000);
afterAll(async () => {
  pinBusinessDate(null);
  await ctx?.close();
});

describe('what the public can read', () => {
  it('never holds drafts, unapproved or returned reports, internal notes, unmoderated comments or unpublished lists', async () => {
    const pageRoutes = apiRoutes(ctx.app, '/p')
      .filter((r) => r.startsWith('GET '))
      .map((r) => `/p${r.slice(4)}`);
    const jsonRoutes = apiRoutes(ctx.app)
      .filter((r) => r.startsWith('GET /public'))
      .map((r) => `/api/v1${r.slice(4)}`);
    expect(pageRoutes).toEqual(expect.arrayContaining(['/p/:id', '/p/:id/items/:itemId']));
    expect(jsonRoutes.length).toBeGreaterThanOrEqual(2);

    const urls = ['/p/', ...[...pageRoutes, ...jsonRoutes].flatMap(urlsFor)];
    const modes = ['', 'minxin_prefs=elder.hant.py'];
    let approvedSeen = 0;
    let ok = 0;
    for (const url of urls)
      for (const cookie of modes) {
        const response = await ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
        expect(response.statusCode, url).toBeLessThan(500);
        if (response.statusCode === 200) ok++;
        const text = textOf(response);
        for (const [name, marker] of Object.entries(MARKERS))
          expect(text.includes(marker), `${name} leaked at ${url} (${cookie || 'plain'})`).toBe(false);
        if (text.includes(APPROVED)) approvedSeen++;
      }
    // The card, the item page, the bulletin, the status files and the public JSON show the approved text.
    expect(approvedSeen).toBeGreaterThanOrEqual(6);
    expect(ok).toBeGreaterThan(20);
  });

  it('shows the approved progress text on the report card and the item page', async () => {
    const card = await ctx.app.inject({ method: 'GET', url: `/p/${ids.published}` });
    expect(card.body).toContain(APPROVED);
    const item = await ctx.app.inject({ method: 'GET', url: `/p/${ids.published}/items/${ids.publishedItems[0]}` });
    expect(item.body).toContain(APPROVED);
    expect((await ctx.app.inject({ method: 'GET', url: `/p/${ids.unpublished}` })).statusCode).toBe(404);
  });
});
